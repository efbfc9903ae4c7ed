// Writes one page for headless Chromium (one launch for every check of
// tests/cli/test_graph.sh) that
//  - shows Graphviz SVGs inline and counts, per SVG, the nodes (the
//    timeline's rows) the browser laid out with a visible size:
//    "svg ok NAME DRAWN/TOTAL";
//  - parses Mermaid texts with the real mermaid parser (the locked npm
//    package) and draws them: "mermaid ok NAME NODES" or
//    "mermaid bad NAME: error".
// The page's body ends up as those lines, the SVG ones first.
// usage: node page.js OUT.html [svg NAME=FILE...] [mermaid NAME=FILE...]
'use strict';
const fs = require('fs');
const path = require('path');
const lib = path.join(__dirname, 'node_modules', 'mermaid', 'dist', 'mermaid.min.js');
const [out, ...args] = process.argv.slice(2);
const items = { svg: [], mermaid: [] };
let kind = null;
for (const a of args) {
  if (a in items) { kind = a; continue; }
  const eq = a.indexOf('=');
  if (!kind || eq < 1) throw new Error(`page.js: ${a}: want svg|mermaid, then NAME=FILE`);
  items[kind].push({ name: a.slice(0, eq), text: fs.readFileSync(a.slice(eq + 1), 'utf8') });
}
let body = '';
for (const it of items.svg) body += `<section data-name="${it.name}">${it.text}</section>\n`;
const mermaidScript = items.mermaid.length ? `<script src="file://${lib}"></script>` : '';
fs.writeFileSync(out, `<!DOCTYPE html><html><head><meta charset="utf-8">
${mermaidScript}</head><body><pre id="result">pending</pre>${body}<div id="draw"></div>
<script>
const texts = ${JSON.stringify(items.mermaid).replace(/</g, '\\u003c')};
const lines = [];
for (const s of document.querySelectorAll('section')) {
  const nodes = s.querySelectorAll('svg g.node, svg g.row');
  let drawn = 0;
  for (const n of nodes) { const b = n.getBBox(); if (b.width > 0 && b.height > 0) drawn++; }
  lines.push('svg ok ' + s.dataset.name + ' ' + drawn + '/' + nodes.length);
}
for (const s of document.querySelectorAll('section')) s.remove();
(async () => {
  if (texts.length) mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i];
    try {
      await mermaid.parse(t.text);
      const { svg } = await mermaid.render('m' + i, t.text);
      const box = document.createElement('div');
      box.innerHTML = svg;
      document.getElementById('draw').appendChild(box);
      lines.push('mermaid ok ' + t.name + ' ' + box.querySelectorAll('g.node').length);
    } catch (e) {
      lines.push('mermaid bad ' + t.name + ': ' + String(e && e.message || e).split('\\n').join(' '));
    }
  }
  document.getElementById('draw').remove();
  document.getElementById('result').textContent = '\\n' + lines.join('\\n') + '\\n';
})();
</script></body></html>`);
