// The app PIN's idle timer: after the chosen minutes with no input, the page goes to the lock screen, replacing
// itself in the history so Back doesn't show it again. The server locks the session on its own too.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var minutes = parseInt(document.body.getAttribute("data-lock-after-minutes") || "", 10);
    if (!(minutes > 0)) { return; }
    var limit = minutes * 60 * 1000;
    var last = Date.now();
    ["pointerdown", "keydown", "scroll", "touchstart"].forEach(function (name) {
      window.addEventListener(name, function () { last = Date.now(); }, { passive: true });
    });
    setInterval(function () {
      if (Date.now() - last >= limit) { window.location.replace("/lock"); }
    }, 5000);
  });
})();
