vcl 4.1;
# The edge cache in front of the site (Debian's Varnish 7). It honours the site's own headers:
# Cache-Control public/s-maxage/stale-while-revalidate from cached public pages, private or
# no-store from everything staff, forms and the referral journey send. Purges arrive as BAN
# requests from the app servers (core/edge.py) and ban by the pages' xkey header.
#
# Run as deploy/systemd/varnish.service.d/ctu_site.conf says: -p http_gzip_support=off
# (the site compresses each page once itself, gzip and brotli; Varnish keeps one copy per
# normalised Accept-Encoding instead of recompressing).
#
# deploy/varnish/backends.vcl names the app servers and the static mirror (nginx serving what
# manage.py build_mirror writes): when no app server answers, GET and HEAD are answered from the
# mirror, as GOV.UK's CDN falls back to its mirrors; a form sent then is told to try later.
import std;
import directors;

include "backends.vcl";

# Who may purge: the app servers, never the public.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    set req.backend_hint = app.backend();

    if (req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (req.http.X-Purge-Keys !~ "^[A-Za-z0-9._: -]{1,2000}$") {
            return (synth(400, "Bad purge keys"));
        }
        # "a b c" bans every object whose xkey holds a, b or c as a whole word. (No space in
        # the pattern: a ban's argument ends at the first one.)
        ban("obj.http.xkey ~ (^|\s)(" + regsuball(req.http.X-Purge-Keys, " +", "|") + ")(\s|$)");
        return (synth(200, "Banned"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # One cache entry per page, whatever Host or X-Forwarded-Host a client makes up: Django
    # answers an unknown host with 400, which is not cached.
    unset req.http.X-Forwarded-Host;
    # Ours alone: set when a fetch goes to the mirror. From a client it would make real pages
    # uncacheable for everyone.
    unset req.http.X-Mirror;
    # Staff, the referral journey and search are never shared.
    if (req.url ~ "^/(admin|contact/prevent-referral)/" || req.url ~ "^/search/") {
        return (pass);
    }
    if (req.http.Cookie ~ "(^|; *)(sessionid|csrftoken)=") {
        return (pass);
    }
    # Anything else in Cookie (analytics of other sites, stale values) says nothing to us.
    unset req.http.Cookie;
    # A normalised Accept-Encoding, so that Vary: Accept-Encoding keeps at most three copies.
    if (req.http.Accept-Encoding ~ "\bbr\b") {
        set req.http.Accept-Encoding = "br";
    } elsif (req.http.Accept-Encoding ~ "\bgzip\b") {
        set req.http.Accept-Encoding = "gzip";
    } else {
        unset req.http.Accept-Encoding;
    }
    # While the app servers are healthy, serve a stale copy for at most the page's own
    # stale-while-revalidate; when none is, serve what we have for up to a day (stale-if-error).
    if (std.healthy(req.backend_hint)) {
        set req.grace = 60s;
    }
    return (hash);
}

sub vcl_backend_fetch {
    # A retry, or every app server marked down by its probe: the saved copy of the page.
    if (bereq.retries > 0 || !std.healthy(bereq.backend)) {
        if (bereq.method == "GET" || bereq.method == "HEAD") {
            set bereq.backend = mirror;
            set bereq.http.X-Mirror = "1";
            unset bereq.http.Cookie;
        }
    }
    return (fetch);
}

sub vcl_backend_error {
    # The app server did not answer at all (refused, reset, timed out).
    if (bereq.retries == 0 && (bereq.method == "GET" || bereq.method == "HEAD")) {
        return (retry);
    }
    if (bereq.method != "GET" && bereq.method != "HEAD") {
        # A form: nothing was received. See Other sends the browser to the mirror's page that
        # says so, with the numbers to call (a 503 status from the mirror).
        set beresp.status = 303;
        set beresp.http.Location = "/503.html";
        set beresp.http.Cache-Control = "no-store";
        set beresp.body = "";
        return (deliver);
    }
    # Neither the app servers nor the mirror answered.
    set beresp.http.Content-Type = "text/plain; charset=utf-8";
    set beresp.http.Cache-Control = "no-store";
    set beresp.http.Retry-After = "30";
    set beresp.body = "This website is not available at the moment. Try again in a few minutes.";
    return (deliver);
}

sub vcl_hash {
    hash_data(req.url);
    return (lookup);
}

sub vcl_backend_response {
    if (bereq.http.X-Mirror) {
        # Never let a saved copy replace a real page that is only stale, and never keep one:
        # the real page comes back as soon as an app server does.
        if (bereq.is_bgfetch) {
            return (abandon);
        }
        set beresp.http.X-Mirror = "1";
        set beresp.uncacheable = true;
        set beresp.ttl = 1s;
        return (deliver);
    }
    if (beresp.status >= 500 && bereq.retries == 0 && !bereq.is_bgfetch
            && (bereq.method == "GET" || bereq.method == "HEAD")) {
        # The app answered with an error (its database is down, say): the saved copy instead.
        return (retry);
    }
    # Keep objects for a day past their lifetime, to serve if the app servers are down.
    set beresp.grace = 24h;
    # Only what the site marks public is kept: a response with no Cache-Control at all (a
    # redirect from a middleware, say) is passed, never kept for Varnish's default lifetime.
    if (beresp.http.Cache-Control !~ "public" || beresp.http.Cache-Control ~ "(private|no-store|no-cache)"
            || beresp.http.Set-Cookie) {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    if (beresp.status >= 500) {
        # Never replace a good copy with an error.
        if (bereq.is_bgfetch) {
            return (abandon);
        }
        set beresp.uncacheable = true;
    }
    return (deliver);
}

sub vcl_deliver {
    # The keys are for us, not for browsers or other caches.
    unset resp.http.xkey;
    unset resp.http.Surrogate-Key;
    unset resp.http.Cache-Tag;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
