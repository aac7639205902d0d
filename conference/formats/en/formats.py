"""English dates as the United Nations prints them: “8 October 2018”, not “Oct. 8, 2018”.

French and Spanish keep Django's own formats (“8 octobre 2018”, “8 de octubre de 2018”):
templates ask for the format by name ("DATE_FORMAT", "MONTH_DAY_FORMAT"), never a literal.
"""

DATE_FORMAT = "j F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d/m/Y"
DATETIME_FORMAT = "j F Y, H:i"
TIME_FORMAT = "H:i"
# Dates are typed day first, as staff in Geneva, New York and Bangkok write them, or in the
# ISO form (Django accepts it in every language): 28/02/2019, 28 February 2019, 2019-02-28.
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d/%m/%y", "%d %B %Y", "%d %b %Y", "%Y-%m-%d"]
