"""Reading briefings: pelican-yaml-metadata's reader, with libyaml's C parser when present.

The stock reader parses front matter with pure-Python `yaml.safe_load`, which is most of
Pelican's reading time on a large archive; `yaml.CSafeLoader` gives the same data (safe
tags only) several times faster. Everything else (metadata processors, Markdown) is the
stock reader's.
"""

from __future__ import annotations

from typing import Any

import yaml
from pelican.plugins.yaml_metadata.yaml_metadata import YAMLMetadataReader

from .markdown_out import SAFE_LOADER


class BriefingReader(YAMLMetadataReader):
    """Markdown with YAML front matter, parsed by the fastest safe YAML loader available."""

    def _load_yaml_metadata(self, text: str, source_path: str) -> dict[str, Any]:
        try:
            metadata = yaml.load(text, Loader=SAFE_LOADER)
        except yaml.YAMLError:
            return super()._load_yaml_metadata(text, source_path)  # logs the error the stock way
        if not isinstance(metadata, dict):
            return super()._load_yaml_metadata(text, source_path)
        return self._parse_yaml_metadata(metadata, source_path)


def use_briefing_reader(readers: Any) -> None:
    """`readers_init` receiver: read Markdown files with BriefingReader."""
    for ext in BriefingReader.file_extensions:
        readers.reader_classes[ext] = BriefingReader
