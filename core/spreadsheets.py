"""CSV exports staff open in a spreadsheet: every cell made safe to open."""

import re

from django.utils import timezone

# A cell a spreadsheet would run as a formula starts with one of these (full-width forms
# included: some spreadsheets read them as the ASCII ones). The public wrote these values.
FORMULA_TRIGGERS = "=+-@\t\r\uff1d\uff0b\uff0d\uff20"
# A trigger at the start, after leading spaces, or after anything a spreadsheet may split a
# pasted value into cells on (comma, semicolon, tab, pipe, a new line).
_FORMULA_START = re.compile(rf"(^|[,;\t|\r\n])(\s*)([{re.escape(FORMULA_TRIGGERS)}])")


def csv_cell(value) -> str:
    """One value as spreadsheet-safe text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if hasattr(value, "isoformat"):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
    text = str(value)
    # A quote before each trigger makes the spreadsheet read it as text.
    return _FORMULA_START.sub(r"\1\2'\3", text)


class Echo:
    """A file-like object whose write() hands the line back, for streaming csv.writer output."""

    def write(self, value):
        return value
