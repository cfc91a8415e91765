// Print buttons (templates/includes/print_button.html): a static file, as the Content-Security-Policy
// allows no inline script. The buttons start hidden and are shown here, where they can work.
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll("[data-print]"), function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  });
})();
