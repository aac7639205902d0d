// Share: a button on each slot (its own page, which link previews read) and on each
// speaker's page. On a phone with a share sheet it opens the sheet; elsewhere it copies the
// address and says so.
(function () {
  "use strict";
  var dataElement = document.getElementById("share-script-data");
  if (!dataElement) {
    return;
  }
  var data = JSON.parse(dataElement.textContent);
  var sheet = navigator.share && window.matchMedia && window.matchMedia("(pointer: coarse)").matches;

  function say(status, text) {
    status.textContent = text;
    window.setTimeout(function () {
      if (status.textContent === text) {
        status.textContent = "";
      }
    }, 6000);
  }

  function share(url, title, status) {
    if (sheet) {
      navigator.share({ title: title, url: url }).catch(function () {
        // Closed without sharing: nothing to say.
      });
      return;
    }
    var copy = navigator.clipboard
      ? navigator.clipboard.writeText(url)
      : Promise.reject(new Error("no clipboard"));
    copy.then(
      function () {
        say(status, data.copied);
      },
      function () {
        say(status, data.copyFailed + " " + url);
      }
    );
  }

  function addButton(container, url, title, before) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "share-button";
    button.setAttribute("data-share-url", url);
    var label = document.createElement("span");
    label.textContent = data.share;
    var hidden = document.createElement("span");
    hidden.className = "visually-hidden";
    hidden.textContent = ": " + title;
    button.append(label, hidden);
    var status = document.createElement("span");
    status.className = "share-status";
    status.setAttribute("role", "status");
    button.addEventListener("click", function () {
      share(url, title, status);
    });
    container.insertBefore(status, before || null);
    container.insertBefore(button, status);
  }

  if (data.programme) {
    document.querySelectorAll("article.slot").forEach(function (article) {
      var links = article.querySelector(".slot__links");
      var title = article.querySelector(".slot__title");
      if (!links) {
        return;
      }
      var id = article.id.replace(/^session-/, "");
      var url = new URL(data.programme + "sessions/" + id + "/", window.location.href).href;
      var calendar = links.querySelector(".calendar-link");
      addButton(links, url, title ? title.textContent : document.title, calendar);
    });
  }
  document.querySelectorAll("[data-share-here]").forEach(function (container) {
    addButton(container, container.getAttribute("data-share-here"), container.getAttribute("data-share-title"));
  });
})();
