from django.urls import path

from contact import referral_views, views

app_name = "contact"

urlpatterns = [
    path("", views.ContactView.as_view(), name="contact"),
    path("feedback/", views.FeedbackView.as_view(), name="feedback"),
    path("feedback/sent/", views.FeedbackSentView.as_view(), name="feedback-sent"),
    path("page-feedback/", views.PageFeedbackView.as_view(), name="page-feedback"),
    path(
        "prevent-referral/",
        referral_views.ReferralStartView.as_view(),
        name="referral-start",
    ),
    path(
        "prevent-referral/check-your-answers/",
        referral_views.ReferralCheckView.as_view(),
        name="referral-check",
    ),
    path(
        "prevent-referral/sent/",
        referral_views.ReferralSentView.as_view(),
        name="referral-sent",
    ),
    path(
        "prevent-referral/<slug:step>/",
        referral_views.ReferralStepView.as_view(),
        name="referral-step",
    ),
    path(
        "page-feedback/thanks/",
        views.PageFeedbackThanksView.as_view(),
        name="page-feedback-thanks",
    ),
]
