import functools

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.choices import choice_label


class Honorific(models.TextChoices):
    NONE = "", _("(none)")
    MR = "Mr.", _("Mr.")
    MS = "Ms.", _("Ms.")
    MRS = "Mrs.", _("Mrs.")
    DR = "Dr.", _("Dr.")
    PROF = "Prof.", _("Prof.")
    HE = "H.E.", _("H.E.")
    HON = "Hon.", _("Hon.")
    AMB = "Amb.", _("Amb.")
    # Compounds printed whole: “H.E. Mr. Carlos Pérez”, “Prof. Dr. Ana Gómez”.
    HE_MR = "H.E. Mr.", _("H.E. Mr.")
    HE_MS = "H.E. Ms.", _("H.E. Ms.")
    PROF_DR = "Prof. Dr.", _("Prof. Dr.")


#: A compound honorific is printed as its words, each in the reader's language.
HONORIFIC_WORDS = {
    Honorific.HE_MR: (Honorific.HE, Honorific.MR),
    Honorific.HE_MS: (Honorific.HE, Honorific.MS),
    Honorific.PROF_DR: (Honorific.PROF, Honorific.DR),
}


def honorific_label(value, language=None):
    """An honorific as printed in the active language: “M.”, “Sr.”, “S. E. Mme”, “Pr Dr”.

    The one way pages, the PDF and the back office print a stored honorific. ``language``
    is the active language, for a caller that labels many rows and has looked it up once.
    """
    if not value:
        return ""
    return _honorific_label(value, language or get_language())


@functools.lru_cache(maxsize=256)
def _honorific_label(value, language):
    """Each honorific put together once per language (the language is the active one)."""
    words = HONORIFIC_WORDS.get(value, (value,))
    return " ".join(choice_label(Honorific, word) for word in words)


class Gender(models.TextChoices):
    NOT_RECORDED = "", _("Not recorded")
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")
    OTHER = "other", _("Another gender")


class OrganisationCategory(models.TextChoices):
    GOVERNMENT = "government", _("Member State government")
    UN_SYSTEM = "un", _("UN system")
    IGO = "igo", _("Intergovernmental or regional organisation")
    PARLIAMENT = "parliament", _("Parliament")
    CIVIL_SOCIETY = "civil-society", _("Civil society or NGO")
    DIASPORA = "diaspora", _("Diaspora or migrant organisation")
    PRIVATE_SECTOR = "private-sector", _("Private sector")
    ACADEMIA = "academia", _("Academia")
    TRADE_UNION = "trade-union", _("Trade union")
    OTHER = "other", _("Other")
