// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  function zone() {
    try { return Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (e) { return ""; }
  }

  document.addEventListener("DOMContentLoaded", function () {
    // New accounts start in the browser's own time zone.
    document.querySelectorAll("input[data-fill-timezone]").forEach(function (input) {
      if (!input.value) { input.value = zone(); }
    });

    // A time zone select still on the UTC default is set to the browser's zone, if it is offered.
    document.querySelectorAll("select[data-default-timezone]").forEach(function (select) {
      var browserZone = zone();
      if ((select.value === "Etc/UTC" || !select.value) && browserZone) {
        for (var i = 0; i < select.options.length; i++) {
          if (select.options[i].value === browserZone) { select.value = browserZone; break; }
        }
      }
    });

    document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
      select.addEventListener("change", function () { if (select.form) { select.form.submit(); } });
    });

    // Long text keeps a visible count of what is left, so nobody types past the limit by surprise. The browser
    // already stops at maxlength; without script the page still says so when something is too long.
    // (Lists of short lines, like the safety plan's, check each line instead and show no count.)
    document.querySelectorAll("textarea[maxlength]:not([data-no-count])").forEach(function (field) {
      var limit = parseInt(field.getAttribute("maxlength"), 10);
      if (!(limit > 0)) { return; }
      var counter = document.createElement("span");
      counter.className = "char-count";
      counter.setAttribute("data-char-count", "");
      counter.setAttribute("aria-live", "polite");
      var update = function () {
        var used = field.value.length;
        counter.textContent = used.toLocaleString() + " / " + limit.toLocaleString();
        counter.classList.toggle("char-count-near", used >= limit * 0.9);
      };
      field.insertAdjacentElement("afterend", counter);
      field.addEventListener("input", update);
      update();
    });

    // The printable incident record's Print button; without script the browser's own Print does the same.
    document.querySelectorAll("button[data-print]").forEach(function (button) {
      button.addEventListener("click", function () { window.print(); });
    });
  });
})();

// The urge page: a one-minute countdown and words for the breathing circle. The words come from the page
// (data attributes filled from strings.yaml; the script fills {seconds}), so they are translated with the rest of it.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var timer = document.querySelector("[data-timer]");
    var label = document.querySelector("[data-breathing-label]");
    if (timer) {
      var left = parseInt(timer.getAttribute("data-timer"), 10) || 60;
      var tick = setInterval(function () {
        left -= 1;
        timer.textContent = left > 0 ? timer.getAttribute("data-seconds-text").replace("{seconds}", left) : timer.getAttribute("data-done-text");
        if (left <= 0) { clearInterval(tick); }
      }, 1000);
    }
    if (label && !window.matchMedia("(prefers-reduced-motion: reduce)").matches) {
      var steps = [[label.getAttribute("data-in"), 4000], [label.getAttribute("data-hold"), 2000], [label.getAttribute("data-out"), 6000]];
      var i = 0;
      var next = function () { label.textContent = steps[i][0]; var wait = steps[i][1]; i = (i + 1) % steps.length; setTimeout(next, wait); };
      next();
    }
  });
})();

// Quick exit: "Leave quickly", or Esc pressed twice within a second, goes to an ordinary-looking site and
// replaces this page in the history, so Back doesn't bring it up again; the session is signed out (or locked) on
// the way. Without script the link still leaves, without the sign-out.
(function () {
  "use strict";
  var lastEscape = 0;

  // Signed in, the link carries the page's antiforgery token: a same-origin form POST that survives the page going
  // away signs this session out (or locks it, if this device chose that and a PIN is set) with no tap needed.
  function protect(link) {
    var token = link.getAttribute("data-quick-exit-token");
    if (!token) { return; }
    var body = new URLSearchParams();
    body.append("__rvt", token);
    try {
      if (navigator.sendBeacon && navigator.sendBeacon("/account/quick-exit", body)) { return; }
    } catch (e) { /* fall through to fetch */ }
    try {
      fetch("/account/quick-exit", { method: "POST", body: body, credentials: "same-origin", keepalive: true });
    } catch (e) { /* leaving matters more than the sign-out */ }
  }

  function leave(link) {
    document.documentElement.style.visibility = "hidden";
    protect(link);
    window.location.replace(link.href);
  }

  document.addEventListener("click", function (event) {
    var link = event.target && event.target.closest ? event.target.closest("a[data-quick-exit]") : null;
    if (link) {
      event.preventDefault();
      leave(link);
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" && event.key !== "Esc") { return; }
    var now = Date.now();
    var link = document.querySelector("a[data-quick-exit]");
    if (link && now - lastEscape <= 1000) {
      event.preventDefault();
      lastEscape = 0;
      leave(link);
    } else {
      lastEscape = now;
    }
  });
})();
