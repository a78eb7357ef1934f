/* Material's search adds a trailing wildcard to every word it sends to its search worker. A word
   typed with a hyphen at its end ("Teknik- og Miljøudvalget", the committee's full name) then
   reaches lunr as "voksen" plus a bare "*", which matches every word in the index: such a search
   took 110–200 ms instead of 20–40 ms. The hyphen separates words anyway (see `separator` in
   mkdocs.yml), so it is sent as a space. Loaded before Material's bundle, which creates the
   worker; the search box still shows what the user typed. */
(function () {
  "use strict";
  var Native = window.Worker;
  if (!Native) return;
  var QUERY = 2; // Material's worker message type for a query
  function Worker(url, options) {
    var worker = new Native(url, options);
    var post = worker.postMessage;
    worker.postMessage = function (message) {
      var args = Array.prototype.slice.call(arguments);
      if (message && message.type === QUERY && typeof message.data === "string") {
        args[0] = { type: QUERY, data: message.data.replace(/-+(?=\s|$)/g, " ") };
      }
      return post.apply(worker, args);
    };
    return worker;
  }
  Worker.prototype = Native.prototype;
  window.Worker = Worker;
})();
