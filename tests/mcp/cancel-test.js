// `bcp mcp` cancellation (issue 13), driven by the official MCP TypeScript SDK
// client (@modelcontextprotocol/sdk, locked): a tool call aborted with an
// AbortSignal (the SDK sends notifications/cancelled) stops the server's work
// (its CPU goes idle) within a bound, gets no response, and the next call is
// answered at once; a call waiting behind a running one is dropped when
// cancelled; ping, tools/list, resources/read and prompts/list are answered
// while a long call runs; a cancellation of an unknown or answered id is
// ignored; and, on a raw session (where a second request of a running call's
// id is refused, and a 33rd call waiting), end of input during a call cancels
// it and those waiting, and the server exits with status 0, answering none.  The long call is a check
// of a generated plan of 60,000 functions (8 MB: seconds of work;
// MCP_CANCEL_FUNCTIONS sets another number); the bound
// on stopping is a third of that check's own time in the same run (at least
// 0.5 s), so it holds in the release, ASan and TSan builds alike.  Every
// server's standard error must be free of sanitizer reports.
// usage: node cancel-test.js BCP
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport, getDefaultEnvironment } from '@modelcontextprotocol/sdk/client/stdio.js';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// The SDK starts the server with a few variables only (HOME, PATH, ...); the
// sanitizers' options of the ASan and TSan runs (the Makefile's, tsan.sh's)
// are passed on too.
const serverEnv = {
    ...getDefaultEnvironment(),
    ...Object.fromEntries(Object.entries(process.env).filter(([k]) => /^(A|UB|L|T)SAN_OPTIONS$/.test(k))),
};

const bcp = process.argv[2] && path.resolve(process.argv[2]);
if (!bcp) {
    console.error('usage: node cancel-test.js BCP');
    process.exit(2);
}
const FUNCTIONS = Number(process.env.MCP_CANCEL_FUNCTIONS) || 60000;   // ASan (Makefile) and tsan.sh: 20,000
const LONG = 10 * 60 * 1000;   // the SDK's request timeout for the long calls (its default is 60 s)
let failures = 0;
function ok(what) { console.log(`ok: mcp-cancel: ${what}`); }
function bad(what, detail) {
    console.log(`FAIL: mcp-cancel: ${what}${detail !== undefined ? ': ' + (typeof detail === 'string' ? detail : JSON.stringify(detail)).slice(0, 600) : ''}`);
    failures++;
}
function check(cond, what, detail) { cond ? ok(what) : bad(what, detail); }
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const now = () => performance.now() / 1000;
const ms = (s) => `${Math.round(s * 1000)} ms`;

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bcp-mcp-cancel-'));
const root = path.join(work, 'root');
fs.mkdirSync(root);
{
    // the plan of tests/serve/cancel.sh, three times the functions
    const parts = [fs.readFileSync(new URL('../../examples/minimal.bcp', import.meta.url), 'utf8')];
    for (let i = 0; i < FUNCTIONS; i++)
        parts.push(`function f${i} {\n  title = "Function ${i}"\n  rto = 24h\n  owner = contact.owner\n  needs = [system.email]\n  depends_on = [function.f${(i + 1) % FUNCTIONS}]\n}\n`);
    fs.writeFileSync(path.join(root, 'slow.bcp'), parts.join(''));
}
const slow = { name: 'check', arguments: { path: 'slow.bcp' } };
const args = ['mcp', '--root', root, '--max-bytes', '16M', '--today', '2026-12-01'];

// The CPU time (s) the process has used, from /proc.
function cpu(pid) {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;   // utime + stime, USER_HZ = 100 on Linux
}
// Until the process has used `seconds` of CPU more than at the call: its
// work has started.
async function busy(pid, seconds = 0.3) {
    const start = cpu(pid), t0 = now();
    while (cpu(pid) - start < seconds) {
        if (now() - t0 > 120) return false;
        await sleep(10);
    }
    return true;
}
// Seconds from `t0` to the start of the first 400 ms in which the process used
// at most one clock tick of CPU: when its work stopped (a busy process, even
// on a loaded machine, gets more than that).
async function idleAfter(pid, t0) {
    const samples = [[now(), cpu(pid)]];
    for (;;) {
        await sleep(50);
        const t = now(), c = cpu(pid);
        samples.push([t, c]);
        const window = samples.find(([ts]) => t - ts >= 0.4 && t - ts < 0.5);
        if (window && c - window[1] <= 0.011) return window[0] - t0;
        if (t - t0 > 300) return Infinity;
    }
}

