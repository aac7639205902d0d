from django.db import models
from django.utils.translation import gettext_lazy as _


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
