"""Reading briefings: pelican-yaml-metadata's reader, with libyaml's C parser when present,
and a parallel read-ahead for cold builds.

- The stock reader parses front matter with pure-Python `yaml.safe_load`; `yaml.CSafeLoader`
  gives the same data (safe tags only) several times faster. The `provenance` block, two
  thirds of a generated front matter, is for editors and is not read by the site: it is cut
  out before parsing.
- Pelican reads files one at a time. Before it reads the first briefing
  (`article_generator_preread`), `read_ahead` lists the files its caches do not hold
  and parses them (front matter + Markdown) in forked worker processes; `BriefingReader.read`
  then hands Pelican those results, which Pelican caches as if it had read them itself. A
  file a worker could not read is read again by Pelican, which reports the problem as usual.
- Work done once per file, then cached by Pelican with what it read (so it runs in parallel on
  a cold build and not at all on the next):
  - the body's key quotes are found (`metadata["quotes"]`);
  - the body is cleaned (`sanitize.clean_html`);
  - `url` and `save_as` are set when the URL patterns use only the slug (`fixed_urls`), so
    Pelican does not format both patterns, with several path operations each, for every
    article on every build.
- With Pelican's article cache (`CONTENT_CACHING_LAYER = "generator"`), whole articles come
  from the cache; `adopt_cached_articles` points them at the current build's context.
"""

from __future__ import annotations

import logging
import os
import re
import string
from typing import Any

import yaml
from pelican.plugins.yaml_metadata.yaml_metadata import YAMLMetadataReader

from .markdown_out import SAFE_LOADER
from .parallel import CAN_FORK, Workers, fork_map
from .sanitize import clean_html
from .settings import briefing_settings, worker_count
from .taxonomies import quotes_in

log = logging.getLogger(__name__)


UNREAD_KEYS = ("provenance",)  # front-matter keys the site never reads: not parsed at all


def without_blocks(front_matter: str, keys: tuple[str, ...]) -> str:
    """Block-style YAML without the top-level entries of `keys`: the `key:` line and the lines
    under it (indented, blank, or `- ` items). Text without those keys comes back as it is."""
    if not any(front_matter.startswith(f"{k}:") or f"\n{k}:" in front_matter for k in keys):
        return front_matter
    kept, skipping = [], False
    for line in front_matter.splitlines(keepends=True):
        if skipping and (not line.strip() or line[0] in " \t-"):
            continue
        skipping = any(line.startswith(f"{k}:") for k in keys)
        if not skipping:
            kept.append(line)
    return "".join(kept)


_URL_INPUTS = frozenset({"slug", "status", "lang", "url", "save_as"})  # what decides an article's address


def _settings_may_set(settings: dict[str, Any], keys: frozenset[str]) -> bool:
    """True when metadata Pelican adds from the settings (DEFAULT_METADATA, EXTRA_PATH_METADATA,
    the FILENAME_METADATA and PATH_METADATA patterns) may hold one of `keys`."""
    given = set(dict(settings.get("DEFAULT_METADATA") or {}))
    for extra in dict(settings.get("EXTRA_PATH_METADATA") or {}).values():
        given.update(dict(extra or {}))
    for name in ("FILENAME_METADATA", "PATH_METADATA"):
        pattern = settings.get(name)
        if pattern:
            given.update(re.compile(pattern).groupindex)
    return bool(given & keys)


def fixed_urls(metadata: dict[str, Any], settings: dict[str, Any]) -> dict[str, str]:
    """{"url", "save_as"} of an article from its metadata, when Pelican would give the same:
    a published article in the default language with a slug, under ARTICLE_URL and
    ARTICLE_SAVE_AS patterns whose only field is {slug}, and no setting that adds any of
    slug, status or language from elsewhere. Else {} (Pelican formats them)."""
    slug = metadata.get("slug")
    patterns = {"url": settings.get("ARTICLE_URL"), "save_as": settings.get("ARTICLE_SAVE_AS")}
    if (
        _settings_may_set(settings, _URL_INPUTS)
        or not isinstance(slug, str)
        or not slug
        or str(metadata.get("status", "published")).lower() != "published"
        or not settings.get("WITH_FUTURE_DATES", True)
        or metadata.get("lang", settings.get("DEFAULT_LANG")) != settings.get("DEFAULT_LANG")
        or "url" in metadata  # set by hand: Pelican takes it as it is
        or "save_as" in metadata
    ):
        return {}
    urls = {}
    for key, pattern in patterns.items():
        if not isinstance(pattern, str):
            return {}
        fields = {name for _, name, _, _ in string.Formatter().parse(pattern) if name is not None}
        if fields - {"slug"}:
            return {}
        urls[key] = pattern.format(slug=slug)
    return urls


