"""HTML backstop: the rendered body passes through nh3 with a strict allow-list.

The briefing reader cleans the bodies it reads, so the clean HTML is what Pelican caches; the
`content_object_init` receiver cleans every other body, and knows a clean one by its type.
"""

from __future__ import annotations

import re

import nh3

ALLOWED_TAGS = frozenset({"p", "h2", "h3", "blockquote", "em", "strong", "a", "ul", "ol", "li", "br", "hr", "code"})
ALLOWED_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = frozenset({"http", "https", "mailto"})


class CleanHTML(str):
    """HTML that has passed `clean_html` (so it is not cleaned again when it is cached)."""

    __slots__ = ()


def clean_html(html: str) -> CleanHTML:
    """Return `html` with every tag, attribute and URL scheme outside the allow-list removed.

    Disallowed tags are dropped but their text is kept (escaped); the content of `script`
    and `style` is dropped entirely.
    """
    cleaned = nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        attributes={k: set(v) for k, v in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )
    # A link whose URL was removed keeps only its text (an <a rel> without href is invalid).
    return CleanHTML(_HREFLESS_LINK.sub(r"\1", cleaned))


_HREFLESS_LINK = re.compile(r"<a(?:\s+rel=\"[^\"]*\")?>(.*?)</a>", re.S)


def sanitize_content(instance) -> None:
    """`content_object_init` receiver: clean an article's or page's rendered body, unless its
    reader already did."""
    from pelican.contents import Article, Page

    if not isinstance(instance, (Article, Page)):
        return
    content = getattr(instance, "_content", None)
    if isinstance(content, str) and not isinstance(content, CleanHTML):
        instance._content = clean_html(content)
