// Writes a page that parses Mermaid texts with the real mermaid parser (the
// locked npm package) and draws them, for headless Chromium: the page's body
// ends up as one line per text, "ok NAME NODES" or "bad NAME: error".
// usage: node mermaid-parse.js OUT.html NAME=FILE...
'use strict';
const fs = require('fs');
const path = require('path');
const lib = path.join(__dirname, 'node_modules', 'mermaid', 'dist', 'mermaid.min.js');
const [out, ...items] = process.argv.slice(2);
const texts = items.map((it) => {
  const eq = it.indexOf('=');
  return { name: it.slice(0, eq), text: fs.readFileSync(it.slice(eq + 1), 'utf8') };
});
const page = `<!DOCTYPE html><html><head><meta charset="utf-8">
<script src="file://${lib}"></script></head><body><pre id="result">pending</pre><div id="draw"></div>
<script>
const texts = ${JSON.stringify(texts).replace(/</g, '\\u003c')};
(async () => {
  const lines = [];
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i];
    try {
      await mermaid.parse(t.text);
      const { svg } = await mermaid.render('m' + i, t.text);
      const box = document.createElement('div');
      box.innerHTML = svg;
      document.getElementById('draw').appendChild(box);
      lines.push('ok ' + t.name + ' ' + box.querySelectorAll('g.node').length);
    } catch (e) {
      lines.push('bad ' + t.name + ': ' + String(e && e.message || e).split('\\n').join(' '));
    }
  }
  document.getElementById('draw').remove();
  document.getElementById('result').textContent = '\\n' + lines.join('\\n') + '\\n';
})();
</script></body></html>`;
fs.writeFileSync(out, page);
