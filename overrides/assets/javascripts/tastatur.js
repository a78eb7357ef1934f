/* Keyboard access to Material's header menu and search buttons on narrow screens (and at 400 %
   zoom). Material draws them as <label>s for hidden checkboxes, which Tab skips, so a keyboard
   user could not open the menu or the search. Each label is swapped for a real <button> with a
   name and aria-expanded that flips the same checkbox (Material reacts to its change event). */
(function () {
  "use strict";
  var names = { __drawer: "Menu", __search: "Søg" };
  Object.keys(names).forEach(function (id) {
    var toggle = document.getElementById(id);
    var label = document.querySelector('.md-header label.md-header__button[for="' + id + '"]');
    if (!toggle || !label) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = label.className + " tastatur-knap";
    button.setAttribute("data-knap-for", id);
    button.setAttribute("aria-label", names[id]);
    while (label.firstChild) button.appendChild(label.firstChild);
    label.replaceWith(button);
    var sync = function () { button.setAttribute("aria-expanded", String(toggle.checked)); };
    sync();
    toggle.addEventListener("change", sync);
    button.addEventListener("click", function () {
      toggle.click();
      var field = document.querySelector(".md-search__input");
      if (id === "__search" && toggle.checked && field) field.focus();
    });
  });
})();
