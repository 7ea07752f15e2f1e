"""The shipped edge configuration is valid for the programs that read it: Debian's nginx and
varnishd check it exactly as they would at start-up."""

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"


def run(*command) -> subprocess.CompletedProcess:
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)


def test_the_nginx_front_is_a_valid_configuration():
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists():
        pytest.fail("nginx is not installed: run scripts/ensure-edge")
    work = Path(tempfile.mkdtemp(prefix="ctu-nginx-"))
    key, cert = work / "key.pem", work / "cert.pem"
    made = run(
        "openssl",
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "1",
        "-subj",
        "/CN=localhost",
        "-keyout",
        str(key),
        "-out",
        str(cert),
    )
    assert made.returncode == 0, made.stderr
    site = (DEPLOY / "nginx" / "ctu_site.conf").read_text()
    site = site.replace("/etc/ssl/ctu_site/fullchain.pem", str(cert))
    site = site.replace("/etc/ssl/ctu_site/privkey.pem", str(key))
    (work / "site.conf").write_text(site)
    (work / "nginx.conf").write_text(
        f"pid {work}/nginx.pid;\nerror_log {work}/error.log;\nevents {{}}\n"
        f"http {{\n access_log off;\n include {work}/site.conf;\n}}\n"
    )
    checked = run(nginx, "-t", "-c", str(work / "nginx.conf"))
    shutil.rmtree(work, ignore_errors=True)
    assert checked.returncode == 0, checked.stderr
    assert "syntax is ok" in checked.stderr


def test_the_varnish_configuration_compiles_with_its_backends():
    varnishd = shutil.which("varnishd") or "/usr/sbin/varnishd"
    if not Path(varnishd).exists():
        pytest.fail("Varnish is not installed: run scripts/ensure-edge")
    vcl = DEPLOY / "varnish"
    compiled = run(varnishd, "-C", "-p", f"vcl_path={vcl}", "-f", str(vcl / "default.vcl"))
    assert compiled.returncode == 0, compiled.stderr[-2000:]


def test_the_varnish_unit_runs_the_shipped_vcl_with_parameters_varnish_accepts():
    """The systemd drop-in's -p parameters (the shared-memory log mask among them) are ones
    this Varnish knows: a misspelt tag would stop Varnish starting in production."""
    varnishd = shutil.which("varnishd") or "/usr/sbin/varnishd"
    unit = (DEPLOY / "systemd" / "varnish.service.d" / "ctu_site.conf").read_text()
    command = unit.split("ExecStart=/usr/sbin/varnishd", 1)[1].replace("\\\n", " ").split()
    assert command[command.index("-f") + 1] == "/etc/varnish/default.vcl"
    assert "127.0.0.1:6081" in command  # loopback only: nginx is the public front
    parameters = [command[i + 1] for i, word in enumerate(command) if word == "-p"]
    assert "http_gzip_support=off" in parameters
    assert any(p.startswith("vsl_mask=-") for p in parameters)
    vcl = DEPLOY / "varnish"
    arguments = [a for p in parameters for a in ("-p", p)]
    compiled = run(
        varnishd, "-C", "-p", f"vcl_path={vcl}", *arguments, "-f", str(vcl / "default.vcl")
    )
    assert compiled.returncode == 0, compiled.stderr[-2000:]


def test_every_scheduled_job_of_the_readme_has_a_systemd_unit():
    readme = (DEPLOY.parent / "README.md").read_text()
    jobs = readme.split("## Scheduled jobs", 1)[1].split("\n## ", 1)[0]
    commands = {
        line.split("`")[1].split()[1]
        for line in jobs.splitlines()
        if line.startswith("| `manage.py")
    }
    units = " ".join(p.read_text() for p in (DEPLOY / "systemd").glob("*.service"))
    assert commands
    for command in commands:
        assert f"manage.py {command}" in units, command
    assert "manage.py db_worker" in units
    assert "gunicorn ctu_site.wsgi" in units
    for timer in (DEPLOY / "systemd").glob("*.timer"):
        assert (DEPLOY / "systemd" / timer.name.replace(".timer", ".service")).exists(), timer


SECURITY_HEADERS = (
    "Content-Security-Policy",
    "Strict-Transport-Security",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
    "Permissions-Policy",
)


@pytest.mark.django_db
def test_the_mirror_sends_the_security_headers_the_site_sends(client, settings):
    settings.SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True
    site = client.get("/robots.txt", secure=True)
    conf = (DEPLOY / "nginx" / "ctu_site.conf").read_text()
    mirror = conf.split("listen 127.0.0.1:8090;", 1)[1]
    sent = dict(re.findall(r'add_header ([\w-]+) "([^"]*)" always;', mirror))
    for header in SECURITY_HEADERS:
        assert sent.get(header) == site.headers[header], header
