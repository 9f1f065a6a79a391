/* Claims report behaviour: type filter, tooltip placement and dismissal, keyboard shortcuts. */
(function () {
  "use strict";

  function each(list, fn) { Array.prototype.forEach.call(list, fn); }

  // Filter by claim type, per article: hide list entries and un-highlight the text.
  document.addEventListener("change", function (event) {
    var box = event.target;
    if (!box.matches || !box.matches("input[data-filter-type]")) { return; }
    var article = box.closest(".article");
    var type = box.getAttribute("data-filter-type");
    each(article.querySelectorAll(".cl[data-type], .ci[data-type]"), function (el) {
      if (el.getAttribute("data-type") !== type) { return; }
      if (el.classList.contains("ci")) { el.hidden = !box.checked; }
      else { el.classList.toggle("off", !box.checked); }
    });
    var shown = article.querySelectorAll(".ci:not([hidden])").length;
    var total = article.querySelectorAll(".ci").length;
    var status = article.querySelector(".status");
    if (status) { status.textContent = "Showing " + shown + " of " + total + " claims."; }
  });

  // Keep a tooltip inside the viewport (phones): shift it left when it would overflow.
  function place(mark) {
    var tip = mark.querySelector(":scope > .tip");
    if (!tip) { return; }
    tip.style.left = "";
    var rect = tip.getBoundingClientRect();
    var room = document.documentElement.clientWidth - 8;
    if (rect.right > room) { tip.style.left = Math.min(0, room - rect.right) + "px"; }
    rect = tip.getBoundingClientRect();
    if (rect.left < 8) { tip.style.left = (parseFloat(tip.style.left || "0") + 8 - rect.left) + "px"; }
    // Below the mark by default; above it when it would run off the bottom of the window.
    mark.classList.remove("tip-above");
    rect = tip.getBoundingClientRect();
    if (rect.bottom > window.innerHeight && mark.getBoundingClientRect().top > rect.height + 8) {
      mark.classList.add("tip-above");
    }
  }
  function markOf(target) { return target && target.closest ? target.closest(".m") : null; }
  document.addEventListener("mouseover", function (event) {
    var mark = markOf(event.target);
    if (mark) { mark.classList.remove("tip-off"); requestAnimationFrame(function () { place(mark); }); }
  });
  document.addEventListener("focusin", function (event) {
    var mark = markOf(event.target);
    if (mark) { mark.classList.remove("tip-off"); requestAnimationFrame(function () { place(mark); }); }
  });

  // Escape dismisses an open tooltip; j / k move to the next / previous claim in the list.
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      each(document.querySelectorAll(".m:hover, .m:focus"), function (m) { m.classList.add("tip-off"); });
      return;
    }
    if (event.altKey || event.ctrlKey || event.metaKey) { return; }
    var tag = (event.target.tagName || "").toLowerCase();
    if (tag === "input" || tag === "textarea" || tag === "select") { return; }
    if (event.key !== "j" && event.key !== "k") { return; }
    var links = Array.prototype.filter.call(document.querySelectorAll(".ci-text"), function (a) {
      return !a.closest(".ci").hidden;
    });
    if (!links.length) { return; }
    var at = links.indexOf(document.activeElement);
    var next = event.key === "j" ? Math.min(at + 1, links.length - 1) : Math.max(at - 1, 0);
    links[next].focus();
    event.preventDefault();
  });

  // Following a claim link moves keyboard focus into the text, to the claim itself.
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a.ci-text") : null;
    if (!link) { return; }
    var target = document.getElementById(link.getAttribute("href").slice(1));
    if (target) { event.preventDefault(); target.scrollIntoView({block: "center"}); target.focus({preventScroll: true}); }
  });

  // Index search: filter rows by title, source or id.
  var search = document.getElementById("index-search");
  if (search) {
    search.addEventListener("input", function () {
      var needle = search.value.trim().toLowerCase();
      var shown = 0;
      each(document.querySelectorAll("tr[data-search]"), function (row) {
        var hit = !needle || row.getAttribute("data-search").indexOf(needle) !== -1;
        row.hidden = !hit;
        if (hit) { shown += 1; }
      });
      var status = document.getElementById("index-status");
      if (status) { status.textContent = shown + (shown === 1 ? " article matches." : " articles match."); }
    });
  }
})();
