"""Layout checks shared by the per-page browser visits (test_phone.py at phone widths,
test_keyboard_reflow.py at every width from 320 to 1440 px): what reaches past the screen's
edges or scrolls sideways, and words broken in the middle."""

from __future__ import annotations

# Elements in the page text that reach past the screen's edges, or scroll sideways themselves.
# With `scrollRegions` true (tablet and desk widths) the wide Gantt chart, a labelled region made
# to scroll sideways, may scroll, and what lies inside it is not held against the screen's
# edges; every table must fit. On a phone nothing may scroll.
TOO_WIDE = """
(scrollRegions = false) => {
  const width = document.documentElement.clientWidth;
  const region = el => scrollRegions && el.parentElement?.closest('.gantt__rulle[role=region]');
  const scroller = el => scrollRegions && el.matches('.gantt__rulle[role=region]');
  const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (el.classList.length ? '.' + [...el.classList].join('.') : '');
  const bad = [];
  for (const el of document.querySelectorAll('.md-content *')) {
    if (el.closest('svg') && el.tagName.toLowerCase() !== 'svg') continue;
    if (region(el)) continue;
    const box = el.getBoundingClientRect();
    if (!box.width || !box.height) continue;
    if (box.left < -0.5 || box.right > width + 0.5)
      bad.push(`${name(el)} ${Math.round(box.left)}..${Math.round(box.right)}`);
    const style = getComputedStyle(el);
    if (['auto', 'scroll'].includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1 &&
        !scroller(el))
      bad.push(`${name(el)} ruller sidelæns (${el.scrollWidth} > ${el.clientWidth})`);
  }
  // Text that runs out of its box past the screen's edge (a long word in a large heading).
  const clipped = el => { for (; el; el = el.parentElement) {
    if (getComputedStyle(el).clipPath !== 'none') return true; } return false; };
  const walker = document.createTreeWalker(document.querySelector('.md-content'),
                                           NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (node.parentElement.closest('svg') || region(node)) continue;
    range.selectNodeContents(node);
    const out = [...range.getClientRects()].some(r => r.width && (r.right > width + 0.5 ||
                                                                   r.left < -0.5));
    if (out && !clipped(node.parentElement))
      bad.push(`tekst «${node.data.trim().slice(0, 40)}» i ${name(node.parentElement)}`);
  }
  return bad;
}
"""

# Words (between spaces and after hyphens, dashes and slashes) whose letters lie on more
# than one line.
BROKEN_WORDS = """
() => {
  const walker = document.createTreeWalker(document.querySelector('.md-content'),
                                           NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  const bad = [];
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (node.parentElement.closest('svg, script, style')) continue;
    for (const match of node.data.matchAll(/[^\\s\\-–—\\/]+[\\-–—\\/]?/g)) {
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const lines = new Set([...range.getClientRects()].filter(r => r.width > 0)
                              .map(r => Math.round(r.bottom)));
      if (lines.size > 1) bad.push(match[0]);
    }
  }
  return bad;
}
"""
