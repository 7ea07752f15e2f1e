from django.urls import path

from library import views

app_name = "library"

urlpatterns = [
    path("<str:kind>/<str:key>/<str:name>", views.library_file, name="file"),
]
