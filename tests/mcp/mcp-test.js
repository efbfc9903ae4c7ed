// `bcp mcp` driven by the official MCP TypeScript SDK client
// (@modelcontextprotocol/sdk, locked in package-lock.json): initialize, list
// and call every tool (the SDK validates each structuredContent against the
// tool's outputSchema; simulate, graph and readiness against the bcp command's
// own output), read every kind of resource, get both prompts in both
// languages, and the negative set (path escapes by .., an absolute path and a
// symbolic link; an unknown tool; bad arguments; 10 MB of input; writes
// without --allow-write), which must come back as errors, never a crash or a
// file outside the root (the folders are listed before and after); no server
// may write a sanitizer report on its standard error (the ASan and TSan
// runs).  Cancellation is cancel-test.js's.
// usage: node mcp-test.js BCP REPO
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport, getDefaultEnvironment } from '@modelcontextprotocol/sdk/client/stdio.js';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
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

const [bcpArg, repoArg] = process.argv.slice(2);
const bcp = bcpArg && path.resolve(bcpArg);
const repo = repoArg && path.resolve(repoArg);
if (!bcp || !repo) {
    console.error('usage: node mcp-test.js BCP REPO');
    process.exit(2);
}
const TODAY = '2026-12-01';
let failures = 0;
function ok(what) { console.log(`ok: mcp: ${what}`); }
function bad(what, detail) {
    console.log(`FAIL: mcp: ${what}${detail !== undefined ? ': ' + (typeof detail === 'string' ? detail : JSON.stringify(detail)).slice(0, 600) : ''}`);
    failures++;
}
function check(cond, what, detail) { cond ? ok(what) : bad(what, detail); }

// A work folder: root/ holds copies of the examples; outside.bcp lies next
// to it, and root/link.bcp leads there.
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bcp-mcp-'));
const root = path.join(work, 'root');
fs.cpSync(path.join(repo, 'examples'), root, { recursive: true });
const outside = path.join(work, 'outside.bcp');
fs.writeFileSync(outside, 'plan outside {\n  title = "Outside the root"\n}\n');
fs.symlinkSync(outside, path.join(root, 'link.bcp'));

function listing(dir) {
    const out = [];
    const walk = (d, rel) => {
        for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
            const r = rel ? `${rel}/${e.name}` : e.name;
            const full = path.join(d, e.name);
            const st = fs.lstatSync(full);
            const hash = st.isFile() ? crypto.createHash('sha256').update(fs.readFileSync(full)).digest('hex') : '';
            out.push(`${r} ${st.isSymbolicLink() ? 'link' : st.isDirectory() ? 'dir' : 'file'} ${st.size} ${hash}`);
            if (e.isDirectory() && !e.name.startsWith('.git')) walk(full, r);
        }
    };
    walk(dir, '');
    return out.join('\n');
}

// A git repository in the root, for diff against a revision.
const haveGit = spawnSync('git', ['--version']).status === 0;
if (haveGit) {
    const git = (...args) => execFileSync('git', ['-C', root, '-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { stdio: 'pipe' });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-q', '-m', 'plans');
}

// Each server's standard error, to be free of sanitizer reports at the end
// (a leak, a data race: the ASan and TSan builds report there).
const stderrs = [];
async function connect(extra = []) {
    const transport = new StdioClientTransport({
        command: bcp,
        args: ['mcp', '--root', root, '--today', TODAY, ...extra],
        stderr: 'pipe', env: serverEnv,
    });
    const entry = { args: extra.join(' ') || '(no options)', text: '' };
    stderrs.push(entry);
    transport.stderr.on('data', (d) => { entry.text += d; });
    const client = new Client({ name: 'bcp-mcp-test', version: '1.0.0' });
    await client.connect(transport);
    return { client, transport };
}

async function call(client, name, args) {
    return client.callTool({ name, arguments: args });
}

function errorText(result) {
    return result.isError ? (result.content || []).map((c) => c.text).join('\n') : '';
}

async function expectToolError(client, name, args, code, what) {
    try {
        const r = await call(client, name, args);
        check(r.isError === true && errorText(r).includes(code), what, r.isError ? errorText(r) : 'not an error');
    } catch (e) {
        bad(what, `threw ${e.message}`);
    }
}

async function expectRpcError(promise, code, what) {
    try {
        await promise;
        bad(what, 'no error');
    } catch (e) {
        check(e.code === code, what, `code ${e.code}: ${e.message}`);
    }
}

const cliFindings = (file) => {
    const r = spawnSync(bcp, ['check', '--format', 'json', '--today', TODAY, file], { cwd: root, encoding: 'utf8' });
    return JSON.parse(r.stdout).findings;
};
// The same findings, whatever the order of their keys.
const canonical = (v) => Array.isArray(v) ? v.map(canonical)
    : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical(v[k])])) : v;
