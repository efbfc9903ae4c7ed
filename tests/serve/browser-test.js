// The live preview in Debian's headless Chromium (puppeteer-core, locked):
// open /preview/PLAN, scroll down, change the plan on disk, and assert that
// within 1 s the page shows the new content and the new finding, and that
// the scroll position is kept.  usage: node browser-test.js BCP
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const puppeteer = require('puppeteer-core');

const bcp = process.argv[2];
const root = path.resolve(__dirname, '../..');
// 1 s in a release build; sanitizer builds run slower (tests/serve/run.sh sets the scale).
const limit = 1000 * Number(process.env.SERVE_TIME_SCALE || 1);
let failed = 0;
const ok = (m) => console.log('ok: serve-browser: ' + m);
const bad = (m) => { console.log('FAIL: serve-browser: ' + m); failed = 1; };

function start(dir) {
  return new Promise((resolve, reject) => {
    const proc = spawn(bcp, ['serve', dir, '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    proc.stderr.on('data', (d) => {
      err += d;
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(err);
      if (m) resolve({ proc, base: m[1] });
    });
    proc.on('exit', (code) => reject(new Error('bcp serve exited ' + code + ': ' + err)));
  });
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bcp-serve-browser-'));
  fs.cpSync(path.join(root, 'examples'), dir, { recursive: true });
  const planPath = path.join(dir, 'huadong', 'plan.bcp');
  const original = fs.readFileSync(planPath, 'utf8');
  const { proc, base } = await start(dir);
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1200, height: 800 });
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });

    await page.goto(base, { waitUntil: 'load' });
    const links = await page.$$eval('#plans a', (as) => as.map((a) => a.getAttribute('href')));
    links.includes('/preview/huadong/plan.bcp') ? ok('the index lists huadong/plan.bcp') : bad('index links: ' + links);

    await page.goto(base + 'preview/huadong/plan.bcp', { waitUntil: 'load' });
    await page.waitForFunction(() => document.body.dataset.version === '1' && document.body.dataset.live === 'yes',
                               { timeout: 20000 });
    const docText = () => page.evaluate(() => document.getElementById('doc').shadowRoot.textContent);
    (await docText()).includes('华东精密制造有限公司') ? ok('the document is shown') : bad('no document text');
    const findings = () => page.$$eval('#findings li', (lis) => lis.map((l) => l.textContent));
    const before = await findings();
    ok('the findings panel shows ' + before.length + ' findings');

    await page.evaluate(() => window.scrollTo(0, 1500));
    const y0 = await page.evaluate(() => window.scrollY);
    y0 > 0 ? ok('scrolled to ' + y0) : bad('the page does not scroll');

    // A new title (new content) and a review interval the profile refuses (a new finding, M102).
    const changed = original
      .replace('title        = "华东精密制造有限公司 业务连续性计划"',
               'title        = "华东精密制造有限公司 业务连续性计划 PREVIEW-EDIT-42"')
      .replace('  review_every = 1y', '  review_every = 3y');
    if (changed === original) bad('the edit did not apply to the example');
    const t0 = Date.now();
    fs.writeFileSync(planPath, changed);
    await page.waitForFunction(() => document.body.dataset.version !== '1', { timeout: 5000 }).catch(() => {});
    try {
      await page.waitForFunction(
        () => document.getElementById('doc').shadowRoot.textContent.includes('PREVIEW-EDIT-42') &&
              Array.from(document.querySelectorAll('#findings li')).some((l) => l.textContent.includes('review-interval-too-long')),
        { timeout: limit, polling: 20 });
      ok('new content and the new finding shown ' + (Date.now() - t0) + ' ms after the write (limit ' + limit + ')');
    } catch (e) {
      bad('the page did not update within ' + limit + ' ms: ' + (await findings()).slice(0, 3).join(' | '));
    }
    const y1 = await page.evaluate(() => window.scrollY);
    y1 === y0 ? ok('scrollY kept (' + y1 + ')') : bad('scrollY ' + y0 + ' -> ' + y1);

    // Back to the original: the finding goes away again.
    fs.writeFileSync(planPath, original);
    try {
      await page.waitForFunction(
        () => !Array.from(document.querySelectorAll('#findings li')).some((l) => l.textContent.includes('review-interval-too-long')),
        { timeout: 2 * limit, polling: 20 });
      ok('the finding disappears when the plan is fixed');
    } catch (e) {
      bad('the finding stayed after the fix');
    }
    errors.length === 0 ? ok('no errors in the page console') : bad('page errors: ' + errors.join(' | '));
  } finally {
    await browser.close();
    proc.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().then(() => process.exit(failed), (e) => { console.log('FAIL: serve-browser: ' + e.stack); process.exit(1); });
