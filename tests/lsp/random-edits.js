// Randomized incremental-sync test of `bcp lsp` (issue 12): thousands of
// random incremental edits (UTF-16 ranges, multi-byte and astral characters,
// braces, quotes, comments, line breaks, several changes in one didChange),
// and after EVERY edit the incremental server's results are compared with a
// fresh full check of the same text.
//
// Two servers run side by side:
//   - `inc` gets each edit as an incremental change of the open document
//     (tree-sitter's incremental re-parse, the plan re-checked);
//   - `fresh` gets, for each edit, didClose and then didOpen of the whole new
//     text: a new document, a fresh parse of the whole text, a new model and
//     lint, nothing kept from the text before.
// After each edit both answer textDocument/documentSymbol and foldingRange
// for the edited document (the reply also orders: every diagnostic the
// edit's check publishes comes before it), and the diagnostics (with their
// fix-its) of every file, the symbols and the folding ranges must be equal.
// Every LSP_FRESH_PROCESS_EVERY edits (default 100) a new server process
// checks the text too, so that nothing kept in a process hides a difference.
//
// Two documents are edited, each in a temporary folder of its own (with a
// .git, so that a broken `plan` line makes the server look for an importer in
// that folder only, not in the whole repository): examples/minimal.bcp (a
// one-file plan) and the module contacts.bcp of a copy of examples/huadong (a
// module's edit re-checks the plan that imports it, four files).
//
//   node random-edits.js BCP [REPO] [EDITS] [SEED]
// EDITS defaults to 2000.  LSP_RANDOM_SECONDS (default 600) bounds the run:
// it then stops early and says how many edits it made (a failure when fewer
// than LSP_RANDOM_MIN).  The output gives the time, the client-side latency
// from an edit to its results and the incremental server's peak RSS.
'use strict';
const cp = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const rpc = require('vscode-jsonrpc/node');
const P = require('vscode-languageserver-protocol');

const bcp = path.resolve(process.argv[2] || 'build/bcp');
const repo = path.resolve(process.argv[3] || path.join(__dirname, '..', '..'));
const EDITS = Number(process.argv[4] || process.env.LSP_RANDOM_EDITS || 2000);
// LSP_RANDOM_REPLAY=FILE: the edits of FILE instead of random ones (a JSON
// list of {doc: 0 for minimal.bcp or 1 for contacts.bcp, changes: [LSP
// content changes]}); LSP_RANDOM_RECORD=FILE writes the edits made so.
const replay = process.env.LSP_RANDOM_REPLAY ? JSON.parse(fs.readFileSync(process.env.LSP_RANDOM_REPLAY, 'utf8')) : null;
const FRESH_PROCESS_EVERY = Number(process.env.LSP_FRESH_PROCESS_EVERY || 100);
let seed = Number(process.argv[5] || process.env.LSP_RANDOM_SEED || 12345) >>> 0;
function rand() {   // xorshift32: the same edits for the same seed
    seed ^= seed << 13; seed >>>= 0;
    seed ^= seed >>> 17;
    seed ^= seed << 5; seed >>>= 0;
    return seed / 4294967296;
}
const pick = (a) => a[Math.floor(rand() * a.length)];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bcp-lsp-random-'));
const complaints = [];   // window/logMessage: an edit the server refused
const uriOf = (p) => 'file://' + p.split('/').map(encodeURIComponent).join('/');

