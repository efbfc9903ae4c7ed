// Writes a page that shows Graphviz SVGs inline and counts, per SVG, the
// nodes (the timeline's rows) the browser laid out with a visible size:
// "ok NAME DRAWN/TOTAL".
// usage: node svg-count.js OUT.html NAME=FILE...
'use strict';
const fs = require('fs');
const [out, ...items] = process.argv.slice(2);
let body = '';
for (const it of items) {
  const eq = it.indexOf('=');
  body += `<section data-name="${it.slice(0, eq)}">${fs.readFileSync(it.slice(eq + 1), 'utf8')}</section>\n`;
}
fs.writeFileSync(out, `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>
<pre id="result">pending</pre>${body}
<script>
const lines = [];
for (const s of document.querySelectorAll('section')) {
  const nodes = s.querySelectorAll('svg g.node, svg g.row');
  let drawn = 0;
  for (const n of nodes) { const b = n.getBBox(); if (b.width > 0 && b.height > 0) drawn++; }
  lines.push('ok ' + s.dataset.name + ' ' + drawn + '/' + nodes.length);
}
for (const s of document.querySelectorAll('section')) s.remove();
document.getElementById('result').textContent = '\\n' + lines.join('\\n') + '\\n';
</script></body></html>`);
