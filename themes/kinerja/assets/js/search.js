// Search on /cari/ (layouts/cari/section.html). The page is the complete
// A–Z list without this script; with it, focusing the field starts loading
// Pagefind's index (/pagefind/, built after Hugo by generator/search) for
// the page's language, once, so that it is there (or on its way) by the
// time the reader has typed; the status line (aria-live) says "Mencari…"
// from the moment a search starts until its matches are listed above the
// list. Nothing loads until the reader comes to the field. Text goes in
// with textContent only: no HTML from the index reaches the page.
(function () {
  'use strict';
  var out = document.getElementById('search-out');
  var input = document.getElementById('q');
  if (!out || !input || !input.form) {
    return;
  }
  var status = document.getElementById('search-status');
  if (!status) {
    return;
  }
  var list = document.getElementById('search-results');
  var pagefind = null;
  var seq = 0;
  var timer = 0;

  function say(key, n, q) {
    status.textContent = status.dataset[key].replace('{n}', String(n)).replace('{q}', q);
  }

  // A language of a large site is indexed in parts (generator/search):
  // /pagefind/parts.json names, by language, the bundles that Pagefind
  // merges into the first, so that one search looks through all of them.
  function load() {
    if (pagefind === null) {
      var lang = (document.documentElement.lang || '').toLowerCase();
      var parts = fetch('/pagefind/parts.json').then(function (r) {
        if (!r.ok) {
          throw new Error('parts.json: ' + r.status);
        }
        return r.json();
      });
      pagefind = Promise.all([import('/pagefind/pagefind.js'), parts]).then(function (x) {
        var pf = x[0];
        var more = x[1][lang] || [];
        return Promise.resolve(pf.init && pf.init()).then(function () {
          return Promise.all(more.map(function (p) { return pf.mergeIndex('/pagefind/' + p); }));
        }).then(function () { return pf; });
      });
    }
    return pagefind;
  }

  function run(q) {
    var n = ++seq;
    q = q.trim();
    if (q === '') {
      out.hidden = true;
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    say('loading', 0, q);
    load().then(function (pf) {
      return pf.search(q);
    }).then(function (r) {
      if (n !== seq) {
        return null;
      }
      return Promise.all(r.results.slice(0, 20).map(function (x) { return x.data(); }));
    }).then(function (rows) {
      if (rows === null || n !== seq) {
        return;
      }
      out.hidden = false;
      list.replaceChildren.apply(list, rows.map(function (d) {
        var li = document.createElement('li');
        var a = document.createElement('a');
        a.href = d.url;
        a.textContent = (d.meta && d.meta.title) || d.url;
        li.appendChild(a);
        // The excerpt is HTML from the index: parsed inertly, and only its
        // text is shown.
        var text = d.excerpt ? new DOMParser().parseFromString(d.excerpt, 'text/html').body.textContent : '';
        if (text) {
          var p = document.createElement('p');
          p.className = 'hint';
          p.textContent = text;
          li.appendChild(p);
        }
        return li;
      }));
      say(rows.length === 0 ? 'none' : rows.length === 1 ? 'single' : 'other', rows.length, q);
    }, function () {
      if (n === seq) {
        list.replaceChildren();
        say('unavailable', 0, q);
      }
    });
  }

  input.addEventListener('focus', function () {
    load().catch(function () {}); // run() reports a failure
  });
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () { run(input.value); }, 200);
  });
  input.form.addEventListener('submit', function (e) {
    e.preventDefault();
    clearTimeout(timer);
    history.replaceState(null, '', '?q=' + encodeURIComponent(input.value.trim()));
    run(input.value);
  });
  var q = new URLSearchParams(location.search).get('q');
  if (q) {
    input.value = q;
    run(q);
  }
})();