class BriefingReader(YAMLMetadataReader):
    """Markdown with YAML front matter, parsed by the fastest safe YAML loader available."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.read_ahead: dict[str, tuple[str, dict[str, Any]]] = {}

    def _load_yaml_metadata(self, text: str, source_path: str) -> dict[str, Any]:
        try:
            metadata = yaml.load(without_blocks(text, UNREAD_KEYS), Loader=SAFE_LOADER)
        except yaml.YAMLError:
            return super()._load_yaml_metadata(text, source_path)  # logs the error the stock way
        if not isinstance(metadata, dict):
            return super()._load_yaml_metadata(text, source_path)
        return self._parse_yaml_metadata(metadata, source_path)

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        """(HTML body, metadata) of a file: read ahead by a worker, or now."""
        ready = self.read_ahead.pop(os.path.abspath(source_path), None)
        return ready if ready is not None else self.read_now(source_path)

    def read_now(self, source_path: str) -> tuple[str, dict[str, Any]]:
        """(clean HTML body, metadata); the metadata gains the body's key `quotes` unless it has
        them, and `url` and `save_as` when `fixed_urls` can tell them."""
        content, metadata = super().read(source_path)
        if "quotes" not in metadata:
            metadata["quotes"] = [{"speaker": q.speaker, "text": q.text} for q in quotes_in(content, metadata)]
        metadata.update(fixed_urls(metadata, self.settings))
        return clean_html(content), metadata


def _read_in_worker(reader: BriefingReader, path: str) -> tuple[str, dict[str, Any]] | None:
    try:
        return reader.read_now(path)
    except Exception:  # Pelican reads the file again and reports the problem
        return None


def read_files_ahead(reader: BriefingReader, paths: list[str], workers: int) -> None:
    """Parse `paths` (absolute) in `workers` forked processes into `reader.read_ahead`."""
    for path, result in zip(paths, fork_map(_read_in_worker, paths, Workers(workers), reader), strict=True):
        if result is not None:
            reader.read_ahead[path] = result


def read_ahead(generator: Any) -> None:
    """`article_generator_preread` receiver: on the first call of a build, read every briefing
    Pelican's reader cache does not hold, in parallel (skipped for a few files or one core)."""
    if getattr(generator, "briefings_read_ahead", False):
        return
    generator.briefings_read_ahead = True
    settings = briefing_settings(generator.settings)
    workers = worker_count(settings)
    if workers < 2 or not CAN_FORK:
        return
    readers = generator.readers
    by_reader: dict[int, tuple[BriefingReader, list[str]]] = {}
    names = generator.get_files(generator.settings["ARTICLE_PATHS"], exclude=generator.settings["ARTICLE_EXCLUDES"])
    for name in sorted(names):
        reader = readers.readers.get(os.path.splitext(name)[1].lstrip("."))
        path = os.path.abspath(os.path.join(generator.path, name))
        if (
            isinstance(reader, BriefingReader)
            and generator.get_cached_data(name, None) is None  # Pelican's cache of articles
            and readers.get_cached_data(path, (None, None))[0] is None  # its cache of reader results
        ):
            by_reader.setdefault(id(reader), (reader, []))[1].append(path)
    for reader, paths in by_reader.values():
        if len(paths) >= int(settings.get("PARALLEL_MIN") or 0):
            read_files_ahead(reader, paths, workers)
            log.info("briefings: %d briefings read ahead on %d processes", len(paths), workers)


ARTICLE_LISTS = ("articles", "translations", "hidden_articles", "hidden_translations", "drafts", "drafts_translations")


def adopt_cached_articles(generator: Any) -> None:
    """`article_generator_pretaxonomy` receiver: articles from Pelican's article cache
    (CONTENT_CACHING_LAYER = "generator") come back with the context and settings of the build
    that cached them; point them at this build's, so nothing stale is used and the cache
    saved next holds one context, not one more per build."""
    for kind in ARTICLE_LISTS:
        for article in getattr(generator, kind, ()):
            article._context = generator.context
            article.settings = generator.settings


def use_briefing_reader(readers: Any) -> None:
    """`readers_init` receiver: read Markdown files with BriefingReader."""
    for ext in BriefingReader.file_extensions:
        readers.reader_classes[ext] = BriefingReader
