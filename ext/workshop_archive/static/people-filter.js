// The People page: a box that filters the list as you type (name or other spelling, accents
// ignored), and hides the letters left empty. Without this script the page is the full list with
// its A-Z bar. It makes no request.
(() => {
  const bar = document.querySelector(".ws-letter-bar");
  const text = document.querySelector(".ws-people-filter-label");
  if (!bar || !text) return;
  const fold = (s) => s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  const entries = [...document.querySelectorAll(".ws-person")];
  const keys = entries.map((entry) => fold(
    [entry.querySelector("h3"), entry.querySelector(".ws-aliases")]
      .map((part) => (part ? part.textContent : "")).join(" ")));
  const sections = [...document.querySelectorAll("section.ws-letter")];
  const label = document.createElement("label");
  label.className = "ws-people-filter";
  label.textContent = text.textContent + " ";
  const input = document.createElement("input");
  input.type = "search";
  input.autocomplete = "off";
  label.append(input);
  const count = document.createElement("span");
  count.className = "ws-people-count";
  count.setAttribute("aria-live", "polite");
  label.append(count);
  bar.before(label);
  input.addEventListener("input", () => {
    const words = fold(input.value).split(/\s+/).filter(Boolean);
    let shown = 0;
    entries.forEach((entry, index) => {
      const hit = words.every((word) => keys[index].includes(word));
      entry.hidden = !hit;
      shown += hit ? 1 : 0;
    });
    sections.forEach((section) => {
      section.hidden = !section.querySelector(".ws-person:not([hidden])");
    });
    count.textContent = words.length ? ` ${shown} / ${entries.length}` : "";
  });
})();
