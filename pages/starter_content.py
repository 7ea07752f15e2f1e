"""The starter pages, written in our own words from the facts in ../shared/seeds.

Each entry: path (its parent must come earlier), title, summary, body (Markdown; ``!!!`` starts a
call-out box), and optionally show_in_menus, sort_order, show_exit_button, related_links
("Title | https://address" per line).
"""

PAGES = [
    {
        "path": "/contest/",
        "title": "CONTEST: how we counter terrorism",
        "summary": "CONTEST is the UK's counter-terrorism strategy. Our work follows its four strands.",
        "body": "CONTEST has four strands: Prevent, Pursue, Protect and Prepare.",
        "show_in_menus": True,
        "sort_order": 10,
    },
    {
        "path": "/contest/prevent/",
        "title": "Prevent",
        "summary": "Stopping people from becoming terrorists or supporting terrorism.",
        "body": "!!! If someone is in immediate danger, call 999.",
        "show_exit_button": True,
        "sort_order": 10,
    },
]
