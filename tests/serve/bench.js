// make serve-bench (in make bench): N POST /v1/check of examples/huadong's
// plan as inline text (named plan.bcp, so its imports resolve beside it) from
// C concurrent keep-alive clients against `bcp serve examples/huadong --port 0`;
// throughput, p50/p99 latency, the server's RSS before and after; then more
// requests up to SERVE_BENCH_MEMORY (default 20000) in all, with the RSS every
// 2000 requests, to show whether memory grows with requests or levels off.
// usage: node bench.js BCP [N] [CLIENTS]
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const http = require('http');
const path = require('path');

const bcp = process.argv[2];
const total = Number(process.argv[3] || 10000);
const clients = Number(process.argv[4] || 8);
const root = path.resolve(__dirname, '../..');
// A loaded machine can take long: stop sending after this many seconds and report what was done.
const cap = Number(process.env.SERVE_BENCH_SECONDS || 600);
const memTotal = Math.max(total, Number(process.env.SERVE_BENCH_MEMORY || 20000));
const step = 2000;

function rss(pid) {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync('/proc/' + pid + '/status', 'utf8'));
  return m ? Number(m[1]) : -1;
}

// The server's CPU time so far (user + system), in ms: /proc/PID/stat fields 14 and 15.
function cpu(pid) {
  const f = fs.readFileSync('/proc/' + pid + '/stat', 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) * 1000 / 100;   // USER_HZ is 100 on Linux
}

function start() {
  return new Promise((resolve, reject) => {
    const proc = spawn(bcp, ['serve', path.join(root, 'examples', 'huadong'), '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    proc.stderr.on('data', (d) => {
      err += d;
      const m = /listening on http:\/\/127\.0\.0\.1:(\d+)\//.exec(err);
      if (m) resolve({ proc, port: Number(m[1]) });
    });
    proc.on('exit', (code) => reject(new Error('bcp serve exited ' + code + ': ' + err)));
  });
}

function post(agent, port, body) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const req = http.request({ host: '127.0.0.1', port, path: '/v1/check', method: 'POST', agent,
      headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const ms = Number(process.hrtime.bigint() - t0) / 1e6;
        if (res.statusCode !== 200) reject(new Error('status ' + res.statusCode + ': ' + Buffer.concat(chunks)));
        else resolve(ms);
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function main() {
  const text = fs.readFileSync(path.join(root, 'examples/huadong/plan.bcp'), 'utf8');
  const body = JSON.stringify({ text, name: 'plan.bcp' });
  const { proc, port } = await start();
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const first = await post(agent, port, body);   // warm-up, counted apart
  const before = rss(proc.pid);
  const cpu0 = cpu(proc.pid);
  const client0 = process.cpuUsage();
  const lat = [];
  const steps = [];
  let next = 0, done = 0, secs = 0, after = 0;
  const t0 = process.hrtime.bigint();
  async function client(limit) {
    while (next < limit && Number(process.hrtime.bigint() - t0) / 1e9 < cap) {
      next++;
      const ms = await post(agent, port, body);
      if (lat.length < total) lat.push(ms);
      done++;
      if (done % step === 0) steps.push(`${done}: ${rss(proc.pid)} kB`);
    }
  }
  await Promise.all(Array.from({ length: clients }, () => client(total)));
  secs = Number(process.hrtime.bigint() - t0) / 1e9;
  after = rss(proc.pid);
  const cpuPer = (cpu(proc.pid) - cpu0) / lat.length;
  const clientUse = process.cpuUsage(client0);
  const clientPer = (clientUse.user + clientUse.system) / 1000 / lat.length;
  await Promise.all(Array.from({ length: clients }, () => client(memTotal)));
  lat.sort((a, b) => a - b);
  const pct = (p) => lat[Math.min(lat.length - 1, Math.floor(lat.length * p))].toFixed(2);
  if (lat.length < total) console.log(`serve-bench: stopped after ${cap} s (SERVE_BENCH_SECONDS): ${lat.length} of ${total} requests done`);
  console.log(`serve-bench: ${lat.length} POST /v1/check (huadong, inline text, ${body.length} bytes) from ${clients} clients`);
  console.log(`serve-bench: first request ${first.toFixed(1)} ms; ${secs.toFixed(2)} s, ${(lat.length / secs).toFixed(0)} requests/s`);
  console.log(`serve-bench: server CPU ${cpuPer.toFixed(2)} ms per request, this client ${clientPer.toFixed(3)} ms (user + system)`);
  console.log(`serve-bench: latency p50 ${pct(0.5)} ms, p99 ${pct(0.99)} ms, max ${lat[lat.length - 1].toFixed(2)} ms (goal p99 <= 20 ms)`);
  console.log(`serve-bench: server RSS ${before} kB before, ${after} kB after (${after - before >= 0 ? '+' : ''}${after - before} kB)`);
  console.log(`serve-bench: server RSS after requests ${steps.join(', ')}`);
  agent.destroy();
  proc.kill('SIGTERM');
}

main().catch((e) => { console.log('serve-bench: FAIL ' + e.message); process.exit(1); });
