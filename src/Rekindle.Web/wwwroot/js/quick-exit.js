// Quick exit: the button, or Esc pressed twice within a second, leaves for a neutral site and replaces this
// page in the history, so Back doesn't bring it up again. Without JavaScript the button is a plain link.
(function () {
  "use strict";
  function leave() {
    var target = document.body.getAttribute("data-quick-exit") || "https://www.google.com/";
    try { document.title = "New tab"; document.body.style.display = "none"; } catch (e) { /* nothing to hide */ }
    window.location.replace(target);
  }
  document.addEventListener("DOMContentLoaded", function () {
    var button = document.querySelector("[data-testid='quick-exit']");
    if (button) {
      button.addEventListener("click", function (event) { event.preventDefault(); leave(); });
    }
    var lastEscape = 0;
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") { return; }
      var now = Date.now();
      if (now - lastEscape < 1000) { leave(); }
      lastEscape = now;
    });
  });
})();
