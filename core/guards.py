"""Guards every public form shares: a honeypot, a rate limit, same-origin and encoding checks.

A public form view runs the checks in this order (``refused_post`` runs them; ``GuardedFormMixin``
does it for a FormView):

1. ``rate_limit``: every POST counts, valid or not, so a flood gets 429 before any other work.
2. ``has_undecodable_data``: form data that is not UTF-8 is refused with 400, not stored as
   replacement characters.
3. ``HoneypotMixin``: a filled honeypot field is refused with 400 and nothing is stored.

Endpoints that cannot carry a CSRF token (forms embedded in cached pages) are ``csrf_exempt`` and
call ``is_same_origin`` instead: browsers send ``Sec-Fetch-Site`` or ``Origin`` with every POST.

The client address is ``REMOTE_ADDR``. Behind a proxy or CDN (gunicorn always sees the proxy's
address there) set ``TRUSTED_PROXY_HOPS`` to the number of proxies in front of the site: the
address is then read that many entries from the right of ``X-Forwarded-For``, the part the
proxies wrote themselves and a visitor cannot forge. Otherwise every visitor shares the proxy's
address, and so one rate limit.
"""

import ipaddress
from functools import wraps
from urllib.parse import parse_qsl, urlsplit

from crispy_forms.layout import Field
from django import forms
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.http.request import RawPostDataException
from django.utils.translation import gettext_lazy as _

from core.errors import bad_request, too_many_requests

HONEYPOT_FIELD = "website"


def client_ip(request) -> str | None:
    """The visitor's own IP address, looking through TRUSTED_PROXY_HOPS proxies; None if unknown."""
    raw = request.META.get("REMOTE_ADDR", "")
    hops = settings.TRUSTED_PROXY_HOPS
    if hops:
        forwarded = [
            part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        ]
        if len(forwarded) >= hops:
            raw = forwarded[-hops]
    try:
        address = ipaddress.ip_address(raw)
    except ValueError:
        return None
    if address.version == 6 and address.ipv4_mapped is not None:
        return str(address.ipv4_mapped)
    return str(address)


def client_address(request) -> str:
    """The address rate limits count by: the IPv4 address, or the IPv6 /64 network.

    One IPv6 client usually holds a whole /64, so counting single addresses would let it
    rotate through millions of them.
    """
    ip = client_ip(request)
    if ip is None:
        return "unknown"
    if ipaddress.ip_address(ip).version == 6:
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return ip


def client_network(request) -> str | None:
    """The client as one address for django-axes: the IPv4 address, or the first address of
    the IPv6 /64 (axes stores an IP address, not a network), so that a client holding a /64
    cannot step round a sign-in lockout by changing address, as with the rate limits."""
    ip = client_ip(request)
    if ip is None or ipaddress.ip_address(ip).version == 4:
        return ip
    return str(ipaddress.ip_network(f"{ip}/64", strict=False).network_address)


def rate_limit(request, scope: str, limit: int, window: int) -> bool:
    """Count one attempt for this client in ``scope``; False once over ``limit`` in ``window`` s.

    A fixed window on the shared cache, so every app instance counts together. If the cache is
    unreachable the request is allowed: a Redis outage must not stop people contacting the unit.
    """
    return count_attempt(scope, client_address(request), limit, window)


def count_attempt(scope: str, identity: str, limit: int, window: int) -> bool:
    """Count one attempt by ``identity`` in ``scope``; False once over ``limit`` in ``window`` s.

    ``rate_limit`` counts by client; a form can count by something else as well (an email
    address, hashed, so that a flood spread over many clients still stops). Fails open like it.
    """
    key = f"ratelimit:{scope}:{identity}"
    # add() only creates the key (with its expiry) when it is missing; incr() keeps the expiry.
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # The key expired between add() and incr(): a new window.
        cache.set(key, 1, timeout=window)
        count = 1
    if count is None:  # django-redis with IGNORE_EXCEPTIONS answers None when Redis is down.
        return True
    return count <= limit


