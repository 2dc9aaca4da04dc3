"""Errors that end a run with one clear line on standard error and exit code 2."""


class DetectorError(Exception):
    """A usage, configuration or input error: shown as one line, exit code 2."""


class SkipFile(Exception):
    """A file that is not checked (binary, too large): reported, not fatal."""
