/* The reader's own time beside each time of a schedule (workshop_archive: the empty slots come
   from exports.CalendarLinks, the script is added to the pages that have them by exports/head.py).
   The schedule states the event's time and zone; this adds, in the empty slot the page reserves
   for it, the same moment in the reader's timezone, when that differs. Nothing else changes. */
(function () {
  "use strict";
  var slots = document.querySelectorAll(".ws-local[data-start]");
  if (!slots.length || !window.Intl) { return; }
  var reader = Intl.DateTimeFormat().resolvedOptions().timeZone;
  var clock = { hour: "numeric", minute: "2-digit" };
  slots.forEach(function (slot) {
    var start = new Date(slot.dataset.start);
    var end = slot.dataset.end ? new Date(slot.dataset.end) : null;
    var zone = slot.dataset.zone;
    var inEvent = new Intl.DateTimeFormat("en-US", Object.assign({ timeZone: zone, weekday: "short" }, clock));
    var inReader = new Intl.DateTimeFormat("en-US", Object.assign({ timeZone: reader, weekday: "short" }, clock));
    if (inEvent.format(start) === inReader.format(start)) { return; }
    var sameDay = new Intl.DateTimeFormat("en-CA", { timeZone: zone }).format(start) ===
      new Intl.DateTimeFormat("en-CA", { timeZone: reader }).format(start);
    var options = Object.assign({ timeZoneName: "short" }, clock, sameDay ? {} : { weekday: "short" });
    var local = new Intl.DateTimeFormat(document.documentElement.lang || undefined, options);
    var shown = end && local.formatRange ? local.formatRange(start, end) : local.format(start);
    slot.textContent = shown + " " + slot.dataset.label;
  });
})();