def rate_limited(*, scope: str, limit: int, window: int):
    """Decorate a view so that POSTs over the limit get the 429 page (which shows the hotline)."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method == "POST" and not rate_limit(request, scope, limit, window):
                return too_many_requests(request, retry_after=window)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def is_same_origin(request) -> bool:
    """Whether a POST came from a page of this site, for endpoints that are csrf-exempt.

    Browsers send ``Sec-Fetch-Site`` (all current ones) or ``Origin`` with every POST, and a
    forged cross-site POST can only come from a browser; a request with neither header is a
    script talking to us directly, which a CSRF token would not stop either.
    """
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return fetch_site == "same-origin"
    origin = request.headers.get("Origin")
    if origin is None:
        referer = request.headers.get("Referer")
        if referer is None:
            return True
        parts = urlsplit(referer)
        origin = f"{parts.scheme}://{parts.netloc}"
    if origin == "null":
        return False
    try:
        own_origin = f"{request.scheme}://{request.get_host()}"
    except DisallowedHost:
        return False
    return origin == own_origin or origin in settings.CSRF_TRUSTED_ORIGINS


def has_undecodable_data(request) -> bool:
    """Whether form data holds bytes that are not UTF-8, url-encoded or multipart.

    Django would quietly turn them into replacement characters; refuse them instead. The
    public forms take no files, so a multipart body is text from end to end.
    """
    if request.content_type == "application/x-www-form-urlencoded":
        try:
            body = request.body.decode("utf-8")
            parse_qsl(body, keep_blank_values=True, encoding="utf-8", errors="strict")
        except (UnicodeDecodeError, ValueError):
            return True
        return False
    if request.content_type == "multipart/form-data":
        try:
            body = request.body
        except RawPostDataException:
            # Something (the CSRF check) has parsed the form already, decoding bad bytes as
            # U+FFFD: nobody types that character, so its presence means bad bytes were sent.
            return any(
                "\ufffd" in text for key, values in request.POST.lists() for text in (key, *values)
            )
        try:
            body.decode("utf-8")
        except UnicodeDecodeError:
            return True
    return False


class HoneypotWidget(forms.TextInput):
    """A text box people never see or reach, so only a bot fills it in."""

    def __init__(self, attrs=None):
        super().__init__(
            {"autocomplete": "off", "tabindex": "-1", "class": "govuk-input", **(attrs or {})}
        )


class HoneypotMixin(forms.Form):
    """Adds the honeypot field to a form. Render it with ``HoneypotMixin.honeypot_layout()``."""

    website = forms.CharField(
        label=_("Leave this box empty"),
        required=False,
        widget=HoneypotWidget,
    )

    @staticmethod
    def honeypot_layout():
        """The crispy layout object for the honeypot, rendered as it is, without a form group."""
        return Field(HONEYPOT_FIELD, template="includes/components/honeypot_field.html")


def refused_post(request, *, scope: str, limit: int, window: int, honeypot: bool = True):
    """The error response for a POST the guards refuse, or None to go on with it.

    Counts the POST against the rate limit (429), then refuses data that is not UTF-8 (400) and
    a filled honeypot field (400), in that order. Checks the raw data, so a bot is caught even
    when the rest of its form is invalid.
    """
    if not rate_limit(request, scope, limit, window):
        return too_many_requests(request, retry_after=window)
    if has_undecodable_data(request):
        return bad_request(request)
    if honeypot and request.POST.get(HONEYPOT_FIELD, ""):
        return bad_request(request)
    return None


class GuardedFormMixin:
    """For a FormView of a public form: rate limit, UTF-8 check and honeypot before validation.

    Set ``rate_limit_scope``, ``rate_limit_count`` and ``rate_limit_window`` on the view. The form
    class must use ``HoneypotMixin``. Invalid forms are answered with status 400.
    """

    rate_limit_scope: str = ""
    rate_limit_count: int = 5
    rate_limit_window: int = 600

    def post(self, request, *args, **kwargs):
        refused = refused_post(
            request,
            scope=self.rate_limit_scope,
            limit=self.rate_limit_count,
            window=self.rate_limit_window,
        )
        if refused is not None:
            return refused
        form = self.get_form()
        if form.is_valid():
            return self.form_valid(form)
        return self.form_invalid(form)

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response
