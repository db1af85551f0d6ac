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
  });
})();
