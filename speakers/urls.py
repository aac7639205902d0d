from django.urls import path

from speakers import views

app_name = "speakers"

urlpatterns = [
    path("<slug:slug>/", views.person_detail, name="person-detail"),
]
