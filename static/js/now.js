// Now and next: swap in the fresh fragment every 30 seconds and keep the event's clock
// ticking, without reloading the page. Without JavaScript a meta refresh reloads the page.
(function () {
  "use strict";
  var region = document.getElementById("now-next");
  var clock = document.querySelector("[data-now-clock]");
  if (!region || !window.fetch) {
    return;
  }
  var url = region.getAttribute("data-fragment-url");
  var last = region.innerHTML;

  function tick() {
    if (!clock || !window.Intl) {
      return;
    }
    var format = new Intl.DateTimeFormat(document.documentElement.lang || undefined, {
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZone: clock.getAttribute("data-time-zone"),
    });
    clock.textContent = format.format(new Date());
    clock.setAttribute("datetime", new Date().toISOString());
  }

  function refresh() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "text/html" } })
      .then(function (response) {
        return response.ok ? response.text() : null;
      })
      .then(function (html) {
        // Only a real change is swapped in, so screen readers are not told the same again.
        if (html !== null && html.trim() !== last.trim()) {
          region.innerHTML = html;
          last = html;
        }
      })
      .catch(function () {
        // Offline for a moment: keep what is shown and try again at the next turn.
      });
  }

  window.setInterval(refresh, 30000);
  window.setInterval(tick, 10000);
})();
