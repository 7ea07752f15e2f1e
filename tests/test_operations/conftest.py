from tests.test_ctu_site.conftest import database_down  # noqa: F401  (shared fixture)
