"""The back office speaks the staff member's language: from the browser, or as chosen."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("accept_language", "log_in", "username"),
    [
        ("fr-CH,fr;q=0.9,en;q=0.5", "Connexion", "Nom d’utilisateur"),
        ("es-ES,es;q=0.9", "Iniciar sesión", "Nombre de usuario"),
        ("en-GB,en;q=0.9", "Log in", "Username"),
    ],
)
def test_login_page_follows_the_browser_language(client, accept_language, log_in, username):
    response = client.get("/admin/login/", headers={"accept-language": accept_language})

    html = response.content.decode()
    assert f'<html lang="{accept_language[:2]}"' in html
    assert log_in in html
    assert username in html


@pytest.mark.parametrize(
    ("accept_language", "log_out", "ours"),
    [
        ("fr", "Déconnexion", ["Conférences", "Créneaux", "Personnes et organisations"]),
        ("es", "Cerrar sesión", ["Conferencias", "Franjas horarias", "Personas y organizaciones"]),
    ],
)
def test_admin_pages_follow_the_browser_language(client, editor, accept_language, log_out, ours):
    """Django's own words come from its catalogues, Plenary's from locale/."""
    client.force_login(editor)

    response = client.get("/admin/", headers={"accept-language": accept_language})

    html = response.content.decode()
    assert log_out in html
    for words in ours:
        assert words in html


def test_language_chosen_in_the_admin_outranks_the_browser(client, editor):
    client.force_login(editor)
    page = client.get("/admin/", headers={"accept-language": "fr"}).content.decode()
    assert 'name="language" value="es" lang="es"' in page

    response = client.post(
        "/i18n/setlang/",
        {"language": "es", "next": "/admin/programme/slot/"},
        headers={"accept-language": "fr"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/programme/slot/"

    page = client.get("/admin/programme/slot/", headers={"accept-language": "fr"})
    html = page.content.decode()
    assert '<html lang="es"' in html
    assert "Cerrar sesión" in html
    assert 'value="es" lang="es" aria-current="true"' in html
