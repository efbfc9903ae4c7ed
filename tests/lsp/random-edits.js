// Randomized incremental-sync test of `bcp lsp`: one server gets thousands of
// random incremental edits (UTF-16 ranges, multi-byte and astral characters,
// braces, quotes, comments, line breaks); a second server gets the whole text
// after each edit (a fresh full parse).  After every edit both must publish
// the same diagnostics.
//
//   node random-edits.js BCP [REPO] [EDITS] [SEED]
// EDITS defaults to 2000; LSP_RANDOM_SECONDS (default 240) bounds the run on a
// loaded machine: it then stops early and says how many edits it made.
'use strict';
const cp = require('child_process');
const fs = require('fs');
const path = require('path');
const rpc = require('vscode-jsonrpc/node');
const P = require('vscode-languageserver-protocol');

const bcp = path.resolve(process.argv[2] || 'build/bcp');
const repo = path.resolve(process.argv[3] || path.join(__dirname, '..', '..'));
const EDITS = Number(process.argv[4] || process.env.LSP_RANDOM_EDITS || 2000);
let seed = Number(process.argv[5] || process.env.LSP_RANDOM_SEED || 12345) >>> 0;
function rand() {   // xorshift32: the same edits for the same seed
    seed ^= seed << 13; seed >>>= 0;
    seed ^= seed >>> 17;
    seed ^= seed << 5; seed >>>= 0;
    return seed / 4294967296;
}
const pick = (a) => a[Math.floor(rand() * a.length)];

function server(sync) {
    const proc = cp.spawn(bcp, ['lsp', '--debounce', '0', '--today', '2026-12-04'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const conn = P.createProtocolConnection(new rpc.StreamMessageReader(proc.stdout), new rpc.StreamMessageWriter(proc.stdin));
    let waiting = null;
    conn.onNotification(P.PublishDiagnosticsNotification.type, (p) => { if (waiting) { const w = waiting; waiting = null; w(p); } });
    conn.onNotification('window/logMessage', (m) => { throw new Error('server complained: ' + m.message); });
    conn.listen();
    return {
        proc, conn, sync,
        published: () => new Promise((r) => { waiting = r; }),
    };
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
    'contact.', 'risk r { likelihood = high impact = low }', 'title = "t"', '\\', '\t', 'true', '-'];

const FRESH_EVERY = 50;
let freshChecks = 0;
// The diagnostics a new server process publishes for `text`.
async function freshCheck(uri, text) {
    const s = server('fresh');
    await s.conn.sendRequest(P.InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
    s.conn.sendNotification(P.InitializedNotification.type, {});
    const p = s.published();
    s.conn.sendNotification(P.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'bcp', version: 1, text } });
    const d = await p;
    await s.conn.sendRequest(P.ShutdownRequest.type);
    s.conn.sendNotification(P.ExitNotification.type);
    return d.diagnostics;
}

(async () => {
    const file = path.join(repo, 'examples/minimal.bcp');
    const uri = 'file://' + file;
    let text = fs.readFileSync(file, 'utf8');
    const inc = server('incremental'), full = server('full');
    for (const s of [inc, full]) {
        await s.conn.sendRequest(P.InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
        s.conn.sendNotification(P.InitializedNotification.type, {});
        const p = s.published();
        s.conn.sendNotification(P.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'bcp', version: 1, text } });
        await p;
    }
    const startSeed = seed;
    let failures = 0;
    const deadline = Date.now() + 1000 * Number(process.env.LSP_RANDOM_SECONDS || 240);
    let made = 0;
    for (let n = 0; n < EDITS && Date.now() < deadline; n++, made++) {
        let a = boundary(text, Math.floor(rand() * (text.length + 1)));
        let b = a;
        const op = rand();
        if (op < 0.45 && text.length > 0) b = boundary(text, Math.min(text.length, a + Math.floor(rand() * 12)));
        let insert = op < 0.2 ? '' : pick(pieces);
        if (rand() < 0.1) insert += pick(pieces);
        // Keep the text from shrinking to nothing or growing without end.
        if (text.length > 4000) { b = boundary(text, Math.min(text.length, a + 40)); insert = ''; }
        const range = { start: position(text, a), end: position(text, b) };
        text = text.slice(0, a) + insert + text.slice(b);
        const pi = inc.published(), pf = full.published();
        inc.conn.sendNotification(P.DidChangeTextDocumentNotification.type, { textDocument: { uri, version: n + 2 }, contentChanges: [{ range, text: insert }] });
        full.conn.sendNotification(P.DidChangeTextDocumentNotification.type, { textDocument: { uri, version: n + 2 }, contentChanges: [{ text }] });
        const [di, df] = await Promise.all([pi, pf]);
        const si = JSON.stringify(di.diagnostics), sf = JSON.stringify(df.diagnostics);
        // Every FRESH_EVERY edits, a new server process too: nothing cached
        // from the edits before (syntax, model, the lint memo of per-text results).
        if (n % FRESH_EVERY === FRESH_EVERY - 1) {
            const sn = JSON.stringify(await freshCheck(uri, text));
            freshChecks++;
            if (sn !== si) {
                failures++;
                console.error(`FAIL: edit ${n} (seed ${startSeed}): incremental and a fresh server differ\n  incremental: ${si.slice(0, 400)}\n  fresh:       ${sn.slice(0, 400)}`);
            }
        }
        if (si !== sf) {
            failures++;
            console.error(`FAIL: edit ${n} (seed ${startSeed}): incremental and full diagnostics differ\n  edit: ${JSON.stringify({ range, insert })}\n  incremental: ${si.slice(0, 400)}\n  full:        ${sf.slice(0, 400)}`);
            if (failures > 3) break;
        }
    }
    for (const s of [inc, full]) {
        await s.conn.sendRequest(P.ShutdownRequest.type);
        s.conn.sendNotification(P.ExitNotification.type);
    }
    console.log(`lsp random edits: ${made} of ${EDITS} edits (seed ${startSeed}${made < EDITS ? ', stopped at the time limit' : ''}), ${failures ? failures + ' mismatches' : 'incremental = full every time'}, ${freshChecks} checks against a fresh server`);
    process.exit(failures ? 1 : 0);
})().catch((e) => { console.error('FAIL: ' + (e.stack || e)); process.exit(1); });
