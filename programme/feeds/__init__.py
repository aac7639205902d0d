"""Public feeds of a published programme, one module per format.

`data.programme_data()` builds the days, slots, appearances and public documents once;
`ical`, `frab`, `programme_json` and `pdf` render that structure. Nothing here ever reads a
person's email, phone or gender.
"""
