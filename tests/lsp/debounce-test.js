// The debounce of `bcp lsp` (issue 12: diagnostics are published "after a
// short debounce"): every other test runs with --debounce 0.
//   1. The default (50 ms, no option): a burst of edits sent at once gives
//      ONE publish, of the last version, at least 50 ms after the last edit.
//   2. --debounce 1000, five edits 20 ms apart (all inside the window): one
//      publish, of the last version, at least 1000 ms after the last edit.
//      Without a debounce each edit would publish.
//   3. --debounce 0, five edits one after another: five publishes, one per version.
// Lower bounds only, so a slow machine (ASan, load) cannot fail it; the
// upper bounds are 20 s.
//
//   node debounce-test.js BCP [REPO]
'use strict';
const cp = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const rpc = require('vscode-jsonrpc/node');
const P = require('vscode-languageserver-protocol');

const bcp = path.resolve(process.argv[2] || 'build/bcp');
const repo = path.resolve(process.argv[3] || path.join(__dirname, '..', '..'));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bcp-lsp-debounce-'));
fs.mkdirSync(path.join(tmp, '.git'));
const file = path.join(tmp, 'minimal.bcp');
fs.copyFileSync(path.join(repo, 'examples/minimal.bcp'), file);
const uri = 'file://' + file;
let failures = 0;
function ok(cond, what, got) {
    if (!cond) {
        failures++;
        console.error(`FAIL: ${what}` + (got !== undefined ? `\n  got: ${JSON.stringify(got)}` : ''));
    }
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const now = () => Number(process.hrtime.bigint()) / 1e6;

async function start(args) {
    const proc = cp.spawn(bcp, ['lsp', '--today', '2026-12-04', ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
    const conn = P.createProtocolConnection(new rpc.StreamMessageReader(proc.stdout), new rpc.StreamMessageWriter(proc.stdin));
    const published = [];   // {version, at}
    let wake = null;
    conn.onNotification(P.PublishDiagnosticsNotification.type, (p) => {
        published.push({ version: p.version, at: now() });
        if (wake) wake();
    });
    conn.listen();
    await conn.sendRequest(P.InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
    conn.sendNotification(P.InitializedNotification.type, {});
    // Resolves when `count` publishes have come (or after 20 s).
    const until = async (count) => {
        const end = now() + 20000;
        while (published.length < count && now() < end)
            await new Promise((r) => { wake = r; setTimeout(r, 100); });
        wake = null;
    };
    const s = { proc, conn, published, until, text: fs.readFileSync(file, 'utf8'), version: 1 };
    conn.sendNotification(P.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'bcp', version: 1, text: s.text } });
    await until(1);
    published.length = 0;
    return s;
}
// Appends a comment line: a change that publishes (the text is new).
function edit(s) {
    const line = s.text.split('\n').length - 1;
    s.version++;
    s.conn.sendNotification(P.DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version: s.version },
        contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: `# edit ${s.version}\n` }],
    });
    s.text += `# edit ${s.version}\n`;
    return now();
}
async function stop(s) {
    await s.conn.sendRequest(P.ShutdownRequest.type);
    s.conn.sendNotification(P.ExitNotification.type);
    s.conn.dispose();
}

(async () => {
    // 1. The default window: a burst written at once.
    let s = await start([]);
    let last = 0;
    for (let i = 0; i < 5; i++) last = edit(s);
    await s.until(1);
    await sleep(400);   // any second publish would come in this time
    ok(s.published.length === 1, 'default debounce: a burst of 5 edits publishes once', s.published);
    ok(s.published[0] && s.published[0].version === s.version, 'default debounce: the publish is of the last version', s.published[0]);
    ok(s.published[0] && s.published[0].at - last >= 50, 'default debounce: the publish comes at least 50 ms after the last edit',
        s.published[0] && (s.published[0].at - last).toFixed(1));
    const defaultWait = s.published[0] ? s.published[0].at - last : NaN;
    await stop(s);

    // 2. A longer window, edits spread inside it.
    s = await start(['--debounce', '1000']);
    let firstAt = 0;
    for (let i = 0; i < 5; i++) { last = edit(s); if (!i) firstAt = last; if (i < 4) await sleep(20); }
    await s.until(1);
    await sleep(500);
    ok(s.published.length === 1, '--debounce 1000: 5 edits 20 ms apart publish once', s.published);
    ok(s.published[0] && s.published[0].version === s.version, '--debounce 1000: the publish is of the last version', s.published[0]);
    ok(s.published[0] && s.published[0].at - last >= 1000, '--debounce 1000: the publish comes at least 1000 ms after the last edit',
        s.published[0] && (s.published[0].at - last).toFixed(1));
    await stop(s);

    // 3. No window: each edit publishes.
    s = await start(['--debounce', '0']);
    const first = s.version + 1;
    for (let i = 0; i < 5; i++) { edit(s); await s.until(i + 1); await sleep(30); }
    ok(s.published.length === 5, '--debounce 0: 5 edits, each after the last publish, publish 5 times', s.published);
    ok(s.published.map((p) => p.version).join() === [0, 1, 2, 3, 4].map((i) => first + i).join(),
        '--debounce 0: one publish per version, in order', s.published.map((p) => p.version));
    await stop(s);

    fs.rmSync(tmp, { recursive: true, force: true });
    console.log(`lsp debounce: ${failures ? failures + ' failures' : 'ok'} (default: one publish ${defaultWait.toFixed(1)} ms after a 5-edit burst; ` +
        `1000 ms: one publish for 5 edits over ${(last - firstAt).toFixed(0)} ms; 0: one per edit)`);
    process.exit(failures ? 1 : 0);
})().catch((e) => { console.error('FAIL: ' + (e.stack || e)); process.exit(1); });
