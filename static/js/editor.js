/* The programme editor (templates/admin/conference/event/editor/): suggestions of people
   already known while a name is typed, a file chosen or dropped is uploaded at once, and
   slots move by drag and drop. Everything also works with the keyboard, and the forms
   work without this script. */
(function () {
  "use strict";

  // People already known: an ARIA combobox over the name field ------------------------------

  let timer = null;

  function listFor(input) {
    return document.getElementById(input.getAttribute("aria-controls"));
  }

  function closeList(input) {
    const list = listFor(input);
    if (!list) return;
    list.hidden = true;
    list.replaceChildren();
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }

  function choose(input, option) {
    const form = input.form;
    input.value = option.dataset.name;
    form.querySelector("input[name=person_id]").value = option.dataset.id;
    const designation = form.querySelector("[name=designation]");
    if (designation && option.dataset.details) designation.placeholder = option.dataset.details;
    closeList(input);
  }

  function showSuggestions(input, results) {
    const list = listFor(input);
    list.replaceChildren();
    results.forEach(function (person, index) {
      const option = document.createElement("li");
      option.id = list.id + "-" + index;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.dataset.id = person.id;
      option.dataset.name = person.name;
      option.dataset.details = person.details;
      const name = document.createElement("span");
      name.className = "editor-suggestion__name";
      name.textContent = (person.honorific ? person.honorific + " " : "") + person.name;
      option.append(name);
      if (person.details) {
        const details = document.createElement("span");
        details.className = "editor-suggestion__details";
        details.textContent = person.details;
        option.append(details);
      }
      list.append(option);
    });
    list.hidden = results.length === 0;
    input.setAttribute("aria-expanded", results.length ? "true" : "false");
  }

  function fetchSuggestions(input) {
    const root = document.getElementById("programme");
    const url = root.dataset.peopleUrl + "?term=" + encodeURIComponent(input.value);
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : { results: [] }; })
      .then(function (data) {
        if (document.activeElement === input) showSuggestions(input, data.results);
      })
      .catch(function () { closeList(input); });
  }

  function moveActive(input, step) {
    const list = listFor(input);
    const options = Array.from(list.querySelectorAll("[role=option]"));
    if (!options.length) return;
    const current = options.findIndex(function (o) { return o.getAttribute("aria-selected") === "true"; });
    const next = (current + step + options.length) % options.length;
    options.forEach(function (o, i) { o.setAttribute("aria-selected", i === next ? "true" : "false"); });
    input.setAttribute("aria-activedescendant", options[next].id);
    options[next].scrollIntoView({ block: "nearest" });
  }

  document.addEventListener("input", function (event) {
    const input = event.target;
    if (!input.matches || !input.matches(".editor-person-name")) return;
    input.form.querySelector("input[name=person_id]").value = "";
    clearTimeout(timer);
    if (input.value.trim().length < 2) { closeList(input); return; }
    timer = setTimeout(function () { fetchSuggestions(input); }, 200);
  });

  document.addEventListener("keydown", function (event) {
    const input = event.target;
    if (!input.matches || !input.matches(".editor-person-name")) return;
    const open = input.getAttribute("aria-expanded") === "true";
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (open) { moveActive(input, event.key === "ArrowDown" ? 1 : -1); event.preventDefault(); }
    } else if (event.key === "Enter" && open && input.getAttribute("aria-activedescendant")) {
      choose(input, document.getElementById(input.getAttribute("aria-activedescendant")));
      event.preventDefault();
    } else if (event.key === "Escape" && open) {
      closeList(input);
      event.preventDefault();
    }
  });

  document.addEventListener("mousedown", function (event) {
    const option = event.target.closest && event.target.closest(".editor-suggestions [role=option]");
    if (!option) return;
    event.preventDefault();  // the field keeps the focus
    const input = document.querySelector("[aria-controls='" + option.parentElement.id + "']");
    choose(input, option);
  });

  document.addEventListener("focusout", function (event) {
    const input = event.target;
    if (input.matches && input.matches(".editor-person-name")) closeList(input);
  });

  // A file chosen is uploaded at once -------------------------------------------------------

  document.addEventListener("change", function (event) {
    const input = event.target;
    if (input.matches && input.matches(".editor-file") && input.files.length) {
      input.form.requestSubmit();
    }
  });

  // Files dropped on a person or a slot, and slots dragged to a new place --------------------

  let draggedSlot = null;

  function dropOwner(target) {
    return target.closest && target.closest(".editor-appearance, .editor-slot");
  }

  function ownFileInput(owner) {
    const selector = owner.classList.contains("editor-appearance")
      ? ":scope > .editor-appearance__tools .editor-file"
      : ":scope > article > details .editor-slot-documents .editor-file";
    return owner.querySelector(selector);
  }

  document.addEventListener("dragstart", function (event) {
    const handle = event.target.closest && event.target.closest(".editor-handle");
    if (!handle) return;
    draggedSlot = handle.closest(".editor-slot");
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", draggedSlot.dataset.slot);
    draggedSlot.classList.add("editor-slot--dragged");
  });

  document.addEventListener("dragend", function () {
    if (draggedSlot) draggedSlot.classList.remove("editor-slot--dragged");
    draggedSlot = null;
  });

  document.addEventListener("dragover", function (event) {
    const owner = dropOwner(event.target);
    if (!owner) return;
    const files = event.dataTransfer && Array.from(event.dataTransfer.types).includes("Files");
    const slot = draggedSlot && owner.closest(".editor-slot");
    if ((files && ownFileInput(owner)) || (slot && slot.parentElement === draggedSlot.parentElement)) {
      event.preventDefault();
      owner.classList.add("editor-drop");
    }
  });

  document.addEventListener("dragleave", function (event) {
    const owner = dropOwner(event.target);
    if (owner) owner.classList.remove("editor-drop");
  });

  document.addEventListener("drop", function (event) {
    const owner = dropOwner(event.target);
    if (!owner) return;
    owner.classList.remove("editor-drop");
    if (draggedSlot) {
      const slot = owner.closest(".editor-slot");
      const slots = Array.from(slot.parentElement.children);
      event.preventDefault();
      const moved = draggedSlot;
      draggedSlot = null;
      if (slot === moved) return;
      const form = moved.querySelector(".editor-move");
      window.htmx.ajax("POST", moved.dataset.moveUrl, {
        target: "#programme",
        swap: "outerHTML",
        values: {
          position: slots.indexOf(slot),
          csrfmiddlewaretoken: form.querySelector("[name=csrfmiddlewaretoken]").value,
        },
      });
      return;
    }
    const input = ownFileInput(owner);
    if (input && event.dataTransfer.files.length) {
      event.preventDefault();
      input.files = event.dataTransfer.files;
      input.form.requestSubmit();
    }
  });
})();
