"""Pelican settings for the Briefing Archive (development build).

Every setting of our own lives in the one `BRIEFINGS` dict below; its defaults and what each
key means are documented in `plugins/briefings/settings.py`.
"""

from pathlib import Path

HERE = Path(__file__).resolve().parent

SITENAME = "Briefing Archive"
SITESUBTITLE = "Leaders' talks, from raw news reports to a searchable archive"
SITEURL = ""
DEFAULT_LANG = "en"
TIMEZONE = "UTC"

PATH = str(HERE / "content")
ARTICLE_PATHS = ["briefings"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["seeds"]
OUTPUT_PATH = str(HERE / "output")
THEME = str(HERE / "theme")

PLUGIN_PATHS = [str(HERE / "plugins")]
PLUGINS = ["pelican.plugins.yaml_metadata", "briefings"]

BRIEFINGS = {
    "SEEDS_DIR": str(HERE / "seeds"),
    "CONTENT_DIR": str(HERE / "content" / "briefings"),
}

# Pretty URLs.
ARTICLE_URL = "briefings/{slug}/"
ARTICLE_SAVE_AS = "briefings/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"

# Topic, year and people pages come from the briefings plugin; Pelican's own taxonomies are off.
CATEGORY_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
TAG_SAVE_AS = ""
TAGS_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
DIRECT_TEMPLATES = ["index", "search", "404"]
SEARCH_SAVE_AS = "search/index.html"
SEARCH_URL = "search/"
DEFAULT_PAGINATION = False
# No translations: skips Pelican's translation grouping, which compares every article with
# every other one (quadratic in the number of briefings).
ARTICLE_TRANSLATION_ID = None
PAGE_TRANSLATION_ID = None

# Seed text is untrusted: plain Markdown (no extensions), summaries stay plain text, and
# every template variable is escaped unless a template marks it safe.
MARKDOWN = {"extensions": [], "output_format": "html5"}
FORMATTED_FIELDS = []
JINJA_ENVIRONMENT = {"autoescape": True, "trim_blocks": True, "lstrip_blocks": True}
TYPOGRIFY = False

# Feeds are written by the plugin (all briefings and one per topic).
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

# Site side (plugins/briefings/site.py): bounded lists, so pages stay small at 10,000 briefings.
LATEST_BRIEFINGS = 12  # on the home page
RELATED_BRIEFINGS = 5  # per briefing (reports of the same talk are always added)
FEED_MAX_ITEMS = 50  # per Atom feed; undated briefings are never in feeds
THEME_STATIC_DIR = "theme"

# Pelican's reader cache (parsed Markdown + front matter per file, checked by mtime);
# `invoke build` empties it when the plugin's code or vocabularies change.
LOAD_CONTENT_CACHE = True
CACHE_CONTENT = True
CACHE_PATH = str(HERE / "cache")
GZIP_CACHE = False  # a plain pickle loads and saves several times faster; disk is cheap
# Cache whole articles, not only what the reader returned: an unchanged briefing is not read,
# cleaned or turned into an Article again. The plugin empties the cache when the code that runs
# while reading, a plain setting or a library version changes (incremental.fresh_reader_cache).
CONTENT_CACHING_LAYER = "generator"
RELATIVE_URLS = False
# Builds are incremental (plugins/briefings/incremental.py): unchanged briefing pages are kept,
# pages no longer produced are deleted, and output/ is emptied only when the record of what it
# holds is missing. The search bundle and the seed copies are kept up to date by their own steps.
DELETE_OUTPUT_DIRECTORY = False
OUTPUT_RETENTION = ["pagefind", "seeds", ".git", ".nojekyll"]
