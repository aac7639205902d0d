// Admin export page: “Select all” ticks or clears every field box, without inline handlers.
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("input.select-toggle").forEach((toggle) => {
    toggle.addEventListener("change", () => {
      document
        .querySelectorAll('.selectable-field-export-row input[type="checkbox"]')
        .forEach((box) => {
          box.checked = toggle.checked;
        });
    });
  });
});
