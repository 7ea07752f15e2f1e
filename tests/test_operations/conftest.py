from tests.test_ctu_site.conftest import database_down  # noqa: F401  (shared fixture)
from tests.test_pages.conftest import editor, publisher  # noqa: F401  (shared staff fixtures)
