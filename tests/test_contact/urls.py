"""Site URLs plus a cacheable page carrying the page-feedback form, as content pages will."""

from django.http import HttpResponse
from django.template import RequestContext, Template
from django.urls import path

from ctu_site.urls import urlpatterns as site_urls

PAGE = Template(
    '{% extends "base.html" %}{% block content %}<h1 class="govuk-heading-xl">A page</h1>'
    '{% include "includes/components/page_feedback.html" with page_path=request.path %}'
    "{% endblock content %}"
)


def page_with_feedback(request):
    return HttpResponse(PAGE.render(RequestContext(request)))


urlpatterns = [path("test-page/", page_with_feedback), *site_urls]
