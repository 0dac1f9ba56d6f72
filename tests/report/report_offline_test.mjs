// report.html opens offline: it holds the run's data and the charting
// libraries, and loads nothing from any URL.
//
//   node report_offline_test.mjs ICSIM SOURCE_DIR WORK_DIR run|compare|plan
//
// run: icsim run scenarios/tutorial.yaml --replications 3. compare: the
// tutorial against a what-if whose name holds "</script>", which must come
// back whole from the page's data and must not end the data's element.
// plan: icsim plan of the tutorial with tests/plan/tutorial-plan.yaml, whose
// data must be plan.csv's and trade_off.csv's numbers.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const [icsim, source, work, kind] = process.argv.slice(2);
if (!icsim || !source || !work || !['run', 'compare', 'plan'].includes(kind)) {
  console.error('usage: node report_offline_test.mjs ICSIM SOURCE_DIR WORK_DIR run|compare|plan');
  process.exit(2);
}

let failures = 0;
function check(ok, what) {
  console.log(`${ok ? 'ok' : 'FAILED'}: ${what}`);
  if (!ok) failures += 1;
}

const tutorial = join(source, 'scenarios', 'tutorial.yaml');
const whatIfName = 'Tutorial area, 5 more rehab beds </script><script>document.title="broken"</script> & <!-- more';
mkdirSync(work, { recursive: true });
const out = join(work, kind);
const planFile = join(source, 'tests', 'plan', 'tutorial-plan.yaml');
if (kind === 'run') {
  execFileSync(icsim, ['run', tutorial, '--replications', '3', '--out', out], { stdio: ['ignore', 'ignore', 'inherit'] });
} else if (kind === 'plan') {
  execFileSync(icsim, ['plan', tutorial, '--spec', planFile, '--out', out], { stdio: ['ignore', 'ignore', 'inherit'] });
} else {
  const whatIf = join(work, 'more-rehab-beds.yaml');
  writeFileSync(whatIf, `extends: ${JSON.stringify(tutorial)}\nname: ${JSON.stringify(whatIfName)}\n` +
                        'services:\n  rehab_beds:\n    capacity_beds: 35\n');
  execFileSync(icsim, ['compare', tutorial, whatIf, '--replications', '3', '--out', out],
               { stdio: ['ignore', 'ignore', 'inherit'] });
}

const file = join(out, 'report.html');
check(existsSync(file), `${file} exists`);
const html = readFileSync(file, 'utf8');

// The data: one JSON blob that parses and holds the run.
const blob = /<script type="application\/json" id="icsim-data">([\s\S]*?)<\/script>/.exec(html);
check(blob !== null, 'the page holds the data blob');
const data = JSON.parse(blob[1]);
check(data.kind === kind, `the data is a ${kind}`);
check(data.seed === 1, 'the data records seed 1');
check(JSON.stringify(data.years) === '[2025,2026,2027]', 'the data covers 2025 to 2027');
check(typeof data.icsim_version === 'string' && data.icsim_version.length > 0, 'the data records the icsim version');
const [a, b] = data.scenarios;
check(a.name === 'Tutorial area' && /^[0-9a-f]{64}$/.test(a.sha256), 'scenario A is the tutorial, with its sha256');
check(a.inputs.age_bands.length === 4 && a.inputs.services[1].capacity === 30, 'the inputs: 4 age bands, 30 rehab beds');
if (kind !== 'plan') {
  check(data.replications === 3, 'the data records 3 replications');
  check(a.metrics.nctr_bed_days.mean.length === 3 && a.metrics.nctr_bed_days.mean[0] > 0, 'NCTR bed days for each year');
  check(a.metrics.cost_total.high[2] >= a.metrics.cost_total.low[2], 'total cost with its interval');
  check(a.daily.days === 3 * 365 && a.daily.services.length === 3, 'the daily census of three services for 3 x 365 days');
  check(a.daily.services[1].in_use.mean.length === 3 * 365, 'rehab beds in use every day');
}
if (kind === 'compare') {
  check(b && b.name === whatIfName, 'a name holding </script> comes back whole');
  check(b.inputs.services[1].capacity === 35, 'B has 35 rehab beds');
  const d = data.comparison.metrics.mean_wait_days_p2.difference;
  check(d.mean.length === 3 && d.low[2] <= d.mean[2] && d.mean[2] <= d.high[2], 'B - A with its 95% interval');
  check(!html.includes('document.title="broken"'), 'the name is not markup anywhere in the page');
}

