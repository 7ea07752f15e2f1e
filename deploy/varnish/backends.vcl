# The app servers behind the edge, for `make stack` (two gunicorn instances on loopback).
# In production, list every app server here and in the purgers acl of default.vcl.
probe health {
    # As nginx forwards it (over TLS, to the public host), or the site would redirect to https.
    .request =
        "GET /robots.txt HTTP/1.1"
        "Host: localhost"
        "X-Forwarded-Proto: https"
        "Connection: close";
    .interval = 2s;
    .timeout = 1s;
    .window = 3;
    .threshold = 2;
    # Healthy from the start: otherwise a restarted Varnish serves the mirror for a few seconds.
    .initial = 2;
}

backend app1 {
    .host = "127.0.0.1";
    .port = "8001";
    # The site's public host (ALLOWED_HOSTS): health probes without it would get a 400.
    .host_header = "localhost";
    .probe = health;
}

backend app2 {
    .host = "127.0.0.1";
    .port = "8002";
    .host_header = "localhost";
    .probe = health;
}

# The static mirror: nginx serving manage.py build_mirror's output (the mirror server of
# deploy/nginx/ctu_site.conf). No probe: it is asked only when the app servers fail.
backend mirror {
    .host = "127.0.0.1";
    .port = "8090";
}

sub vcl_init {
    new app = directors.round_robin();
    app.add_backend(app1);
    app.add_backend(app2);
}
