// docs/openapi.yaml against the server (part of make serve-test):
//   1. the document is valid OpenAPI 3.1 (@apidevtools/swagger-parser, locked);
//   2. every /v1/ response that api-test.sh recorded (SERVE_RESPONSES: an
//      index of "N METHOD PATH STATUS" lines and N.body files) has its status
//      documented for its path and method, and its body is valid against the
//      schema the document gives for that status (ajv, JSON Schema 2020-12,
//      the dialect of OpenAPI 3.1).  A URL that is not a documented path or
//      method (the 404 and 405 tests) must answer with the Error schema.
// usage: node openapi-test.js docs/openapi.yaml RESPONSES-DIR
'use strict';
const fs = require('fs');
const path = require('path');
const SwaggerParser = require('@apidevtools/swagger-parser');
const Ajv2020 = require('ajv/dist/2020').default;
const addFormats = require('ajv-formats').default;

const [specPath, dir] = process.argv.slice(2);
let failed = 0, passed = 0;
const ok = (m) => { passed++; console.log('ok: openapi: ' + m); };
const bad = (m) => { failed++; console.log('FAIL: openapi: ' + m); };

// RFC 6901: a JSON pointer token.
const tok = (s) => s.replace(/~/g, '~0').replace(/\//g, '~1');

function matchPath(paths, url) {
  const segs = url.split('?')[0].split('/');
  for (const p of Object.keys(paths)) {
    const ps = p.split('/');
    if (ps.length === segs.length && ps.every((s, i) => /^\{.*\}$/.test(s) ? segs[i] !== '' : s === segs[i]))
      return p;
  }
  return null;
}

async function main() {
  try {
    await SwaggerParser.validate(specPath);
    ok(`${path.basename(specPath)} is valid OpenAPI 3.1`);
  } catch (e) {
    bad(`${specPath} is not valid OpenAPI: ${e.message}`);
  }
  const spec = await SwaggerParser.parse(specPath);
  if (!String(spec.openapi).startsWith('3.1')) bad(`openapi is ${spec.openapi}, not 3.1`);
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(spec, 'openapi.json');
  const compiled = new Map();
  const validator = (ptr) => {
    if (!compiled.has(ptr)) compiled.set(ptr, ajv.getSchema('openapi.json#' + ptr));
    return compiled.get(ptr);
  };
  const lines = fs.readFileSync(path.join(dir, 'index'), 'utf8').split('\n').filter(Boolean);
  if (lines.length < 20) bad(`only ${lines.length} responses were recorded`);
  const seen = new Set();
  for (const line of lines) {
    const [n, method, url, status] = line.split(' ');
    const text = fs.readFileSync(path.join(dir, n + '.body'), 'utf8');
    const what = `${method} ${url} ${status}`;
    let body;
    try {
      body = JSON.parse(text);
    } catch (e) {
      bad(`${what}: the body is not JSON: ${text.slice(0, 120)}`);
      continue;
    }
    const p = matchPath(spec.paths, url);
    const op = p && spec.paths[p][method.toLowerCase()];
    let ptr;
    if (!op) {
      // Not a documented operation: only the 404 (no such endpoint) and 405 answers may come back.
      if (status !== '404' && status !== '405') { bad(`${what}: not in the document, yet answered ${status}`); continue; }
      ptr = '/components/schemas/Error';
    } else {
      let resp = op.responses[status];
      let rptr = `/paths/${tok(p)}/${method.toLowerCase()}/responses/${status}`;
      if (!resp) { bad(`${what}: status ${status} is not documented for ${method} ${p}`); continue; }
      if (resp.$ref) {
        rptr = resp.$ref.replace(/^#/, '');
        resp = rptr.split('/').slice(1).reduce((o, k) => o[k.replace(/~1/g, '/').replace(/~0/g, '~')], spec);
      }
      if (!resp.content || !resp.content['application/json']) { bad(`${what}: no application/json schema documented`); continue; }
      ptr = `${rptr}/content/application~1json/schema`;
      seen.add(`${method} ${p} ${status}`);
    }
    const v = validator(ptr);
    if (!v) { bad(`${what}: no schema at #${ptr}`); continue; }
    if (v(body)) ok(`${what} matches #${ptr}`);
    else bad(`${what} does not match #${ptr}: ${ajv.errorsText(v.errors, { separator: '; ' })}`);
  }
  // Every documented operation was called at least once with its success status.
  for (const [p, ops] of Object.entries(spec.paths))
    for (const m of Object.keys(ops))
      if (['get', 'post'].includes(m) && !seen.has(`${m.toUpperCase()} ${p} 200`))
        bad(`${m.toUpperCase()} ${p}: no 200 response was validated`);
  console.log(`openapi: ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((e) => { console.log('FAIL: openapi: ' + (e.stack || e)); process.exit(1); });
