"""Gender suggested by the honorific printed on the programme, for staff to review.

Mr. suggests a man; Ms., Mrs., Mme and Sra. a woman; any other honorific (Dr., H.E.,
Prof. …) or none suggests nothing. Conflicting honorifics suggest nothing. A suggestion
is never saved without staff confirming it (the “Suggest genders from honorifics”
action on people).
"""

from speakers.enums import Gender

GENDER_OF_HONORIFIC = {
    "mr": Gender.MALE,
    "ms": Gender.FEMALE,
    "mrs": Gender.FEMALE,
    "mme": Gender.FEMALE,
    "sra": Gender.FEMALE,
    "h.e. mr": Gender.MALE,
    "h.e. ms": Gender.FEMALE,
}


def _key(honorific):
    return (honorific or "").strip().rstrip(".").casefold()


def suggested_gender(honorifics):
    """The Gender the printed honorifics agree on, or None."""
    found = {GENDER_OF_HONORIFIC.get(_key(honorific)) for honorific in honorifics if honorific}
    if len(found) == 1 and None not in found:
        return found.pop()
    return None
