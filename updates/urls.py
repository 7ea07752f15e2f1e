from django.urls import include, path

from updates import views, webhooks

app_name = "updates"

urlpatterns = [
    path("", views.SubscribeView.as_view(), name="subscribe"),
    path("check-your-email/", views.CheckEmailView.as_view(), name="check-email"),
    path("confirm/<str:token>/", views.ConfirmView.as_view(), name="confirm"),
    path("manage/<str:token>/", views.ManageView.as_view(), name="manage"),
    path("manage/<str:token>/your-data/", views.DataView.as_view(), name="data"),
    path("unsubscribe/<str:token>/", views.UnsubscribeView.as_view(), name="unsubscribe"),
    # Bounces and complaints from the mail provider: /email-updates/provider/postmark/tracking/
    path("provider/", include(webhooks.provider_urlpatterns())),
]
