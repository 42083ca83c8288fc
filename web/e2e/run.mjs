// End-to-end tests of the desk in a real browser: Debian's chromium driven by
// playwright-core, against `sitrep serve` on a store built from the seeds plus the
// TEST FIXTURE events of tests/serve_fixture.h (not coder output).
//
//   node web/e2e/run.mjs --sitrep BIN --fixture BIN --seeds DIR --out DIR
//
// Screenshots go to --out (build/e2e by default) as artefacts. Exit 0 when every
// check passed, 1 when any failed, 77 (CTest: skipped) when /usr/bin/chromium is not
// installed. The last line is "N passed, M failed".
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';

const here = dirname(fileURLToPath(import.meta.url));
const web = resolve(here, '..');
const repo = resolve(web, '..');
const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []));
const sitrep = args.sitrep ?? join(repo, 'build/cli/sitrep');
const fixture = args.fixture ?? join(repo, 'build/tests/serve_fixture');
const seeds = args.seeds ?? join(repo, '../shared/seeds');
const out = args.out ?? join(repo, 'build/e2e');
const CHROMIUM = '/usr/bin/chromium';
const TOKEN = 'e2e-token';

if (!existsSync(CHROMIUM)) {
  console.log(`SKIP: ${CHROMIUM} is not installed (apt-get install -y chromium, or scripts/setup.sh)`);
  process.exit(77);
}
if (!existsSync(join(web, 'dist/index.html'))) {
  console.error('web/dist is not built: run (cd web && npm ci && npm run build)');
  process.exit(1);
}
let chromium;
try {
  ({ chromium } = await import('playwright-core'));
} catch {
  console.error('playwright-core is not installed: run (cd web && npm ci)');
  process.exit(1);
}

mkdirSync(out, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'sitrep-e2e-'));
const db = join(work, 'seeds.db');
execFileSync(sitrep, ['ingest', '-q', seeds, '--db', db], { stdio: 'inherit' });
const ids = JSON.parse(execFileSync(fixture, ['--db', db]).toString());

// `sitrep serve` on a free port; resolves with { proc, base }.
function startServer() {
  return new Promise((ok, fail) => {
    const proc = spawn(sitrep, ['serve', '--db', db, '--port', '0', '--token', TOKEN, '--static', join(web, 'dist'), '--threads', '8'],
      { stdio: ['ignore', 'pipe', 'inherit'] });
    let line = '';
    proc.stdout.on('data', (chunk) => {
      line += chunk;
      const m = line.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) ok({ proc, base: `http://127.0.0.1:${m[1]}` });
    });
    proc.on('exit', (code) => fail(new Error(`sitrep serve exited with ${code}`)));
  });
}
function stopServer(server) {
  return new Promise((ok) => {
    server.proc.removeAllListeners('exit');
    server.proc.on('exit', ok);
    server.proc.kill('SIGTERM');
  });
}

const profile = mkdtempSync(join(tmpdir(), 'sitrep-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
  viewport: { width: 1360, height: 900 },
});
let server = await startServer();
const results = [];

