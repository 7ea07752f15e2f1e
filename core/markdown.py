"""Staff-written Markdown, rendered to HTML and sanitised against an allow-list.

Every path that stores staff text (admin saves, imports, starter content) goes through
``render_markdown``; templates may mark its output safe and nothing else. The allow-list admits
the structure a content page needs and no script, event handler, style, iframe, or
``javascript:``/``data:`` URL.
"""

import re
from collections.abc import Callable
from urllib.parse import quote, unquote

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


# A file from the media library, on a line of its own: ![[image:42|Alt text]], [[document:7]].
REFERENCE = re.compile(
    r"^[ \t]*!?\[\[(?P<kind>image|document):(?P<pk>\d{1,12})"
    r"(?:\|(?P<label>[^\]\n]*))?\]\][ \t]*$",
    re.MULTILINE,
)
_TOKEN = "APPEMBEDREFERENCE{}X"  # noqa: S105 - a placeholder, not a secret
_MARKER = "<!--embed:{kind}:{pk}:{label}-->"
MARKER = re.compile(r"<!--embed:(?P<kind>image|document):(?P<pk>\d+):(?P<label>[^<>]*?)-->")


def references(text: str) -> list[tuple[str, int]]:
    """The library files a Markdown text refers to, as (kind, id), in order."""
    return [(m["kind"], int(m["pk"])) for m in REFERENCE.finditer(text or "")]


def render_markdown(text: str) -> str:
    """Render staff Markdown to sanitised HTML, safe to mark safe in a template.

    A library reference on a line of its own becomes a marker comment, which ``expand_embeds``
    turns into the image or document at display time (so that a replaced or removed file shows
    as it is now, on every page, without saving the pages again).
    """
    found = []

    def hold(match):
        found.append(match)
        return f"\n{_TOKEN.format(len(found) - 1)}\n"

    # Raw HTML in the Markdown passes through Markdown and is then cut down by the allow-list.
    html = markdown.markdown(
        _callouts(REFERENCE.sub(hold, text or "")),
        extensions=["tables", "sane_lists"],
        output_format="html",
    )
    html = sanitise_html(html)
    for index, match in enumerate(found):
        marker = _MARKER.format(
            kind=match["kind"], pk=match["pk"], label=quote(match["label"] or "", safe=" ")
        )
        html = html.replace(f"<p>{_TOKEN.format(index)}</p>", marker)
    return html


# Given (kind, id, label) for each marker: for each file that exists, a function of the label
# that returns its markup.
EmbedRenderer = Callable[[list[tuple[str, int, str]]], dict[tuple[str, int], Callable[[str], str]]]
_EMBED_RENDERERS: list[EmbedRenderer] = []


def register_embed_renderer(function: EmbedRenderer) -> None:
    """The media library's ``function(references) -> {(kind, id): render(label) -> html}``:
    how markers become markup. Without one, markers show nothing."""
    _EMBED_RENDERERS[:] = [function]


def expand_embeds(html: str) -> str:
    """Replace each library marker with the file's markup; one that is not there shows nothing."""
    if "<!--embed:" not in (html or ""):
        return html
    wanted = [(m["kind"], int(m["pk"]), unquote(m["label"])) for m in MARKER.finditer(html)]
    rendered = _EMBED_RENDERERS[0](wanted) if _EMBED_RENDERERS else {}

    def replace(match):
        render = rendered.get((match["kind"], int(match["pk"])))
        return render(unquote(match["label"])) if render else ""

    return MARKER.sub(replace, html)


_LEVEL_ONE_HEADING = re.compile(r"^#(?!#)\s*\S")
_IMAGE = re.compile(r"!\[[^\]]*\]\(")
_INLINE = re.compile(r"\[\[(image|document):")
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
        inline = "[[" in line and _INLINE.search(line) and not REFERENCE.fullmatch(line)
        if inline and "inline" not in found:
            found.append("inline")
        if _IMAGE.search(line) and "image" not in found:
            found.append("image")
        if _HTML_TAG.search(line) and "html" not in found:
            found.append("html")
    messages = {
        "heading": "Start headings with ## (or ### below them): a single # makes the page's "
        "own title, which the page already has.",
        "image": "Images cannot be added with ![...](...): they would not appear. Upload the "
        "image to the Media library and put its reference, such as ![[image:42|What it "
        "shows]], on a line of its own.",
        "inline": "Put each ![[image:...]] or [[document:...]] reference on a line of its "
        "own: in the middle of a sentence it would not appear.",
        "html": "HTML tags are removed when the page is shown. Use Markdown instead: ## for "
        "headings, - for lists, [text](address) for links.",
    }
    return [messages[key] for key in found]
