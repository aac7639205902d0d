// My agenda: a star on every slot, kept in this browser (localStorage: no cookie, nothing on
// the server); the "My agenda" section lists the starred slots and offers them as one
// calendar address, /<lang>/events/<slug>/agenda.ics?slots=12,15,19, which the server renders
// from the programme as it is at each request.
(function () {
  "use strict";
  var dataElement = document.getElementById("programme-script-data");
  if (!dataElement) {
    return;
  }
  var data = JSON.parse(dataElement.textContent);
  var key = "plenary:agenda:" + data.event;

  function read() {
    try {
      var stored = JSON.parse(window.localStorage.getItem(key) || "[]");
      return Array.isArray(stored) ? stored.map(String) : [];
    } catch (error) {
      return [];
    }
  }

  function write(ids) {
    try {
      window.localStorage.setItem(key, JSON.stringify(ids));
    } catch (error) {
      // Private browsing without storage: the stars last as long as the page.
    }
  }

  var starred = read();

  function slotId(article) {
    return article.id.replace(/^session-/, "");
  }

  function calendarAddress() {
    var ids = starred
      .map(Number)
      .sort(function (a, b) {
        return a - b;
      })
      .join(",");
    return new URL(data.agendaIcs + "?slots=" + ids, window.location.href);
  }

  function showAgenda() {
    var section = document.getElementById("my-agenda");
    if (!section) {
      return;
    }
    section.hidden = false;
    var list = section.querySelector(".my-agenda__slots");
    var empty = section.querySelector(".my-agenda__empty");
    var calendar = section.querySelector(".my-agenda__calendar");
    list.textContent = "";
    var shown = 0;
    document.querySelectorAll("article.slot").forEach(function (article) {
      if (starred.indexOf(slotId(article)) === -1) {
        return;
      }
      var heading = article.querySelector(".slot__heading");
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = "#" + article.id;
      link.textContent = heading ? heading.textContent.replace(/\s+/g, " ").trim() : article.id;
      item.appendChild(link);
      list.appendChild(item);
      shown += 1;
    });
    empty.hidden = shown > 0;
    calendar.hidden = shown === 0;
    if (shown) {
      var address = calendarAddress();
      section.querySelector(".my-agenda__download").href = address.href;
      var subscribe = new URL(address.href);
      section.querySelector(".my-agenda__subscribe").href =
        "webcal://" + subscribe.host + subscribe.pathname + subscribe.search;
      section.querySelector(".my-agenda__address").value = address.href;
    }
  }

  function toggle(button, article) {
    var id = slotId(article);
    var index = starred.indexOf(id);
    if (index === -1) {
      starred.push(id);
    } else {
      starred.splice(index, 1);
    }
    write(starred);
    button.setAttribute("aria-pressed", String(index === -1));
    showAgenda();
  }

  document.querySelectorAll("article.slot:not(.slot--break)").forEach(function (article) {
    var links = article.querySelector(".slot__links");
    var heading = article.querySelector(".slot__title");
    if (!links) {
      return;
    }
    var button = document.createElement("button");
    button.type = "button";
    button.className = "star-button";
    button.setAttribute("aria-pressed", String(starred.indexOf(slotId(article)) !== -1));
    var icon = document.createElement("span");
    icon.className = "star-button__icon";
    icon.setAttribute("aria-hidden", "true");
    var label = document.createElement("span");
    label.className = "star-button__label";
    label.textContent = data.star;
    var hidden = document.createElement("span");
    hidden.className = "visually-hidden";
    hidden.textContent = heading ? ": " + heading.textContent : "";
    button.append(icon, label, hidden);
    button.addEventListener("click", function () {
      toggle(button, article);
    });
    links.insertBefore(button, links.firstChild);
  });
  showAgenda();
  document.addEventListener("plenary:times-shown", showAgenda);
})();
