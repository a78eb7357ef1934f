// Progressive enhancement for the initiative overview: the full table works without
// JavaScript; with it, the filter form appears and hides rows that don't match.
(function () {
  function setup() {
    document.querySelectorAll("form[data-filtre]").forEach(function (form) {
      if (form.dataset.klar) return;
      form.dataset.klar = "1";
      var table = document.getElementById(form.dataset.filtre);
      if (!table) return;
      var rows = Array.prototype.slice.call(table.tBodies[0].rows);
      var count = form.querySelector(".filtre__antal");
      form.hidden = false;
      function apply() {
        var shown = 0;
        rows.forEach(function (row) {
          var match = Array.prototype.every.call(form.elements, function (el) {
            return el.tagName !== "SELECT" || !el.value || row.dataset[el.name] === el.value;
          });
          row.hidden = !match;
          if (match) shown += 1;
        });
        count.textContent = "Viser " + shown + " af " + rows.length + " tiltag.";
      }
      form.addEventListener("change", apply);
      form.addEventListener("reset", function () { setTimeout(apply, 0); });
      form.addEventListener("submit", function (event) { event.preventDefault(); });
    });
  }
  if (typeof document$ !== "undefined") {
    document$.subscribe(setup);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
