// icsim serve in a real browser: Playwright's library drives Debian's
// Chromium (installed by ./setup.sh test) through the what-if page.
//
//   node serve_browser_test.mjs ICSIM SOURCE_DIR WORK_DIR   (PYTHON3: a python3 with openpyxl)
//
// Loads the page, picks the tutorial scenario, runs it as it stands, moves the
// rehabilitation-bed slider down, runs again, and checks that the report's
// numbers and its NCTR chart changed the way fewer beds must change them, and
// that the report puts the beds' commissioned cost beside the delay: a card
// for their cost next to the NCTR bed days and the idle capacity paid for, a
// panel of B - A by year, and a sentence with both and their intervals. Then
// downloads the workbook and the what-if's YAML: the YAML, saved beside the
// scenario, runs with `icsim compare` to the very numbers in the workbook
// (tests/workbook/check_workbook.py). Screenshots of the page and of the
// report (WORK_DIR/page.png, report.png) must hold drawn charts.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { check, failed, startServer } from './harness.mjs';

const [icsim, source, work] = process.argv.slice(2).map((p) => resolve(p));
if (process.argv.length !== 5) {
  console.error('usage: node serve_browser_test.mjs ICSIM SOURCE_DIR WORK_DIR');
  process.exit(2);
}
let chromium;
try {
  ({ chromium } = await import('playwright-core'));
} catch (e) {
  console.error('FAILED: playwright-core is not in tests/serve/node_modules: ./setup.sh test installs it '
                + '(or: cd tests/serve && npm ci)');
  process.exit(1);
}

