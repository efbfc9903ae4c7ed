// bcp serve: the live preview of one plan.  Loads /render/PATH (the plan's
// HTML document and its findings), shows the document in a shadow root beside
// the findings, and loads it again whenever /events announces a change,
// keeping the scroll position.
'use strict';
(function () {
  const path = decodeURIComponent(location.pathname.slice('/preview/'.length));
  const doc = document.getElementById('doc');
  const shadow = doc.attachShadow({ mode: 'open' });
  const list = document.getElementById('findings');
  const summary = document.getElementById('summary');
  document.getElementById('plan-path').textContent = path;
  document.title = path + ' - bcp preview';
  let loading = null, again = false, version = 0;

  function location_of(f) {
    if (!f.file) return '';
    return f.file + (f.line ? ':' + f.line + (f.column ? ':' + f.column : '') : '');
  }

  function show_findings(findings) {
    const counts = { error: 0, warning: 0, info: 0 };
    list.textContent = '';
    for (const f of findings) {
      const li = document.createElement('li');
      const sev = f.severity || 'info';
      counts[sev] = (counts[sev] || 0) + 1;
      li.className = sev;
      const s = document.createElement('span'); s.className = 'sev'; s.textContent = sev;
      const c = document.createElement('span'); c.className = 'code';
      c.textContent = [f.code, f.name].filter(Boolean).join(' ');
      const l = document.createElement('span'); l.className = 'loc'; l.textContent = location_of(f);
      const m = document.createElement('div'); m.className = 'msg'; m.textContent = f.message || '';
      li.append(s, c, l, m);
      list.append(li);
    }
    summary.textContent = findings.length === 0 ? 'no findings'
      : counts.error + ' errors, ' + counts.warning + ' warnings, ' + counts.info + ' notes';
  }

  // The document's <style> rules, with `html` and `body` aimed at the shadow root's wrapper.
  // A plan that does not compile keeps the last document shown, marked stale.
  function show_document(html) {
    if (!html) {
      doc.classList.add('stale');
      if (!shadow.querySelector('.doc-body')) {
        shadow.textContent = '';
        const p = document.createElement('p'); p.className = 'unbuilt';
        p.textContent = 'The plan does not compile: see the findings.';
        shadow.append(p);
      }
      return;
    }
    doc.classList.remove('stale');
    shadow.textContent = '';
    const parsed = new DOMParser().parseFromString(html, 'text/html');
    for (const st of parsed.querySelectorAll('style')) {
      const style = document.createElement('style');
      style.textContent = st.textContent
        .replace(/(^|[\s,}])html(?=[\s,{.:#[>])/g, '$1:host')
        .replace(/(^|[\s,}])body(?=[\s,{.:#[>])/g, '$1.doc-body');
      shadow.append(style);
    }
    const body = document.createElement('div');
    body.className = 'doc-body';
    body.lang = parsed.documentElement.lang || '';
    for (const n of Array.from(parsed.body.childNodes)) {
      if (n.nodeName === 'SCRIPT') continue;
      body.append(document.importNode(n, true));
    }
    shadow.append(body);
  }

  async function load() {
    if (loading) { again = true; return loading; }
    loading = (async () => {
      try {
        const resp = await fetch('/render/' + encodeURI(path), { cache: 'no-store' });
        const data = await resp.json();
        const y = window.scrollY;
        if (!resp.ok) {
          show_document(null);
          show_findings([{ severity: 'error', code: data.error && data.error.code,
                           message: data.error ? data.error.message : 'cannot load' }]);
        } else {
          show_document(data.html);
          show_findings(data.findings || []);
        }
        window.scrollTo(0, y);
        document.body.dataset.version = String(++version);
      } catch (e) {
        summary.textContent = 'cannot reach bcp serve: ' + e.message;
      }
    })();
    await loading;
    loading = null;
    if (again) { again = false; await load(); }
  }

  const events = new EventSource('/events');
  events.addEventListener('change', () => { load(); });
  events.addEventListener('open', () => {
    // A change made while the stream was down is not missed.
    if (document.body.dataset.live === 'yes') load();
    document.body.dataset.live = 'yes';
  });
  load();
})();
