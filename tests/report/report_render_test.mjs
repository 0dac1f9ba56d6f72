// report.html draws every chart in a real browser with no network: headless
// Chromium (Debian's chromium, installed by ./setup.sh test) opens the run's,
// the comparison's and a capacity plan's report from file://, with every
// address unreachable.
//
//   node report_render_test.mjs ICSIM SOURCE_DIR WORK_DIR
//
// For each report: the page says every chart was drawn and none failed; each
// chart holds an SVG with marks; the page asked for no URL (Chromium's net
// log); and a screenshot (kept as WORK_DIR/run.png, compare.png, plan.png) is
// not blank. The plan's trade-off chart draws its three cost curves and the
// false-economy line.
//
// With places (tests/places/two-areas.yaml, run and compared with the South
// 6 beds short): the places and hospitals side by side draw a point for each
// place, measure and year; and a part chosen (report.html#part=place:south,
// which the page applies through its chooser once drawn) turns the cards and
// the charts to that place's figures: the delays chart shows the South's
// means, not the area's, and the comparison's B - A by year the South's.
//
// What the area pays (the tutorial with its beds on a block, reablement on
// a block with spot above, and a budget; compared with 20 more beds on the
// block): the five settings stack to the total and the NHS's and the
// council's parts add up to it; each service's bars are its cost, used and
// idle, as summary.json has them; the budget is drawn over the spend it
// covers with the share spent written as "N% of NAME"; and in the
// comparison the beds' cost beside the delay they save, card and chart: 20
// beds x £345 x 365 days more a year.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';

const [icsim, source, work] = process.argv.slice(2);
if (!icsim || !source || !work) {
  console.error('usage: node report_render_test.mjs ICSIM SOURCE_DIR WORK_DIR');
  process.exit(2);
}

let failures = 0;
function check(ok, what) {
  console.log(`${ok ? 'ok' : 'FAILED'}: ${what}`);
  if (!ok) failures += 1;
}

function findChromium() {
  const candidates = [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  return candidates.find((c) => existsSync(c));
}
const chromium = findChromium();
if (!chromium) {
  console.error('FAILED: Chromium is not installed. ./setup.sh test installs it (apt-get install chromium), '
                + 'or set CHROMIUM to a Chromium binary.');
  process.exit(1);
}

// Headless, as root (no sandbox), with every address unreachable: a proxy on
// a closed local port and no name resolution, so nothing leaves the machine,
// Chromium's own background requests included.
function runChromium(profile, extra, url) {
  const args = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
                '--disable-component-update', '--disable-sync', '--disable-default-apps', '--disable-extensions',
                '--mute-audio', `--user-data-dir=${profile}`, '--proxy-server=http://127.0.0.1:9',
                '--host-resolver-rules=MAP * ~NOTFOUND', '--hide-scrollbars', '--virtual-time-budget=30000',
                ...extra, url];
  const result = spawnSync(chromium, args, { encoding: 'utf8', timeout: 180000, maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  return result.stdout;
}

// A PNG's pixels (8-bit RGB or RGBA, not interlaced: what Chromium writes).
function decodePng(buffer) {
  let offset = 8;
  let header = null;
  const data = [];
  while (offset < buffer.length) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString('ascii', offset + 4, offset + 8);
    const body = buffer.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      header = { width: body.readUInt32BE(0), height: body.readUInt32BE(4), depth: body[8], colour: body[9], interlace: body[12] };
    } else if (type === 'IDAT') {
      data.push(body);
    } else if (type === 'IEND') {
      break;
    }
    offset += 12 + length;
  }
  if (!header || header.depth !== 8 || ![2, 6].includes(header.colour) || header.interlace !== 0) {
    throw new Error('not an 8-bit RGB(A) PNG');
  }
  const channels = header.colour === 6 ? 4 : 3;
  const stride = header.width * channels;
  const raw = inflateSync(Buffer.concat(data));
  const pixels = Buffer.alloc(header.height * stride);
  for (let y = 0; y < header.height; ++y) {
    const filter = raw[y * (stride + 1)];
    const line = y * (stride + 1) + 1;
    for (let x = 0; x < stride; ++x) {
      const a = x >= channels ? pixels[y * stride + x - channels] : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels] : 0;
      let v = raw[line + x];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      pixels[y * stride + x] = v & 255;
    }
  }
  return { width: header.width, height: header.height, channels, pixels };
}

