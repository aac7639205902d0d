/* Dates and times in this back office are the event's own (a slot at 10:00 in New York is
   typed 10:00): the admin's "Note: You are 1 hour behind server time" under every date
   and time field does not apply. The note is drawn, on window load, only when the page
   carries the server's UTC offset; it is taken away before that. */
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  delete document.body.dataset.adminUtcOffset;
});
