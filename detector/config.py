"""Configuration: ``[tool.detector]`` in ``pyproject.toml`` or a ``detector.toml``.

The closest configuration file above a checked file applies to it (a
``detector.toml`` wins over a ``pyproject.toml`` in the same folder). Options
given on the command line override the file. An unknown key is an error that
names it.

Example ``detector.toml``::

    select = ["ALL"]
    ignore = ["consistency"]
    fail-on = "warning"
    min-score = 70
    language = "en"
    languages = ["ko"]          # Korean is expected here too: not flagged
    allow = ["BTS", "習近平"]    # terms never flagged
    [per-file-ignores]
    "archive/*.txt" = ["BP"]
    [rules.ML001]
    severity = "warning"
"""

from __future__ import annotations

import fnmatch
import sys
from dataclasses import dataclass, field, fields, replace
from functools import lru_cache
from pathlib import Path, PurePosixPath

from detector.errors import DetectorError
from detector.finding import Severity
from detector.reading import DEFAULT_MAX_FILE_SIZE

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

DEFAULT_INCLUDE = ("*.txt", "*.md", "*.markdown", "*.html", "*.htm")
FAIL_ON = ("error", "warning", "info", "never")


@dataclass(frozen=True)
class Settings:
    select: tuple[str, ...] | None = None  # None: every rule enabled by default
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str = "error"
    min_score: float | None = None
    language: str | None = None
    languages: tuple[str, ...] = ()
    allow: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    #: Per-rule options, keyed by rule code: {"ML001": {"severity": "warning"}}
    rules: tuple[tuple[str, tuple[tuple[str, object], ...]], ...] = ()
    #: Folder that relative patterns in the file are resolved against.
    root: Path = field(default_factory=Path.cwd, compare=False)
    source: Path | None = field(default=None, compare=False)

    def rule_options(self) -> dict[str, dict[str, object]]:
        return {code: dict(opts) for code, opts in self.rules}

    def ignored_for(self, path: str) -> tuple[str, ...]:
        """Codes ignored for ``path`` by ``per-file-ignores``."""
        try:
            rel = PurePosixPath(Path(path).resolve().relative_to(self.root.resolve()).as_posix())
        except ValueError:
            rel = PurePosixPath(Path(path).as_posix())
        out: list[str] = []
        for pattern, codes in self.per_file_ignores:
            if fnmatch.fnmatch(str(rel), pattern) or fnmatch.fnmatch(rel.name, pattern):
                out.extend(codes)
        return tuple(out)

    def fingerprint(self) -> str:
        """A stable description of the settings that change findings (for caches)."""
        keep = {f.name: getattr(self, f.name) for f in fields(self) if f.compare}
        return repr(sorted(keep.items()))


# key in the file → (attribute, converter)
def _str_list(key: str, value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DetectorError(f"config: {key!r} must be a list of strings")
    return tuple(value)


def _fail_on(key: str, value: object) -> str:
    if value not in FAIL_ON:
        raise DetectorError(f"config: {key!r} must be one of {', '.join(FAIL_ON)}")
    return str(value)


def _score(key: str, value: object) -> float:
    if not isinstance(value, (int, float)) or isinstance(value, bool) or not 0 <= value <= 100:
        raise DetectorError(f"config: {key!r} must be a number from 0 to 100")
    return float(value)


def _string(key: str, value: object) -> str:
    if not isinstance(value, str):
        raise DetectorError(f"config: {key!r} must be a string")
    return value


def language_code(value: str, where: str) -> str:
    """A language as the rules compare it: a two-letter ISO 639-1 code, lower case.

    Anything else (``english``, ``en-US``, ``eng``) matched no detected
    language, so every sentence read as foreign and messages said "a
    klingon sentence"; it is an error that names ``where`` it was given.

    >>> language_code("EN", "--language")
    'en'
    """
    code = value.strip().lower()
    if len(code) != 2 or not code.isascii() or not code.isalpha():
        raise DetectorError(f"{where}: {value!r} is not a language code; use ISO 639-1, such as en, de or ko")
    return code


def _language(key: str, value: object) -> str:
    return language_code(_string(key, value), f"config: {key!r}")


def _languages(key: str, value: object) -> tuple[str, ...]:
    return tuple(language_code(v, f"config: {key!r}") for v in _str_list(key, value))


def _positive_int(key: str, value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
        raise DetectorError(f"config: {key!r} must be a positive whole number")
    return value


def _per_file_ignores(key: str, value: object):
    if not isinstance(value, dict):
        raise DetectorError(f"config: {key!r} must be a table of pattern = [codes]")
    return tuple((pattern, _str_list(f"{key}.{pattern}", codes)) for pattern, codes in value.items())


def _rules(key: str, value: object):
    if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
        raise DetectorError(f"config: {key!r} must be a table of [rules.CODE] tables")
    out = []
    for code, opts in value.items():
        if "severity" in opts:
            try:
                Severity.parse(str(opts["severity"]))
            except ValueError as exc:
                raise DetectorError(f"config: {key}.{code}: {exc}") from None
        out.append((code.upper(), tuple(sorted(opts.items()))))
    return tuple(out)


_KEYS = {
    "select": ("select", _str_list),
    "extend-select": ("extend_select", _str_list),
    "ignore": ("ignore", _str_list),
    "fail-on": ("fail_on", _fail_on),
    "min-score": ("min_score", _score),
    "language": ("language", _language),
    "languages": ("languages", _languages),
    "allow": ("allow", _str_list),
    "per-file-ignores": ("per_file_ignores", _per_file_ignores),
    "include": ("include", _str_list),
    "exclude": ("exclude", _str_list),
    "max-file-size": ("max_file_size", _positive_int),
    "rules": ("rules", _rules),
}


def settings_from_table(table: dict, root: Path, source: Path | None) -> Settings:
    values = {}
    for key, value in table.items():
        if key not in _KEYS:
            where = f" in {source}" if source else ""
            known = ", ".join(sorted(_KEYS))
            raise DetectorError(f"config: unknown key {key!r}{where} (known keys: {known})")
        attr, convert = _KEYS[key]
        values[attr] = convert(key, value)
    return Settings(root=root, source=source, **values)


def load_file(path: Path) -> Settings | None:
    """Settings from one file; None for a pyproject.toml without [tool.detector]."""
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except OSError as exc:
        raise DetectorError(f"{path}: cannot read config: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise DetectorError(f"{path}: invalid TOML: {exc}") from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("detector")
        if table is None:
            return None
    else:
        table = data
    return settings_from_table(table, path.parent, path)


@lru_cache(maxsize=256)
def settings_for_dir(directory: Path) -> Settings:
    """Settings of the closest config file at or above ``directory``."""
    for folder in (directory, *directory.parents):
        for name in ("detector.toml", "pyproject.toml"):
            candidate = folder / name
            if candidate.is_file():
                settings = load_file(candidate)
                if settings is not None:
                    return settings
    return Settings(root=Path.cwd())


def with_overrides(settings: Settings, **overrides: object) -> Settings:
    """The settings with every override that is not None applied."""
    given = {k: v for k, v in overrides.items() if v is not None}
    return replace(settings, **given) if given else settings
