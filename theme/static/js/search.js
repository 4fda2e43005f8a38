/* Search page: start Pagefind UI (self-hosted bundle, merged with the archive's year shards
   listed in shards.json) and run the ?q= query, if any. */
(function () {
  "use strict";
  function start(shards) {
    var el = document.getElementById("search");
    if (!el || typeof PagefindUI === "undefined") { return; }
    var bundlePath = el.getAttribute("data-bundle-path");
    var baseUrl = el.getAttribute("data-base-url") || "/";
    var ui = new PagefindUI({
      element: "#search",
      bundlePath: bundlePath,
      baseUrl: baseUrl,
      mergeIndex: shards.map(function (path) { return { bundlePath: bundlePath + path, baseUrl: baseUrl }; }),
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
  function load() {
    var el = document.getElementById("search");
    if (!el) { return; }
    fetch(el.getAttribute("data-bundle-path") + "shards.json")
      .then(function (r) { return r.ok ? r.json() : { bundles: [] }; })
      .catch(function () { return { bundles: [] }; })
      .then(function (cfg) { start(cfg.bundles || []); });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", load);
  } else {
    load();
  }
})();
