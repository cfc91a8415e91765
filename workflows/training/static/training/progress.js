// The progress bar of a batch whose certificates are being issued: asks the server every two seconds
// and reloads the page once the batch is certified (so its history and certificates show).
(function () {
  "use strict";
  document.querySelectorAll("[data-training-progress]").forEach(function (box) {
    if (box.dataset.status !== "approved") return;
    var bar = box.querySelector("progress");
    var issued = box.querySelector("[data-issued]");
    var digits = document.documentElement.lang.indexOf("bn") === 0;
    function local(n) {
      var text = String(n);
      return digits ? text.replace(/[0-9]/g, function (d) { return "০১২৩৪৫৬৭৮৯"[d]; }) : text;
    }
    function poll() {
      fetch(box.dataset.trainingProgress, { credentials: "same-origin" })
        .then(function (response) { return response.json(); })
        .then(function (data) {
          bar.max = data.completing;
          bar.value = data.issued;
          bar.textContent = local(data.issued);
          issued.textContent = local(data.issued);
          if (data.status !== "approved") { window.location.reload(); } else { window.setTimeout(poll, 2000); }
        })
        .catch(function () { window.setTimeout(poll, 5000); });
    }
    window.setTimeout(poll, 2000);
  });
})();