const stderrs = [];
function watchStderr(stream, who) {
    const entry = { who, text: '' };
    stderrs.push(entry);
    stream.on('data', (d) => { entry.text += d; });
}

async function sdkSession() {
    const transport = new StdioClientTransport({ command: bcp, args, stderr: 'pipe', env: serverEnv });
    watchStderr(transport.stderr, 'the SDK session');
    const client = new Client({ name: 'bcp-mcp-cancel-test', version: '1.0.0' });
    const late = [];   // responses the SDK no longer waited for: those of cancelled calls
    client.onerror = (e) => { if (/unknown message ID/.test(e.message)) late.push(e.message); };
    await client.connect(transport);
    const pid = transport.pid;

    // ------------------------------------------------ a running call aborted
    const a = new AbortController();
    const first = client.callTool(slow, undefined, { signal: a.signal, timeout: LONG });
    first.catch(() => {});
    check(await busy(pid), 'the long check runs');
    const t0 = now();
    a.abort('the test cancels it');
    const rejected = await first.then(() => false, () => true);
    check(rejected, 'the aborted call rejects on the client');
    // the next call, sent at once, waits for the worker: answered soon only
    // when the aborted work stopped
    const [tStop, [next, tNext]] = await Promise.all([
        idleAfter(pid, t0),
        client.callTool({ name: 'explain', arguments: { code: 'E103' } }).then((r) => [r, now() - t0]),
    ]);
    check(!next.isError && next.structuredContent.name === 'wrong-type', `the next call (explain), sent right after the cancellation, is answered, ${ms(tNext)} after it`);

    // --------------------------------------- a call waiting behind another
    const b = new AbortController(), c = new AbortController();
    const running = client.callTool(slow, undefined, { signal: b.signal, timeout: LONG });
    const waiting = client.callTool({ name: 'explain', arguments: { code: 'E101' } }, undefined, { signal: c.signal });
    running.catch(() => {});
    waiting.catch(() => {});
    check(await busy(pid), 'a second long check runs, an explain waits behind it');
    c.abort('the waiting one');
    b.abort('the running one');
    const t2 = now();
    const tStop2 = await idleAfter(pid, t2);

    // the spec lets a server ignore these: unknown ids, answered ones
    await client.notification({ method: 'notifications/cancelled', params: { requestId: 987654, reason: 'unknown' } });
    await client.notification({ method: 'notifications/cancelled', params: { requestId: 0, reason: 'initialize, answered' } });
    await client.notification({ method: 'notifications/cancelled', params: { reason: 'no requestId' } });
    await client.ping();
    ok('cancellations of an unknown id, of initialize and without an id are ignored');

    // ---------------------------- other requests answered while a call runs
    const tStart = now();
    let done = null;
    const whole = client.callTool(slow, undefined, { timeout: LONG }).then((r) => { done = now(); return r; });
    check(await busy(pid), 'a third long check runs, to its end this time');
    const answers = [];
    const during = async (what, f, good) => {
        const t = now();
        const r = await f();
        answers.push({ what, good: good(r), pending: done === null, dt: now() - t });
    };
    await during('ping', () => client.ping(), (r) => r && typeof r === 'object');
    await during('tools/list', () => client.listTools(), (r) => r.tools.length === 10);
    await during('resources/read', () => client.readResource({ uri: 'bcp://rules/E103' }), (r) => r.contents[0].text.includes('E103'));
    await during('prompts/list', () => client.listPrompts(), (r) => r.prompts.length === 2);
    const result = await whole;
    const tFull = done - tStart;
    check(!result.isError && result.structuredContent.errors > 0, `the whole check ends with its findings, in ${ms(tFull)}`);

    const bound = Math.max(0.5, tFull / 3);
    for (const { what, good, pending, dt } of answers)
        check(good && pending && dt <= bound, `${what} while the check runs: answered in ${ms(dt)} (bound ${ms(bound)}), the check still running`,
            { good, pending, dt });
    check(tStop <= bound, `the aborted check stopped ${ms(tStop)} after the cancellation (bound ${ms(bound)}: a third of the whole check)`);
    check(tNext <= bound, `the call after it was answered ${ms(tNext)} after the cancellation (bound ${ms(bound)})`);
    check(tStop2 <= bound, `the second one stopped ${ms(tStop2)} after the cancellation (bound ${ms(bound)})`);
    await client.ping();
    check(late.length === 0, 'no response came for any cancelled call', late);
    await client.close();
    return tFull;
}

