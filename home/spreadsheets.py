"""CSV files that people open in a spreadsheet: text that is shown, never run."""

# A spreadsheet runs a cell that starts with one of these as a formula (OWASP: CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def formula_safe(text):
    """``text`` as a cell a spreadsheet shows and never runs: formulas get a leading apostrophe."""
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text
