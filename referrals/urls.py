from django.urls import path

from referrals import views

app_name = "referrals"

urlpatterns = [
    path("", views.ReferralStartView.as_view(), name="start"),
    path("check-your-answers/", views.ReferralCheckView.as_view(), name="check"),
    path("sent/", views.ReferralSentView.as_view(), name="sent"),
    path("<slug:step>/", views.ReferralStepView.as_view(), name="step"),
]
