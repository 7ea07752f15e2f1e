"""Text files with a small header, as the starter content is written::

    ---
    title: Prevent
    summary: Prevent aims to stop people from being drawn into terrorism.
    order: 10
    related:
      - Prevent duty guidance | https://www.gov.uk/...
    ---
    The body, in Markdown.

A header line is ``key: value`` (the value is everything after the first colon); a key with
nothing after it starts a list of ``- item`` lines. No other syntax: this is not YAML.
"""

from pathlib import Path


class FrontMatterError(ValueError):
    """A file whose header cannot be read, with the file and line in the message."""


def read(path: Path) -> tuple[dict, str]:
    """The header (str values, or lists of str) and the body of the file at ``path``."""
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        raise FrontMatterError(f"{path}: the file must start with a --- header line")
    header: dict[str, str | list[str]] = {}
    current_list: list[str] | None = None
    for number, line in enumerate(lines[1:], start=2):
        if line.strip() == "---":
            body = "\n".join(lines[number:]).strip() + "\n"
            return header, body
        if current_list is not None and line.strip().startswith("- "):
            current_list.append(line.strip()[2:].strip())
            continue
        key, colon, value = line.partition(":")
        if not colon or not key.strip() or key != key.strip():
            raise FrontMatterError(f"{path}, line {number}: expected 'key: value', got {line!r}")
        value = value.strip()
        if value:
            header[key] = value
            current_list = None
        else:
            current_list = header.setdefault(key, [])
    raise FrontMatterError(f"{path}: the header has no closing --- line")
