from django.urls import path

from operations import views

app_name = "operations"

urlpatterns = [
    path("", views.OperationListView.as_view(), name="list"),
    path("timeline/", views.OperationTimelineView.as_view(), name="timeline"),
    path("<slug:slug>/", views.OperationDetailView.as_view(), name="detail"),
]
