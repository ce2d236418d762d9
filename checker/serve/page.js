(function () {
  "use strict";
  // Everything shown comes from the JSON report and is inserted as text (never as HTML).
  var form = document.getElementById("draft-form");
  var draft = document.getElementById("draft");
  var nameBox = document.getElementById("name");
  var tokenBox = document.getElementById("token");
  var status = document.getElementById("status");
  var results = document.getElementById("results");
  var problems = document.getElementById("problems");
  var problemList = document.getElementById("problem-list");
  var maxBody = parseInt(document.body.getAttribute("data-max-body"), 10) || 0;
  var LEVELS = { error: 1, warning: 1, suggestion: 1 };

  if (document.body.getAttribute("data-token-required") === "1") {
    document.getElementById("token-label").hidden = false;
    tokenBox.value = window.sessionStorage.getItem("factcheck-token") || "";
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function passage(ev, level) {
    var q = el("blockquote", "passage");
    q.appendChild(el("mark", "hl lvl-" + level, ev.quote || ""));
    return q;
  }

  function value(v) {
    if (!v || typeof v !== "object") return null;
    var box = el("div", "value");
    if (v.display) {
      var d = el("div", "display", "→ ");
      d.appendChild(el("strong", null, v.display));
      box.appendChild(d);
    }
    return box.childNodes.length ? box : null;
  }

  function finding(f, i) {
    var level = LEVELS[f.level] ? f.level : "warning";
    var art = el("article", "finding lvl-" + level);
    art.id = "f" + (i + 1);
    art.setAttribute("data-level", level);
    art.setAttribute("data-rule", f.rule_id || "");
    var head = el("header");
    head.appendChild(el("span", "badge lvl-" + level, level));
    head.appendChild(el("span", "rule", f.rule_id));
    head.appendChild(el("span", "message", f.message));
    if (typeof f.score === "number") head.appendChild(el("span", "score", "score " + f.score.toFixed(2)));
    art.appendChild(head);
    var reason = f.explanation && f.explanation.reason;
    if (reason) art.appendChild(el("p", "reason", reason));
    var sides = el("div", "sides");
    (f.evidence || []).forEach(function (ev) {
      var side = el("div", "side");
      side.setAttribute("data-doc", ev.path || "");
      side.appendChild(el("div", "where", (ev.path || "?") + ":" + ev.line + ":" + ev.column));
      side.appendChild(passage(ev, level));
      var v = value(ev.value);
      if (v) side.appendChild(v);
      sides.appendChild(side);
    });
    art.appendChild(sides);
    return art;
  }

  function show(report) {
    results.textContent = "";
    var findings = report.findings || [];
    results.setAttribute("data-findings", String(findings.length));
    if (!findings.length) results.appendChild(el("p", "empty", "No disagreement found."));
    findings.forEach(function (f, i) { results.appendChild(finding(f, i)); });
    problemList.textContent = "";
    var errs = (report.errors || []).filter(function (e) { return e.kind !== "notice"; });
    errs.forEach(function (e) {
      problemList.appendChild(el("li", null, (e.path ? e.path + ": " : "") + e.message));
    });
    problems.hidden = !errs.length;
    var s = report.summary || {};
    status.className = "";
    status.textContent = findings.length + " finding" + (findings.length === 1 ? "" : "s") +
      " (" + (s.error || 0) + " errors, " + (s.warning || 0) + " warnings, " + (s.suggestion || 0) + " suggestions)";
  }

  function fail(message) {
    status.className = "failed";
    status.textContent = message;
    results.setAttribute("data-findings", "");
  }

  function check() {
    var body = JSON.stringify({ text: draft.value, name: nameBox.value || "draft.md" });
    if (maxBody && new Blob([body]).size > maxBody) { fail("The draft is larger than this service accepts."); return; }
    var headers = { "Content-Type": "application/json" };
    if (tokenBox.value) {
      headers.Authorization = "Bearer " + tokenBox.value;
      window.sessionStorage.setItem("factcheck-token", tokenBox.value);
    }
    status.className = "";
    status.textContent = "checking…";
    fetch("check", { method: "POST", headers: headers, body: body })
      .then(function (r) {
        return r.json().then(function (data) { return { ok: r.ok, status: r.status, data: data }; });
      })
      .then(function (res) {
        if (!res.ok) { fail("Error " + res.status + ": " + (res.data && res.data.error)); return; }
        show(res.data);
      })
      .catch(function (err) { fail("The service did not answer: " + err); });
  }

  form.addEventListener("submit", function (ev) { ev.preventDefault(); check(); });

  // #draft=<text>[&name=<file name>] fills the form and checks it (links from a CMS, tests)
  var h = window.location.hash.replace(/^#/, "");
  if (h.indexOf("draft=") === 0) {
    var params = {};
    h.split("&").forEach(function (kv) {
      var i = kv.indexOf("=");
      if (i > 0) params[decodeURIComponent(kv.slice(0, i))] = decodeURIComponent(kv.slice(i + 1));
    });
    draft.value = params.draft || "";
    if (params.name) nameBox.value = params.name;
    check();
  }
}());
