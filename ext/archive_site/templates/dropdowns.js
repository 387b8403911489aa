// The theme's dropdown menus (the colour-mode switcher, the navbar's "More") without Bootstrap's
// 81 KB script: a button with data-bs-toggle="dropdown" opens the .dropdown-menu after it.
// Bootstrap's stylesheet still shows and places the menu (.show, data-bs-popper="static").
(() => {
  const buttons = document.querySelectorAll('[data-bs-toggle="dropdown"]');
  const menuOf = (button) => button.nextElementSibling;
  const items = (button) => [...menuOf(button).querySelectorAll(".dropdown-item")];
  const setOpen = (button, open) => {
    button.setAttribute("aria-expanded", String(open));
    menuOf(button).classList.toggle("show", open);
    menuOf(button).dataset.bsPopper = "static";
  };
  const closeAll = (except) => buttons.forEach((b) => b !== except && setOpen(b, false));
  buttons.forEach((button) => {
    setOpen(button, false);
    button.addEventListener("click", () => {
      closeAll(button);
      setOpen(button, button.getAttribute("aria-expanded") !== "true");
    });
    button.parentElement.addEventListener("keydown", (event) => {
      const list = items(button);
      const at = list.indexOf(document.activeElement);
      if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
        setOpen(button, false);
        button.focus();
      } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        setOpen(button, true);
        const down = event.key === "ArrowDown";
        const next = at < 0 ? (down ? 0 : list.length - 1) : (at + (down ? 1 : -1) + list.length) % list.length;
        list[next].focus();
      }
    });
    menuOf(button).addEventListener("click", () => setOpen(button, false));
  });
  document.addEventListener("click", (event) => {
    if (!event.target.closest(".dropdown")) closeAll();
  });
})();
