"""Staff-written Markdown, rendered to HTML and sanitised against an allow-list.

Every path that stores staff text (admin saves, imports, starter content) goes through
``render_markdown``; templates may mark its output safe and nothing else. The allow-list admits
the structure a content page needs and no script, event handler, style, iframe, or
``javascript:``/``data:`` URL.
"""

import re

import markdown
import nh3

ALLOWED_TAGS = {
    "a", "abbr", "blockquote", "br", "code", "div", "em", "h2", "h3", "h4", "hr", "li", "ol",
    "p", "pre", "strong", "table", "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "th": {"scope"},
}
# Only this class survives: the call-out box made by ``!!!`` lines.
ALLOWED_CLASSES = {"div": {"app-callout"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}

CALLOUT = re.compile(r"^!!!\s*(?P<title>.*)$")


def _callouts(text: str) -> str:
    """Turn ``!!! text`` lines (and the lines under them) into call-out boxes.

    The body of a call-out is the ``!!!`` line and any following non-blank lines, so staff write::

        !!! If someone is in immediate danger, call 999.
    """
    out, block = [], None
    for line in text.splitlines():
        match = CALLOUT.match(line.strip())
        if match:
            if block is not None:
                out.append(_close(block))
            block = [match["title"]]
            continue
        if block is not None and line.strip():
            block.append(line.strip())
            continue
        if block is not None:
            out.append(_close(block))
            block = None
        out.append(line)
    if block is not None:
        out.append(_close(block))
    return "\n".join(out)


def _close(block: list[str]) -> str:
    body = markdown.markdown("\n".join(block))
    return f'\n<div class="app-callout">{body}</div>\n'


def sanitise_html(html: str) -> str:
    """Clean HTML from any source against the allow-list."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        allowed_classes=ALLOWED_CLASSES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


def render_markdown(text: str) -> str:
    """Render staff Markdown to sanitised HTML, safe to mark safe in a template."""
    # Raw HTML in the Markdown passes through Markdown and is then cut down by the allow-list.
    html = markdown.markdown(
        _callouts(text or ""),
        extensions=["tables", "sane_lists"],
        output_format="html",
    )
    return sanitise_html(html)


_LEVEL_ONE_HEADING = re.compile(r"^#(?!#)\s*\S")
_IMAGE = re.compile(r"!\[[^\]]*\]\(")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(\s[^<>]*)?/?>")


def problems(text: str) -> list[str]:
    """What the sanitiser would silently drop or change in ``text``, in words editors read.

    Forms show these as errors, so that nothing an editor wrote vanishes without a word.
    """
    found: list[str] = []
    in_code = False
    for line in (text or "").splitlines():
        if line.strip().startswith("```"):
            in_code = not in_code
            continue
        if in_code:
            continue
        if _LEVEL_ONE_HEADING.match(line) and "heading" not in found:
            found.append("heading")
        if _IMAGE.search(line) and "image" not in found:
            found.append("image")
        if _HTML_TAG.search(line) and "html" not in found:
            found.append("html")
    messages = {
        "heading": "Start headings with ## (or ### below them): a single # makes the page's "
        "own title, which the page already has.",
        "image": "Images cannot be added with ![...](...): they would not appear. Link to the "
        "image instead, or ask for it to be added to the page another way.",
        "html": "HTML tags are removed when the page is shown. Use Markdown instead: ## for "
        "headings, - for lists, [text](address) for links.",
    }
    return [messages[key] for key in found]
