/* Search page: start Pagefind UI (self-hosted bundle) and run the ?q= query, if any. */
(function () {
  "use strict";
  function start() {
    var el = document.getElementById("search");
    if (!el || typeof PagefindUI === "undefined") { return; }
    var ui = new PagefindUI({
      element: "#search",
      bundlePath: el.getAttribute("data-bundle-path"),
      baseUrl: el.getAttribute("data-base-url") || "/",
      showSubResults: false,
      showImages: false,
      resetStyles: false,
      openFilters: ["topic", "participant", "year"],
      translations: { placeholder: "Search the briefings" }
    });
    // Pagefind UI's input has a placeholder but no label: give it an accessible name.
    var input = el.querySelector("input");
    if (input) {
      input.setAttribute("aria-label", "Search the briefings");
      input.id = input.id || "search-input";
    }
    var q = new URLSearchParams(window.location.search).get("q");
    if (q) { ui.triggerSearch(q); }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
