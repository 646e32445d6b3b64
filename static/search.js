// Client-side search over the index written at build time. No server needed.
(function () {
  "use strict";
  var script = document.currentScript;
  var base = script.getAttribute("data-index");
  var input = document.getElementById("search-input");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var index = null;
  function load() {
    if (index) return Promise.resolve(index);
    return fetch(base + "index.json").then(function (r) { return r.json(); }).then(function (data) { index = data; return data; });
  }
  function show(query) {
    var q = query.trim().toLowerCase();
    list.textContent = "";
    if (!q) { status.textContent = ""; return; }
    load().then(function (data) {
      var terms = q.split(/\s+/);
      var hits = data.filter(function (doc) {
        var hay = (doc.title + " " + doc.summary + " " + doc.entities.join(" ") + " " + doc.text).toLowerCase();
        return terms.every(function (t) { return hay.indexOf(t) !== -1; });
      }).slice(0, 50);
      hits.forEach(function (doc) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = doc.url; a.textContent = doc.title;
        var p = document.createElement("p");
        p.className = "meta"; p.textContent = doc.date + " — " + doc.summary;
        li.appendChild(a); li.appendChild(p); list.appendChild(li);
      });
      status.textContent = hits.length + (hits.length === 1 ? " result" : " results");
    });
  }
  input.addEventListener("input", function () { show(input.value); });
  var initial = new URLSearchParams(location.search).get("q");
  if (initial) { input.value = initial; show(initial); }
})();
