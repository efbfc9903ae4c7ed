// make bench (lsp part): latency from a one-character edit to the published
// diagnostics, completion latency, and the server's RSS with the examples open.
//   node bench.js BCP REPO PLAN_1MB
'use strict';
const cp = require('child_process');
const fs = require('fs');
const path = require('path');
const rpc = require('vscode-jsonrpc/node');
const P = require('vscode-languageserver-protocol');

const [bcp, repo, big] = process.argv.slice(2).map((p) => path.resolve(p));
const proc = cp.spawn(bcp, ['lsp', '--debounce', '0'], { stdio: ['pipe', 'pipe', 'inherit'] });
const conn = P.createProtocolConnection(new rpc.StreamMessageReader(proc.stdout), new rpc.StreamMessageWriter(proc.stdin));
let waiting = new Map();
conn.onNotification(P.PublishDiagnosticsNotification.type, (p) => { const w = waiting.get(p.uri); if (w) { waiting.delete(p.uri); w(p); } });
conn.onNotification('window/logMessage', () => {});
conn.listen();
const published = (uri) => new Promise((r) => waiting.set(uri, r));
const uriOf = (p) => 'file://' + p;
const median = (a) => { const s = [...a].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };
const ms = (t) => Number(t) / 1e6;
// The load the figures were taken under (the 1-, 5- and 15-minute averages).
const load = () => fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
// Each goal's verdict, on the server-side median (the client's adds Node's own time).
const verdicts = [];
const verdict = (what, value, goal) => {
    const met = value <= goal;
    verdicts.push(`${what}: ${value.toFixed(2)} ms, goal <= ${goal} ms: ${met ? 'met' : 'NOT met'}`);
    return `(goal ${goal}: ${met ? 'met' : 'NOT met'}; load ${load()})`;
};

async function open(file) {
    const uri = uriOf(file);
    const text = fs.readFileSync(file, 'utf8');
    const p = published(uri);
    conn.sendNotification(P.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'bcp', version: 1, text } });
    await p;
    return { uri, text, version: 1 };
}

// One character typed into the first title's string and taken out again.
async function editLatency(doc, rounds) {
    const i = doc.text.indexOf('title');
    const q = doc.text.indexOf('"', i) + 1;
    const before = doc.text.slice(0, q);
    const line = before.split('\n').length - 1, character = q - (before.lastIndexOf('\n') + 1);
    const wall = [], server = [];
    for (let n = 0; n < rounds; n++) {
        const insert = n % 2 === 0;
        const range = insert ? { start: { line, character }, end: { line, character } } : { start: { line, character }, end: { line, character: character + 1 } };
        const p = published(doc.uri);
        const t0 = process.hrtime.bigint();
        conn.sendNotification(P.DidChangeTextDocumentNotification.type, { textDocument: { uri: doc.uri, version: ++doc.version }, contentChanges: [{ range, text: insert ? 'x' : '' }] });
        await p;
        wall.push(ms(process.hrtime.bigint() - t0));
        server.push(await conn.sendRequest('bcp/checkTime'));
    }
    return { wall: median(wall), server: median(server) };
}

(async () => {
    console.log(`lsp-bench: load at the start ${load()}`);
    await conn.sendRequest(P.InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
    conn.sendNotification(P.InitializedNotification.type, {});
    const bj = await open(path.join(repo, 'examples/beijing-finance.bcp'));
    const r1 = await editLatency(bj, 40);
    console.log(`edit -> diagnostics, beijing-finance.bcp (62 KB): median ${r1.wall.toFixed(2)} ms at the client, ${r1.server.toFixed(2)} ms in the server ${verdict('edit -> diagnostics, beijing-finance.bcp', r1.server, 10)}`);
    // Completion at `owner = contact.`
    const o = bj.text.indexOf('= contact.') + 10;
    const b = bj.text.slice(0, o);
    const position = { line: b.split('\n').length - 1, character: o - (b.lastIndexOf('\n') + 1) };
    const comp = [];
    for (let n = 0; n < 200; n++) {
        const t0 = process.hrtime.bigint();
        await conn.sendRequest(P.CompletionRequest.type, { textDocument: { uri: bj.uri }, position });
        comp.push(ms(process.hrtime.bigint() - t0));
    }
    console.log(`completion (owner = contact.): median ${median(comp).toFixed(2)} ms ${verdict('completion', median(comp), 5)}`);
    const bigDoc = await open(big);
    const r2 = await editLatency(bigDoc, 10);
    console.log(`edit -> diagnostics, generated ${(bigDoc.text.length / 1e6).toFixed(1)} MB plan: median ${r2.wall.toFixed(2)} ms at the client, ${r2.server.toFixed(2)} ms in the server ${verdict('edit -> diagnostics, 1 MB plan', r2.server, 50)}`);
    conn.sendNotification(P.DidCloseTextDocumentNotification.type, { textDocument: { uri: bigDoc.uri } });
    for (const f of ['examples/global-services.bcp', 'examples/minimal.bcp', 'examples/huadong/plan.bcp',
        'examples/huadong/contacts.bcp', 'examples/huadong/resources.bcp', 'examples/huadong/locale-en.bcp'])
        await open(path.join(repo, f)).catch(() => {});
    await conn.sendRequest(P.HoverRequest.type, { textDocument: { uri: bj.uri }, position });
    const rss = fs.readFileSync(`/proc/${proc.pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)[1];
    console.log(`RSS with all examples open: ${(rss / 1024).toFixed(1)} MB (no goal)`);
    const missed = verdicts.filter((v) => v.endsWith('NOT met')).length;
    console.log(`lsp-bench verdict: ${missed ? missed + ' of ' + verdicts.length + ' goals NOT met' : 'all ' + verdicts.length + ' goals met'} (load ${load()}, ${require('os').cpus().length} CPUs${missed ? '; figures under load are not the quiet machine\'s' : ''})`);
    for (const v of verdicts) console.log('  ' + v);
    await conn.sendRequest(P.ShutdownRequest.type);
    conn.sendNotification(P.ExitNotification.type);
})().catch((e) => { console.error(e); process.exit(1); });
