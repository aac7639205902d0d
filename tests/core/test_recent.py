"""core.recent: the process's bounded copy of cached values that never change under their key."""

from core.recent import RecentValues, size_of


def test_values_read_back_and_the_least_recently_read_go_first():
    recent = RecentValues(limit=10)
    recent.set_many({"a": "aaaa", "b": ("bb", b"bb"), "c": "cc"})  # 4 + 4 + 2 bytes
    assert recent.get_many(["a", "b", "missing"]) == {"a": "aaaa", "b": ("bb", b"bb")}
    # 13 bytes: "c" (read least recently) goes, then "a" (11 bytes are still too many)
    recent.set_many({"d": "ddd"})
    assert recent.get_many(["a", "b", "c", "d"]) == {"b": ("bb", b"bb"), "d": "ddd"}
    assert recent.size == 7


def test_a_value_over_the_limit_is_not_held_and_a_key_written_again_is_counted_once():
    recent = RecentValues(limit=10)
    recent.set_many({"big": "x" * 11, "a": "aaaa"})
    recent.set_many({"a": "aaaaaa"})
    assert recent.get_many(["big", "a"]) == {"a": "aaaaaa"}
    assert recent.size == 6
    recent.clear()
    assert recent.get_many(["a"]) == {}
    assert recent.size == 0


def test_the_size_of_a_value_counts_its_text():
    assert size_of(("<li>", b"\xc3\xa9", None, "{}")) == 8
    assert size_of(None) == 0
