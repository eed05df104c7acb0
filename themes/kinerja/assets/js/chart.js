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
    // The table row of each category: by position when the table has one
    // row per category, else by its row header's text.
    const rowOf = cats.map((c, k) => rows.length === cats.length ? rows[k]
      : rows.find(r => r.cells[0] && r.cells[0].textContent.trim() === String(c)));
    // Where each category sits on the chart: categories are evenly
    // spaced, so two axis labels that the chart shows (it hides those that
    // would overlap) place them all. Measured on screen when needed.
    const texts = [...svg.querySelectorAll("text")];
    const known = [];
    cats.forEach((c, k) => {
      const t = texts.find(t => t.textContent === String(c));
      if (t) known.push([k, t]);
    });
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
      const cells = [...rowOf[k].cells];
      rowOf[k].classList.add("is-current");
      out.textContent = cells[0].textContent.trim() + ": " +
        cells.slice(1).map((c, j) => heads[j + 1] + " " + c.textContent.trim().replace(/\s+/g, " ")).join("; ");
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
