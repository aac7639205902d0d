"""Matching names as people print them: regardless of case, accents, punctuation and spacing."""

import re
import unicodedata

# Letters that do not decompose into a base letter and an accent.
_FOLD = str.maketrans(
    {
        "ø": "o",
        "Ø": "o",
        "ł": "l",
        "Ł": "l",
        "đ": "d",
        "Đ": "d",
        "ð": "d",
        "þ": "th",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "ı": "i",
    }
)

# Words that start a family name: “Marden de Melo Barboza”, “Ursula von der Leyen”.
FAMILY_NAME_PARTICLES = {
    "al",
    "bin",
    "da",
    "das",
    "de",
    "del",
    "della",
    "der",
    "di",
    "do",
    "dos",
    "du",
    "la",
    "le",
    "ten",
    "ter",
    "van",
    "von",
}


# ASCII control characters that are not spaces (the tab and line ends are spaces).
_ASCII_CONTROLS = dict.fromkeys(code for code in [*range(0x20), 0x7F] if not chr(code).isspace())
_NOT_WORD_RE = re.compile(r"[^\w]+|_")


def normalise_name(text):
    """A key for comparing names: “  Antonio  VITORINO” and “António Vitorino” give one key.

    Case, accents, punctuation (dots, hyphens, apostrophes) and runs of spaces, including
    non-breaking ones, do not count.
    """
    text = str(text or "")
    if text.isascii():  # most names: nothing to decompose, only control characters to drop
        text = text.translate(_ASCII_CONTROLS)
    else:
        text = unicodedata.normalize("NFKD", text).translate(_FOLD)
        # Control and format characters (stray \x0f, zero-width spaces) do not separate words.
        text = "".join(
            char
            for char in text
            if char.isspace()
            or not (unicodedata.combining(char) or unicodedata.category(char) in ("Cc", "Cf"))
        )
    text = text.casefold()
    text = _NOT_WORD_RE.sub(" ", text)
    return " ".join(text.split())


def split_name(full_name):
    """(given names, family names) from a name as printed, family name last.

    The family name is the last word, or everything from a particle (“de”, “van” …) found
    after the first word. Double family names without a particle (“Gómez Camacho”) cannot be
    told apart from a middle name: staff correct those on the person's page.
    """
    words = " ".join(str(full_name or "").split()).split(" ")
    words = [word for word in words if word]
    if not words:
        return "", ""
    if len(words) == 1:
        return "", words[0]
    for index in range(1, len(words) - 1):
        if words[index].casefold() in FAMILY_NAME_PARTICLES:
            return " ".join(words[:index]), " ".join(words[index:])
    return " ".join(words[:-1]), words[-1]
