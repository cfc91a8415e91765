/* Text size and high contrast, chosen by the visitor and kept in this browser (localStorage): the page
 * itself is the same for everyone, so it can be cached whole (pages/base/cache.py). Loaded in <head>
 * without defer so that the choice applies before the first paint. */
(function () {
  "use strict";
  var root = document.documentElement;
  var SIZES = ["small", "large", "larger"];

  function stored(name) {
    try { return window.localStorage.getItem(name) || ""; } catch (e) { return ""; }
  }
  function store(name, value) {
    try {
      if (value) { window.localStorage.setItem(name, value); } else { window.localStorage.removeItem(name); }
    } catch (e) { /* storage refused (private mode): the choice lasts for this page only */ }
  }
  function applySize(size) {
    SIZES.forEach(function (s) { root.classList.toggle("text-" + s, s === size); });
  }
  function applyContrast(on) {
    root.classList.toggle("high-contrast", on);
  }

  applySize(stored("text-size"));
  applyContrast(stored("contrast") === "high");

  document.addEventListener("DOMContentLoaded", function () {
    var tools = document.querySelector(".accessibility-tools");
    if (!tools) { return; }
    var sizeButtons = tools.querySelectorAll("[data-text-size]");
    var contrast = tools.querySelector("[data-contrast]");
    function showState() {
      var size = stored("text-size");
      sizeButtons.forEach(function (b) { b.setAttribute("aria-pressed", String(b.dataset.textSize === size)); });
      contrast.setAttribute("aria-pressed", String(root.classList.contains("high-contrast")));
    }
    sizeButtons.forEach(function (button) {
      button.addEventListener("click", function () {
        store("text-size", button.dataset.textSize);
        applySize(button.dataset.textSize);
        showState();
      });
    });
    contrast.addEventListener("click", function () {
      var on = !root.classList.contains("high-contrast");
      store("contrast", on ? "high" : "");
      applyContrast(on);
      showState();
    });
    showState();
    tools.hidden = false;
  });
})();
