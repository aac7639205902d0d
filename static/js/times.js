// Times on the programme: show them in the visitor's own time zone on request (the page, and
// the page without scripts, print the event's), and during the event mark the slot under way
// and offer "Jump to now". Everything is computed here from the <time datetime> elements, so
// the cached page stays right whatever the hour.
(function () {
  "use strict";
  var dataElement = document.getElementById("programme-script-data");
  if (!dataElement || !window.Intl) {
    return;
  }
  var data = JSON.parse(dataElement.textContent);
  var language = document.documentElement.lang || undefined;
  var storageKey = "plenary:time-zone";
  var ownZone = new Intl.DateTimeFormat().resolvedOptions().timeZone;
  var note = document.querySelector(".time-zone-note");
  var times = Array.prototype.slice.call(document.querySelectorAll(".slot-time time[datetime]"));

  function remembered() {
    try {
      return window.localStorage.getItem(storageKey);
    } catch (error) {
      return null;
    }
  }

  function remember(value) {
    try {
      window.localStorage.setItem(storageKey, value);
    } catch (error) {
      // No storage: the choice lasts as long as the page.
    }
  }

  function dayOf(date, zone) {
    return new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).format(date);
  }

  function show(own) {
    var clock = new Intl.DateTimeFormat(language, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: ownZone });
    var weekday = new Intl.DateTimeFormat(language, { weekday: "short", day: "numeric", timeZone: ownZone });
    times.forEach(function (element) {
      if (!element.hasAttribute("data-event-time")) {
        element.setAttribute("data-event-time", element.textContent);
      }
      if (!own) {
        element.textContent = element.getAttribute("data-event-time");
        return;
      }
      var date = new Date(element.getAttribute("datetime"));
      var text = clock.format(date);
      if (dayOf(date, ownZone) !== dayOf(date, data.timeZone)) {
        text += " (" + weekday.format(date) + ")";
      }
      element.textContent = text;
    });
    // The agenda lists the slots' times as shown: tell it they changed.
    document.dispatchEvent(new CustomEvent("plenary:times-shown"));
    if (note) {
      if (!note.hasAttribute("data-event-note")) {
        note.setAttribute("data-event-note", note.textContent);
      }
      note.textContent = own
        ? data.ownZoneNote.replace("%(zone)s", ownZone)
        : note.getAttribute("data-event-note");
    }
  }

  if (note && times.length && ownZone && ownZone !== data.timeZone) {
    var own = remembered() === "own";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "zone-button";
    var label = function () {
      button.textContent = own ? data.eventZone : data.ownZone.replace("%(zone)s", ownZone);
    };
    button.addEventListener("click", function () {
      own = !own;
      remember(own ? "own" : "event");
      show(own);
      label();
    });
    label();
    note.insertAdjacentElement("afterend", button);
    if (own) {
      show(true);
    }
  }

  // The slot under way ------------------------------------------------------------------------
  var slots = Array.prototype.slice.call(document.querySelectorAll(".programme article.slot")).map(function (article) {
    var marks = article.querySelectorAll(".slot-time time[datetime]");
    return {
      article: article,
      start: marks.length ? new Date(marks[0].getAttribute("datetime")) : null,
      end: marks.length > 1 ? new Date(marks[1].getAttribute("datetime")) : null,
    };
  }).filter(function (slot) {
    return slot.start;
  });
  if (!slots.length) {
    return;
  }
  slots.forEach(function (slot, index) {
    // A slot without an end lasts until the next one starts (or an hour).
    if (!slot.end) {
      var next = slots[index + 1];
      slot.end = next && next.start > slot.start ? next.start : new Date(slot.start.getTime() + 3600000);
    }
  });
  var jump = null;

  function mark() {
    var now = new Date();
    var first = slots[0].start;
    var last = slots.reduce(function (latest, slot) {
      return slot.end > latest ? slot.end : latest;
    }, slots[0].end);
    var target = null;
    slots.forEach(function (slot) {
      var current = slot.start <= now && now < slot.end;
      var article = slot.article;
      var badge = article.querySelector(".now-badge");
      if (current) {
        article.classList.add("slot--now");
        article.setAttribute("aria-current", "time");
        if (!badge) {
          badge = document.createElement("span");
          badge.className = "now-badge";
          badge.textContent = data.underWay;
          var heading = article.querySelector(".slot__heading");
          heading.insertAdjacentElement("afterend", badge);
        }
        target = target || article;
      } else {
        article.classList.remove("slot--now");
        article.removeAttribute("aria-current");
        if (badge) {
          badge.remove();
        }
        if (!target && slot.start > now && now >= first) {
          target = article; // between two slots: the next one
        }
      }
    });
    var during = now >= first && now < last;
    if (during && target) {
      if (!jump) {
        var paragraph = document.createElement("p");
        paragraph.className = "jump-to-now";
        jump = document.createElement("a");
        jump.textContent = data.jumpToNow;
        paragraph.appendChild(jump);
        var programme = document.querySelector(".programme");
        programme.parentNode.insertBefore(paragraph, programme);
      }
      jump.href = "#" + target.id;
    } else if (jump) {
      jump.parentNode.remove();
      jump = null;
    }
  }

  mark();
  window.setInterval(mark, 30000);
})();
