// Optional enhancement of the server-drawn charts (the page is complete
// without it): move across a chart with the pointer, a finger or the arrow
// keys, and read the values of that point. The values shown are the text
// of the table next to the chart, so they are the page's own exact
// numbers; the row being read is highlighted. No chart library runs here.
(() => {
  "use strict";
  for (const fig of document.querySelectorAll("section.chart figure.chart-fig")) {
    const section = fig.closest("section.chart");
    const data = section.querySelector('script[type="application/json"][data-chart]');
    const svg = fig.querySelector("svg");
    const table = section.querySelector("table");
    if (!data || !svg || !table) continue;
    let opt;
    try { opt = JSON.parse(data.textContent); } catch (e) { continue; }
    const xa = [].concat(opt.xAxis || [])[0] || {};
    const ya = [].concat(opt.yAxis || [])[0] || {};
    const across = xa.type === "category";
    const cats = (across ? xa.data : ya.data) || [];
    const rows = [...table.tBodies[0].rows];
    if (!cats.length) continue;
    // A row's header: its th[scope=row], else its first cell.
    const head = r => r.querySelector('th[scope="row"]') || r.cells[0];
    // The table row of each category: the row whose data-bar is the
    // category's label (a comparison names its bars by short labels), else
    // the row whose header is the category's name; only when some category
    // has neither, by position if the table has one row per category (a
    // trend: the axis names a quarter shorter, "TW I 2021").
    const names = cats.map(String);
    let rowOf = names.map(c => rows.find(r => r.dataset.bar === c) ||
      rows.find(r => r.dataset.bar === undefined && head(r).textContent.trim() === c));
    if (rowOf.some(r => !r) && rows.length === cats.length) rowOf = rows.slice();
    // Where each category sits on the chart: categories are evenly
    // spaced, so two axis labels that the chart shows (it hides those that
    // would overlap, cuts long ones with "..." and breaks some into lines,
    // one text per line at one place) place them all. Measured on screen
    // when needed.
    const drawn = new Map();
    for (const t of svg.querySelectorAll("text")) {
      const at = t.getAttribute("transform") || t;
      if (drawn.has(at)) drawn.get(at).s += " " + t.textContent.trim();
      else drawn.set(at, { t, s: t.textContent.trim() });
    }
    const known = [];
    for (const { t, s } of drawn.values()) {
      const cut = s.endsWith("...") && s.length > 3 ? s.slice(0, -3) : null;
      const ks = names.flatMap((c, k) => c === s || cut !== null && c.startsWith(cut) ? [k] : []);
      if (ks.length === 1 && !known.some(([k]) => k === ks[0])) known.push([ks[0], t]);
    }
    known.sort((a, b) => a[0] - b[0]);
    if (known.length < 2 && cats.length > 1 || known.length < 1 || rowOf.some(r => !r)) continue;
    const centre = t => {
      const b = t.getBoundingClientRect();
      return across ? b.left + b.width / 2 : b.top + b.height / 2;
    };
    const heads = [...table.tHead.rows[0].cells].map(c => c.textContent.trim());
    const out = document.createElement("p");
    out.className = "chart-readout";
    out.setAttribute("aria-live", "polite");
    fig.append(out);
    fig.tabIndex = 0;
    let cur = -1;
    const show = k => {
      k = Math.max(0, Math.min(cats.length - 1, k));
      if (cur >= 0) rowOf[cur].classList.remove("is-current");
      cur = k;
      const row = rowOf[k], h = head(row), name = h.textContent.trim();
      row.classList.add("is-current");
      // A bar named otherwise than its row says both: "Disdik (Dinas
      // Pendidikan)".
      const bar = row.dataset.bar;
      out.textContent = (bar && bar !== name ? bar + " (" + name + ")" : name) + ": " +
        [...row.cells].filter(c => c !== h).map(c => heads[c.cellIndex] + " " + c.textContent.trim().replace(/\s+/g, " ")).join("; ");
    };
    const nearest = ev => {
      const [k0, t0] = known[0], [k1, t1] = known[known.length - 1];
      const p0 = centre(t0), step = k1 === k0 ? 0 : (centre(t1) - p0) / (k1 - k0);
      const v = across ? ev.clientX : ev.clientY;
      show(step === 0 ? k0 : Math.round(k0 + (v - p0) / step));
    };
    fig.addEventListener("pointermove", nearest);
    fig.addEventListener("pointerdown", nearest);
    fig.addEventListener("keydown", ev => {
      const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[ev.key];
      if (step) show(cur < 0 ? 0 : cur + step);
      else if (ev.key === "Home") show(0);
      else if (ev.key === "End") show(cats.length - 1);
      else return;
      ev.preventDefault();
    });
  }
})();
