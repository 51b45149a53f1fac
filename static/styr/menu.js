// The main menu on small screens: a button shows and hides it. Without JavaScript the
// menu is simply always shown (the page's CSS hides it only when this script has run).
document.documentElement.classList.add("js");
document.addEventListener("DOMContentLoaded", () => {
  const button = document.querySelector(".styr-menu-button");
  const nav = document.querySelector(".styr-nav");
  if (!button || !nav) return;
  button.addEventListener("click", () => {
    const open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", String(open));
    nav.classList.toggle("is-open", open);
  });
});
