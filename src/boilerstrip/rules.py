"""Rules as data: the :class:`RuleSet` every detector is compiled from.

``RuleSet.default()`` is the built-in detectors with their own vocabularies
(beside each detector in ``detectors/``). A rules file extends it::

    [site."news.example.com"]           # this host and its subdomains
    chrome = ["扫码关注我们", "本站声明"]    # a line holding one is removed (detector `site_rules`)

    [detectors]
    off = ["promo"]                     # detector names as they appear in `removed`

    [chrome]
    share_buttons = ["分享到微博"]       # more phrases for a kind of chrome, under its detector's name

A phrase under ``[chrome]`` makes a line holding it (and no longer than that
detector's longest line) that detector's; for ``related_feed`` it is a feed
heading (the feed under it goes too), for ``reaction_widget`` a widget's
heading. Rule sets are frozen and hashable: detectors are compiled once per
rule set, and batch workers get the same rules as the caller.
"""
from __future__ import annotations

import functools
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping
from urllib.parse import urlsplit

from .detectors import EXTENSIBLE, SWITCHABLE
from .repairs import REPAIR_NAMES

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

#: Every name ``[detectors] off`` accepts.
OFF_NAMES = SWITCHABLE + REPAIR_NAMES


class RulesError(ValueError):
    """A rules file that cannot be used; the message says where and why."""


@dataclass(frozen=True)
class RuleSet:
    """Phrases added per detector, phrases per site, detectors switched off."""

    #: ``(detector, phrases)`` pairs: phrases added to a kind of chrome.
    chrome: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: ``(host, phrases)`` pairs: a site's own chrome.
    sites: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: Detector and repair names that do not run (sorted: a rule set's repr
    #: is the same in every process, as a run's settings file needs).
    off: tuple[str, ...] = ()

    @classmethod
    def default(cls) -> RuleSet:
        """The built-in rules, nothing added."""
        return _DEFAULT

    @classmethod
    def from_file(cls, path: str | os.PathLike) -> RuleSet:
        """The built-in rules extended by the TOML file at ``path``."""
        return cls.default().extended(path)

    def extended(self, source: str | os.PathLike | Mapping[str, Any]) -> RuleSet:
        """These rules plus those of a TOML file (a path) or of a mapping
        shaped like one. Raises :class:`RulesError` on anything it cannot use."""
        if isinstance(source, Mapping):
            data, where = source, "rules"
        else:
            where = str(source)
            try:
                with open(source, "rb") as stream:
                    data = tomllib.load(stream)
            except OSError as error:
                raise RulesError(f"{where}: cannot read: {error.strerror or error}") from None
            except tomllib.TOMLDecodeError as error:
                raise RulesError(f"{where}: not valid TOML: {error}") from None
        return _merge(self, data, where)

    def is_on(self, name: str) -> bool:
        return name not in self.off

    def phrases(self, detector: str) -> tuple[str, ...]:
        """The phrases added for ``detector`` (``()`` when none)."""
        return next((phrases for name, phrases in self.chrome if name == detector), ())

    def site_phrases(self, url: str | None) -> tuple[str, ...]:
        """The chrome phrases for the host of ``url`` and its parent domains."""
        if not url or not self.sites:
            return ()
        return _site_phrases(self.sites, _host(url))


def _host(url: str) -> str:
    try:
        return (urlsplit(url if "//" in url else "//" + url).hostname or "").lower()
    except ValueError:
        return ""


@functools.lru_cache(maxsize=256)
def _site_phrases(sites: tuple[tuple[str, tuple[str, ...]], ...], host: str) -> tuple[str, ...]:
    found: list[str] = []
    for site, phrases in sites:
        if host == site or host.endswith("." + site):
            found.extend(p for p in phrases if p not in found)
    return tuple(found)


def _merge(rules: RuleSet, data: Mapping[str, Any], where: str) -> RuleSet:
    unknown = set(data) - {"site", "detectors", "chrome"}
    if unknown:
        raise RulesError(f"{where}: unknown section(s) {sorted(unknown)}; a rules file has [site.\"HOST\"], [detectors] and [chrome]")
    chrome = dict(rules.chrome)
    for name, phrases in _table(data, "chrome", where).items():
        if name not in EXTENSIBLE:
            raise RulesError(f"{where}: [chrome] {name}: no such detector takes phrases; one of {', '.join(EXTENSIBLE)}")
        chrome[name] = _unique(chrome.get(name, ()) + _phrases(phrases, f"{where}: [chrome] {name}"))
    sites = dict(rules.sites)
    for host, table in _table(data, "site", where).items():
        if not isinstance(table, Mapping) or set(table) - {"chrome"}:
            raise RulesError(f'{where}: [site."{host}"] holds only chrome = [...]')
        key = host.strip().lower().rstrip(".")
        if not key or "/" in key:
            raise RulesError(f'{where}: [site."{host}"]: not a host name')
        sites[key] = _unique(sites.get(key, ()) + _phrases(table.get("chrome", []), f'{where}: [site."{host}"] chrome'))
    detectors = _table(data, "detectors", where)
    if set(detectors) - {"off"}:
        raise RulesError(f"{where}: [detectors] holds only off = [...]")
    off = set(_phrases(detectors.get("off", []), f"{where}: [detectors] off"))
    if off - set(OFF_NAMES):
        raise RulesError(f"{where}: [detectors] off: unknown {sorted(off - set(OFF_NAMES))}; one of {', '.join(OFF_NAMES)}")
    return RuleSet(tuple(sorted(chrome.items())), tuple(sorted(sites.items())), tuple(sorted(set(rules.off) | off)))


def _table(data: Mapping[str, Any], key: str, where: str) -> Mapping[str, Any]:
    table = data.get(key, {})
    if not isinstance(table, Mapping):
        raise RulesError(f"{where}: {key} must be a table ([{key}])")
    return table


def _phrases(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, (list, tuple)) or not all(isinstance(p, str) and p.strip() for p in value):
        raise RulesError(f"{where}: must be a list of non-empty strings")
    return tuple(p.strip() for p in value)


def _unique(phrases: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(phrases))


_DEFAULT = RuleSet()


def load_rules(path: str | os.PathLike | None) -> RuleSet:
    """``RuleSet.default()``, extended by ``path`` when given."""
    return RuleSet.default() if path is None else RuleSet.from_file(Path(path))
