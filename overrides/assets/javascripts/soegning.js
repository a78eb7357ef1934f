/* The site's search dialog on Pagefind (see README "Søgning"). Material's search dialog markup
   and styles are kept (overrides/partials/search.html); this script gives it its behaviour:
   open with the header button, a click in the field or the keys / s f; Escape closes and gives
   focus back; arrow keys move between the results; the result count is announced. The query is
   folded, and its dates and periods rewritten, as the index was (soeg-analyse.js) and sent to
   Pagefind, which loads only the index chunks for its words and the fragments of the results
   shown. Words the index holds as twins (marked with U+2042) are taken out of titles and
   snippets; a twin's match marks its word (a date token: the whole date).
   After each painted result list the form fires "soeg:vist", and "soeg:faerdig" when the rest
   of the results have arrived too (tests and benchmarks wait on them). */
(function () {
  "use strict";
  var analysis = window.SoegAnalyse;
  var toggle = document.getElementById("__search");
  var form = document.forms.namedItem("soeg");
  var config = document.getElementById("__config");
  if (!analysis || !toggle || !form || !config) return;
  var field = form.elements.namedItem("query");
  var status = document.getElementById("soeg-status");
  var list = document.getElementById("soeg-resultater");
  var root = new URL(JSON.parse(config.textContent).base + "/", location.href);
  // The first results are painted as soon as their fragments are there, the rest follow once
  // the typing pauses: each result is one small download, and the first ones are what a
  // person reads.
  var FIRST_RESULTS = 3;
  var MAX_RESULTS = 10;
  var SETTLE_MS = 300;
  var MAX_SECTIONS = 2;
  var MARK = analysis.TWIN_MARK;
  var engine = null;
  var ticket = 0;

  function pagefind() {
    if (!engine) {
      engine = import(new URL("pagefind/pagefind.js", root).href).then(function (pf) {
        // noWorker: the search is a few milliseconds of WebAssembly; a worker would be one more
        // script to download and a message hop per query. pageLength: long pages (the
        // decisions, the political process) are not pushed below short ones as hard.
        return pf.options({
          baseUrl: "/", excerptLength: 22, noWorker: true, ranking: { pageLength: 0.3 }
        }).then(function () {
          return pf.init();
        }).then(function () { return pf; });
      });
    }
    return engine;
  }

  function setOpen(open) {
    if (toggle.checked === open) return;
    toggle.checked = open;
    toggle.dispatchEvent(new Event("change"));
  }

  function close() {
    setOpen(false);
    field.blur();
    var button = document.querySelector('[data-knap-for="__search"]');
    if (button && button.offsetParent !== null) button.focus();
  }

  function decode(text) {
    return text.replace(/&(amp|lt|gt|quot|#39|#x27);/g, function (_, name) {
      return { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", "#x27": "'" }[name];
    });
  }

  /* Pagefind's excerpt ("... <mark>word</mark> ...") as words with a marked flag, twins left
     out: a marked twin marks the word it follows (and the rest of the date or period that word
     ends: "14. marts 2031"), its trailing punctuation goes to that word. */
  function words(excerpt) {
    var out = [];
    var marked = false;
    excerpt.split(/(<mark>|<\/mark>)/).forEach(function (piece) {
      if (piece === "<mark>") { marked = true; return; }
      if (piece === "</mark>") { marked = false; return; }
      decode(piece).split(/(\s+)/).forEach(function (text) {
        if (!text) return;
        if (text.charAt(0) !== MARK) { out.push({ text: text, marked: marked }); return; }
        while (out.length && /^\s+$/.test(out[out.length - 1].text)) out.pop();
        var word = out[out.length - 1];
        if (!word) return;
        word.marked = word.marked || marked;
        word.text += text.replace(/^\u2042[\p{L}\p{N}]*/u, "");
        if (marked) markDate(out);
      });
    });
    return out;
  }

  /* Marks the words of the date or period the last word ends, if it ends one (a few words
     back at most: "primo 1. kvartal 2024"). */
  var DATE_WORDS = 9;  // words and the spaces between them
  function markDate(out) {
    var from = Math.max(0, out.length - DATE_WORDS);
    var text = out.slice(from).map(function (w) { return w.text; }).join("");
    var start = analysis.dateStart(text);
    if (start < 0) return;
    var at = 0;
    out.slice(from).forEach(function (word) {
      at += word.text.length;
      if (at > start && !/^\s+$/.test(word.text)) word.marked = true;
    });
  }

  /* The marked words of an excerpt in <mark>, without the punctuation around them
     ("(<mark>KB</mark>)", not "<mark>(KB)</mark>"). */
  function fill(element, excerpt) {
    words(excerpt).forEach(function (word) {
      var parts = word.marked && /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/su.exec(word.text);
      if (!parts || !parts[2]) {
        element.appendChild(document.createTextNode(word.text));
        return;
      }
      var mark = document.createElement("mark");
      mark.textContent = parts[2];
      element.append(parts[1], mark, parts[3]);
    });
    return element;
  }

  function plain(text) {
    return words(text.replace(/[<>]/g, " ")).map(function (w) { return w.text; }).join("");
  }

  function article(level, title, excerpt) {
    var node = document.createElement("article");
    node.className = "md-search-result__article md-typeset";
    if (level === "h1") {
      var icon = document.createElement("div");
      icon.className = "md-search-result__icon md-icon";
      node.appendChild(icon);
    }
    var heading = document.createElement(level);
    heading.textContent = plain(title);
    node.appendChild(heading);
    if (excerpt) node.appendChild(fill(document.createElement("p"), excerpt));
    return node;
  }

  function link(href, content) {
    var a = document.createElement("a");
    a.href = href;
    a.className = "md-search-result__link";
    a.tabIndex = -1;
    a.appendChild(content);
    return a;
  }

  function item(data) {
    var url = data.meta.url || data.url.replace(/^\//, "");
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    // Sub-results are the record's sections; the one at the record's own URL is its opening.
    var own = null;
    var sections = [];
    data.sub_results.forEach(function (sub) {
      if (sub.url.replace(/^\//, "") === url) own = sub;
      else if (sub.url.indexOf("#") >= 0 && sub.locations.length > 0) sections.push(sub);
    });
    sections.sort(function (a, b) { return b.locations.length - a.locations.length; });
    // The opening's snippet when it has the words; else the sections show where they are.
    var excerpt = own && own.locations.length ? own.excerpt
      : (sections.length ? "" : data.excerpt);
    li.appendChild(link(new URL(url, root).href, article("h1", data.meta.title, excerpt)));
    sections.slice(0, MAX_SECTIONS).forEach(function (sub) {
      var anchor = sub.url.slice(sub.url.indexOf("#"));
      li.appendChild(link(new URL(url + anchor, root).href, article("h2", sub.title, sub.excerpt)));
    });
    return li;
  }

  function count(n) {
    if (n === 0) return "Ingen resultater fundet";
    return n === 1 ? "1 resultat" : n + " resultater";
  }

  function paint(query, results, total) {
    list.replaceChildren.apply(list, results.map(item));
    announce(query, total);
  }

  function announce(query, total) {
    if (!query) status.textContent = "Skriv for at søge";
    else if (!terms(query)) status.textContent = "Skriv mindst tre bogstaver";
    else status.textContent = count(total);
    requestAnimationFrame(function () {
      form.dispatchEvent(new CustomEvent("soeg:vist", { detail: { query: query, total: total } }));
    });
  }

  /* What is sent to Pagefind: the words of three letters or more, and the glossary's short
     names ("kb", "ou"; data-korte-ord). A shorter word is the glue of the language ("i",
     "på") or a word still being typed: on nearly every page, it neither narrows nor orders
     the results, and Pagefind would fetch an index part for it at each keystroke. */
  var SHORT = (form.getAttribute("data-korte-ord") || "").split(" ").filter(Boolean);
  function terms(query) {
    return analysis.foldQuery(query).split(/\s+/).filter(function (word) {
      var bare = word.replace(/[^\p{L}\p{N}]/gu, "");
      return bare.length >= 3 || (bare && SHORT.indexOf(bare) >= 0);
    }).join(" ");
  }

  /* Resolves true when no key has followed for SETTLE_MS: the results after the first few
     are fetched for the query a person stopped at, not for every word on the way there. */
  function settled(mine) {
    return new Promise(function (resolve) {
      setTimeout(function () { resolve(mine === ticket); }, SETTLE_MS);
    });
  }

  function finished(query) {
    form.dispatchEvent(new CustomEvent("soeg:faerdig", { detail: { query: query } }));
  }

  function run() {
    var query = field.value;
    var mine = ++ticket;
    var sent = terms(query);
    if (!sent) { paint(query, [], 0); finished(query); return; }
    var load = function (results) {
      return Promise.all(results.map(function (r) { return r.data(); }));
    };
    pagefind().then(function (pf) { return pf.search(sent); }).then(function (found) {
      if (mine !== ticket) return null;
      var total = found.results.length;
      return load(found.results.slice(0, FIRST_RESULTS)).then(function (data) {
        if (mine !== ticket) return null;
        paint(query, data, total);
        return settled(mine);
      }).then(function (still) {
        return still ? load(found.results.slice(FIRST_RESULTS, MAX_RESULTS)) : null;
      }).then(function (more) {
        if (mine !== ticket || !more) return;
        more.forEach(function (data) { list.appendChild(item(data)); });
        finished(query);
      });
    }).catch(function () {
      if (mine === ticket) status.textContent = "Søgningen kunne ikke indlæses";
    });
  }

  function results() { return Array.prototype.slice.call(list.querySelectorAll("a")); }

  field.addEventListener("focus", function () { setOpen(true); pagefind(); });
  field.addEventListener("input", run);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = results()[0];
    if (first) location.href = first.href;
  });
  form.addEventListener("reset", function () {
    setTimeout(function () { run(); field.focus(); }, 0);
  });
  toggle.addEventListener("change", function () {
    if (toggle.checked) { if (document.activeElement !== field) field.focus(); }
    else if (document.activeElement === field) field.blur();
  });
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    var typing = target.closest && target.closest("input, textarea, select, [contenteditable]");
    if (!toggle.checked) {
      if (!typing && (event.key === "/" || event.key === "s" || event.key === "f")) {
        event.preventDefault();
        setOpen(true);
        field.focus();
        field.select();
      }
      return;
    }
    var links = results();
    var at = links.indexOf(document.activeElement);
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "ArrowDown" && links.length) {
      event.preventDefault();
      links[Math.min(at + 1, links.length - 1)].focus();
    } else if (event.key === "ArrowUp" && at >= 0) {
      event.preventDefault();
      (at === 0 ? field : links[at - 1]).focus();
    }
  });
})();
