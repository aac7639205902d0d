"""Text helpers shared by the public pages: accent- and case-insensitive comparison."""

import re
import unicodedata

MAX_QUERY_LENGTH = 200
MAX_TERMS = 8


def fold(text):
    """Lower case without accents: “Gómez” and “GOMEZ” both give “gomez”."""
    decomposed = unicodedata.normalize("NFKD", str(text or ""))
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return stripped.casefold()


def search_terms(query):
    """The words of a search, folded, punctuation dropped: “Gómez-Camacho!” gives gomez, camacho."""
    words = re.findall(r"[^\W_]+", fold(query[:MAX_QUERY_LENGTH]))
    unique = list(dict.fromkeys(words))
    return unique[:MAX_TERMS]
