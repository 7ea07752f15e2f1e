from django.urls import path

from alerts import views

app_name = "alerts"

urlpatterns = [
    path("threat-level/", views.ThreatLevelView.as_view(), name="threat-level"),
    path("incidents/", views.IncidentListView.as_view(), name="incidents"),
    path("incidents/<slug:slug>/", views.IncidentDetailView.as_view(), name="incident"),
]