// End of input while a call runs, on a raw session: the call is cancelled, not
// answered, and the server exits with status 0 at once.
async function eofSession(tFull) {
    const child = spawn(bcp, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    watchStderr(child.stderr, 'the raw session');
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, t: now() })));
    const closed = new Promise((resolve) => child.stdout.on('close', resolve));
    const send = (m) => child.stdin.write(JSON.stringify(m) + '\n');
    send({ jsonrpc: '2.0', id: 0, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '1' } } });
    send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    send({ jsonrpc: '2.0', id: 7, method: 'tools/call', params: slow });
    send({ jsonrpc: '2.0', id: 7, method: 'tools/call', params: { name: 'explain', arguments: { code: 'E103' } } });
    check(await busy(child.pid), 'raw session: the long check runs');
    // 32 calls may wait behind it; the 33rd is refused (-32000)
    for (let i = 0; i < 33; i++)
        send({ jsonrpc: '2.0', id: 100 + i, method: 'tools/call', params: { name: 'explain', arguments: { code: 'E103' } } });
    const refused = new Promise((resolve) => {
        const poll = setInterval(() => { if (out.includes('"id":132')) { clearInterval(poll); resolve(true); } }, 10);
        setTimeout(() => { clearInterval(poll); resolve(false); }, 60 * 1000);
    });
    check(await refused, 'raw session: the 33rd call waiting is answered at once (refused)');
    const t0 = now();
    child.stdin.end();
    const timer = setTimeout(() => child.kill('SIGKILL'), 300 * 1000);
    const { code, signal, t } = await exited;
    clearTimeout(timer);
    await closed;
    const bound = Math.max(0.5, tFull / 3);
    check(code === 0 && signal === null && t - t0 <= bound,
        `end of input during the call: exit status 0 ${ms(t - t0)} later (bound ${ms(bound)})`, { code, signal, after: t - t0 });
    const lines = out.trim().split('\n').map((l) => JSON.parse(l));
    check(lines.length === 3 && lines[0].id === 0 && lines[0].result &&
        lines[1].id === 7 && lines[1].error && lines[1].error.code === -32600 &&
        lines[2].id === 132 && lines[2].error && lines[2].error.code === -32000,
        'raw session: initialize answered, the second request of id 7 refused (-32600: id in use), the 33rd waiting call ' +
        'refused (-32000: busy), no answer for the cancelled call nor for the 32 that waited', lines.map((l) => JSON.stringify(l).slice(0, 120)));
}

async function main() {
    const tFull = await sdkSession();
    await eofSession(tFull);
    for (const { who, text } of stderrs)
        check(!/Sanitizer|runtime error/.test(text), `${who}: no sanitizer report on standard error`, text.slice(0, 2000));
}

let finished = false;
process.on('exit', () => {   // an await that can never resolve must not pass for success
    if (!finished) {
        console.log('FAIL: mcp-cancel: the test stopped before its end');
        process.exitCode = 1;
    }
});
main()
    .catch((e) => bad('the test crashed', e.stack || String(e)))
    .finally(() => {
        finished = true;
        fs.rmSync(work, { recursive: true, force: true });
        console.log(failures ? `mcp-cancel: ${failures} failed` : 'mcp-cancel: ok');
        process.exit(failures ? 1 : 0);
    });
