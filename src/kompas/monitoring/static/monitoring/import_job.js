// SPDX-License-Identifier: EUPL-1.2
// Import job page: while the job is queued or running, fetch the page again every few seconds
// and replace its status part, so progress shows without a reload (focus stays where it is).
// A change of status is announced in the page's status region. Without JavaScript the page
// offers a "Vernieuwen" link instead; this file is an enhancement only.
(function () {
  "use strict";
  var container = document.getElementById("import-job");
  var announce = document.getElementById("import-job-announce");
  if (!container || !window.fetch || !window.DOMParser) {
    return;
  }
  var seconds = parseInt(container.getAttribute("data-refresh-seconds"), 10);
  if (!seconds) {
    return;
  }

  function poll() {
    window
      .fetch(window.location.href, { credentials: "same-origin", cache: "no-store" })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.status);
        }
        return response.text();
      })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        var fresh = doc.getElementById("import-job");
        if (!fresh) {
          return;
        }
        var before = container.getAttribute("data-status");
        var after = fresh.getAttribute("data-status");
        container.innerHTML = fresh.innerHTML;
        container.setAttribute("data-status", after);
        if (before !== after && announce) {
          var word = fresh.querySelector("[data-status-text]");
          announce.textContent = word ? word.textContent : after;
        }
        if (fresh.getAttribute("data-refresh-seconds")) {
          window.setTimeout(poll, seconds * 1000);
        } else {
          container.removeAttribute("data-refresh-seconds");
        }
      })
      .catch(function () {
        // Offline or server error: stop; the "Vernieuwen" link still works.
      });
  }

  window.setTimeout(poll, seconds * 1000);
})();