if (kind === 'plan') {
  // The plan in the page is the plan in plan.csv and trade_off.csv, to the digit.
  const csv = (name) => {
    const [head, ...lines] = readFileSync(join(out, name), 'utf8').trim().split('\n');
    const keys = head.split(',');
    return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [keys[i], v])));
  };
  const plan = data.plan;
  check(plan && plan.file === planFile, 'the data names the plan file');
  check(plan.services.length === 1 && plan.services[0].name === 'rehab_beds' && plan.services[0].unit === 'beds',
        'the planned service is rehab beds');
  check(plan.target.metric === 'mean_wait_days_p2' && plan.target.at_most === 2 && plan.metric.unit === 'days',
        'the target: mean wait for P2 at most 2 days');
  check(plan.replications.screen === 3 && plan.replications.confirm === 4, 'screened with 3 replications, confirmed with 4');
  const rows = csv('plan.csv');
  check(JSON.stringify(plan.years.map((y) => y.year)) === '[2025,2026,2027]', 'every projected year planned');
  check(rows.length === plan.years.length && rows.every((r, i) => {
    const y = plan.years[i];
    return Number(r.year) === y.year && Number(r.capacity) === y.capacity[0] &&
           Number(r.false_economy_capacity) === y.false_economy_capacity[0] && Number(r.total_cost) === y.total_cost &&
           Number(r.metric_mean) === y.metric.mean && Number(r.metric_ci95_high) === y.metric.high &&
           (r.target_met === 'yes') === y.target_met;
  }), 'each year\'s capacity, false economy, cost and metric are plan.csv\'s');
  check(plan.years.every((y) => y.confidence.length > 20 && y.evaluations > 0), 'each year says how sure it is');
  const points = plan.years.flatMap((y) => y.trade_off[0].points.map((p) => ({ year: y.year, ...p })));
  const curve = csv('trade_off.csv');
  check(points.length >= 3 * 7 && points.length === curve.length && points.every((p, i) =>
    Number(curve[i].year) === p.year && Number(curve[i].capacity) === p.capacity &&
    Number(curve[i].delay_cost) === p.delay_cost.mean && Number(curve[i].total_cost) === p.total_cost),
  `the trade-off curves: ${points.length} points, trade_off.csv's`);
  check(plan.years.every((y) => y.scenario_capacity[0] === 30), 'the scenario\'s own capacity each year: 30 beds');
}

// The libraries, as built into icsim from tools/report/node_modules.
const modules = join(source, 'tools', 'report', 'node_modules');
for (const [name, path] of [['Vega', 'vega/build/vega.min.js'], ['Vega-Lite', 'vega-lite/build/vega-lite.min.js'],
                            ['vega-embed', 'vega-embed/build/vega-embed.min.js']]) {
  const library = readFileSync(join(modules, path), 'utf8').replace(/<\/script/gi, '<\\/script');
  check(html.includes(library), `${name} is embedded whole`);
}
check(html.includes(readFileSync(join(source, 'tools', 'report', 'report.js'), 'utf8')), 'report.js is embedded');

// Nothing is loaded from a URL: no element that fetches, no CSS import or
// url(), no import or fetch of an address in the code.
const scripts = html.match(/<script\b[^>]*>/gi) || [];
check(scripts.length === 5 && scripts.every((tag) => !/\bsrc\s*=/i.test(tag)), 'five inline scripts, none with src');
check((html.match(/<\/script/gi) || []).length === 5, 'no data or code ends a script element early');
// The page's own markup (script bodies left out) and its code, apart: a
// library may build markup in a string (vega-tooltip's <img> for a datum's
// image) without the page loading anything.
const markup = html.replace(/(<script\b[^>]*>)[\s\S]*?(<\/script>)/gi, '$1$2');
const everywhere = [
  [/\b(src|href|srcset|poster|action|data|xlink:href)\s*=\s*["']?\s*(https?:|wss?:|ftp:)?\/\//i, 'attribute pointing to a URL'],
  [/url\(\s*["']?\s*(https?:)?\/\//i, 'CSS url() of an address'],
  [/@import\s+(url\(|["'])/i, 'CSS @import'],
  [/\bimport\s*\(?\s*["'`](https?:)?\/\//i, 'import of an address'],
  [/\bfetch\s*\(\s*["'`](https?:)?\/\//i, 'fetch of an address'],
  [/\bnew\s+(Worker|SharedWorker|WebSocket|EventSource)\s*\(\s*["'`](https?|wss?):/i, 'worker or socket to an address'],
  [/\.open\s*\(\s*["'`][A-Z]+["'`]\s*,\s*["'`](https?:)?\/\//i, 'XMLHttpRequest to an address'],
  [/\bimportScripts\s*\(\s*["'`](https?:)?\/\//i, 'importScripts of an address'],
];
const inMarkup = [
  [/<(link|iframe|img|embed|object|base|source|audio|video|frame|track|portal)\b/i, 'element that loads a file'],
  [/<meta\b[^>]*http-equiv\s*=\s*["']?refresh/i, 'meta refresh'],
];
for (const [text, patterns] of [[html, everywhere], [markup, inMarkup]]) {
  for (const [pattern, what] of patterns) {
    const found = pattern.exec(text);
    check(found === null, `no ${what}${found ? `: ...${text.slice(Math.max(0, found.index - 60), found.index + 80)}...` : ''}`);
  }
}

console.log(failures === 0 ? 'report.html is complete and self-contained' : `${failures} checks failed`);
process.exit(failures === 0 ? 0 : 1);
