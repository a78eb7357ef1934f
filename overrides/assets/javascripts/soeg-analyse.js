/* The query side of the site's Danish search analysis (macros/search/analysis.py is the index
   side; tests/test_search_analysis.py runs both on the same words). Pagefind stems every word
   with Snowball Danish itself; this folds a query as every indexed word has a twin folded:
   lower case, æ -> ae, ø -> o, å -> a, then the keyboard spellings oe -> o, aa -> a. */
(function (root) {
  "use strict";
  var FOLD = { "æ": "ae", "ø": "o", "å": "a", "é": "e", "ü": "u" };
  function fold(word) {
    return word.toLowerCase().replace(/[æøåéü]/g, function (letter) { return FOLD[letter]; })
      .replace(/oe|aa/g, function (pair) { return pair.charAt(0); });
  }
  /* Pagefind reads quotes as a phrase search; the site's queries are words. */
  function foldQuery(query) {
    return query.replace(/["“”«»]/g, " ").split(/(\s+)/).map(fold).join("").trim();
  }
  var api = { fold: fold, foldQuery: foldQuery, TWIN_MARK: "\u2042" };
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.SoegAnalyse = api;
})(this);
