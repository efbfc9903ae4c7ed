// Protocol test of `bcp lsp` driven by a real LSP client (vscode-jsonrpc and
// vscode-languageserver-protocol from npm): opens the examples, edits them,
// and asserts diagnostics, completion, hover, definition, references, rename,
// formatting, code actions and the protocol's error answers at exact positions.
//
//   node protocol-test.js BCP [REPO]
'use strict';
const cp = require('child_process');
const fs = require('fs');
const path = require('path');
const rpc = require('vscode-jsonrpc/node');
const P = require('vscode-languageserver-protocol');

const bcp = path.resolve(process.argv[2] || 'build/bcp');
const repo = path.resolve(process.argv[3] || path.join(__dirname, '..', '..'));
const TODAY = '2026-12-04';
let failures = 0, checks = 0;
const cacheDir = fs.mkdtempSync(path.join(require('os').tmpdir(), 'bcp-lsp-cache-'));

function ok(cond, what, got) {
    checks++;
    if (!cond) {
        failures++;
        console.error(`FAIL: ${what}` + (got !== undefined ? `\n  got: ${JSON.stringify(got).slice(0, 600)}` : ''));
    }
}
const has = (d, code) => d.some((x) => x.code === code);
function uriOf(p) { return 'file://' + p.split('/').map(encodeURIComponent).join('/'); }
// The LSP position of the `delta`-th UTF-16 unit after the start of `needle`.
function pos(text, needle, delta = 0, from = 0) {
    const i = text.indexOf(needle, from);
    if (i < 0) throw new Error(`not in the text: ${needle}`);
    const at = i + delta;
    const line = text.slice(0, at).split('\n').length - 1;
    return { line, character: at - (text.lastIndexOf('\n', at - 1) + 1) };
}
function offsetOf(text, p) {
    const lines = text.split('\n');
    let o = 0;
    for (let l = 0; l < p.line; l++) o += lines[l].length + 1;
    return o + p.character;
}
function applyEdits(text, edits) {
    const sorted = [...edits].sort((a, b) => offsetOf(text, b.range.start) - offsetOf(text, a.range.start));
    for (const e of sorted)
        text = text.slice(0, offsetOf(text, e.range.start)) + e.newText + text.slice(offsetOf(text, e.range.end));
    return text;
}

function start(extra = []) {
    const env = { ...process.env, XDG_CACHE_HOME: cacheDir };
    const proc = cp.spawn(bcp, ['lsp', '--debounce', '0', '--today', TODAY, ...extra], { stdio: ['pipe', 'pipe', 'inherit'], env });
    const conn = P.createProtocolConnection(new rpc.StreamMessageReader(proc.stdout), new rpc.StreamMessageWriter(proc.stdin));
    const diags = new Map();
    const waiters = [];
    conn.onNotification(P.PublishDiagnosticsNotification.type, (p) => {
        diags.set(p.uri, p.diagnostics);
        for (const w of waiters.splice(0)) w();
    });
    conn.onNotification('window/logMessage', () => {});
    conn.listen();
    // Resolves with the next diagnostics published for `uri` that pass `pred`.
    const next = (uri, pred = () => true, ms = 20000) => new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`no diagnostics for ${uri}`)), ms);
        const check = () => {
            const d = diags.get(uri);
            if (d && pred(d)) { clearTimeout(t); diags.delete(uri); resolve(d); } else waiters.push(check);
        };
        diags.delete(uri);
        waiters.push(check);
    });
    return { proc, conn, diags, next };
}

async function initialize(s) {
    const r = await s.conn.sendRequest(P.InitializeRequest.type, {
        processId: process.pid, rootUri: uriOf(repo), capabilities: {}, workspaceFolders: null,
    });
    s.conn.sendNotification(P.InitializedNotification.type, {});
    return r;
}

// didOpen of `uri` with `text`; resolves with its next diagnostics that pass `pred`.
function openDoc(s, uri, text, pred) {
    const p = s.next(uri, pred);
    s.conn.sendNotification(P.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'bcp', version: 1, text } });
    return p;
}

async function stop(s) {
    await s.conn.sendRequest(P.ShutdownRequest.type);
    s.conn.sendNotification(P.ExitNotification.type);
    const code = await new Promise((r) => s.proc.on('exit', r));
    s.conn.dispose();
    return code;
}

