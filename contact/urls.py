from django.urls import path

from contact import views

app_name = "contact"

urlpatterns = [
    path("", views.ContactView.as_view(), name="contact"),
    path("feedback/", views.FeedbackView.as_view(), name="feedback"),
    path("feedback/sent/", views.FeedbackSentView.as_view(), name="feedback-sent"),
    path("security-adviser/", views.SecurityAdviceView.as_view(), name="security-advice"),
    path(
        "security-adviser/sent/",
        views.SecurityAdviceSentView.as_view(),
        name="security-advice-sent",
    ),
    path("page-feedback/", views.PageFeedbackView.as_view(), name="page-feedback"),
    path(
        "page-feedback/thanks/",
        views.PageFeedbackThanksView.as_view(),
        name="page-feedback-thanks",
    ),
]
