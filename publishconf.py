"""Pelican settings for publishing (GitHub Pages): pelicanconf plus the public SITEURL.

SITEURL comes from the environment (the Pages workflow sets it from
actions/configure-pages' `base_url`, e.g. https://user.github.io/repo); it has no
trailing slash, and may carry a subpath: every template writes `{{ SITEURL }}/...`.
"""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: F403

SITEURL = os.environ.get("SITEURL", "").rstrip("/")
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True
