// Client-side search over the chunked index that `brief build` writes to search/
// (format described in src/render/search.rs). No server needed: the browser fetches the
// small manifest, then only the term chunks and result chunks a query needs.
(function () {
  "use strict";
  var script = document.currentScript;
  var base = script.getAttribute("data-index");
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-input");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var more = document.getElementById("search-more");
  if (!base || !input || !list || !status) return;

  var PAGE = 10;              // results shown per page
  var MAX_PREFIX_CHUNKS = 3;  // term chunks fetched to complete a partly typed word
  var MAX_TERM_CHARS = 32;    // as in the index
  var WORD = /[^\p{Alphabetic}\p{N}]+/u;
  // Chinese, Japanese and Korean characters, as src/render/search.rs lists them: their
  // runs are searched as overlapping pairs of characters, since they are written without
  // spaces between words.
  var CJK = /([\u1100-\u11ff\u3005-\u3007\u3040-\u30ff\u3130-\u318f\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f\u{20000}-\u{2ffff}]+)/u;
  var BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

  var manifestPromise = null;
  var chunks = {};
  var generation = 0;
  var current = null;         // { results: [[doc, score]], shown: n, words: [...] }

  // The page's words for what this script shows (the search page sets them in its
  // language), English where a page does not.
  function label(name, fallback) {
    return script.getAttribute("data-" + name) || fallback;
  }
  var TOO_SHORT = label("too-short", "Type at least two letters.");
  var NO_RESULTS = label("no-results", "No results.");
  var RESULT = label("result", "{n} result");
  var RESULTS = label("results", "{n} results");
  var UNAVAILABLE = label("unavailable", "Search is unavailable ({error}).");

  function fetchJson(path) {
    return fetch(path).then(function (response) {
      if (!response.ok) throw new Error(path + ": " + response.status);
      return response.json();
    });
  }

  function manifest() {
    if (!manifestPromise) {
      manifestPromise = fetchJson(base + "manifest.json").catch(function (error) {
        manifestPromise = null;
        throw error;
      });
    }
    return manifestPromise;
  }

  function chunk(m, path) {
    var url = base + path + "?v=" + m.stamp;
    if (!chunks[url]) {
      chunks[url] = fetchJson(url).catch(function (error) {
        delete chunks[url];
        throw error;
      });
    }
    return chunks[url];
  }

  // Split like the index: lower-cased runs of letters and digits, 2 to 32 characters; a
  // run of Chinese, Japanese or Korean characters as its overlapping pairs (a single one
  // alone). With `whole`, such runs stay whole, for highlighting.
  function words(text, whole) {
    var found = [];
    text.toLowerCase().split(WORD).forEach(function (run) {
      run.split(CJK).forEach(function (part, i) {
        var chars = Array.from(part);
        if (i % 2 === 0) {
          if (chars.length >= 2 && chars.length <= MAX_TERM_CHARS) found.push(part);
        } else if (whole || chars.length === 1) {
          found.push(part);
        } else {
          for (var c = 0; c + 1 < chars.length; c++) found.push(chars[c] + chars[c + 1]);
        }
      });
    });
    return found;
  }

  // The word and, when it has accents, the word without them (the index holds both).
  function variants(word) {
    var folded = word.normalize("NFD").replace(/\p{M}/gu, "");
    return folded !== word && /^[a-z0-9]+$/.test(folded) ? [word, folded] : [word];
  }

  // Base64 VLQ (as in source maps) -> numbers.
  function decode(text) {
    var numbers = [], value = 0, scale = 1;
    for (var i = 0; i < text.length; i++) {
      var digit = BASE64.indexOf(text.charAt(i));
      value += (digit & 31) * scale;
      if (digit & 32) { scale *= 32; continue; }
      numbers.push(value % 2 ? -(value - 1) / 2 : value / 2);
      value = 0;
      scale = 1;
    }
    return numbers;
  }

  // Index of the last term chunk whose first term is <= term.
  function chunkFor(m, term) {
    var firsts = m.term_chunks, lo = 0, hi = firsts.length - 1, found = 0;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (firsts[mid] <= term) { found = mid; lo = mid + 1; } else { hi = mid - 1; }
    }
    return found;
  }

  function chunksFor(m, term, prefix) {
    var first = chunkFor(m, term), found = [first];
    if (prefix) {
      for (var i = first + 1; i < m.term_chunks.length && found.length < MAX_PREFIX_CHUNKS; i++) {
        if (m.term_chunks[i].lastIndexOf(term, 0) !== 0) break;
        found.push(i);
      }
    }
    return found;
  }

  // Scores of the documents matching one query word: doc -> score. A prefix match (a
  // word still being typed) counts less than the whole word.
  function matchWord(m, word, prefix) {
    if (!m.term_chunks.length) return Promise.resolve(new Map());
    var terms = variants(word);
    var wanted = {};
    terms.forEach(function (t) {
      chunksFor(m, t, prefix).forEach(function (c) { wanted[c] = true; });
    });
    return Promise.all(Object.keys(wanted).map(function (c) {
      return chunk(m, "terms/" + c + ".json");
    })).then(function (loaded) {
      var scores = new Map();
      loaded.forEach(function (entries) {
        entries.forEach(function (entry) {
          var term = entry[0], factor = 0;
          terms.forEach(function (t) {
            if (term === t) factor = 1;
            else if (prefix && factor < 0.6 && term.lastIndexOf(t, 0) === 0) factor = 0.6;
          });
          if (!factor) return;
          var postings = decode(entry[1]);
          var idf = Math.log(1 + m.docs / (postings.length / 2));
          var doc = 0;
          for (var i = 0; i < postings.length; i += 2) {
            doc += postings[i];
            var score = factor * idf * (1 + Math.log(postings[i + 1]));
            if (!(scores.get(doc) >= score)) scores.set(doc, score);
          }
        });
      });
      return scores;
    });
  }

  // Documents matching every word, best first (ties: newest first, as docs are numbered).
  function search(m, query) {
    var found = words(query);
    var typing = !/\s$/.test(query);
    return Promise.all(found.map(function (w, i) {
      return matchWord(m, w, typing && i === found.length - 1);
    })).then(function (perWord) {
      if (!perWord.length) return [];
      perWord.sort(function (a, b) { return a.size - b.size; });
      var results = [];
      perWord[0].forEach(function (score, doc) {
        for (var i = 1; i < perWord.length; i++) {
          var other = perWord[i].get(doc);
          if (other === undefined) return;
          score += other;
        }
        results.push([doc, score]);
      });
      results.sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
      return results;
    });
  }

  // Marks where the query's words start a word; its Chinese, Japanese and Korean runs
  // wherever they are.
  function highlight(element, text, terms) {
    if (!terms.length) { element.textContent = text; return; }
    var escape = function (t) { return t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); };
    var starts = terms.filter(function (t) { return !CJK.test(t); }).map(escape);
    var anywhere = terms.filter(function (t) { return CJK.test(t); }).map(escape);
    var alternatives = [];
    if (starts.length) alternatives.push("(?<![\\p{Alphabetic}\\p{N}])(?:" + starts.join("|") + ")");
    if (anywhere.length) alternatives.push("(?:" + anywhere.join("|") + ")");
    var pattern = new RegExp(alternatives.join("|"), "giu");
    var last = 0, match;
    while ((match = pattern.exec(text))) {
      element.appendChild(document.createTextNode(text.slice(last, match.index)));
      var mark = document.createElement("mark");
      mark.textContent = match[0];
      element.appendChild(mark);
      last = match.index + match[0].length;
    }
    element.appendChild(document.createTextNode(text.slice(last)));
  }

  function render(doc, terms) {
    var item = document.createElement("li");
    var heading = document.createElement("h2");
    heading.className = "search-result-title";
    var link = document.createElement("a");
    link.href = doc[0];
    highlight(link, doc[1], terms);
    heading.appendChild(link);
    var meta = document.createElement("p");
    meta.className = "meta";
    meta.textContent = doc[2];
    var summary = document.createElement("p");
    summary.className = "summary";
    highlight(summary, doc[3], terms);
    item.appendChild(heading);
    item.appendChild(meta);
    item.appendChild(summary);
    return item;
  }

  // Shows the next page of the current results, fetching only the doc chunks it needs.
  function showMore(m, mine) {
    var page = current.results.slice(current.shown, current.shown + PAGE);
    var needed = {};
    page.forEach(function (r) { needed[Math.floor(r[0] / m.doc_chunk)] = true; });
    return Promise.all(Object.keys(needed).map(function (c) {
      return chunk(m, "docs/" + c + ".json").then(function (docs) { return [c, docs]; });
    })).then(function (loaded) {
      if (mine !== generation) return;
      var byChunk = {};
      loaded.forEach(function (pair) { byChunk[pair[0]] = pair[1]; });
      page.forEach(function (r) {
        var doc = byChunk[Math.floor(r[0] / m.doc_chunk)][r[0] % m.doc_chunk];
        list.appendChild(render(doc, current.words));
      });
      current.shown += page.length;
      if (more) more.hidden = current.shown >= current.results.length;
    });
  }

  function update(query) {
    var mine = ++generation;
    var found = words(query);
    if (!found.length) {
      list.textContent = "";
      status.textContent = query.trim() ? TOO_SHORT : "";
      if (more) more.hidden = true;
      return;
    }
    manifest().then(function (m) {
      return search(m, query).then(function (results) {
        if (mine !== generation) return;
        list.textContent = "";
        current = { results: results, shown: 0, words: words(query, true) };
        status.textContent = results.length === 0 ? NO_RESULTS
          : (results.length === 1 ? RESULT : RESULTS).replace("{n}", results.length);
        return showMore(m, mine);
      });
    }).catch(function (error) {
      if (mine !== generation) return;
      status.textContent = UNAVAILABLE.replace("{error}", error.message);
    });
  }

  function remember(query) {
    var url = new URL(location.href);
    if (query.trim()) url.searchParams.set("q", query); else url.searchParams.delete("q");
    history.replaceState(null, "", url);
  }

  input.addEventListener("input", function () {
    update(input.value);
    remember(input.value);
  });
  if (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      update(input.value);
      remember(input.value);
    });
  }
  if (more) {
    more.addEventListener("click", function () {
      var mine = generation;
      manifest().then(function (m) { return showMore(m, mine); });
    });
  }
  var initial = new URLSearchParams(location.search).get("q");
  if (initial) { input.value = initial; update(initial); }
})();