function server() {
    const proc = cp.spawn(bcp, ['lsp', '--debounce', '0', '--today', '2026-12-04'], {
        stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, XDG_CACHE_HOME: path.join(tmp, 'cache') },
    });
    const conn = P.createProtocolConnection(new rpc.StreamMessageReader(proc.stdout), new rpc.StreamMessageWriter(proc.stdin));
    const shown = new Map();   // uri -> the diagnostics last published, as an editor shows them
    conn.onNotification(P.PublishDiagnosticsNotification.type, (p) => shown.set(p.uri, JSON.stringify(p.diagnostics)));
    conn.onNotification('window/logMessage', (m) => complaints.push(m.message));
    conn.listen();
    return { proc, conn, shown };
}
async function initialize(s) {
    await s.conn.sendRequest(P.InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
    s.conn.sendNotification(P.InitializedNotification.type, {});
}
async function stop(s) {
    const rss = peakRss(s.proc.pid);
    await s.conn.sendRequest(P.ShutdownRequest.type);
    s.conn.sendNotification(P.ExitNotification.type);
    const code = await new Promise((r) => (s.proc.exitCode !== null ? r(s.proc.exitCode) : s.proc.on('exit', r)));
    s.conn.dispose();
    // Not 0: the server failed its exit (under ASan: a leak or an error report).
    if (code !== 0) exitFailures.push(`a server exited with status ${code}`);
    return rss;
}
const exitFailures = [];
// A server's peak resident memory (VmHWM, kB), while it runs.
function peakRss(pid) {
    try {
        const m = /VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
        return m ? Number(m[1]) : 0;
    } catch (e) { return 0; }
}
// The results to compare after an edit of `uri`: its symbols and folding
// ranges (whose replies follow every diagnostic the edit's check published).
async function results(s, uri) {
    const td = { textDocument: { uri } };
    const [symbols, folding] = await Promise.all([
        s.conn.sendRequest(P.DocumentSymbolRequest.type, td),
        s.conn.sendRequest(P.FoldingRangeRequest.type, td),
    ]);
    return { symbols: JSON.stringify(symbols), folding: JSON.stringify(folding) };
}

function position(text, offset) {
    const before = text.slice(0, offset);
    const line = before.split('\n').length - 1;
    return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}
// Not inside a surrogate pair.
function boundary(text, o) {
    const c = text.charCodeAt(o);
    return o > 0 && o < text.length && c >= 0xDC00 && c <= 0xDFFF ? o - 1 : o;
}
const pieces = ['a', 'x', '_', ' ', ' ', '\n', '\n  ', '=', '{', '}', '[', ']', ',', '"', '"""', '#', '.', '中', '文字', '😀', '1', '6mo', '2026-01-01',
    'contact.', 'risk r { likelihood = high impact = low }', 'title = "t"', '\\', '\t', 'true', '-',
    'contact x { name = "X" }', 'owner = contact.', 'use "./resources.bcp"'];

// One random change of `doc.text` (which it updates): an LSP content change.
function randomChange(doc) {
    const text = doc.text;
    let a = boundary(text, Math.floor(rand() * (text.length + 1)));
    let b = a;
    const op = rand();
    if (op < 0.45 && text.length > 0) b = boundary(text, Math.min(text.length, a + Math.floor(rand() * 12)));
    let insert = op < 0.2 ? '' : pick(pieces);
    if (rand() < 0.1) insert += pick(pieces);
    // Keep the text from growing without end.
    if (text.length > doc.limit) { b = boundary(text, Math.min(text.length, a + 40)); insert = ''; }
    const change = { range: { start: position(text, a), end: position(text, b) }, text: insert };
    applyChange(doc, change);
    return change;
}
// Applies an LSP content change (UTF-16 positions) to `doc.text`.
function applyChange(doc, change) {
    const offset = (p) => {
        let o = 0;
        for (let l = 0; l < p.line; l++) o = doc.text.indexOf('\n', o) + 1;
        return o + p.character;
    };
    const a = offset(change.range.start), b = offset(change.range.end);
    doc.text = doc.text.slice(0, a) + change.text + doc.text.slice(b);
}

// The documents edited: a one-file plan and a module of a four-file plan.
function documents() {
    const one = path.join(tmp, 'one'), multi = path.join(tmp, 'huadong');
    for (const d of [one, multi]) fs.mkdirSync(path.join(d, '.git'), { recursive: true });
    fs.copyFileSync(path.join(repo, 'examples/minimal.bcp'), path.join(one, 'minimal.bcp'));
    for (const f of fs.readdirSync(path.join(repo, 'examples/huadong')))
        fs.copyFileSync(path.join(repo, 'examples/huadong', f), path.join(multi, f));
    return [path.join(one, 'minimal.bcp'), path.join(multi, 'contacts.bcp')].map((file) => {
        const text = fs.readFileSync(file, 'utf8');
        return { uri: uriOf(file), text, version: 1, limit: Math.max(4000, 2 * text.length) };
    });
}

// The diagnostics a new server process publishes for `doc`'s text, by uri.
async function freshProcess(doc) {
    const s = server();
    await initialize(s);
    s.conn.sendNotification(P.DidOpenTextDocumentNotification.type, { textDocument: { uri: doc.uri, languageId: 'bcp', version: doc.version, text: doc.text } });
    const r = await results(s, doc.uri);
    const shown = new Map(s.shown);
    await stop(s);
    return { shown, ...r };
}

// Says where two results first differ; counts one failure.
function differ(what, n, a, b) {
    a = String(a); b = String(b);
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    const from = Math.max(0, i - 150);
    console.error(`FAIL: edit ${n}: ${what} differ (from character ${i})\n  incremental: …${a.slice(from, i + 250)}\n  fresh:       …${b.slice(from, i + 250)}`);
    return 1;
}

(async () => {
    const docs = documents();
    const inc = server(), fresh = server();
    for (const s of [inc, fresh]) {
        await initialize(s);
        for (const d of docs) {
            s.conn.sendNotification(P.DidOpenTextDocumentNotification.type, { textDocument: { uri: d.uri, languageId: 'bcp', version: 1, text: d.text } });
            await results(s, d.uri);
        }
    }
    const startSeed = seed;
    let failures = 0, made = 0, processChecks = 0, multiChange = 0, moduleEdits = 0;
    const started = Date.now();
    const deadline = started + 1000 * Number(process.env.LSP_RANDOM_SECONDS || 600);
    const latency = [];
    const record = [];
    const edits = replay ? replay.length : EDITS;
    for (let n = 0; n < edits && Date.now() < deadline && failures <= 3; n++, made++) {
        let doc, changes = [];
        if (replay) {
            doc = docs[replay[n].doc];
            changes = replay[n].changes;
            for (const c of changes) applyChange(doc, c);
        } else {
            doc = rand() < 0.6 ? docs[0] : docs[1];
            const count = rand() < 0.15 ? 2 + Math.floor(rand() * 2) : 1;   // several changes in one didChange
            for (let k = 0; k < count; k++) changes.push(randomChange(doc));
        }
        record.push({ doc: docs.indexOf(doc), changes });
        if (doc === docs[1]) moduleEdits++;
        if (changes.length > 1) multiChange++;
        doc.version++;
        const t0 = process.hrtime.bigint();
        inc.conn.sendNotification(P.DidChangeTextDocumentNotification.type, { textDocument: { uri: doc.uri, version: doc.version }, contentChanges: changes });
        const ri = results(inc, doc.uri).then((r) => { latency.push(Number(process.hrtime.bigint() - t0) / 1e6); return r; });
        fresh.conn.sendNotification(P.DidCloseTextDocumentNotification.type, { textDocument: { uri: doc.uri } });
        fresh.conn.sendNotification(P.DidOpenTextDocumentNotification.type, { textDocument: { uri: doc.uri, languageId: 'bcp', version: doc.version, text: doc.text } });
        const [a, b] = await Promise.all([ri, results(fresh, doc.uri)]);
        const before = failures;
        for (const uri of new Set([...inc.shown.keys(), ...fresh.shown.keys()]))
            if (inc.shown.get(uri) !== fresh.shown.get(uri))
                failures += differ(`the diagnostics of ${path.basename(uri)}`, n, inc.shown.get(uri), fresh.shown.get(uri));
        if (a.symbols !== b.symbols) failures += differ('the document symbols', n, a.symbols, b.symbols);
        if (a.folding !== b.folding) failures += differ('the folding ranges', n, a.folding, b.folding);
        if (n % FRESH_PROCESS_EVERY === FRESH_PROCESS_EVERY - 1) {
            const c = await freshProcess(doc);
            processChecks++;
            for (const [uri, d] of c.shown)
                if (inc.shown.get(uri) !== d) failures += differ(`a new process's diagnostics of ${path.basename(uri)}`, n, inc.shown.get(uri), d);
            if (c.symbols !== a.symbols) failures += differ("a new process's symbols", n, a.symbols, c.symbols);
        }
        if (complaints.length) { failures++; console.error(`FAIL: edit ${n}: the server complained: ${complaints.splice(0).join('; ')}`); }
        if (failures > before)
            console.error(`  edit ${n} (seed ${startSeed}) of ${path.basename(doc.uri)}: ${JSON.stringify(changes)}`);
    }
    if (process.env.LSP_RANDOM_RECORD)
        fs.writeFileSync(process.env.LSP_RANDOM_RECORD, JSON.stringify(record.slice(0, Number(process.env.LSP_RANDOM_RECORD_EDITS || record.length))) + '\n');
    const rss = await stop(inc);
    await stop(fresh);
    fs.rmSync(tmp, { recursive: true, force: true });
    latency.sort((x, y) => x - y);
    const q = (p) => (latency.length ? latency[Math.min(latency.length - 1, Math.floor(p * latency.length))].toFixed(1) : '-');
    console.log(`lsp ${replay ? 'replayed' : 'random'} edits: ${made} of ${edits} edits (${replay ? path.basename(process.env.LSP_RANDOM_REPLAY) : 'seed ' + startSeed}${made < edits ? ', stopped early' : ''}; ${moduleEdits} of a module, ${multiChange} with several changes), ` +
        `${failures ? failures + ' MISMATCHES' : 'incremental = a fresh full check after every edit'}, ${processChecks} more against a new process; ` +
        `${((Date.now() - started) / 1000).toFixed(1)} s, edit to results median ${q(0.5)} ms, p99 ${q(0.99)} ms (client side), incremental server peak RSS ${(rss / 1024).toFixed(1)} MB`);
    for (const f of exitFailures) { failures++; console.error('FAIL: ' + f); }
    process.exit(failures || made < Math.min(edits, Number(process.env.LSP_RANDOM_MIN || 0)) ? 1 : 0);
})().catch((e) => { console.error('FAIL: ' + (e.stack || e)); process.exit(1); });
