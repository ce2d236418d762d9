(function () {
  "use strict";
  var RANK = { suggestion: 0, warning: 1, error: 2 };
  var boxes = Array.prototype.slice.call(document.querySelectorAll("#filters input[data-level]"));
  var sup = document.getElementById("show-suppressed");
  var findings = Array.prototype.slice.call(document.querySelectorAll("article.finding"));
  var marks = Array.prototype.slice.call(document.querySelectorAll("mark.hl[data-findings]"));
  var groups = Array.prototype.slice.call(document.querySelectorAll("section.group"));

  function readHash() {
    // #levels=error,warning&suppressed=1 selects the filters (bookmarkable, used by tests)
    var h = window.location.hash.replace(/^#/, "");
    if (h.indexOf("levels=") !== 0 && h.indexOf("suppressed=") !== 0) return;
    var params = {};
    h.split("&").forEach(function (kv) {
      var i = kv.indexOf("=");
      if (i > 0) params[decodeURIComponent(kv.slice(0, i))] = decodeURIComponent(kv.slice(i + 1));
    });
    if ("levels" in params) {
      var want = params.levels.split(",");
      boxes.forEach(function (b) { b.checked = want.indexOf(b.getAttribute("data-level")) >= 0; });
    }
    if (sup && "suppressed" in params) sup.checked = params.suppressed === "1";
  }

  function apply() {
    var on = {};
    boxes.forEach(function (b) { if (b.checked) on[b.getAttribute("data-level")] = true; });
    var showSup = !!(sup && sup.checked);
    var visible = {};
    var shown = 0;
    findings.forEach(function (f) {
      var vis = !!on[f.getAttribute("data-level")] && (showSup || f.getAttribute("data-suppressed") !== "1");
      f.hidden = !vis;
      if (vis) { visible[f.id] = f.getAttribute("data-level"); shown += 1; }
    });
    groups.forEach(function (g) {
      // a group (one figure, one relation) is hidden when none of its findings is shown
      var members = Array.prototype.slice.call(g.querySelectorAll("article.finding"));
      g.hidden = !members.some(function (f) { return !f.hidden; });
    });
    marks.forEach(function (m) {
      var best = -1, bestLevel = null, count = 0;
      m.getAttribute("data-findings").split(" ").forEach(function (id) {
        var lvl = visible[id];
        if (lvl) { count += 1; if (RANK[lvl] > best) { best = RANK[lvl]; bestLevel = lvl; } }
      });
      m.classList.remove("lvl-error", "lvl-warning", "lvl-suggestion");
      if (bestLevel) { m.classList.add("lvl-" + bestLevel); m.classList.remove("off"); }
      else { m.classList.add("off"); }
      m.setAttribute("data-visible", String(count));
    });
    var counter = document.getElementById("shown-count");
    if (counter) counter.textContent = String(shown);
    document.body.setAttribute("data-shown", String(shown));
  }

  function jump(id) {
    var el = document.getElementById(id);
    if (!el) return;
    el.scrollIntoView({ block: "center" });
    el.classList.add("flash");
    window.setTimeout(function () { el.classList.remove("flash"); }, 1200);
  }

  marks.forEach(function (m) {
    m.addEventListener("click", function () {
      var ids = m.getAttribute("data-findings").split(" ");
      for (var i = 0; i < ids.length; i++) {
        var f = document.getElementById(ids[i]);
        if (f && !f.hidden && f.closest("#findings")) { jump(ids[i]); return; }
      }
    });
  });
  boxes.forEach(function (b) { b.addEventListener("change", apply); });
  if (sup) sup.addEventListener("change", apply);
  readHash();
  apply();
  document.body.setAttribute("data-ready", "1");
})();