async function check(name, fn) {
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console: ${msg.text()}`); });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  try {
    await fn(page, problems);
    results.push([name, null]);
    console.log(`ok   ${name}`);
  } catch (err) {
    results.push([name, err]);
    console.log(`FAIL ${name}: ${err.message}`);
    await page.screenshot({ path: join(out, `failed-${name.replace(/\W+/g, '-')}.png`), fullPage: true }).catch(() => {});
  } finally {
    await page.close();
  }
}

async function open(page, path) {
  await page.goto(`${server.base}${path}`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
}
const rows = (page) => page.locator('#table table.events tbody tr');

await check('dashboard loads with no console errors', async (page, problems) => {
  await open(page, '/');
  await page.waitForSelector('#timeline svg');
  await page.waitForSelector('#map svg');
  await page.waitForSelector('#network canvas');
  assert.ok((await rows(page).count()) >= 8, 'the table lists the fixture events');
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(out, 'dashboard.png'), fullPage: true });
  assert.deepEqual(problems, []);
});

await check('filtering by actor PAKGOV narrows the table', async (page, problems) => {
  await open(page, '/');
  const before = await rows(page).count();
  await page.fill('input[name=actor]', 'PAKGOV');
  await page.evaluate(() => { document.body.dataset.ready = 'false'; });
  await page.click('button[type=submit]');
  await page.waitForSelector('body[data-ready="true"]');
  const after = await rows(page).count();
  assert.ok(after > 0 && after < before, `rows: ${before} -> ${after}`);
  for (const text of await rows(page).allInnerTexts()) assert.match(text, /PAKGOV/);
  assert.match(page.url(), /actor=PAKGOV/);
  // The URL is the view: opening it again shows the same rows.
  await open(page, `/?actor=PAKGOV`);
  assert.equal(await rows(page).count(), after);
  await page.screenshot({ path: join(out, 'dashboard-pakgov.png'), fullPage: true });
  assert.deepEqual(problems, []);
});

await check('the Dar-Bass event shows both sources with highlighted evidence', async (page, problems) => {
  await open(page, `/event.html?id=${ids.dar_bass}`);
  const mentions = page.locator('article.mention');
  assert.equal(await mentions.count(), 2);
  const titles = await page.locator('article.mention h3').allInnerTexts();
  assert.notEqual(titles[0], titles[1]);
  const marks = await page.locator('article.mention mark').allInnerTexts();
  assert.equal(marks.length, 2);
  assert.ok(marks.some((m) => m.includes('John Bass')), marks.join(' | '));
  assert.ok(marks.some((m) => m.includes('courtesy call')), marks.join(' | '));
  await page.screenshot({ path: join(out, 'event.png'), fullPage: true });
  assert.deepEqual(problems, []);
});

await check('a correction made in the UI persists after a server restart', async (page, problems) => {
  await open(page, `/event.html?id=${ids.us_condemns}`);
  await page.selectOption('select[name=action]', 'set_type');
  await page.selectOption('select[name=type]', 'REJECT');
  await page.fill('input[name=author]', 'e2e analyst');
  await page.fill('textarea[name=note]', 'condemnation of an attack, not an accusation');
  await page.fill('input[name=token]', TOKEN);
  await page.click('#review button[type=submit]');
  await page.waitForSelector('p.notice');
  assert.match(await page.locator('#event-type').innerText(), /REJECT/);
  await stopServer(server);
  server = await startServer();
  await open(page, `/event.html?id=${ids.us_condemns}`);
  assert.match(await page.locator('#event-type').innerText(), /REJECT/);
  assert.match(await page.locator('#event-status').innerText(), /corrected/);
  assert.match(await page.locator('#corrections').innerText(), /set_type.*e2e analyst/s);
  await page.screenshot({ path: join(out, 'event-corrected.png'), fullPage: true });
  assert.deepEqual(problems, []);
});

await check('the article page highlights the event evidence over its text', async (page, problems) => {
  await open(page, `/article.html?id=${ids['doc:000_']}&event=${ids.dar_bass}`);
  // Three events; the condemnation and the attacks share one sentence, so two marks.
  assert.equal(await page.locator('aside li').count(), 3);
  assert.ok((await page.locator('.article-text .hl-event').count()) >= 2);
  // Other layers (entities, times) cut the evidence into pieces: read them all.
  const focused = (await page.locator('[data-focus="true"]').allInnerTexts()).join('');
  assert.match(focused, /John Bass/);
  await page.screenshot({ path: join(out, 'article.png'), fullPage: true });
  assert.deepEqual(problems, []);
});

await check('the actor page shows roles and events as source and target', async (page, problems) => {
  await open(page, '/actor.html?code=PAKGOV');
  assert.match(await page.locator('main').innerText(), /Ishaq Dar/);
  assert.match(await page.locator('main').innerText(), /Foreign Minister/);
  assert.ok((await page.locator('table.events').count()) === 2);
  await page.screenshot({ path: join(out, 'actor.png'), fullPage: true });
  assert.deepEqual(problems, []);
});

await check('keyboard: the skip link comes first and filters are reachable', async (page) => {
  await open(page, '/');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip');
  await page.focus('input[name=actor]');
  await page.keyboard.type('USAGOV');
  await page.evaluate(() => { document.body.dataset.ready = 'false'; });
  await page.keyboard.press('Enter');
  await page.waitForSelector('body[data-ready="true"]');
  assert.match(page.url(), /actor=USAGOV/);
});

await check('an unknown event says so', async (page) => {
  await open(page, '/event.html?id=999999');
  assert.match(await page.locator('main').innerText(), /no event 999999/);
});

await context.close();
await stopServer(server);
rmSync(work, { recursive: true, force: true });
rmSync(profile, { recursive: true, force: true });
const failed = results.filter(([, err]) => err).length;
console.log(`screenshots: ${out}`);
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
