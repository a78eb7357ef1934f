/* Keyboard access to Material's header menu and search buttons on narrow screens (and at 400 %
   zoom). Material draws them as <label>s for hidden checkboxes, which Tab skips, so a keyboard
   user could not open the menu or the search. Give them a name, a place in the tab order, the
   button role and Enter/Space; the label's own click still does the toggling. */
(function () {
  "use strict";
  var names = { __drawer: "Menu", __search: "Søg" };
  Object.keys(names).forEach(function (id) {
    var toggle = document.getElementById(id);
    var label = document.querySelector('.md-header label.md-header__button[for="' + id + '"]');
    if (!toggle || !label) return;
    label.tabIndex = 0;
    label.setAttribute("role", "button");
    label.setAttribute("aria-label", names[id]);
    var sync = function () { label.setAttribute("aria-expanded", String(toggle.checked)); };
    sync();
    toggle.addEventListener("change", sync);
    label.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        label.click();
      }
    });
  });
})();