async function mainTest() {
    const s = start();
    const init = await initialize(s);
    ok(init.capabilities.textDocumentSync.change === 2, 'incremental sync offered', init.capabilities.textDocumentSync);
    ok(init.capabilities.completionProvider && init.capabilities.renameProvider.prepareProvider, 'completion and rename offered');

    // ---- beijing-finance: clean, then edits.
    const file = path.join(repo, 'examples/beijing-finance.bcp');
    const uri = uriOf(file);
    let text = fs.readFileSync(file, 'utf8');
    let version = 1;
    let d = s.next(uri);
    s.conn.sendNotification(P.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'bcp', version, text } });
    ok((await d).length === 0, 'beijing-finance.bcp opens without findings', s.diags.get(uri));

    const edit = async (range, newText, pred) => {
        const p = s.next(uri, pred);
        text = applyEdits(text, [{ range, newText }]);
        s.conn.sendNotification(P.DidChangeTextDocumentNotification.type, {
            textDocument: { uri, version: ++version }, contentChanges: [{ range, text: newText }],
        });
        return p;
    };
    // `size = medium` -> `size = mediu`: E106 at the name, with a did-you-mean fix-it.
    const sizeAt = pos(text, 'size         = medium', 15);
    const got = await edit({ start: { line: sizeAt.line, character: sizeAt.character + 5 }, end: { line: sizeAt.line, character: sizeAt.character + 6 } }, '');
    const e106 = got.find((x) => x.code === 'E106');
    ok(e106 && e106.range.start.line === sizeAt.line && e106.range.start.character === sizeAt.character &&
        e106.range.end.character === sizeAt.character + 5, 'E106 at `mediu`', got);
    ok(e106 && /did you mean `medium`/.test(e106.message), 'E106 says did you mean', e106);
    const actions = await s.conn.sendRequest(P.CodeActionRequest.type, {
        textDocument: { uri }, range: e106.range, context: { diagnostics: [e106] },
    });
    const fix = actions.find((a) => a.title === 'write `medium`');
    ok(fix && fix.edit.changes[uri][0].newText === 'medium', 'code action writes `medium`', actions);
    // Apply the fix through the protocol: diagnostics clear.
    await edit(fix.edit.changes[uri][0].range, 'medium', (x) => x.length === 0);
    ok(text.includes('size         = medium'), 'the fix restored the text');

    // `6m` for months: E119 with its fix-it, then a suppression action for a lint finding.
    const rev = pos(text, 'review_every = 1y', 15);
    const got2 = await edit({ start: rev, end: { line: rev.line, character: rev.character + 2 } }, '6m');
    const e119 = got2.find((x) => x.code === 'E119');
    ok(e119 && e119.range.start.line === rev.line && e119.range.start.character === rev.character, 'E119 at `6m`', got2);
    const m101 = got2.find((x) => x.code === 'M101');
    ok(m101 && m101.severity === 2, 'a lint finding (M101) with warning severity', got2);
    const acts2 = await s.conn.sendRequest(P.CodeActionRequest.type, {
        textDocument: { uri }, range: m101.range, context: { diagnostics: [e119, m101] },
    });
    ok(acts2.some((a) => a.title === 'write `6mo`'), 'code action writes `6mo`', acts2);
    const sup = acts2.find((a) => a.title === 'Suppress M101 here with a reason');
    ok(sup && /^ *# bcp: ignore\[M101\] reason="/.test(sup.edit.changes[uri][0].newText) &&
        sup.edit.changes[uri][0].range.start.line === m101.range.start.line, 'suppress action above the finding', sup);
    await edit({ start: rev, end: { line: rev.line, character: rev.character + 2 } }, '1y', (x) => x.length === 0);

    // Completion: `owner = contact.` offers the contacts, by name.
    const own = pos(text, 'owner        = contact.cro', 15);
    const comp = await s.conn.sendRequest(P.CompletionRequest.type, {
        textDocument: { uri }, position: { line: own.line, character: own.character + 8 },
    });
    const labels = comp.items.map((i) => i.label);
    ok(labels.includes('contact.cro') && labels.includes('contact.ceo') && labels.every((l) => l.startsWith('contact.')),
        'owner = contact. offers contacts only', labels);
    const cro = comp.items.find((i) => i.label === 'contact.cro');
    ok(cro && cro.detail === '李静怡', 'a contact item carries the name', cro);
    // Attribute names inside a risk, with type and doc; enum values; durations.
    const riskAt = pos(text, '\nrisk ');
    const riskLine = riskAt.line + 2;
    const attrs = await s.conn.sendRequest(P.CompletionRequest.type, { textDocument: { uri }, position: { line: riskLine, character: 2 } });
    const lik = attrs.items.find((i) => i.label === 'likelihood');
    ok(lik && /likelihood_level/.test(lik.detail) && lik.documentation, 'risk attributes with type and doc', attrs.items.map((i) => i.label));
    ok(!attrs.items.some((i) => i.label === 'rto'), 'no system attribute in a risk');
    const kindAt = pos(text, 'kind        = headquarters', 14);
    const kinds = await s.conn.sendRequest(P.CompletionRequest.type, { textDocument: { uri }, position: kindAt });
    ok(kinds.items.some((i) => i.label === 'datacenter') && kinds.items.some((i) => i.label === 'factory'), 'site kind enum values', kinds.items.map((i) => i.label));
    const durAt = pos(text, 'review_every = 1y', 15);
    const durs = await s.conn.sendRequest(P.CompletionRequest.type, { textDocument: { uri }, position: durAt });
    ok(durs.items.some((i) => i.label === '6mo'), 'durations offered', durs.items.map((i) => i.label));
    const top = await s.conn.sendRequest(P.CompletionRequest.type, { textDocument: { uri }, position: { line: riskAt.line, character: 0 } });
    ok(top.items.some((i) => i.label === 'risk') && !top.items.some((i) => i.label === 'backup'), 'top-level kinds (no nested backup)', top.items.map((i) => i.label));

    // Hover: an attribute's schema doc; a risk's derived score and level.
    const hov = await s.conn.sendRequest(P.HoverRequest.type, { textDocument: { uri }, position: { line: own.line, character: 3 } });
    ok(hov && /\*\*`owner`\*\* \(plan\): reference to contact/.test(hov.contents.value), 'hover on owner', hov);
    const riskId = pos(text, '\nrisk ', 6);
    const hr = await s.conn.sendRequest(P.HoverRequest.type, { textDocument: { uri }, position: riskId });
    ok(hr && /- score: \d+/.test(hr.contents.value) && /- level: /.test(hr.contents.value), 'hover on a risk gives score and level', hr);
    const inlay = await s.conn.sendRequest(P.InlayHintRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 99999, character: 0 } } });
    ok(inlay.some((h) => /^= score \d+/.test(h.label)) && inlay.some((h) => /^next due \d{4}-\d\d-\d\d$/.test(h.label)), 'inlay hints: risk score, next due', inlay.slice(0, 3));

    // Signature help inside a list attribute: the attribute's type, the
    // element's kinds and doc; the active parameter is the element's index.
    const thr = 'threatens  = [system.trading, system.payment, system.crm]';
    const sig0 = await s.conn.sendRequest(P.SignatureHelpRequest.type, { textDocument: { uri }, position: pos(text, thr, 15) });
    const si = sig0 && sig0.signatures[0];
    ok(si && si.label === 'threatens = [KIND.ID, ...]' &&
        sig0.activeParameter === 0 && si.parameters.length === 1, 'signature help on the first element of threatens', sig0);
    ok(si && /\*\*`threatens`\*\* \(risk\): list of reference to /.test(si.documentation.value) && /Each element: a reference, one of `system.ID`, .*`function.ID`/.test(si.documentation.value),
        'signature help carries the type and the element kinds', si && si.documentation);
    const p0 = si && si.parameters[0].label;
    ok(p0 && si.label.slice(p0[0], p0[1]).includes('.ID') && !si.label.slice(p0[0], p0[1]).startsWith(','), 'the parameter label is an element slot', p0);
    const sig2 = await s.conn.sendRequest(P.SignatureHelpRequest.type, { textDocument: { uri }, position: pos(text, thr, 47) });
    ok(sig2 && sig2.activeParameter === 2 && sig2.signatures[0].parameters.length === 3, 'signature help on the third element', sig2 && sig2.activeParameter);
    const sigLang = await s.conn.sendRequest(P.SignatureHelpRequest.type, { textDocument: { uri }, position: pos(text, 'languages    = ["zh-CN", "en"]', 25) });
    ok(sigLang && sigLang.activeParameter === 1 && /languages = \[/.test(sigLang.signatures[0].label), 'signature help in a list of strings', sigLang);
    const sigNone = await s.conn.sendRequest(P.SignatureHelpRequest.type, { textDocument: { uri }, position: pos(text, 'industry     = finance', 16) });
    ok(sigNone === null, 'no signature help outside a list', sigNone);

    // Definition: contact.cro -> its block.
    const def = await s.conn.sendRequest(P.DefinitionRequest.type, { textDocument: { uri }, position: { line: own.line, character: own.character + 9 } });
    const croDecl = pos(text, '\ncontact cro ', 9);
    ok(def && def.uri === uri && def.range.start.line === croDecl.line && def.range.start.character === croDecl.character, 'definition of contact.cro', def);
    // A catalogue name: into the standard library, a read-only file of the cache.
    const ind = pos(text, 'industry     = finance', 15);
    const def3 = await s.conn.sendRequest(P.DefinitionRequest.type, { textDocument: { uri }, position: ind });
    const stdFile = def3 && decodeURIComponent(def3.uri.replace('file://', ''));
    ok(def3 && stdFile.startsWith(cacheDir) && fs.readFileSync(stdFile, 'utf8').split('\n')[def3.range.start.line].startsWith('industry finance') &&
        def3.range.start.character === 9 && (fs.statSync(stdFile).mode & 0o222) === 0, 'definition of `finance` in the read-only stdlib copy', def3);
    const refs = await s.conn.sendRequest(P.ReferencesRequest.type, { textDocument: { uri }, position: croDecl, context: { includeDeclaration: false } });
    const expected = (text.match(/contact\.cro\b/g) || []).length;
    ok(refs.length === expected, `references of contact.cro (${expected})`, refs.length);

    // Rename: across the file; refusing a clash and a bad id.
    const ren = await s.conn.sendRequest(P.RenameRequest.type, { textDocument: { uri }, position: croDecl, newName: 'chief_risk' });
    const renamed = applyEdits(text, ren.changes[uri]);
    ok(ren.changes[uri].length === expected + 1 && !/contact\.cro\b/.test(renamed) && /contact chief_risk /.test(renamed), 'rename contact.cro', ren.changes[uri].length);
    let err = null;
    try { await s.conn.sendRequest(P.RenameRequest.type, { textDocument: { uri }, position: croDecl, newName: 'ceo' }); } catch (e) { err = e; }
    ok(err && /already has this id/.test(err.message), 'rename refuses a clash', err && err.message);
    err = null;
    try { await s.conn.sendRequest(P.RenameRequest.type, { textDocument: { uri }, position: croDecl, newName: '9 x' }); } catch (e) { err = e; }
    ok(err && /not a valid id/.test(err.message), 'rename refuses a bad id', err && err.message);

    // Symbols, folding, selection.
    const syms = await s.conn.sendRequest(P.DocumentSymbolRequest.type, { textDocument: { uri } });
    ok(syms[0].name === 'plan hengtai' && syms.some((x) => x.name === 'contact cro'), 'document symbols', syms.slice(0, 2).map((x) => x.name));
    const ws = await s.conn.sendRequest(P.WorkspaceSymbolRequest.type, { query: 'contact.cr' });
    ok(ws.some((x) => x.name === 'contact.cro'), 'workspace symbols', ws.map((x) => x.name));
    const folds = await s.conn.sendRequest(P.FoldingRangeRequest.type, { textDocument: { uri } });
    ok(folds.some((f) => f.startLine === pos(text, 'plan hengtai').line), 'a fold for the plan block', folds.slice(0, 2));
    const sel = await s.conn.sendRequest(P.SelectionRangeRequest.type, { textDocument: { uri }, positions: [{ line: own.line, character: own.character + 9 }] });
    ok(sel[0].range.start.character === own.character && sel[0].parent, 'selection ranges grow from the word', sel[0]);

    // Formatting: a squeezed `=` comes back as bcp fmt writes it.
    const sq = pos(text, 'version      = "1.0"');
    await edit({ start: { line: sq.line, character: 9 }, end: { line: sq.line, character: 17 } }, '=');
    const fmt = await s.conn.sendRequest(P.DocumentFormattingRequest.type, { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    ok(fmt.length === 1 && applyEdits(text, fmt) === fs.readFileSync(file, 'utf8'), 'formatting restores the layout', fmt);
    const rfmt = await s.conn.sendRequest(P.DocumentRangeFormattingRequest.type, { textDocument: { uri }, range: { start: { line: sq.line, character: 0 }, end: { line: sq.line, character: 5 } }, options: { tabSize: 2, insertSpaces: true } });
    ok(rfmt.length === 1 && applyEdits(text, rfmt) === fs.readFileSync(file, 'utf8'), 'range formatting of that line', rfmt);

    // ---- huadong: a module's edit re-checks the plan that imports it.
    const plan = path.join(repo, 'examples/huadong/plan.bcp'), contacts = path.join(repo, 'examples/huadong/contacts.bcp');
    const ptext = fs.readFileSync(plan, 'utf8'), ctext = fs.readFileSync(contacts, 'utf8');
    let dp = s.next(uriOf(plan));
    s.conn.sendNotification(P.DidOpenTextDocumentNotification.type, { textDocument: { uri: uriOf(plan), languageId: 'bcp', version: 1, text: ptext } });
    await dp;
    s.conn.sendNotification(P.DidOpenTextDocumentNotification.type, { textDocument: { uri: uriOf(contacts), languageId: 'bcp', version: 1, text: ctext } });
    // Definition from the plan into the module.
    const m = ptext.match(/= contact\.([a-z_]+)/);
    const refAt = pos(ptext, m[0], 3);
    const def2 = await s.conn.sendRequest(P.DefinitionRequest.type, { textDocument: { uri: uriOf(plan) }, position: refAt });
    ok(def2 && def2.uri === uriOf(contacts), 'definition into the imported module', def2);
    // Rename the contact in the module: edits in both files.
    const ren2 = await s.conn.sendRequest(P.RenameRequest.type, { textDocument: { uri: uriOf(plan) }, position: refAt, newName: m[1] + '_x' });
    ok(ren2 && ren2.changes[uriOf(plan)] && ren2.changes[uriOf(contacts)], 'rename across files', ren2 && Object.keys(ren2.changes));
    // Delete that contact's id in the module: the plan's references now fail (E106 in plan.bcp).
    const declAt = pos(ctext, `contact ${m[1]} `, 8);
    dp = s.next(uriOf(plan), (x) => x.some((y) => y.code === 'E106'));
    s.conn.sendNotification(P.DidChangeTextDocumentNotification.type, {
        textDocument: { uri: uriOf(contacts), version: 2 },
        contentChanges: [{ range: { start: declAt, end: { line: declAt.line, character: declAt.character + m[1].length } }, text: m[1] + 'zz' }],
    });
    const pd = await dp;
    ok(pd.some((y) => y.code === 'E106' && y.range.start.line === refAt.line), 'the module edit re-checked plan.bcp', pd);

    // E109: a quick fix adds the missing required attribute with a placeholder.
    const mini = path.join(repo, 'examples/minimal.bcp');
    const mtext = fs.readFileSync(mini, 'utf8');
    const nameLine = pos(mtext, '  name       = "Alex Chen"\n');
    const cut = mtext.slice(0, offsetOf(mtext, nameLine)) + mtext.slice(offsetOf(mtext, nameLine) + '  name       = "Alex Chen"\n'.length);
    const dm = s.next(uriOf(mini), (x) => x.some((y) => y.code === 'E109'));
    s.conn.sendNotification(P.DidOpenTextDocumentNotification.type, { textDocument: { uri: uriOf(mini), languageId: 'bcp', version: 1, text: cut } });
    const e109 = (await dm).find((y) => y.code === 'E109');
    const acts3 = await s.conn.sendRequest(P.CodeActionRequest.type, { textDocument: { uri: uriOf(mini) }, range: e109.range, context: { diagnostics: [e109] } });
    const add = acts3.find((a) => a.title === 'Add `name = "TODO"`');
    const added = add && applyEdits(cut, add.edit.changes[uriOf(mini)]);
    ok(added && /contact owner \{\n(.*\n)*  name = "TODO"\n\}/.test(added), 'E109: add the missing attribute before the brace', acts3);

    ok(await stop(s) === 0, 'shutdown + exit gives 0');
}

// bcpconfig.bcp open with unsaved changes: its buffer, not the disk file,
// configures the checks of the plans under it.
async function unsavedConfigTest() {
    const dir = fs.mkdtempSync(path.join(require('os').tmpdir(), 'bcp-lsp-config-'));
    const planFile = path.join(dir, 'plan.bcp'), configFile = path.join(dir, 'bcpconfig.bcp');
    const ptext = fs.readFileSync(path.join(repo, 'tests/rules/H101.bad.bcp'), 'utf8')
        .replace('plan acme {\n', 'plan acme {\n  reviewed     = 2025-01-01\n');
    const onDisk = 'config {\n  ignore = [B101]\n}\n';
    fs.writeFileSync(planFile, ptext);
    fs.writeFileSync(configFile, onDisk);
    const s = start();
    await initialize(s);
    const puri = uriOf(planFile), curi = uriOf(configFile);
    let dp;
    let d = await openDoc(s, puri, ptext);
    ok(has(d, 'H101'), 'H101 with the configuration on disk', d.map((x) => x.code));
    // Opened with an unsaved `ignore = [H101]`: the plan is re-checked without H101.
    dp = s.next(puri, (x) => !has(x, 'H101'));
    s.conn.sendNotification(P.DidOpenTextDocumentNotification.type, { textDocument: { uri: curi, languageId: 'bcp', version: 1, text: 'config {\n  ignore = [H101]\n}\n' } });
    d = await dp.catch(() => s.diags.get(puri) || []);
    ok(!has(d, 'H101'), 'the unsaved bcpconfig.bcp buffer ignores H101', d.map((x) => x.code));
    ok(fs.readFileSync(configFile, 'utf8') === onDisk, 'the file on disk is untouched');
    // Typed back in the buffer (an incremental edit): H101 again.
    const at = pos('config {\n  ignore = [H101]\n}\n', 'H101');
    dp = s.next(puri, (x) => has(x, 'H101'));
    s.conn.sendNotification(P.DidChangeTextDocumentNotification.type, { textDocument: { uri: curi, version: 2 },
        contentChanges: [{ range: { start: at, end: { line: at.line, character: at.character + 4 } }, text: 'B101' }] });
    d = await dp.catch(() => s.diags.get(puri) || []);
    ok(has(d, 'H101'), 'editing the config buffer re-checks the plan', d.map((x) => x.code));
    // A buffer with an error in it: the problem is reported, no crash.
    dp = s.next(puri);
    s.conn.sendNotification(P.DidChangeTextDocumentNotification.type, { textDocument: { uri: curi, version: 3 },
        contentChanges: [{ text: 'config {\n  ignore = [H101]\n  severity { H101 = error }\n' }] });
    await dp.catch(() => null);
    const alive = await s.conn.sendRequest(P.HoverRequest.type, { textDocument: { uri: puri }, position: { line: 0, character: 0 } });
    ok(alive === null || typeof alive === 'object', 'a broken config buffer: the server still answers');
    // Closed without saving: the disk's configuration again.
    dp = s.next(puri, (x) => !has(x, 'H101'));
    s.conn.sendNotification(P.DidChangeTextDocumentNotification.type, { textDocument: { uri: curi, version: 4 },
        contentChanges: [{ text: 'config {\n  ignore = [H101]\n}\n' }] });
    d = await dp.catch(() => s.diags.get(puri) || []);
    ok(!has(d, 'H101'), 'a full-text change of the config buffer counts too', d.map((x) => x.code));
    dp = s.next(puri, (x) => has(x, 'H101'));
    s.conn.sendNotification(P.DidCloseTextDocumentNotification.type, { textDocument: { uri: curi } });
    d = await dp.catch(() => s.diags.get(puri) || []);
    ok(has(d, 'H101'), 'closing the unsaved config: the disk file configures again', d.map((x) => x.code));
    // workspace/didChangeConfiguration: a new `today` re-checks with it.
    ok(has(d, 'M101'), 'M101 (reviewed 2025-01-01 is stale) on 2026-12-04', d.map((x) => x.code));
    dp = s.next(puri, (x) => !has(x, 'M101'));
    s.conn.sendNotification(P.DidChangeConfigurationNotification.type, { settings: { bcp: { today: '2025-06-01' } } });
    d = await dp.catch(() => s.diags.get(puri) || []);
    ok(!has(d, 'M101') && has(d, 'H101'), 'didChangeConfiguration today=2025-06-01: no stale review', d.map((x) => x.code));
    dp = s.next(puri, (x) => has(x, 'M101'));
    s.conn.sendNotification(P.DidChangeConfigurationNotification.type, { settings: { today: TODAY } });
    d = await dp.catch(() => s.diags.get(puri) || []);
    ok(has(d, 'M101'), 'didChangeConfiguration back to today: stale again', d.map((x) => x.code));
    ok(await stop(s) === 0, 'shutdown after the config test');
    fs.rmSync(dir, { recursive: true, force: true });
}

// A bcpconfig.bcp that exists ONLY as an editor buffer (never written to
// disk) configures the plans below its folder as a saved one does; closed
// without saving, the disk's state (no configuration) again.
async function unsavedOnlyConfigTest() {
    const dir = fs.mkdtempSync(path.join(require('os').tmpdir(), 'bcp-lsp-noconfig-'));
    fs.mkdirSync(path.join(dir, '.git'));   /* the project's top: no configuration above it counts */
    fs.mkdirSync(path.join(dir, 'sub'));
    const planFile = path.join(dir, 'sub', 'plan.bcp'), configFile = path.join(dir, 'bcpconfig.bcp');
    const ptext = fs.readFileSync(path.join(repo, 'tests/rules/H101.bad.bcp'), 'utf8');
    fs.writeFileSync(planFile, ptext);
    const s = start();
    await initialize(s);
    const puri = uriOf(planFile), curi = uriOf(configFile);
    let dp;
    let d = await openDoc(s, puri, ptext);
    ok(has(d, 'H101'), 'no configuration anywhere: H101', d.map((x) => x.code));
    dp = s.next(puri, (x) => !has(x, 'H101'));
    s.conn.sendNotification(P.DidOpenTextDocumentNotification.type, { textDocument: { uri: curi, languageId: 'bcp', version: 1, text: 'config {\n  ignore = [H101]\n}\n' } });
    d = await dp.catch(() => s.diags.get(puri) || []);
    ok(!has(d, 'H101'), 'a bcpconfig.bcp never saved (buffer only) ignores H101 in sub/plan.bcp', d.map((x) => x.code));
    ok(!fs.existsSync(configFile), 'the configuration is still not on disk');
    // per_file_ignores resolves its patterns against the buffer's folder.
    dp = s.next(puri, (x) => has(x, 'H101'));
    s.conn.sendNotification(P.DidChangeTextDocumentNotification.type, { textDocument: { uri: curi, version: 2 },
        contentChanges: [{ text: 'config {\n  per_file_ignores {\n    old { files = ["other/*.bcp"]  ignore = [H101] }\n  }\n}\n' }] });
    d = await dp.catch(() => s.diags.get(puri) || []);
    ok(has(d, 'H101'), 'per_file_ignores of another folder: H101 again', d.map((x) => x.code));
    dp = s.next(puri, (x) => !has(x, 'H101'));
    s.conn.sendNotification(P.DidChangeTextDocumentNotification.type, { textDocument: { uri: curi, version: 3 },
        contentChanges: [{ text: 'config {\n  per_file_ignores {\n    sub { files = ["sub/*.bcp"]  ignore = [H101] }\n  }\n}\n' }] });
    d = await dp.catch(() => s.diags.get(puri) || []);
    ok(!has(d, 'H101'), 'per_file_ignores "sub/*.bcp" of the unsaved buffer drops H101', d.map((x) => x.code));
    // limits { } of the unsaved buffer: the plan over the line-length limit
    // gets the located E015, not a hang.
    dp = s.next(puri, (x) => has(x, 'E015'));
    s.conn.sendNotification(P.DidChangeTextDocumentNotification.type, { textDocument: { uri: curi, version: 4 },
        contentChanges: [{ text: 'config {\n  limits { line-length = 20 }\n}\n' }] });
    d = await dp.catch(() => s.diags.get(puri) || []);
    const long = ptext.split('\n').findIndex((l) => l.length > 20);
    const e015 = d.find((x) => x.code === 'E015');
    ok(e015 && e015.range.start.line === long && e015.range.start.character === 0,
        `limits { line-length = 20 } of the unsaved buffer: E015 at line ${long + 1}`, d);
    // Closed without saving: no configuration again (the disk's state).
    dp = s.next(puri, (x) => has(x, 'H101') && !has(x, 'E015'));
    s.conn.sendNotification(P.DidCloseTextDocumentNotification.type, { textDocument: { uri: curi } });
    d = await dp.catch(() => s.diags.get(puri) || []);
    ok(has(d, 'H101') && !has(d, 'E015'), 'the unsaved configuration closed: H101 again, no limit', d.map((x) => x.code));
    ok(await stop(s) === 0, 'shutdown after the unsaved-only config test');
    fs.rmSync(dir, { recursive: true, force: true });
}

// limits { } of a saved bcpconfig.bcp apply in the editor as in bcp check:
// each limit's located diagnostic, never a hang; a module file over the
// file-size limit too.
async function configLimitsTest() {
    const dir = fs.mkdtempSync(path.join(require('os').tmpdir(), 'bcp-lsp-limits-'));
    fs.mkdirSync(path.join(dir, '.git'));
    const planFile = path.join(dir, 'plan.bcp'), configFile = path.join(dir, 'bcpconfig.bcp');
    const ptext = 'plan p {\n  title = "Limits"\n  owner = contact.a\n}\n\ncontact a {\n  name = "A"\n  title = "' + 'x'.repeat(300) + '"\n}\n';
    fs.writeFileSync(planFile, ptext);
    fs.writeFileSync(configFile, 'config {\n  limits { string-length = 100 }\n}\n');
    const s = start();
    await initialize(s);
    const puri = uriOf(planFile);
    let dp = s.next(puri, (x) => has(x, 'E014'));
    s.conn.sendNotification(P.DidOpenTextDocumentNotification.type, { textDocument: { uri: puri, languageId: 'bcp', version: 1, text: ptext } });
    let d = await dp.catch(() => s.diags.get(puri) || []);
    const e014 = d.find((x) => x.code === 'E014');
    const at = pos(ptext, '"xxx');
    ok(e014 && e014.range.start.line === at.line && e014.range.start.character === at.character,
        'limits { string-length = 100 }: E014 at the long string', d);
    // Typing in the file keeps the limit (incremental edits under it).
    dp = s.next(puri, (x) => has(x, 'E014'));
    s.conn.sendNotification(P.DidChangeTextDocumentNotification.type, { textDocument: { uri: puri, version: 2 },
        contentChanges: [{ range: { start: { line: 1, character: 11 }, end: { line: 1, character: 11 } }, text: 'L' }] });
    d = await dp.catch(() => s.diags.get(puri) || []);
    ok(has(d, 'E014'), 'after an edit: E014 still', d.map((x) => x.code));
    // The configuration saved with a larger limit (file watcher): gone.
    fs.writeFileSync(configFile, 'config {\n  limits { string-length = "1k"  file-size = 100 }\n}\n');
    dp = s.next(puri, (x) => !has(x, 'E014'));
    s.conn.sendNotification(P.DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(configFile), type: 2 }] });
    d = await dp.catch(() => s.diags.get(puri) || []);
    ok(!has(d, 'E014') && has(d, 'E010'), 'string-length = 1k, file-size = 100: no E014, E010 for the open plan', d.map((x) => x.code));
    const e010 = d.find((x) => x.code === 'E010');
    ok(e010 && /over the file-size limit of 100 bytes/.test(e010.message), 'E010 says the limit', e010);
    ok(await stop(s) === 0, 'shutdown after the limits test');
    fs.rmSync(dir, { recursive: true, force: true });
}

