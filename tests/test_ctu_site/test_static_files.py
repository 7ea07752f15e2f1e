"""The compiled front end as production serves it: hashed names, every reference resolvable."""

import re

from django.core.management import call_command
from django.test import override_settings

MANIFEST_STORAGE = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "ctu_site.storage.StaticStorage"},
}


def test_collectstatic_succeeds_with_production_storage(tmp_path):
    # Manifest storage fails the whole deploy when the CSS points at a file that is not shipped
    # (as it once did with GOV.UK's crest), so run it as production does.
    with override_settings(STATIC_ROOT=tmp_path, STORAGES=MANIFEST_STORAGE):
        call_command("collectstatic", interactive=False, verbosity=0)

    css_files = list((tmp_path / "css").glob("main.*.css"))
    assert css_files, "no hashed main.css was written"
    css = css_files[0].read_text()
    for url in re.findall(r"url\(\s*[\"']?([^\"')]+)", css):
        if url.startswith("data:") or url.startswith("#"):
            continue
        assert not url.startswith(("http:", "https:", "//")), f"third-party asset in CSS: {url}"


def test_compiled_css_carries_no_gov_uk_brand():
    from django.conf import settings

    css = (settings.BASE_DIR / "static" / "css" / "main.css").read_text()
    assert "GDS Transport" not in css
    assert "@font-face" not in css
    assert "govuk-crest" not in css


def test_the_module_script_is_hashed_and_self_contained(tmp_path):
    """main.js bundles the GOV.UK Frontend components it uses, so a first visit makes one
    request for script, cached for a year under its hashed name."""
    from django.conf import settings

    assert settings.STORAGES["staticfiles"]["BACKEND"] in (
        "ctu_site.storage.StaticStorage",
        "django.contrib.staticfiles.storage.StaticFilesStorage",  # DEBUG and tests only
    )
    with override_settings(STATIC_ROOT=tmp_path, STORAGES=MANIFEST_STORAGE):
        call_command("collectstatic", interactive=False, verbosity=0)
    (main,) = [p for p in (tmp_path / "js").glob("main.*.js") if p.name.count(".") == 2]
    assert re.fullmatch(r"main\.[0-9a-f]{12}\.js", main.name)
    assert not re.findall(r'from\s*"([^"]+)"', main.read_text())
    assert not list((tmp_path / "js").glob("govuk-frontend*"))