const strip = (findings) => canonical(findings.map(({ docs_url, ...rest }) => rest));

async function main() {
    const before = listing(work);
    const { client } = await connect();
    const info = client.getServerVersion();
    check(info && info.name === 'bcp', 'initialize: serverInfo names bcp', info);
    const caps = client.getServerCapabilities();
    check(caps && caps.tools && caps.resources && caps.prompts, 'initialize: tools, resources and prompts offered', caps);

    // ------------------------------------------------------------ tools
    const { tools } = await client.listTools();
    const names = tools.map((t) => t.name).sort();
    check(JSON.stringify(names) === JSON.stringify(['build', 'check', 'diff', 'explain', 'format', 'graph', 'init', 'readiness', 'schema', 'simulate']),
        'tools/list gives the ten tools', names);
    check(tools.every((t) => t.inputSchema && t.inputSchema.type === 'object' && t.outputSchema && t.outputSchema.type === 'object' && t.description),
        'every tool has a description, an inputSchema and an outputSchema');

    for (const plan of ['huadong/plan.bcp', 'minimal.bcp']) {
        const r = await call(client, 'check', { path: plan });
        const want = cliFindings(plan);
        const got = r.structuredContent && r.structuredContent.findings;
        check(!r.isError && JSON.stringify(strip(got)) === JSON.stringify(canonical(want)),
            `check ${plan} gives what bcp check --format json gives (${want.length} findings)`, { got: got && got.slice(0, 2), want: want.slice(0, 2) });
        check(got.every((f) => f.docs_url === `bcp://rules/${f.code}`), `check ${plan}: each finding has its docs_url`);
        check(JSON.parse(r.content[0].text).findings.length === want.length, `check ${plan}: the text content is the same JSON`);
    }
    {
        const r = await call(client, 'check', { text: 'plan p {\n  title = "P"\n  organization = 3\n}\n' });
        const f = r.structuredContent.findings.find((x) => x.code === 'E103');
        check(f && f.file === 'inline.bcp' && f.line === 3 && f.column === 18 && r.structuredContent.errors >= 1,
            'check inline text: E103 at inline.bcp:3:18', r.structuredContent);
    }
    {
        const r = await call(client, 'build', { path: 'huadong/plan.bcp', lang: 'en' });
        check(!r.isError && r.structuredContent.document.includes('Business Continuity Plan') && r.structuredContent.lang === 'en',
            'build huadong (Markdown, en)', r.structuredContent || errorText(r));
        const z = await call(client, 'build', { path: 'huadong/plan.bcp', lang: 'zh-CN' });
        check(!z.isError && /业务连续性/.test(z.structuredContent.document), 'build huadong (Markdown, zh-CN)');
        const j = await call(client, 'build', { path: 'huadong/plan.bcp', format: 'json' });
        let parsed = null;
        try { parsed = JSON.parse(j.structuredContent.document); } catch (e) { /* reported below */ }
        check(parsed && typeof parsed === 'object', 'build huadong (JSON document)');
    }
    {
        const r = await call(client, 'init', { industry: 'manufacturing', size: 'small', sites: ['Shanghai', 'Hangzhou'], lang: 'zh-CN' });
        const text = r.structuredContent && r.structuredContent.text;
        check(!r.isError && /plan /.test(text) && /region\s*=\s*shanghai/.test(text), 'init manufacturing/zh-CN with two sites', text && text.slice(0, 200));
        const c = await call(client, 'check', { text });
        check(!c.isError && c.structuredContent.syntax_errors === false, 'the starter plan checks without syntax errors');
        const e = await call(client, 'init', { industry: 'retail', lang: 'en', regions: 'London' });
        check(!e.isError && /region\s*=\s*london/.test(e.structuredContent.text), 'init retail/en with a region', errorText(e));
    }
    {
        const r = await call(client, 'explain', { code: 'E103' });
        check(!r.isError && r.structuredContent.name === 'wrong-type' && r.structuredContent.markdown.includes('E103'), 'explain E103');
        const d = await call(client, 'explain', { code: 'missing-backup' });
        check(!d.isError && /^D/.test(d.structuredContent.code), 'explain a rule by name', d.structuredContent);
    }
    {
        const r = await call(client, 'schema', {});
        check(!r.isError && r.structuredContent.kinds.some((k) => k.name === 'plan'), 'schema: every kind');
        const k = await call(client, 'schema', { kind: 'function', attribute: 'rto' });
        check(!k.isError && k.structuredContent.attribute.type === 'duration', 'schema: function.rto is a duration', k.structuredContent);
    }
    {
        const r = await call(client, 'format', { text: 'plan p {\ntitle="P"\n}\n' });
        check(!r.isError && r.structuredContent.changed === true && r.structuredContent.text === 'plan p {\n  title = "P"\n}\n', 'format inline text');
        const f = await call(client, 'format', { path: 'huadong/plan.bcp' });
        check(!f.isError && typeof f.structuredContent.changed === 'boolean', 'format a file (result inline)');
    }
    {
        const old = 'plan p {\n  title = "P"\n}\nfunction f {\n  title = "F"\n  rto = 4h\n}\n';
        const r = await call(client, 'diff', { old_text: old, new_text: old.replace('4h', '48h') });
        check(!r.isError && r.structuredContent.differ && r.structuredContent.weakening.length === 1 && /RTO/.test(r.structuredContent.weakening[0]),
            'diff two texts: the looser RTO weakens the plan', r.structuredContent);
        const s = await call(client, 'diff', { old: 'minimal.bcp', new: 'minimal.bcp' });
        check(!s.isError && s.structuredContent.differ === false, 'diff two files: the same plan does not differ');
        if (haveGit) {
            const file = path.join(root, 'huadong/plan.bcp');
            const was = fs.readFileSync(file, 'utf8');
            const m = was.match(/rto\s*=\s*(\d+)h/);
            if (m) {
                fs.writeFileSync(file, was.replace(m[0], m[0].replace(m[1], String(Number(m[1]) * 10))));
                const g = await call(client, 'diff', { path: 'huadong/plan.bcp', revision: 'HEAD' });
                check(!g.isError && g.structuredContent.differ && g.structuredContent.weakening.some((w) => /RTO/.test(w)),
                    'diff against git HEAD: the looser RTO weakens the plan', g.structuredContent || errorText(g));
                fs.writeFileSync(file, was);
            } else {
                bad('huadong/plan.bcp has no rto in hours to loosen');
            }
            await expectToolError(client, 'diff', { path: 'huadong/plan.bcp', revision: 'no-such-rev' }, 'E306', 'diff against an unknown revision is E306');
        }
    }

    {
        // simulate, graph, readiness: what the bcp command gives for the same plan
        const cli = (...args) => spawnSync(bcp, args, { cwd: root, encoding: 'utf8' }).stdout;
        const all = await call(client, 'simulate', { path: 'huadong/plan.bcp', all_scenarios: true });
        const wantAll = JSON.parse(cli('simulate', '--all-scenarios', '--format', 'json', 'huadong/plan.bcp'));
        check(!all.isError && JSON.stringify(canonical(all.structuredContent)) === JSON.stringify(canonical(wantAll)) &&
            wantAll.simulations.length >= 3, `simulate all_scenarios gives what bcp simulate --format json gives (${wantAll.simulations.length} scenarios)`,
        all.structuredContent || errorText(all));
        const lose = await call(client, 'simulate', { path: 'huadong/plan.bcp', lose: ['site.shanghai'], for: '12h' });
        const wantLose = JSON.parse(cli('simulate', '--lose', 'site.shanghai', '--for', '12h', '--format', 'json', 'huadong/plan.bcp'));
        check(!lose.isError && JSON.stringify(canonical(lose.structuredContent)) === JSON.stringify(canonical(wantLose)) &&
            lose.structuredContent.simulations[0].functions.length > 0, 'simulate lose site.shanghai for 12h', errorText(lose));
        const each = await call(client, 'simulate', { path: 'huadong/plan.bcp', each: true });
        const wantEach = JSON.parse(cli('simulate', '--each', '--format', 'json', 'huadong/plan.bcp'));
        check(!each.isError && JSON.stringify(canonical(each.structuredContent)) === JSON.stringify(canonical(wantEach)), 'simulate each');
        const inline = await call(client, 'simulate', { text: fs.readFileSync(path.join(root, 'minimal.bcp'), 'utf8'), lose: 'system.email' });
        check(!inline.isError && inline.structuredContent.simulations[0].lost[0] === 'system.email', 'simulate an inline text', errorText(inline));

        for (const format of ['dot', 'svg', 'mermaid']) {
            const g = await call(client, 'graph', { path: 'huadong/plan.bcp', format, lang: 'en' });
            const want = cli('graph', '--format', format, '--lang', 'en', 'huadong/plan.bcp');
            check(!g.isError && g.structuredContent.format === format && g.structuredContent.text === want && want.length > 100,
                `graph ${format} is byte for byte bcp graph --format ${format}`, errorText(g));
        }
        const focus = await call(client, 'graph', { path: 'huadong/plan.bcp', focus: 'system.erp', format: 'mermaid' });
        check(!focus.isError && focus.structuredContent.text === cli('graph', '--format', 'mermaid', '--focus', 'system.erp', 'huadong/plan.bcp'),
            'graph focus system.erp');
        const gi = await call(client, 'graph', { text: fs.readFileSync(path.join(root, 'minimal.bcp'), 'utf8'), format: 'mermaid' });
        check(!gi.isError && /flowchart/.test(gi.structuredContent.text), 'graph an inline text', errorText(gi));

        const rd = await call(client, 'readiness', { path: 'huadong/plan.bcp' });
        const summary = JSON.parse(cli('check', '--summary', '--format', 'json', '--today', TODAY, 'huadong/plan.bcp'));
        check(!rd.isError && rd.structuredContent.scored === true &&
            JSON.stringify(canonical(rd.structuredContent.readiness)) === JSON.stringify(canonical(summary.plans[0].readiness)),
        `readiness gives what bcp check --summary --format json gives (score ${summary.plans[0].readiness.score})`, rd.structuredContent || errorText(rd));
        const ri = await call(client, 'readiness', { text: fs.readFileSync(path.join(root, 'minimal.bcp'), 'utf8') });
        check(!ri.isError && ri.structuredContent.readiness.areas.length === 6, 'readiness of an inline text: six areas', errorText(ri));

        const h = await call(client, 'build', { text: fs.readFileSync(path.join(root, 'minimal.bcp'), 'utf8'), format: 'html', lang: 'en' });
        check(!h.isError && h.structuredContent.format === 'html' && h.structuredContent.document.includes('<html') &&
            h.structuredContent.document.includes('Acme Ltd') && !('written' in h.structuredContent), 'build html of an inline text comes back inline', errorText(h));

        await expectToolError(client, 'simulate', { path: 'huadong/plan.bcp' }, 'E300', 'simulate without a loss');
        await expectToolError(client, 'simulate', { path: 'huadong/plan.bcp', each: true, all_scenarios: true }, 'E300', 'simulate each and all_scenarios together');
        await expectToolError(client, 'simulate', { path: 'huadong/plan.bcp', lose: ['system.nope'] }, 'E210', 'simulate an entity the plan lacks (E210 follows E300)');
        await expectToolError(client, 'simulate', { path: 'huadong/plan.bcp', each: true, for: 'a while' }, 'E300', 'simulate for a duration that is not one');
        await expectToolError(client, 'simulate', { text: 'plan p {\n  title = 3\n}\n', each: true }, 'E307', 'simulate a plan with errors');
        await expectToolError(client, 'graph', { path: 'huadong/plan.bcp', format: 'png' }, 'E300', 'graph in an unknown format');
        await expectToolError(client, 'graph', { path: 'huadong/plan.bcp', focus: 'system.nope' }, 'E230', 'graph focus on an entity the plan lacks');
        await expectToolError(client, 'readiness', { text: 'plan p {\n  title = 3\n}\n' }, 'E307', 'readiness of a plan with errors');
        await expectToolError(client, 'readiness', { path: 'huadong/plan.bcp', today: '2026-01-01' }, 'E300', 'readiness with an unknown argument');
    }

    // -------------------------------------------------------- resources
    const { resources } = await client.listResources();
    const uris = resources.map((r) => r.uri);
    for (const want of ['bcp://docs/language', 'bcp://rules/E103', 'bcp://plans/huadong/plan.bcp', 'bcp://plans/minimal.bcp', 'bcp://stdlib/locale/en/mcp.bcp'])
        check(uris.includes(want), `resources/list has ${want}`);
    check(!uris.some((u) => u.includes('link.bcp')), 'resources/list leaves out the link that leads outside');
    const { resourceTemplates } = await client.listResourceTemplates();
    check(resourceTemplates.length === 3, 'resources/templates/list gives plans, rules and stdlib');
    {
        const lang = await client.readResource({ uri: 'bcp://docs/language' });
        check(/function/.test(lang.contents[0].text) && lang.contents[0].mimeType === 'text/markdown', 'read the language reference');
        const rule = await client.readResource({ uri: 'bcp://rules/D101' });
        check(rule.contents[0].text.includes('D101'), 'read a rule page');
        const stdlib = uris.find((u) => u.startsWith('bcp://stdlib/core/'));
        const mod = await client.readResource({ uri: stdlib });
        check(mod.contents[0].text.length > 10, `read a stdlib module (${stdlib})`);
        const plan = await client.readResource({ uri: 'bcp://plans/huadong/plan.bcp' });
        check(plan.contents[0].text === fs.readFileSync(path.join(root, 'huadong/plan.bcp'), 'utf8'), 'read a plan under the root');
    }
    await expectRpcError(client.readResource({ uri: 'bcp://plans/link.bcp' }), -32002, 'reading the link that leads outside is refused');
    await expectRpcError(client.readResource({ uri: 'bcp://plans/../outside.bcp' }), -32002, 'reading ../ through a resource URI is refused');
    await expectRpcError(client.readResource({ uri: `bcp://plans/${outside}` }), -32002, 'reading an absolute path through a resource URI is refused');
    await expectRpcError(client.readResource({ uri: 'file:///etc/passwd' }), -32002, 'an unknown resource is -32002');

    // ---------------------------------------------------------- prompts
    const { prompts } = await client.listPrompts();
    check(prompts.map((p) => p.name).sort().join() === 'draft-plan,review-plan', 'prompts/list gives draft-plan and review-plan');
    const han = /[\u4e00-\u9fff]/;
    for (const language of ['en', 'zh-CN']) {
        const d = await client.getPrompt({ name: 'draft-plan', arguments: { industry: 'logistics', size: 'medium', regions: 'Shanghai, Ningbo', language } });
        const text = d.messages[0].content.text;
        check(d.messages[0].role === 'user' && text.includes('logistics') && text.includes('Shanghai, Ningbo') && text.includes('`check`') &&
            han.test(text) === (language === 'zh-CN'), `draft-plan in ${language}`, text.slice(0, 200));
        const r = await client.getPrompt({ name: 'review-plan', arguments: { path: 'huadong/plan.bcp', language } });
        const rt = r.messages[0].content.text;
        check(rt.includes('huadong/plan.bcp') && han.test(rt) === (language === 'zh-CN'), `review-plan in ${language}`, rt.slice(0, 200));
    }
    await expectRpcError(client.getPrompt({ name: 'draft-plan', arguments: {} }), -32602, 'draft-plan without industry is -32602');
    await expectRpcError(client.getPrompt({ name: 'nope', arguments: {} }), -32602, 'an unknown prompt is -32602');

    // ------------------------------------------------------- negatives
    const rel = path.relative(root, outside);
    for (const tool of ['check', 'build', 'format', 'simulate', 'graph', 'readiness']) {
        const extra = tool === 'simulate' ? { each: true } : {};
        await expectToolError(client, tool, { path: rel, ...extra }, 'E302', `${tool}: ${rel} is refused`);
        await expectToolError(client, tool, { path: 'huadong/../../outside.bcp', ...extra }, 'E302', `${tool}: huadong/../../outside.bcp is refused`);
        await expectToolError(client, tool, { path: outside, ...extra }, 'E302', `${tool}: an absolute path outside is refused`);
        await expectToolError(client, tool, { path: 'link.bcp', ...extra }, 'E302', `${tool}: a symbolic link leading outside is refused`);
    }
    await expectToolError(client, 'diff', { old: 'link.bcp', new: 'minimal.bcp' }, 'E302', 'diff: a link leading outside is refused');
    await expectToolError(client, 'check', { path: '/etc/passwd' }, 'E302', 'check /etc/passwd is refused');
    await expectRpcError(call(client, 'launch_missiles', {}), -32602, 'an unknown tool is -32602');
    await expectToolError(client, 'check', { path: 3 }, 'E300', 'a path that is not a string');
    await expectToolError(client, 'check', { path: 'minimal.bcp', colour: 'red' }, 'E300', 'an unknown argument');
    await expectToolError(client, 'check', {}, 'E300', 'neither path nor text');
    await expectToolError(client, 'init', { industry: 'spaceflight' }, 'E300', 'an unknown industry');
    await expectToolError(client, 'build', { path: 'huadong/plan.bcp', format: 'pdf' }, 'E300', 'an unknown format');
    await expectToolError(client, 'check', { path: 'nope.bcp' }, 'E305', 'a missing file');
    await expectToolError(client, 'check', { text: '#'.repeat(10 * 1024 * 1024) }, 'E303', '10 MB of plan text is refused');
    await expectToolError(client, 'build', { path: 'huadong/plan.bcp', format: 'html', output: 'out.html' }, 'E304', 'build html without --allow-write');
    await expectToolError(client, 'format', { path: 'minimal.bcp', write: true }, 'E304', 'format write without --allow-write');
    await expectToolError(client, 'init', { industry: 'retail', output: 'new.bcp' }, 'E304', 'init output without --allow-write');
    await client.ping();
    ok('the server still answers after the negative set');
    await client.close();
    check(listing(work) === before, 'nothing was written (the folders are as they were)');

    // ------------------------------------------------------ --allow-write
    {
        const { client: w } = await connect(['--allow-write']);
        const r = await call(w, 'build', { path: 'huadong/plan.bcp', format: 'html', output: 'out/huadong.html' });
        check(r.isError && errorText(r).includes('E305'), 'build into a missing folder is refused');
        fs.mkdirSync(path.join(root, 'out'));
        const h = await call(w, 'build', { path: 'huadong/plan.bcp', format: 'html', output: 'out/huadong.html' });
        check(!h.isError && h.structuredContent.written === 'out/huadong.html' &&
            fs.readFileSync(path.join(root, 'out/huadong.html'), 'utf8').includes('<html'), 'build html with --allow-write writes under the root', errorText(h));
        const i = await call(w, 'init', { industry: 'retail', output: 'new.bcp' });
        check(!i.isError && fs.existsSync(path.join(root, 'new.bcp')), 'init writes a new plan with --allow-write', errorText(i));
        await expectToolError(w, 'init', { industry: 'retail', output: 'new.bcp' }, 'E304', 'init does not overwrite a plan');
        fs.writeFileSync(path.join(root, 'messy.bcp'), 'plan p {\ntitle="P"\n}\n');
        const f = await call(w, 'format', { path: 'messy.bcp', write: true });
        check(!f.isError && fs.readFileSync(path.join(root, 'messy.bcp'), 'utf8') === 'plan p {\n  title = "P"\n}\n', 'format write rewrites the file');
        const outsideBefore = fs.readFileSync(outside, 'utf8');
        const parentBefore = fs.readdirSync(work).sort().join();
        await expectToolError(w, 'build', { path: 'huadong/plan.bcp', format: 'html', output: '../escape.html' }, 'E302', 'write to ../ is refused');
        await expectToolError(w, 'build', { path: 'huadong/plan.bcp', format: 'html', output: path.join(work, 'escape.html') }, 'E302', 'write to an absolute path outside is refused');
        await expectToolError(w, 'build', { path: 'huadong/plan.bcp', format: 'html', output: 'link.bcp' }, 'E302', 'write through a link is refused');
        await expectToolError(w, 'format', { path: 'link.bcp', write: true }, 'E302', 'format write through a link is refused');
        check(fs.readdirSync(work).sort().join() === parentBefore && fs.readFileSync(outside, 'utf8') === outsideBefore,
            'nothing appeared or changed outside the root');
        await w.close();
    }

    // ------------------------------------------- an older protocol revision
    {
        // standard input stays open until the three answers are in: its end
        // would cancel a tool call not yet answered
        const child = spawn(bcp, ['mcp', '--root', root], { stdio: ['pipe', 'pipe', 'pipe'] });
        const entry = { args: '2024-11-05 session', text: '' };
        stderrs.push(entry);
        child.stderr.on('data', (d) => { entry.text += d; });
        let out = '';
        const three = new Promise((resolve) => child.stdout.on('data', (d) => {
            out += d;
            if (out.split('\n').length > 3) resolve();
        }));
        const exited = new Promise((resolve) => child.on('exit', resolve));
        child.stdin.write('{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2024-11-05","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}\n' +
                '{"jsonrpc":"2.0","id":2,"method":"tools/list"}\n' +
                '{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"explain","arguments":{"code":"E103"}}}\n');
        await Promise.race([three, exited]);
        child.stdin.end();
        await exited;
        const lines = out.trim().split('\n').map((l) => JSON.parse(l));
        check(lines[0].result.protocolVersion === '2024-11-05', '2024-11-05 is accepted', lines[0]);
        check(lines[1].result.tools.every((t) => !('outputSchema' in t)) && !('structuredContent' in lines[2].result),
            '2024-11-05 gets no outputSchema or structuredContent');
    }
    for (const { args, text } of stderrs)
        check(!/Sanitizer|runtime error/.test(text), `server ${args}: no sanitizer report on standard error`, text.slice(0, 2000));
}

main()
    .catch((e) => bad('the test crashed', e.stack || String(e)))
    .finally(() => {
        fs.rmSync(work, { recursive: true, force: true });
        console.log(failures ? `mcp-test: ${failures} failed` : 'mcp-test: ok');
        process.exit(failures ? 1 : 0);
    });