const executablePath = [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((c) => c && existsSync(c));
if (!executablePath) {
  console.error('FAILED: Chromium is not installed: ./setup.sh test installs it (apt-get install chromium)');
  process.exit(1);
}

// How many colours a PNG shows, counted in the browser: a blank page has one or two.
async function colours(page, png) {
  return page.evaluate(async (base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const image = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(image.width, image.height);
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    const pixels = context.getImageData(0, 0, image.width, image.height).data;
    const seen = new Set();
    for (let i = 0; i < pixels.length; i += 4 * 7) seen.add((pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2]);
    return seen.size;
  }, png.toString('base64'));
}

rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const { server, url: origin } = await startServer(icsim, source, ['--max-replications', '6']);
const url = `${origin}/`;
const browser = await chromium.launch({
  executablePath,
  chromiumSandbox: false,
  args: ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run',
         '--disable-sync', '--disable-default-apps', '--disable-extensions'],
});
try {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  const outside = [];
  page.on('request', (request) => { if (!request.url().startsWith(url)) outside.push(request.url()); });
  await page.goto(`${url}?scenario=tutorial.yaml`);
  await page.waitForSelector('body[data-ready="yes"]', { timeout: 60000 });
  check(await page.locator('#scenario').inputValue() === 'tutorial.yaml', 'the page offers the tutorial scenario');
  const slider = page.locator('input[data-id="capacity.rehab_beds"]');
  check(await slider.count() === 1, 'a slider for the rehabilitation beds');
  check(await page.locator('input[data-id="discharge.days_per_week"]').count() === 1, 'a slider for discharge days');
  await page.fill('#replications', '3');

  // Runs what the sliders say; returns the report's data and its NCTR chart.
  async function runAndRead(previousRun) {
    await page.click('#run');
    await page.waitForFunction((previous) => document.body.dataset.runState === 'done'
                               && document.body.dataset.shownRun && document.body.dataset.shownRun !== previous,
                               previousRun, { timeout: 300000 });
    const runId = await page.evaluate(() => document.body.dataset.shownRun);
    // The scenario's own run is kept: the second run only simulates the what-if.
    const replications = previousRun === undefined ? 6 : 3;
    check(new RegExp(`Done: ${replications} replications`).test(await page.locator('#progress-text').textContent()),
          `run ${runId}: progress says its ${replications} replications are done`);
    const frame = page.frameLocator('#report');
    await frame.locator('html[data-report-status="ready"]').waitFor({ state: 'attached', timeout: 120000 });
    const report = page.frames().find((f) => f.url().includes(`/api/runs/${runId}/report.html`));
    const data = JSON.parse(await report.locator('#icsim-data').textContent());
    const drawn = await report.evaluate(() => [Number(document.documentElement.dataset.chartsDrawn),
                                               Number(document.documentElement.dataset.chartsFailed)]);
    check(drawn[0] > 5 && drawn[1] === 0, `run ${runId}: the report drew ${drawn[0]} charts, ${drawn[1]} failed`);
    const svgs = await report.evaluate(() => Array.from(document.querySelectorAll('svg')).map((s) => s.outerHTML));
    const cards = await report.evaluate(() => Object.fromEntries(Array.from(document.querySelectorAll('#at-a-glance .card'))
      .map((c) => [c.querySelector('.card-label').textContent, c.querySelector('.card-value').textContent])));
    const summary = await report.evaluate(() => (document.querySelector('#at-a-glance .cost-and-delay-summary') || {}).textContent);
    return { runId, data, svgs, cards, summary };
  }

  const first = await runAndRead(undefined);
  const value = Number(await slider.inputValue());
  const fewer = Math.round(value * 0.6);
  await slider.fill(String(fewer));
  const shown = await page.locator('label', { has: page.locator('output') }).filter({ hasText: 'rehab' }).textContent();
  check(shown.includes(`${fewer} beds (moved)`), `the slider shows its new value as moved: "${shown}"`);
  const second = await runAndRead(first.runId);

  const nctr = (data) => data.scenarios[1].metrics.nctr_bed_days.mean.reduce((x, y) => x + y, 0);
  const a = nctr(first.data);
  const b = nctr(second.data);
  check(a !== undefined && b > a * 1.2, `fewer rehabilitation beds, more NCTR bed days in the what-if (${a} -> ${b})`);
  // What the fewer beds cost, beside the delay they add.
  check(JSON.stringify(second.data.comparison.changed_services) === '["rehab_beds"]', 'the report knows the rehab beds are what moved');
  const costs = second.data.comparison.metrics.cost_rehab_beds.difference;
  check(/^\u2212\u00a3[0-9.]+[mk]$/.test(second.cards['Rehab beds: cost'] || '') && second.cards['NCTR (delayed) bed days'] &&
        second.cards['Total cost'] && second.cards['Paid for idle capacity'] !== undefined,
        `cards: the beds cost ${second.cards['Rehab beds: cost']} a year beside ${second.cards['NCTR (delayed) bed days']} NCTR bed days (B \u2212 A ${costs.mean[2].toFixed(0)})`);
  check(/rehab beds cost \u2212\u00a3[0-9.]+[mk] \[[^\]]+\]; the area\u2019s total cost [^;]+; NCTR \(delayed\) bed days \+[0-9,]+ \[/.test(second.summary || ''),
        `in words, with intervals: "${second.summary}"`);
  check(second.svgs.some((svg) => svg.includes('Rehab beds: cost (\u00a3)')), 'B \u2212 A by year has a panel for the beds\' cost');
  const changed = first.svgs.filter((svg, i) => svg !== second.svgs[i]).length;
  check(first.svgs.length === second.svgs.length && changed > 3, `the charts changed (${changed} of ${second.svgs.length})`);

  // The downloads.
  const [workbook] = await Promise.all([page.waitForEvent('download'), page.click('#download-workbook')]);
  const served = join(work, 'served');
  mkdirSync(served, { recursive: true });
  await workbook.saveAs(join(served, 'results.xlsx'));
  check(readFileSync(join(served, 'results.xlsx')).subarray(0, 2).toString() === 'PK', 'results.xlsx downloaded');
  const [yaml] = await Promise.all([page.waitForEvent('download'), page.click('#download-yaml')]);
  const scenarios = join(work, 'scenarios');
  mkdirSync(scenarios, { recursive: true });
  copyFileSync(join(source, 'scenarios', 'tutorial.yaml'), join(scenarios, 'tutorial.yaml'));
  const whatIf = yaml.suggestedFilename();
  check(/^tutorial-what-if-[0-9a-f]{8}\.yaml$/.test(whatIf), `the what-if is offered as ${whatIf}`);
  await yaml.saveAs(join(scenarios, whatIf));
  check(/extends: tutorial\.yaml/.test(readFileSync(join(scenarios, whatIf), 'utf8')), 'the what-if extends the scenario');

  // The YAML, run by the command line, gives the workbook's numbers.
  const run = (...args) => execFileSync(icsim, args, { cwd: work, stdio: ['ignore', 'ignore', 'inherit'] });
  const seed = /^seed:\s*(\d+)/m.exec(readFileSync(join(scenarios, 'tutorial.yaml'), 'utf8'))[1];
  run('compare', 'scenarios/tutorial.yaml', `scenarios/${whatIf}`, '--replications', '3', '--seed', seed, '--out', 'cli');
  run('run', 'scenarios/tutorial.yaml', '--replications', '3', '--seed', seed, '--out', 'cli/a');
  run('run', `scenarios/${whatIf}`, '--replications', '3', '--seed', seed, '--out', 'cli/b');
  copyFileSync(join(work, 'cli', 'compare.csv'), join(served, 'compare.csv'));
  try {
    execFileSync(process.env.PYTHON3 || 'python3', [join(source, 'tests', 'workbook', 'check_workbook.py'), 'compare', served,
                             join(work, 'cli', 'a'), join(work, 'cli', 'b')], { stdio: 'inherit' });
    check(true, 'the served workbook holds what `icsim compare` of the downloaded what-if gives');
  } catch (e) {
    check(false, 'the served workbook holds what `icsim compare` of the downloaded what-if gives');
  }

  // Screenshots.
  const pageShot = await page.screenshot({ path: join(work, 'page.png'), fullPage: false });
  const reportShot = await page.locator('#report').screenshot({ path: join(work, 'report.png') });
  const pageColours = await colours(page, pageShot);
  const reportColours = await colours(page, reportShot);
  check(pageColours > 20, `the page's screenshot is not blank (${pageColours} colours)`);
  check(reportColours > 20, `the report's screenshot is not blank (${reportColours} colours)`);
  check(outside.length === 0, `the page asked for nothing but icsim serve (${outside.slice(0, 3).join(', ')})`);
} catch (error) {
  check(false, `the browser session: ${error.stack || error}`);
} finally {
  await browser.close();
  server.kill('SIGTERM');
}
process.exit(failed() ? 1 : 0);
