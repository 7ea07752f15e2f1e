"""What changed between two revisions, as staff read it: the page as it will look, with
insertions and deletions marked, and only the parts that changed.

Markdown fields are compared paragraph by paragraph; a changed paragraph is compared word by
word, marked with characters nobody types, rendered through the same Markdown sanitiser as
the page, and the marks are then turned into <ins> and <del>. Other fields are compared word
by word as text.
"""

import difflib
import html
import re

from django.utils.safestring import SafeString, mark_safe

from core.markdown import render_markdown

# Private-use characters: they pass through Markdown and the sanitiser untouched.
INS_START, INS_END, DEL_START, DEL_END = "\ue000", "\ue001", "\ue002", "\ue003"
MARKUP = {
    INS_START: '<ins class="app-compare__ins">',
    INS_END: "</ins>",
    DEL_START: '<del class="app-compare__del">',
    DEL_END: "</del>",
}
_TOKENS = re.compile(r"\s+|[^\s]+")


_MARKS = str.maketrans("", "", "".join(MARKUP))


def _words(before: str, after: str) -> str:
    """``after`` with the words added and removed since ``before`` wrapped in marks (any of
    the mark characters in the text itself are dropped first, so only ours become tags)."""
    old, new = _TOKENS.findall(before.translate(_MARKS)), _TOKENS.findall(after.translate(_MARKS))
    out = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if tag == "equal":
            out.extend(new[j1:j2])
            continue
        if tag in ("delete", "replace") and "".join(old[i1:i2]).strip():
            out.append(DEL_START + "".join(old[i1:i2]) + DEL_END)
        if tag in ("insert", "replace") and "".join(new[j1:j2]).strip():
            out.append(INS_START + "".join(new[j1:j2]) + INS_END)
    return "".join(out)


def _as_html(marked_html: str) -> SafeString:
    for mark, tag in MARKUP.items():
        marked_html = marked_html.replace(mark, tag)
    return mark_safe(marked_html)  # noqa: S308 - sanitised HTML plus our own four tags


def _blocks(markdown_text: str) -> list[str]:
    return [block.strip() for block in re.split(r"\n\s*\n", markdown_text or "") if block.strip()]


def markdown_changes(before: str, after: str) -> list[dict]:
    """The changed paragraphs of a Markdown field, rendered, each {"html", "kind"}; runs of
    unchanged paragraphs become {"kind": "unchanged", "count": n}."""
    old, new = _blocks(before), _blocks(after)
    parts: list[dict] = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            parts.append({"kind": "unchanged", "count": j2 - j1})
        elif tag == "insert":
            parts += [_whole(block, INS_START, INS_END, "added") for block in new[j1:j2]]
        elif tag == "delete":
            parts += [_whole(block, DEL_START, DEL_END, "removed") for block in old[i1:i2]]
        else:
            pairs = list(zip(old[i1:i2], new[j1:j2], strict=False))
            for old_block, new_block in pairs:
                html_ = render_markdown(_words(old_block, new_block))
                parts.append({"kind": "changed", "html": _as_html(html_)})
            parts += [
                _whole(block, DEL_START, DEL_END, "removed") for block in old[i1 + len(pairs) : i2]
            ]
            parts += [
                _whole(block, INS_START, INS_END, "added") for block in new[j1 + len(pairs) : j2]
            ]
    return parts


def _whole(block: str, start: str, end: str, kind: str) -> dict:
    # Mark each line, so that Markdown still sees lists and headings at the line starts.
    block = block.translate(_MARKS)
    lines = [
        re.sub(r"^(\s*(?:[-*+]|\d+\.|#{2,6}|>)?\s*)(.+)$", rf"\1{start}\2{end}", line)
        for line in block.splitlines()
    ]
    return {"kind": kind, "html": _as_html(render_markdown("\n".join(lines)))}


def text_change(before: str, after: str) -> SafeString:
    """A plain-text field with words marked, escaped."""
    return _as_html(html.escape(_words(str(before or ""), str(after or "")), quote=False))
