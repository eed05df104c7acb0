// Turns SVG into PNG for kinerja's link previews (generator/chart/raster.go)
// with resvg (npm @resvg/resvg-js, pinned in package-lock.json; its native
// program comes in the platform package, such as
// @resvg/resvg-js-linux-x64-gnu). kinerja starts `node raster.js` with
// NODE_PATH naming the node_modules folder that holds it.
//
// Protocol: NDJSON in both directions.
//   first line out:  {"ready":true,"resvg":"2.6.2"}  or  {"ready":false,"error":"…"}
//   each line in:    {"id":"…","svg":"<svg …>","out":"/path/x.png","width":1200}
//   each line out:   {"id":"…"} when out is written, or {"id":"…","error":"…"}
// Fonts: the folder in KINERJA_FONTS (DejaVu Sans), else the system's.
'use strict';

const fs = require('fs');
const readline = require('readline');

function send(obj) {
  process.stdout.write(JSON.stringify(obj) + '\n');
}
for (const level of ['log', 'info', 'debug', 'warn', 'error']) {
  console[level] = (...args) => process.stderr.write(args.join(' ') + '\n');
}

let resvg;
let version = '';
try {
  resvg = require('@resvg/resvg-js');
  version = require('@resvg/resvg-js/package.json').version;
} catch (e) {
  send({ ready: false, error: String((e && e.message) || e) });
  process.exit(0);
}
send({ ready: true, resvg: version });

const fonts = process.env.KINERJA_FONTS;
const font = fonts
  ? { loadSystemFonts: false, fontDirs: [fonts], defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' }
  : { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' };

const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
rl.on('line', (line) => {
  if (line.trim() === '') {
    return;
  }
  let id = null;
  try {
    const req = JSON.parse(line);
    id = req.id;
    const png = new resvg.Resvg(req.svg, { font, fitTo: { mode: 'width', value: req.width } }).render().asPng();
    const tmp = req.out + '.tmp-' + process.pid;
    fs.writeFileSync(tmp, png);
    fs.renameSync(tmp, req.out);
    send({ id });
  } catch (e) {
    send({ id, error: String((e && e.message) || e) });
  }
});
rl.on('close', () => process.exit(0));
