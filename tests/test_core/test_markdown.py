"""The Markdown sanitiser: what staff may write survives; no known XSS payload does."""

from html.parser import HTMLParser

import pytest

from core.markdown import expand_embeds, problems, references, render_markdown

XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/xss.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "<img src=javascript:alert(1)>",
    "<IMG SRC=JaVaScRiPt:alert('XSS')>",
    "<img src=`javascript:alert(1)`>",
    '<img """><script>alert("XSS")</script>">',
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<body onload=alert(1)>",
    "<iframe src=javascript:alert(1)></iframe>",
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    "<object data=javascript:alert(1)></object>",
    "<embed src=javascript:alert(1)>",
    "<a href=javascript:alert(1)>click</a>",
    "<a href=JAVASCRIPT:alert(1)>click</a>",
    "<a href=' javascript:alert(1)'>click</a>",
    '<a href="jav&#x09;ascript:alert(1)">click</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](data:text/html,<script>alert(1)</script>)",
    "[click](vbscript:msgbox(1))",
    "![x](javascript:alert(1))",
    '![x](x "onerror=alert(1)")',
    '<div style="background:url(javascript:alert(1))">x</div>',
    '<p style="color:red">styled</p>',
    "<style>body{display:none}</style>",
    "<link rel=stylesheet href=//evil.example/x.css>",
    '<meta http-equiv=refresh content="0;url=javascript:alert(1)">',
    "<form action=javascript:alert(1)><button>x</button></form>",
    "<input onfocus=alert(1) autofocus>",
    "<details open ontoggle=alert(1)>",
    "<video><source onerror=alert(1)></video>",
    "<audio src=x onerror=alert(1)>",
    "<marquee onstart=alert(1)>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<base href=javascript:alert(1)//>",
    "<p onclick=alert(1)>click me</p>",
    '<div class="app-callout" onmouseover="alert(1)">callout</div>',
    "<a href=# onclick=alert(1)>x</a>",
    "<!--<script>alert(1)</script>-->",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "<template><script>alert(1)</script></template>",
    "<table background=javascript:alert(1)><tr><td>x</td></tr></table>",
]

ALLOWED_TAGS = {
    "a", "abbr", "blockquote", "br", "code", "div", "em", "h2", "h3", "h4", "hr", "li", "ol",
    "p", "pre", "strong", "table", "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip
SAFE_SCHEMES = ("http:", "https:", "mailto:", "tel:", "/", "#")


class ElementCollector(HTMLParser):
    """Every element and attribute a browser would build from the HTML."""

    def __init__(self):
        super().__init__()
        self.elements = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


def dangers(html: str) -> list[str]:
    collector = ElementCollector()
    collector.feed(html)
    found = []
    for tag, attrs in collector.elements:
        if tag not in ALLOWED_TAGS:
            found.append(f"<{tag}>")
        for name, value in attrs.items():
            if name.startswith("on") or name in {"style", "src", "srcdoc", "background", "action"}:
                found.append(f"{tag}[{name}]")
            if name == "href" and not (value or "").strip().lower().startswith(SAFE_SCHEMES):
                found.append(f"{tag}[href={value}]")
            if name == "class" and value != "app-callout":
                found.append(f"{tag}[class={value}]")
    return found


def test_the_corpus_is_large_enough():
    assert len(XSS_PAYLOADS) >= 40


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_xss_payload_is_removed(payload):
    html = render_markdown(f"Before\n\n{payload}\n\nAfter")
    assert dangers(html) == [], html
    assert "<p>Before</p>" in html


def test_markdown_structure_survives():
    html = render_markdown(
        "## Heading\n\n### Sub\n\n- one\n- two\n\n1. first\n\n> quoted\n\n"
        "[GOV.UK](https://www.gov.uk/) and [call](tel:999) and [mail](mailto:a@example.org)"
    )
    for fragment in (
        "<h2>Heading</h2>",
        "<h3>Sub</h3>",
        "<li>one</li>",
        "<ol>",
        "<blockquote>",
        'href="https://www.gov.uk/"',
        'href="tel:999"',
        'href="mailto:a@example.org"',
    ):
        assert fragment in html


def test_a_callout_line_becomes_a_callout_box():
    html = render_markdown("Intro\n\n!!! If someone is in immediate danger, call 999.\n\nAfter")
    assert (
        '<div class="app-callout"><p>If someone is in immediate danger, call 999.</p></div>' in html
    )


def test_other_classes_are_removed():
    assert 'class="evil"' not in render_markdown('<div class="evil app-callout">x</div>')


@pytest.mark.parametrize(
    "raw",
    [
        "<img src=x onerror=alert(1)>",
        "<a href='javascript:alert(1)'>x</a>",
        "<p style='x'>y</p>",
        "<script>",
    ],
)
def test_the_checker_itself_catches_unsanitised_html(raw):
    assert dangers(raw) != []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("# A title\n\nText.", "Start headings with ##"),
        ("Look: ![poster](https://example.org/poster.png)", "Images cannot be added"),
        ("<div>boxed</div>", "HTML tags are removed"),
        ('Click <a href="https://example.org">here</a>', "HTML tags are removed"),
    ],
)
def test_what_the_sanitiser_would_drop_is_named(text, expected):
    from core.markdown import problems

    assert any(expected in message for message in problems(text))


@pytest.mark.parametrize(
    "text",
    [
        "## A heading\n\n### And below it",
        "A link: <https://example.org> and [text](https://example.org)",
        "```\n# not a heading in code\n<div>\n```",
        "Prices under £5 & over 3 < 4",
    ],
)
def test_ordinary_markdown_has_no_problems(text):
    from core.markdown import problems

    assert problems(text) == []


@pytest.mark.django_db
def test_no_starter_content_has_anything_the_sanitiser_would_drop():
    from core.markdown import problems
    from news.starter import starter_items
    from operations.starter import OPERATIONS
    from pages.starter import starter_pages

    bodies = [page.body for page in starter_pages()] + [item.body for item in starter_items()]
    bodies += [spec.get("body", "") for spec in OPERATIONS]
    assert [problems(body) for body in bodies if problems(body)] == []


def test_a_library_reference_on_its_own_line_leaves_a_marker_and_nothing_else():
    html = render_markdown("Intro.\n\n![[image:42|A <b>shop</b> --> door]]\n\n[[document:7]]\n")
    assert "<!--embed:image:42:" in html and "<!--embed:document:7:-->" in html
    assert "<b>" not in html and "-->  door" not in html
    assert references("![[image:42|x]]\ntext\n[[document:7]]") == [("image", 42), ("document", 7)]
    assert expand_embeds("<p>No files here.</p>") == "<p>No files here.</p>"


def test_nobody_can_write_a_marker_by_hand():
    html = render_markdown("<!--embed:image:1:x-->\n\nText")
    assert "embed:" not in html


def test_a_reference_inside_a_sentence_is_pointed_out():
    [message] = problems("See [[document:7]] for more.")
    assert "on a line of its own" in message
    assert problems("[[document:7]]") == []
