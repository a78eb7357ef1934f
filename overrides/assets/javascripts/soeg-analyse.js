/* The query side of the site's Danish search analysis (macros/search/analysis.py and dates.py
   are the index side; tests/test_search_analysis.py and tests/test_search_dates.py run both on
   the same words). Pagefind stems every word with Snowball Danish itself; this folds a query as
   every indexed word has a twin folded: lower case, æ -> ae, ø -> o, å -> a, then the keyboard
   spellings oe -> o, aa -> a; and it rewrites dates and periods into the tokens the index
   writes after them («14/3-2031» -> "20310314", «uge 40 2023» -> "uge40 2023"). */
(function (root) {
  "use strict";
  var FOLD = { "æ": "ae", "ø": "o", "å": "a", "é": "e", "ü": "u" };
  function fold(word) {
    return word.toLowerCase().replace(/[æøåéü]/g, function (letter) { return FOLD[letter]; })
      .replace(/oe|aa/g, function (pair) { return pair.charAt(0); });
  }

  /* The grammar of PHRASE in macros/search/dates.py, alternative by alternative. */
  var MONTHS = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
    "september", "oktober", "november", "december"];
  var YEAR = "(?:19|20)\\d\\d";
  var MONTH = "(?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|" +
    "december|jan|feb|mar|apr|jun|jul(?=\\.)|aug|sept|sep|okt|nov|dec)(?![a-zæøå])\\.?";
  var FIRST = "(?:første|foerste|forste|1\\.?)";
  var SECOND = "(?:anden|andet|2\\.?)";
  var ORDINAL = "(?:" + FIRST + "|" + SECOND + "|tredje|3\\.?|fjerde|4\\.?)";
  var HALF = "(?:halvår|halvaar|halvar)";
  var QUARTER = "(?:kvartal|kvt\\.?)";
  function thenYear(name) {
    return "(?:(?:\\s*[,/-]\\s*|\\s+)(?<" + name + ">" + YEAR + ")(?!\\d))?";
  }
  var DATE = new RegExp("(?<![\\da-zæøåéü./\\u2042-])(?:" +
    "(?<iso>(?<iso_y>" + YEAR + ")-(?<iso_m>\\d\\d?)-(?<iso_d>\\d\\d?))(?![\\d/-])" +
    "|(?<dmy>(?<dmy_d>\\d\\d?)[/.-](?<dmy_m>\\d\\d?)(?:[/.-]|\\s+(?=" + YEAR + "))" +
    "(?<dmy_y>" + YEAR + "|\\d\\d))(?![\\d/-]|[.,]\\d)" +
    "|(?<long>(?<long_d>\\d\\d?)\\.?\\s*(?<long_m>" + MONTH + ")(?:\\s*(?<long_y>" + YEAR +
    ")(?!\\d))?)" +
    "|(?<dm>(?<dm_d>\\d\\d?)/(?<dm_m>\\d\\d?))(?![\\d/-]|[.,]\\d)" +
    "|(?<week>(?:uge\\s*|u)(?<week_n>\\d\\d?)(?!\\d)\\.?" + thenYear("week_y") + ")" +
    "|(?<isoweek>(?<isoweek_y>" + YEAR + ")-?w(?<isoweek_n>\\d\\d?)(?!\\d))" +
    "|(?<quarter>(?:(?<quarter_o>" + ORDINAL + ")\\s*" + QUARTER + "|q(?<quarter_n>[1-4]))" +
    "(?![\\da-zæøå])" + thenYear("quarter_y") + ")" +
    "|(?<yquarter>(?<yquarter_y>" + YEAR + ")\\s*[-/]?\\s*q(?<yquarter_n>[1-4])(?![\\da-zæøå]))" +
    "|(?<half>(?<half_o>" + FIRST + "|" + SECOND + ")\\s*" + HALF + "(?![\\da-zæøå])" +
    thenYear("half_y") + ")" +
    "|(?<months>(?<months_a>" + MONTH + ")\\s*(?:-|–|—|til)\\s*(?<months_b>" + MONTH + ")\\s*" +
    "(?<months_y>" + YEAR + ")(?!\\d))" +
    "|(?<month>(?<month_m>" + MONTH + ")\\s*(?<month_y>" + YEAR + ")(?!\\d))" +
    "|(?<span>(?<span_a>" + YEAR + ")\\s*(?:-|–|—|/|til)\\s*" +
    "(?<span_b>" + YEAR + "|\\d\\d(?!\\.\\s*[\\da-zæøå]))(?![\\d/-]))" +
    ")", "giu");
  var KINDS = ["iso", "dmy", "long", "dm", "week", "isoweek", "quarter", "yquarter", "half",
    "months", "month", "span"];
  var ORDINALS = { "første": 1, "foerste": 1, "forste": 1, "anden": 2, "andet": 2, "tredje": 3,
    "fjerde": 4 };

  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function monthOf(name) {
    name = name.replace(/\.$/, "");
    for (var i = 0; i < 12; i++) if (MONTHS[i].indexOf(name) === 0) return i + 1;
    return 0;
  }
  function yearOf(text) {
    if (!text) return null;
    return text.length === 4 ? +text : 2000 + +text;
  }
  function day(year, month, date) {
    var probe = new Date(Date.UTC(year || 2024, month - 1, date));  // 2024: 29/2 is a date
    if (month < 1 || month > 12 || probe.getUTCDate() !== date) return null;
    return year ? "" + year + pad(month) + pad(date) : MONTHS[month - 1] + pad(date);
  }
  function period(token, year) { return year ? token + " " + year : token; }

  /* What the index holds for the phrase (the `query` of dates.py's DateTokens), or null. */
  function tokens(g) {
    var kind = KINDS.filter(function (k) { return g[k] !== undefined; })[0];
    if (kind === "iso" || kind === "dmy" || kind === "long" || kind === "dm") {
      var month = kind === "long" ? monthOf(g.long_m) : +g[kind + "_m"];
      return day(kind === "dm" ? null : yearOf(g[kind + "_y"]), month, +g[kind + "_d"]);
    }
    if (kind === "week" || kind === "isoweek") {
      var week = +g[kind + "_n"];
      return week >= 1 && week <= 53 ? period("uge" + pad(week), g[kind + "_y"]) : null;
    }
    if (kind === "quarter" || kind === "yquarter" || kind === "half") {
      var number = (kind !== "half" && g[kind + "_n"]) || g[kind + "_o"].replace(/[. ]+$/, "");
      var unit = kind === "half" ? "halvar" : "kvartal";
      return period(unit + (ORDINALS[number] || number), g[kind + "_y"]);
    }
    if (kind === "months") {
      var year = +g.months_y;
      var first = monthOf(g.months_a);
      var last = monthOf(g.months_b);
      return (year - (first > last ? 1 : 0)) + pad(first) + " " + year + pad(last);
    }
    if (kind === "month") return g.month_y + pad(monthOf(g.month_m));
    var from = +g.span_a;
    var to = +g.span_b;
    if (to < 100) to += Math.floor(from / 100) * 100;
    return from < to ? "" + from + to : null;
  }

  /* The query with its dates and periods as the index's tokens (query_form in dates.py). */
  function dates(query) {
    var text = query.toLowerCase();
    var out = "";
    var at = 0;
    DATE.lastIndex = 0;
    var match;
    while ((match = DATE.exec(text)) !== null) {
      var found = tokens(match.groups);
      if (found === null) { DATE.lastIndex = match.index + 1; continue; }
      var end = match.index + match[0].length;
      while (!/[\p{L}\p{N}]/u.test(text.charAt(end - 1))) end--;
      while (text.charAt(end) === ".") end++;  // "uge 15." is all the phrase
      out += text.slice(at, match.index) + " " + found + " ";
      at = end;
      DATE.lastIndex = match.index + match[0].length;
    }
    return (out + text.slice(at)).replace(/\s+/g, " ").trim();
  }

  /* Where the date or period that ends a text begins ("… den 14. marts 2031." -> the index
     of "26"), or -1: a result marks the whole phrase its token matched, not just its last word. */
  function dateStart(text) {
    var lowered = text.toLowerCase().replace(/[^\p{L}\p{N}]+$/u, "");
    var regex = new RegExp(DATE.source, DATE.flags);
    var match;
    while ((match = regex.exec(lowered)) !== null) {
      var valid = tokens(match.groups) !== null;
      var end = match.index + match[0].replace(/[^\p{L}\p{N}]+$/u, "").length;
      if (valid && end === lowered.length) return match.index;
      regex.lastIndex = valid ? match.index + match[0].length : match.index + 1;
    }
    return -1;
  }

  /* Pagefind reads quotes as a phrase search; the site's queries are words. */
  function foldQuery(query) {
    return dates(query.replace(/["“”«»]/g, " ")).split(/(\s+)/).map(fold).join("").trim();
  }
  var api = { fold: fold, dates: dates, dateStart: dateStart, foldQuery: foldQuery,
    TWIN_MARK: "\u2042" };
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.SoegAnalyse = api;
})(this);