// Audit of issue 12 items the main test did not pin: related locations and
// the rule's docs link, hover with derived facts of a function, a system and
// an exercise, catalogue completion, didSave of bcpconfig.bcp, a stale edit.
async function auditTest() {
    const s = start(['--docs-url', 'https://docs.example.org/rules/']);
    await initialize(s);
    const dir = fs.mkdtempSync(path.join(require('os').tmpdir(), 'bcp-lsp-audit-'));
    fs.mkdirSync(path.join(dir, '.git'));
    const dup = path.join(dir, 'dup.bcp');
    let dtext = 'plan p {\n  title = "T"\n}\n\ncontact a {\n  name = "A"\n}\n\ncontact a {\n  name = "B"\n}\n';
    fs.writeFileSync(dup, dtext);
    const duri = uriOf(dup);
    let dp = s.next(duri);
    s.conn.sendNotification(P.DidOpenTextDocumentNotification.type, { textDocument: { uri: duri, languageId: 'bcp', version: 1, text: dtext } });
    let d = await dp;
    const e108 = d.find((x) => x.code === 'E108');
    const second = pos(dtext, 'a {', 0, dtext.indexOf('contact a', 40)), firstAt = pos(dtext, 'a {');
    ok(e108 && e108.range.start.line === second.line && e108.range.start.character === second.character, 'E108 at the second `a`', d);
    const rel = e108 && e108.relatedInformation && e108.relatedInformation[0];
    ok(rel && rel.location.uri === duri && rel.location.range.start.line === firstAt.line &&
        rel.location.range.start.character === firstAt.character && rel.message === 'first defined here',
        'E108 related location: first defined here, at the first `a`', e108);
    ok(e108 && e108.codeDescription && e108.codeDescription.href === 'https://docs.example.org/rules/E108.md', 'E108 links its docs page', e108);
    const c107 = d.find((x) => x.code === 'C107');
    ok(c107 && c107.codeDescription.href === 'https://docs.example.org/rules/C107.md' && c107.data.lint === true, 'a lint finding links its rule page', c107);
    // A stale didChange (version not newer) is ignored: the text stays.
    s.conn.sendNotification(P.DidChangeTextDocumentNotification.type, { textDocument: { uri: duri, version: 1 },
        contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } }, text: 'xxxx' }] });
    const fmt = await s.conn.sendRequest(P.DocumentFormattingRequest.type, { textDocument: { uri: duri }, options: { tabSize: 2, insertSpaces: true } });
    ok(Array.isArray(fmt) && fmt.length === 0, 'a stale edit left the text as it was (formatting has nothing to do)', fmt);
    // bcpconfig.bcp saved (didSave): every plan is checked again with it.
    fs.writeFileSync(path.join(dir, 'bcpconfig.bcp'), 'config {\n  ignore = [C107]\n}\n');
    dp = s.next(duri, (x) => !x.some((y) => y.code === 'C107'));
    s.conn.sendNotification(P.DidSaveTextDocumentNotification.type, { textDocument: { uri: uriOf(path.join(dir, 'bcpconfig.bcp')) } });
    d = await dp.catch(() => s.diags.get(duri) || []);
    ok(!d.some((y) => y.code === 'C107') && d.some((y) => y.code === 'E108'), 'didSave of bcpconfig.bcp re-checks with it', d.map((x) => x.code));
    // workspace/didChangeConfiguration: the profile is honoured (an unknown one is reported, then cleared).
    const unknown = (x) => x.some((y) => /unknown profile `nosuch`/.test(y.message));
    dp = s.next(duri, unknown);
    s.conn.sendNotification(P.DidChangeConfigurationNotification.type, { settings: { bcp: { profile: 'nosuch' } } });
    d = await dp.catch(() => s.diags.get(duri) || []);
    ok(unknown(d), 'didChangeConfiguration profile=nosuch: reported on the plan', d.map((x) => x.message));
    dp = s.next(duri, (x) => !unknown(x) && has(x, 'E108'));
    s.conn.sendNotification(P.DidChangeConfigurationNotification.type, { settings: { bcp: { profile: '' } } });
    d = await dp.catch(() => s.diags.get(duri) || []);
    ok(!unknown(d) && has(d, 'E108'), 'didChangeConfiguration profile cleared: the default profile again', d.map((x) => x.code));

    // A module deleted under the server (didChangeWatchedFiles): the plan that
    // uses it is checked again and says so at its `use` line; no crash.
    const mod = path.join(dir, 'mod.bcp'), main = path.join(dir, 'main.bcp');
    fs.writeFileSync(mod, 'contact b {\n  name = "B"\n}\n');
    const mtext = 'use "./mod.bcp"\n\nplan m {\n  title = "M"\n  owner = contact.b\n}\n';
    fs.writeFileSync(main, mtext);
    d = await openDoc(s, uriOf(main), mtext);
    ok(!has(d, 'E106'), 'main.bcp with its module: contact.b is found', d.map((x) => x.code));
    fs.unlinkSync(mod);
    dp = s.next(uriOf(main), (x) => x.some((y) => y.severity === 1 && y.range.start.line === 0));
    s.conn.sendNotification(P.DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(mod), type: 3 }] });
    d = await dp.catch(() => s.diags.get(uriOf(main)) || []);
    ok(d.some((y) => y.severity === 1 && y.range.start.line === 0 && /mod\.bcp/.test(y.message)), 'the deleted module: an error at the `use` line', d);
    const after = await s.conn.sendRequest(P.HoverRequest.type, { textDocument: { uri: uriOf(main) }, position: pos(mtext, 'owner', 1) });
    ok(after && /\*\*`owner`\*\*/.test(after.contents.value), 'the server still answers on that plan', after);

    const file = path.join(repo, 'examples/beijing-finance.bcp');
    const uri = uriOf(file), text = fs.readFileSync(file, 'utf8');
    dp = s.next(uri);
    s.conn.sendNotification(P.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'bcp', version: 1, text } });
    await dp;
    const hov = async (needle, delta) => {
        const h = await s.conn.sendRequest(P.HoverRequest.type, { textDocument: { uri }, position: pos(text, needle, delta) });
        return h && h.contents ? h.contents.value : '';
    };
    const fn = await hov('function clearing {', 10);
    ok(/- critical\n/.test(fn) && /- dependants: \d+ \(/.test(fn), 'hover on a function: criticality and dependants', fn);
    const sys = await hov('system payment {', 8);
    ok(/- backups meet the RPO of 5min \(every /.test(sys), 'hover on a system: its backups meet the RPO', sys);
    const ex = await hov('exercise tabletop {', 10);
    ok(/- next due: \d{4}-\d\d-\d\d\n/.test(ex), 'hover on an exercise: its next due date', ex);
    const rv = await hov('reviewed     = 2026-11-18', 2);
    ok(/\*\*`reviewed`\*\*/.test(rv), 'hover on an attribute name: its schema doc', rv);
    // Catalogue values: `industry = ` offers the stdlib's industries.
    const ind = pos(text, 'industry     = finance', 15);
    const cat = await s.conn.sendRequest(P.CompletionRequest.type, { textDocument: { uri }, position: ind });
    const labels = (cat.items || cat).map((i) => i.label);
    ok(labels.includes('finance') && labels.includes('healthcare'), 'catalogue completion: industries', labels.slice(0, 12));
    ok(await stop(s) === 0, 'shutdown after the audit test');
    fs.rmSync(dir, { recursive: true, force: true });
}

// Every fix-it bcp check reports is a quick fix in the editor: for each file
// of tests/syntax and tests/rules with fix-its, the code actions of its
// diagnostics carry exactly the CLI's fixes (title, position, replacement).
async function everyFixitTest() {
    const files = [];
    for (const d of ['tests/syntax', 'tests/rules', 'tests/lsp/fixits'])
        for (const f of fs.readdirSync(path.join(repo, d)).sort())
            if (f.endsWith('.bcp')) files.push(path.join(repo, d, f));
    const out = cp.spawnSync(bcp, ['check', '--no-config', '--today', TODAY, '--format', 'json', ...files], { encoding: 'utf8', maxBuffer: 64 << 20 });
    const findings = JSON.parse(out.stdout).findings;
    const want = new Map();   // file -> sorted "line:char title => replacement"
    const key = (line, character, title, text) => `${line}:${character} ${title} => ${JSON.stringify(text)}`;
    for (const f of findings)
        for (const x of f.fixes || []) {
            if (path.resolve(x.file) !== path.resolve(f.file)) continue;
            const src = fs.readFileSync(path.resolve(x.file), 'utf8').split('\n')[x.line - 1] || '';
            const character = Array.from(src).slice(0, x.column - 1).join('').length;
            const k = path.resolve(x.file);
            if (!want.has(k)) want.set(k, []);
            want.get(k).push(key(x.line - 1, character, x.title, x.replacement));
        }
    ok(want.size >= 10, `fix-its in at least 10 fixture files (${want.size})`, [...want.keys()]);
    const s = start();
    await initialize(s);
    let total = 0;
    for (const [file, expected] of want) {
        const uri = uriOf(file), text = fs.readFileSync(file, 'utf8');
        const dp = s.next(uri);
        s.conn.sendNotification(P.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'bcp', version: 1, text } });
        const diags = await dp;
        const got = [];
        for (const d of diags) {
            const acts = await s.conn.sendRequest(P.CodeActionRequest.type, { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
            for (const a of acts) {
                if (/^Suppress |^Add `/.test(a.title)) continue;
                for (const e of a.edit.changes[uri] || []) got.push(key(e.range.start.line, e.range.start.character, a.title, e.newText));
            }
        }
        expected.sort(); got.sort();
        total += expected.length;
        ok(JSON.stringify(got) === JSON.stringify(expected), `every fix-it of ${path.relative(repo, file)} is a code action (${expected.length})`, { got, expected });
        s.conn.sendNotification(P.DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    }
    ok(total >= 10, `fix-its compared: ${total}`);
    console.log(`lsp fix-its: ${total} fix-its of ${want.size} files, each a code action`);
    ok(await stop(s) === 0, 'shutdown after the fix-it test');
}

// The protocol's error answers, on raw bytes.
async function rawTest() {
    const proc = cp.spawn(bcp, ['lsp'], { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    proc.stdout.on('data', (b) => { out += b.toString('utf8'); });
    const frame = (s) => `Content-Length: ${Buffer.byteLength(s)}\r\n\r\n${s}`;
    proc.stdin.write(frame('{"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":{}}'));
    proc.stdin.write(frame('{"jsonrpc":"2.0","id":2,"method":"initialize","params":{"capabilities":{}}}'));
    proc.stdin.write(frame('{not json'));
    proc.stdin.write(frame('[1,2]'));
    proc.stdin.write(frame('{"jsonrpc":"2.0","id":3,"method":"no/such"}'));
    proc.stdin.write(frame('{"jsonrpc":"2.0","id":4,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///nope.bcp"},"position":{"line":0,"character":0}}}'));
    proc.stdin.write(frame('{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///nope.bcp","version":3},"contentChanges":[{"text":"x"}]}}'));
    proc.stdin.write(frame('{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///tmp/bcp-lsp-gone/deleted.bcp","version":1,"text":"plan x { title = \\"T\\" }\\n"}}}'));
    proc.stdin.write(frame('{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///tmp/bcp-lsp-gone/deleted.bcp","version":1},"contentChanges":[{"text":"stale"}]}}'));
    proc.stdin.write(frame('{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///tmp/bcp-lsp-gone/deleted.bcp","version":2},"contentChanges":[{"range":{"start":{"line":900,"character":0},"end":{"line":901,"character":0}},"text":"far"}]}}'));
    proc.stdin.write('Content-Type: nothing\r\n\r\n');
    proc.stdin.write(frame('{"jsonrpc":"2.0","id":5,"method":"textDocument/completion","params":{"textDocument":{"uri":"file:///tmp/bcp-lsp-gone/deleted.bcp"},"position":{"line":0,"character":9}}}'));
    proc.stdin.write(frame('{"jsonrpc":"2.0","id":6,"method":"shutdown"}'));
    proc.stdin.write(frame('{"jsonrpc":"2.0","id":7,"method":"textDocument/hover","params":{}}'));
    proc.stdin.end();   // the client goes away without `exit`
    const code = await new Promise((r) => proc.on('exit', r));
    const msgs = out.split(/Content-Length: \d+\r\n\r\n/).filter(Boolean).map((s) => JSON.parse(s));
    const byId = (id) => msgs.find((x) => x.id === id);
    ok(byId(1) && byId(1).error.code === -32002, 'a request before initialize: -32002', byId(1));
    ok(byId(2) && byId(2).result.capabilities, 'initialize answered', byId(2));
    const nulls = msgs.filter((x) => x.id === null && x.error);
    ok(nulls.some((x) => x.error.code === -32700) && nulls.some((x) => x.error.code === -32600), 'malformed JSON: -32700; not an object: -32600', nulls);
    ok(byId(3) && byId(3).error.code === -32601, 'an unknown method: -32601', byId(3));
    ok(byId(4) && byId(4).error.code === -32602, 'a request on a document not open: -32602', byId(4));
    ok(byId(5) && Array.isArray(byId(5).result.items), 'the server still answers after the bad input', byId(5));
    ok(byId(6) && byId(6).result === null && byId(7) && byId(7).error.code === -32600, 'shutdown, then requests refused', byId(7));
    ok(code === 1, 'a client that leaves without exit: status 1 (no crash)', code);
}

// The fix-it kinds no other fixture had (tests/lsp/fixits/kinds.bcp): a
// catalogue entry written as a reference, a misspelt enum value, an enum
// value in quotes, a locale translating a misspelt id.  Each is a quick fix
// at its place; applied through the protocol, the plan has no errors left.
async function fixitKindsTest() {
    const dir = fs.mkdtempSync(path.join(require('os').tmpdir(), 'bcp-lsp-kinds-'));
    fs.mkdirSync(path.join(dir, '.git'));
    const file = path.join(dir, 'kinds.bcp');
    fs.copyFileSync(path.join(repo, 'tests/lsp/fixits/kinds.bcp'), file);
    const uri = uriOf(file);
    let text = fs.readFileSync(file, 'utf8');
    const s = start();
    await initialize(s);
    const diags = await openDoc(s, uri, text);
    const want = [
        ['E106', 'industry.financ', 0, 'write `industry.finance`', 'industry.finance'],
        ['E103', 'onbording', 0, 'write `onboarding`', 'onboarding'],
        ['E103', '"periodic"', 0, 'write `periodic` without quotes', 'periodic'],
        ['E106', 'contact ownr', 8, 'write `owner`', 'owner'],
    ];
    const edits = [];
    for (const [code, needle, delta, title, newText] of want) {
        const at = pos(text, needle, delta);
        const d = diags.find((x) => x.code === code && x.range.start.line === at.line && x.range.start.character === at.character);
        ok(d, `${code} at \`${needle}\``, diags.map((x) => [x.code, x.range.start]));
        if (!d) continue;
        const acts = await s.conn.sendRequest(P.CodeActionRequest.type, { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
        const a = acts.find((x) => x.title === title);
        const e = a && a.edit.changes[uri] && a.edit.changes[uri][0];
        ok(a && a.kind === 'quickfix' && e && e.newText === newText && e.range.start.line === at.line &&
            e.range.start.character === at.character && e.range.end.character === at.character + needle.length - delta,
        `quick fix ${title} replaces \`${needle.slice(delta)}\``, acts);
        if (e) edits.push(e);
    }
    ok(edits.length === 4, 'four quick fixes', edits.length);
    const fixed = applyEdits(text, edits);
    const after = s.next(uri, (x) => !x.some((y) => y.severity === 1));
    s.conn.sendNotification(P.DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version: 2 }, contentChanges: edits.map((e) => ({ range: e.range, text: e.newText })).reverse(),
    });
    let left = null;
    try { left = await after; } catch (e) { left = s.diags.get(uri) || String(e); }
    ok(Array.isArray(left) && !left.some((y) => y.severity === 1), 'with the four fixes applied the plan has no errors', left);
    ok(fixed.includes('industry     = industry.finance') && fixed.includes('when  = periodic'), 'the fixed text', fixed.slice(0, 300));
    ok(await stop(s) === 0, 'shutdown after the fix-it kinds test');
    fs.rmSync(dir, { recursive: true, force: true });
}

(async () => {
    try {
        await mainTest();
        await fixitKindsTest();
        await unsavedConfigTest();
        await unsavedOnlyConfigTest();
        await configLimitsTest();
        await auditTest();
        await everyFixitTest();
        await rawTest();
    } catch (e) {
        failures++;
        console.error('FAIL: ' + (e && e.stack || e));
    }
    fs.rmSync(cacheDir, { recursive: true, force: true });
    console.log(`lsp protocol test: ${checks - failures}/${checks} checks passed`);
    process.exit(failures ? 1 : 0);
})();