// Chromium's net log: the URLs the page asked for. The browser's own
// requests have no origin; a file:// page's have the origin "null".
function pageRequests(logFile) {
  let text = readFileSync(logFile, 'utf8').trim();
  let log;
  try {
    log = JSON.parse(text);
  } catch {
    text = text.replace(/,\s*$/, '');
    log = JSON.parse(text.endsWith(']}') ? text : `${text}]}`);
  }
  const startJob = log.constants.logEventTypes.URL_REQUEST_START_JOB;
  return log.events
    .filter((e) => e.type === startJob && e.params && e.params.url && e.params.initiator !== 'not an origin')
    .map((e) => e.params.url)
    .filter((url) => !/^(file|data|blob):/.test(url));
}

// At least `charts` charts, and `blue` NHS-blue pixels in the screenshot
// (none taken when `screenshot` is false); `hash` is added to the address.
// Returns the page as drawn.
function render(name, report, { charts = 10, blue: leastBlue = 20000, hash = '', screenshot = true } = {}) {
  const url = `file://${report}${hash}`;
  const profile = mkdtempSync(join(tmpdir(), 'icsim-chromium-'));
  try {
    const netLog = join(work, `${name}-netlog.json`);
    const dom = runChromium(profile, [`--log-net-log=${netLog}`, '--window-size=1280,1000', '--dump-dom'], url);
    writeFileSync(join(work, `${name}-dom.html`), dom);
    const drawn = /data-charts-drawn="(\d+)"/.exec(dom);
    const failed = /data-charts-failed="(\d+)"/.exec(dom);
    check(/data-report-status="ready"/.test(dom), `${name}: the page finished drawing`);
    check(failed !== null && failed[1] === '0', `${name}: no chart failed`);
    const holders = dom.split(/<div class="chart[^"]*" data-chart-status="/).slice(1);
    check(drawn !== null && Number(drawn[1]) === holders.length && holders.length >= charts,
          `${name}: all ${holders.length} charts drawn`);
    holders.forEach((holder, i) => {
      const body = holder.split('</figure>')[0];
      // Vega's SVG: a group per mark (lines, areas, bars, points), each drawn shape a path.
      const marks = (body.match(/<g class="mark-(?:line|area|rect|symbol) role-mark[^>]*><path\b[^>]*\bd="M[^"]{8,}/g) || []).length;
      check(body.startsWith('drawn"') && /<svg\b/.test(body) && /role-mark/.test(body) && marks > 0,
            `${name}: chart ${i + 1} is an SVG with ${marks} groups of drawn marks`);
    });
    if (name === 'plan') checkTradeOff(dom);
    const requests = pageRequests(netLog);
    check(requests.length === 0, `${name}: the page asked for no URL${requests.length ? `: ${requests.join(', ')}` : ''}`);
    if (!screenshot) return dom;

    const shot = join(work, `${name}.png`);
    runChromium(profile, ['--window-size=1280,4000', `--screenshot=${shot}`], url);
    const png = decodePng(readFileSync(shot));
    // Ink below the masthead: pixels neither white nor the page's pale grey.
    let ink = 0, blue = 0, total = 0;
    for (let y = 200; y < png.height; ++y) {
      for (let x = 0; x < png.width; ++x) {
        const i = (y * png.width + x) * png.channels;
        const [r, g, b] = [png.pixels[i], png.pixels[i + 1], png.pixels[i + 2]];
        total += 1;
        const white = r > 245 && g > 245 && b > 245;
        const paleGrey = Math.abs(r - 0xf0) < 6 && Math.abs(g - 0xf4) < 6 && Math.abs(b - 0xf5) < 6;
        if (!white && !paleGrey) ink += 1;
        if (r < 40 && g > 60 && g < 120 && b > 150) blue += 1;  // NHS blue and dark blue: lines, bars
      }
    }
    check(png.width === 1280 && png.height === 4000, `${name}: a 1280 x 4000 screenshot`);
    check(ink / total > 0.04, `${name}: the screenshot is not blank (${(100 * ink / total).toFixed(1)}% ink)`);
    check(blue > leastBlue, `${name}: the charts are drawn in the screenshot (${blue} NHS-blue pixels)`);
    return dom;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

// The trade-off chart of the year shown: a line for capacity cost, delay
// cost and their total, each through every point of the curve, and the
// false-economy rule.
function checkTradeOff(dom) {
  const start = dom.indexOf('<h3>Cost against capacity: rehab beds</h3>');
  check(start >= 0, 'plan: the trade-off chart is there');
  if (start < 0) return;
  const figure = dom.slice(start, dom.indexOf('</figure>', start));
  // Vega draws each series of a line mark as its own group with one path.
  const paths = figure.match(/<g class="mark-line role-mark[^>]*><path\b[^>]*\bd="M[^"]*"/g) || [];
  const vertices = paths.map((p) => (/d="(M[^"]*)"/.exec(p)[1].match(/[ML]/g) || []).length);
  check(paths.length === 3 && vertices.every((n) => n >= 7),
        `plan: the trade-off chart draws 3 cost curves of 7 or more points (${vertices.join(', ')})`);
  check(/<g class="mark-rule role-mark[^>]*><line\b/.test(figure) && />False economy beyond \d+<\/text>/.test(figure),
        'plan: the false-economy point is marked');
  check(/aria-label="[^"]*Point: Recommended/.test(figure), 'plan: the recommendation is marked');
}

// A chart's figure in the drawn page, by its heading's start.
function figure(dom, heading) {
  const start = dom.indexOf(`<h3>${heading}`);
  return start < 0 ? '' : dom.slice(start, dom.indexOf('</figure>', start));
}
// The figures Vega gives each mark with a tooltip (its aria-label), as
// {field: text}; numbers are read back from d3's format (1,234.5, U+2212 minus).
function markLabels(html) {
  return [...html.matchAll(/aria-label="([^"]*)"/g)].map((m) => Object.fromEntries(
    m[1].split('; ').map((pair) => { const at = pair.indexOf(': '); return [pair.slice(0, at), pair.slice(at + 2)]; })));
}
function readNumber(text) { return Number(String(text).replace(/,/g, '').replace('\u2212', '-')); }
function pageData(file) {
  return JSON.parse(/<script type="application\/json" id="icsim-data">([\s\S]*?)<\/script>/.exec(readFileSync(file, 'utf8'))[1]);
}
// Every year's mean of a measure in a figure's marks, as the tooltip gives
// them (a line's label repeats its first point's: each year once).
function shownMeans(html, measure, field) {
  const byYear = new Map();
  for (const l of markLabels(html)) {
    if (l.Measure === measure && l[field] !== undefined) byYear.set(Number(l.Year), readNumber(l[field]));
  }
  return [...byYear].map(([year, value]) => ({ year, value }));
}
function sameMeans(shown, expected, within) {
  return shown.length === expected.length && expected.every((x, i) => shown.some((s) => s.year === 2025 + i && Math.abs(s.value - x) <= within));
}

// The run of two places: the side-by-side charts, and the chooser turning
// the headline charts and cards to the South.
function checkRunPlaces(dom, south, dir) {
  const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
  for (const [value, text] of [['place:north', 'North'], ['place:south', 'South'], ['hospital:north_hospital', 'North hospital'],
                               ['board:South', 'South health and wellbeing board']]) {
    check(dom.includes(`<option value="${value}">${text}</option>`), `run-places: the chooser offers ${text}`);
  }
  for (const [heading, who, parts] of [['Places side by side', 'Place', ['North', 'South']],
                                       ['Hospitals side by side', 'Hospital', ['North hospital', 'South hospital']]]) {
    const labels = markLabels(figure(dom, heading));
    const points = parts.map((p) => labels.filter((l) => l[who] === p && l.Mean !== undefined).length);
    check(points.every((n) => n === 8 * 3), `run-places: ${heading}: a point for each of 8 measures and 3 years of ${parts.join(' and ')} (${points.join(', ')})`);
    const nctr = labels.filter((l) => l[who] === parts[1] && l.Measure === 'NCTR (delayed) bed days').map((l) => readNumber(l.Mean));
    const expected = summary[who === 'Place' ? 'places' : 'hospitals'][who === 'Place' ? 'south' : 'south_hospital'].metrics.nctr_bed_days.per_year;
    check(nctr.length === 3 && expected.every((y) => nctr.some((x) => Math.abs(x - y.mean) <= 0.01)),
          `run-places: ${heading}: ${parts[1]}'s delayed days are summary.json's (${nctr.join(', ')})`);
  }
  const heading = 'NCTR (delayed) bed days by year';
  const area = summary.metrics.nctr_bed_days.per_year.map((y) => y.mean);
  const place = summary.places.south.metrics.nctr_bed_days.per_year.map((y) => y.mean);
  check(/data-part-shown="area"/.test(dom) && sameMeans(shownMeans(figure(dom, heading), 'NCTR (delayed) bed days', 'Mean'), area, 0.5),
        `run-places: at first the delays chart shows the whole area (${area.map((x) => x.toFixed(0)).join(', ')})`);
  check(/data-part-shown="place:south"/.test(south), 'run-places #part=place:south: the South chosen');
  check(figure(south, heading).includes('<span class="part-name">: South</span>'), 'run-places #part=place:south: the delays chart says it is the South\'s');
  const shown = shownMeans(figure(south, heading), 'NCTR (delayed) bed days', 'Mean');
  check(sameMeans(shown, place, 0.5) && !sameMeans(shown, area, 0.5),
        `run-places #part=place:south: the delays chart shows the South's delayed days (${shown.map((x) => x.value).join(', ')})`);
  const path = (html) => (/<g class="mark-line role-mark[^>]*><path\b[^>]*\bd="(M[^"]*)"/.exec(html) || [])[1];
  check(path(figure(dom, heading)) && path(figure(south, heading)) !== path(figure(dom, heading)), 'run-places #part=place:south: the delays line is redrawn');
  const card = /<p class="card-label">NCTR \(delayed\) bed days<\/p><p class="card-value">([^<]*)</.exec(south);
  check(card && readNumber(card[1]) === Math.round(place[2]), `run-places #part=place:south: the card shows the South's ${Math.round(place[2])} days in 2027`);
  check(/<figure class="figure" hidden="">\s*<h3>In use and capacity: beds north</.test(south) &&
        /<figure class="figure">\s*<h3>In use and capacity: beds south</.test(south),
        'run-places #part=place:south: the day-by-day charts are the South\'s services');
}

// The comparison: each place's B - A in the last year, and the chooser
// turning B - A by year to the North's. The beds changed are the South's, and
// with common random numbers the North's B - A is none at all, unlike the
// area's: so the chart must change when the North is chosen.
function checkComparePlaces(dom, north, file) {
  const data = pageData(file);
  const of = (id) => data.comparison.parts.find((p) => p.level === 'place' && p.id === id).metrics.nctr_bed_days.difference;
  const last = markLabels(figure(dom, 'B \u2212 A in 2027, places')).filter((l) => l.Measure === 'NCTR (delayed) bed days');
  check(['North', 'South'].every((p) => last.some((l) => l.Place === p && Math.abs(readNumber(l['B \u2212 A']) - of(p.toLowerCase()).mean[2]) <= 0.01)),
        `compare-places: each place's B \u2212 A in delayed days in 2027 (${last.map((l) => `${l.Place} ${l['B \u2212 A']}`).join(', ')})`);
  const heading = 'B \u2212 A by year';
  const area = data.comparison.metrics.nctr_bed_days.difference.mean;
  check(sameMeans(shownMeans(figure(dom, heading), 'NCTR (delayed) bed days', 'B \u2212 A'), area, 0.01),
        'compare-places: at first B \u2212 A by year is the whole area\'s');
  const shown = shownMeans(figure(north, heading), 'NCTR (delayed) bed days', 'B \u2212 A');
  check(/data-part-shown="place:north"/.test(north) && sameMeans(shown, of('north').mean, 0.01) && !sameMeans(shown, area, 0.01),
        `compare-places #part=place:north: B \u2212 A by year shows the North's (${shown.map((x) => x.value).join(', ')})`);
}

// What the area pays in the run of the tutorial on blocks with a budget.
function checkRunCosts(dom, dir) {
  const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
  const metrics = summary.metrics;
  const mean = (name, i) => metrics[name].per_year[i].mean;
  const section = dom.slice(dom.indexOf('<section class="panel" id="costs">'), dom.indexOf('<section class="panel" id="bcf">'));
  check(section.includes('long-term care homes, add up to the total') && !section.includes('long-term care homes apart'),
        'costs: the text says the total includes long-term care homes');
  const byYear = (labels, field, value) => {
    const sums = new Map();
    for (const l of labels) if (l[field] !== undefined && l.Year) sums.set(l.Year, (sums.get(l.Year) || 0) + readNumber(l[value]));
    return [...sums.values()];
  };
  const settings = markLabels(figure(dom, 'Cost by setting and year'));
  const named = new Set(settings.map((l) => l.Setting).filter(Boolean));
  check(['Acute beds', 'Intermediate care beds', 'Home-based intermediate care', 'Short-term care beds', 'Long-term care homes'].every((n) => named.has(n)),
        `costs: cost by setting stacks the five settings (${[...named].join(', ')})`);
  const stacked = byYear(settings, 'Setting', 'Mean');
  check(stacked.length === 3 && stacked.every((x, i) => Math.abs(x - mean('cost_total', i)) <= 3),
        `costs: the five settings add up to cost_total each year (${stacked.map((x) => x.toFixed(0)).join(', ')})`);
  const funders = byYear(markLabels(figure(dom, 'Who pays: the NHS and the council')), 'Paid by', 'Mean');
  check(funders.length === 3 && funders.every((x, i) => Math.abs(x - mean('cost_total', i)) <= 2),
        'costs: the NHS\'s and the council\'s parts add up to cost_total each year');
  const services = markLabels(figure(dom, 'What each service costs</h3>'));
  for (const [service, name] of [['Rehab beds', 'rehab_beds'], ['Reablement', 'reablement'], ['D2a beds', 'd2a_beds']]) {
    const bars = (use) => services.filter((l) => l.Service === service && l['Paid for'] === use).map((l) => readNumber(l['\u00a3 a year']));
    const idle = bars('Idle capacity (paid for, not used)'), used = bars('Capacity used');
    check(idle.length === 3 && used.length === 3 && idle.every((x, i) => Math.abs(x - mean(`idle_cost_${name}`, i)) <= 1) &&
          used.every((x, i) => Math.abs(x - (mean(`cost_${name}`, i) - mean(`idle_cost_${name}`, i))) <= 1),
          `costs: ${service}: a bar a year of the capacity used and the idle capacity paid for (${idle.map((x) => x.toFixed(0)).join(', ')} idle)`);
  }
  check(/<td>Reablement<\/td><td>block of 200 care hours a day, spot above at \u00a335\.00<\/td><td>council<\/td>/.test(section) &&
        /<td>Rehab beds<\/td><td>block<\/td><td>NHS<\/td>/.test(section),
        'costs: the table of each service names its contract and who pays');
  const budget = figure(dom, 'Spend against the budget: IC budget');
  const spent = metrics.budget_spent_pct.per_year.map((y) => `${Math.round(y.mean)}%`);
  check(/<g class="mark-rect role-mark layer_1_marks"/.test(budget) && spent.every((t) => budget.includes(`>${t}</text>`)) &&
        budget.includes('labelled with the share of it spent (% of IC budget)'),
        `costs: the budget is drawn over the spend it covers, labelled ${spent.join(', ')}`);
  check(new RegExp(`2027: intermediate care and short-term care cost \u00a3[0-9.]+m against \u00a37\\.0m, ${Math.round(metrics.budget_spent_pct.per_year[2].mean)}% of IC budget`).test(budget),
        'costs: the share of the budget spent is said in words');
  const card = (label) => (new RegExp(`<p class="card-label">${label}</p><p class="card-value">([^<]*)<`).exec(dom) || [])[1];
  check(card('IC budget spent') === `${metrics.budget_spent_pct.per_year[2].mean.toFixed(1)}%` && card('Paid for idle capacity') !== undefined,
        `costs: cards for the budget spent (${card('IC budget spent')}) and the idle capacity paid for (${card('Paid for idle capacity')})`);
}

// What 20 more beds on the block cost, beside the delay they save.
function checkCompareCosts(dom, file) {
  const data = pageData(file);
  const c = data.comparison.metrics;
  const commissioned = 20 * 345 * 365;
  check(JSON.stringify(data.comparison.changed_services) === '["rehab_beds"]', 'compare-costs: the rehab beds are the service B commissions differently');
  check(c.cost_rehab_beds.difference.mean.every((d) => Math.abs(d - commissioned) < 1e-6),
        `compare-costs: 20 more beds on a block cost 20 x \u00a3345 x 365 = \u00a3${commissioned} more a year`);
  const card = (label) => (new RegExp(`<p class="card-label">${label}</p><p class="card-value">([^<]*)<`).exec(dom) || [])[1];
  check(card('Rehab beds: cost') === '+\u00a32.5m' && card('NCTR \\(delayed\\) bed days') !== undefined && card('Paid for idle capacity') !== undefined,
        `compare-costs: the cards put the beds' cost (${card('Rehab beds: cost')}) beside the delay (${card('NCTR \\(delayed\\) bed days')}) and the idle capacity`);
  const shown = shownMeans(figure(dom, 'B \u2212 A by year'), 'Rehab beds: cost (\u00a3)', 'B \u2212 A');
  check(sameMeans(shown, [commissioned, commissioned, commissioned], 0.01), `compare-costs: B \u2212 A by year has the beds' cost each year (${shown.map((x) => x.value).join(', ')})`);
  check(['cost_total', 'idle_cost'].every((n) => shownMeans(figure(dom, 'B \u2212 A by year'), costPanel(n), 'B \u2212 A').length === 3),
        'compare-costs: B \u2212 A by year has the total cost and the idle capacity paid for');
  const section = (id) => dom.slice(dom.indexOf(`id="${id}"`), dom.indexOf('</section>', dom.indexOf(`id="${id}"`)));
  check(section('at-a-glance').includes('rehab beds cost +\u00a32.5m [+\u00a32.5m, +\u00a32.5m]') &&
        section('at-a-glance').includes('NCTR (delayed) bed days \u2212'),
        'compare-costs: at a glance, what the change costs beside the delay it saves, in words');
  const table = section('cost-and-delay');
  check(table.includes('B commissions rehab beds differently from A') && table.includes('<h3>The services B commissions differently</h3>') &&
        table.includes('<h3>What it buys: delays and waits</h3>') && table.includes('+\u00a32.5m [+\u00a32.5m, +\u00a32.5m]'),
        'compare-costs: what the change costs and what it buys, with the paired intervals');
  check(/<h3>What each service costs in 2027: B against A<\/h3>/.test(dom) && /Rehab beds \(commissioned differently\)/.test(dom),
        'compare-costs: each service\'s cost, B against A, the rehab beds marked as changed');
  check(figure(dom, 'Spend against the budget: IC budget (A:').length > 0 && figure(dom, 'Spend against the budget: IC budget (B:').length > 0,
        'compare-costs: each scenario\'s spend against its budget');
}
function costPanel(name) { return { cost_total: 'Total cost (\u00a3)', idle_cost: 'Paid for idle capacity (\u00a3)' }[name]; }

mkdirSync(work, { recursive: true });
const tutorial = join(source, 'scenarios', 'tutorial.yaml');
const whatIf = join(work, 'more-rehab-beds.yaml');
writeFileSync(whatIf, `extends: ${JSON.stringify(tutorial)}\nname: Tutorial area, 5 more rehab beds\n` +
                      'services:\n  rehab_beds:\n    capacity_beds: 35\n');
const quiet = { stdio: ['ignore', 'ignore', 'inherit'] };
execFileSync(icsim, ['run', tutorial, '--replications', '3', '--out', join(work, 'run')], quiet);
execFileSync(icsim, ['compare', tutorial, whatIf, '--replications', '3', '--out', join(work, 'compare')], quiet);
execFileSync(icsim, ['plan', tutorial, '--spec', join(source, 'tests', 'plan', 'tutorial-plan.yaml'), '--out', join(work, 'plan')], quiet);
const runDom = render('run', join(work, 'run', 'report.html'));
const compareDom = render('compare', join(work, 'compare', 'report.html'));
render('plan', join(work, 'plan', 'report.html'), { charts: 3, blue: 10000 });

const twoAreas = join(source, 'tests', 'places', 'two-areas.yaml');
const fewerBeds = join(work, 'south-fewer-beds.yaml');
writeFileSync(fewerBeds, `extends: ${JSON.stringify(twoAreas)}\nname: Two places, 6 fewer beds in the South\n` +
                         'services:\n  beds_south:\n    capacity_beds: 10\n');
execFileSync(icsim, ['run', twoAreas, '--replications', '3', '--out', join(work, 'run-places')], quiet);
execFileSync(icsim, ['compare', twoAreas, fewerBeds, '--replications', '3', '--out', join(work, 'compare-places')], quiet);
const runPlaces = join(work, 'run-places', 'report.html');
const comparePlaces = join(work, 'compare-places', 'report.html');
const chooseSouth = { hash: '#part=place:south', screenshot: false };
checkRunPlaces(render('run-places', runPlaces, { charts: 15, blue: 10000 }), render('run-places-south', runPlaces, { charts: 15, ...chooseSouth }),
               join(work, 'run-places'));
checkComparePlaces(render('compare-places', comparePlaces, { charts: 15, blue: 10000 }),
                   render('compare-places-north', comparePlaces, { charts: 15, hash: '#part=place:north', screenshot: false }),
                   comparePlaces);

// The tutorial on blocks with a budget (tests/report/blocks.yaml), and 20 more beds on the block.
const blocks = join(source, 'tests', 'report', 'blocks.yaml');
const moreBeds = join(work, 'blocks-more-beds.yaml');
writeFileSync(moreBeds, `extends: ${JSON.stringify(blocks)}\nname: Tutorial area on blocks, 20 more rehab beds\n` +
                        'services:\n  rehab_beds:\n    capacity_beds: 50\n');
execFileSync(icsim, ['run', blocks, '--replications', '3', '--out', join(work, 'run-costs')], quiet);
execFileSync(icsim, ['compare', blocks, moreBeds, '--replications', '3', '--out', join(work, 'compare-costs')], quiet);
checkRunCosts(render('run-costs', join(work, 'run-costs', 'report.html'), { charts: 15, screenshot: false }), join(work, 'run-costs'));
checkCompareCosts(render('compare-costs', join(work, 'compare-costs', 'report.html'), { charts: 15, screenshot: false }),
                  join(work, 'compare-costs', 'report.html'));

// A service that cannot keep up (tests/keeping_up/overloaded.yaml: the rehab
// beds cut to 18 from 2027, 1.5 times their capacity asked of them): a warning
// box, the first thing on the page, says so in words, in a run and, for the
// scenario it is in, in a comparison. The tutorial keeps up: no box.
const overloaded = join(source, 'tests', 'keeping_up', 'overloaded.yaml');
execFileSync(icsim, ['run', overloaded, '--replications', '3', '--out', join(work, 'run-overloaded')], quiet);
execFileSync(icsim, ['compare', tutorial, overloaded, '--replications', '3', '--out', join(work, 'compare-overloaded')], quiet);
const keepingUp = (dom) => {
  const box = /<section class="panel keeping-up" id="cannot-keep-up" role="alert">([\s\S]*?)<\/section>/.exec(dom);
  return box ? { text: box[1].replace(/<[^>]+>/g, ''), first: dom.indexOf('id="cannot-keep-up"') < dom.indexOf('class="contents') } : null;
};
check(keepingUp(runDom) === null && keepingUp(compareDom) === null, 'the tutorial, which keeps up, has no warning box');
for (const [name, prefix] of [['run-overloaded', ''], ['compare-overloaded', 'B: Tutorial area, too few rehab beds from 2027: ']]) {
  const box = keepingUp(render(name, join(work, name, 'report.html'), { charts: 10, screenshot: false }));
  check(box !== null && box.first, `${name}: a warning box before the contents`);
  check(box !== null && box.text.includes(`${prefix}Rehab beds cannot keep up from 2027: 1.`) &&
        /1\.[3-7]\d times its capacity is asked of it; its queue grows by about 0\.[2-4]\d people a day/.test(box.text),
        `${name}: it says in words that the rehab beds cannot keep up from 2027, and how far${box ? `: ${box.text}` : ''}`);
  check(box !== null && !box.text.includes('Reablement') && !box.text.includes('D2a'), `${name}: and names no other service`);
}

console.log(failures === 0 ? 'report.html draws every chart offline' : `${failures} checks failed`);
process.exit(failures === 0 ? 0 : 1);
