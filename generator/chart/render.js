// Renders ECharts options to SVG for kinerja (generator/chart/render.go).
//
// kinerja carries this file and the pinned ECharts build (echarts.min.js,
// copied from node_modules by `go generate ./generator/chart`) inside it,
// writes both into one temporary folder and starts `node render.js` there:
// no npm and no node_modules are needed where kinerja runs.
//
// Protocol: NDJSON in both directions.
//   first line out:  {"ready":true,"echarts":"6.1.0","node":"20.20.2"}
//                or  {"ready":false,"error":"echarts","detail":"…"}
//   each line in:    {"id":"…","width":400,"height":260,"locale":"id-ID","option":{…}}
//   each line out:   {"id":"…","svg":"<svg …>"} or {"id":"…","error":"…"}
// Nothing else is ever written to stdout: ECharts' console output goes to
// stderr, and what it says while drawing a chart is that chart's error.
'use strict';

const path = require('path');
const readline = require('readline');

function send(obj) {
  process.stdout.write(JSON.stringify(obj) + '\n');
}

// ECharts reports some bad options through console.error or console.warn
// and draws the rest: collect those messages so the Go side can fail the
// chart instead.
let messages = null;
for (const level of ['log', 'info', 'debug', 'warn', 'error']) {
  console[level] = (...args) => {
    const text = args.map((a) => (a instanceof Error ? a.message : String(a))).join(' ');
    if (messages !== null && (level === 'warn' || level === 'error')) {
      messages.push(text);
    }
    process.stderr.write(text + '\n');
  };
}

let echarts;
try {
  echarts = require(path.join(__dirname, 'echarts.min.js'));
} catch (e) {
  send({ ready: false, error: 'echarts', detail: String((e && e.message) || e) });
  process.exit(0);
}
send({ ready: true, echarts: echarts.version, node: process.versions.node });

// Numbers on axes and labels in the reader's language ("1.250,5" in
// Indonesian): ECharts would write "1,250.5" everywhere. The option JSON
// carries no functions (the site's CSP forbids them); they are added here,
// on the server only.
const formats = new Map();
function localize(option, locale) {
  if (!locale) {
    return option;
  }
  let nf = formats.get(locale);
  if (nf === undefined) {
    nf = new Intl.NumberFormat(locale, { maximumFractionDigits: 10 });
    formats.set(locale, nf);
  }
  const fmt = (v) => (typeof v === 'number' ? nf.format(v) : String(v));
  const list = (x) => (x == null ? [] : Array.isArray(x) ? x : [x]);
  for (const axis of list(option.xAxis).concat(list(option.yAxis))) {
    if (axis && axis.type === 'value') {
      axis.axisLabel = axis.axisLabel || {};
      if (axis.axisLabel.formatter == null) {
        axis.axisLabel.formatter = fmt;
      }
    }
  }
  const value = (p) => {
    let v = p.value;
    if (Array.isArray(v)) {
      v = v[p.encode && p.encode.x && p.encode.x.length ? p.encode.x[0] : 0];
    }
    return fmt(v);
  };
  for (const s of list(option.series)) {
    if (!s) {
      continue;
    }
    if (s.label && s.label.show && s.label.formatter == null) {
      s.label.formatter = value;
    }
    if (s.markLine) {
      s.markLine.label = s.markLine.label || {};
      if (s.markLine.label.formatter == null) {
        s.markLine.label.formatter = (p) => fmt(p.value);
      }
    }
  }
  return option;
}

function render(req) {
  let chart = null;
  messages = [];
  try {
    chart = echarts.init(null, null, {
      renderer: 'svg',
      ssr: true,
      width: req.width,
      height: req.height,
    });
    const option = localize(req.option, req.locale);
    chart.setOption(option);
    // The production build (echarts.min.js) drops ECharts' development
    // warnings, among them "unknown series type": count the series it kept.
    const wanted = option && option.series ? [].concat(option.series).length : 0;
    const kept = chart.getModel().getSeriesCount();
    if (kept !== wanted) {
      messages.push(`ECharts drew ${kept} of the ${wanted} series (an unknown series type?)`);
    }
    const svg = chart.renderToSVGString();
    if (messages.length > 0) {
      return { id: req.id, error: messages.join('; ') };
    }
    return { id: req.id, svg };
  } finally {
    messages = null;
    // An undisposed chart keeps timers and memory alive in this process.
    if (chart !== null) {
      chart.dispose();
    }
  }
}

const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
rl.on('line', (line) => {
  if (line.trim() === '') {
    return;
  }
  let id = null;
  try {
    const req = JSON.parse(line);
    id = req.id;
    send(render(req));
  } catch (e) {
    send({ id, error: String((e && e.message) || e) });
  }
});
rl.on('close', () => process.exit(0));
