// report.html opens offline: it holds the run's data and the charting
// libraries, and loads nothing from any URL.
//
//   node report_offline_test.mjs ICSIM SOURCE_DIR WORK_DIR run|compare|plan|run_places|compare_places
//
// run: icsim run scenarios/tutorial.yaml --replications 3. compare: the
// tutorial against a what-if whose name holds "</script>", which must come
// back whole from the page's data and must not end the data's element.
// plan: icsim plan of the tutorial with tests/plan/tutorial-plan.yaml, whose
// data must be plan.csv's and trade_off.csv's numbers.
// run_places: tests/places/two-areas.yaml and tests/report/three-places.yaml,
// whose places, hospitals, boards and ICPs in the page must be summary.json's
// and places.csv's to the digit, and whose inputs name the places, the
// hospitals, whom each service serves and each route. compare_places:
// two-areas.yaml against the South with 6 fewer beds: each scenario's parts
// are its own run's, each part's B - A is B's less A's, and the South's
// delayed days rise clearly.
//
// run also runs the tutorial on blocks with a budget (tests/report/blocks.yaml): the page's data names
// each service's contract, funder and cost metrics and the budget; its
// figures add up (five settings to the total, the NHS's and the council's
// parts, the budget's share); icsim run prints what the area pays; and its
// results.xlsx passes tests/workbook/check_workbook.py (with PYTHON3, or
// /usr/bin/python3, a python3 with openpyxl). compare: the comparison names
// the rehab beds as the service B commissions differently, and icsim compare's
// headline shows their capacity and costs and no other service's.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const KINDS = ['run', 'compare', 'plan', 'run_places', 'compare_places'];
const [icsim, source, work, kind] = process.argv.slice(2);
if (!icsim || !source || !work || !KINDS.includes(kind)) {
  console.error(`usage: node report_offline_test.mjs ICSIM SOURCE_DIR WORK_DIR ${KINDS.join('|')}`);
  process.exit(2);
}
const withPlaces = kind.endsWith('_places');

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
const twoAreas = join(source, 'tests', 'places', 'two-areas.yaml');
const threePlaces = join(source, 'tests', 'report', 'three-places.yaml');
const quiet = { stdio: ['ignore', 'ignore', 'inherit'] };
if (kind === 'run_places') {
  execFileSync(icsim, ['run', twoAreas, '--replications', '3', '--out', out], quiet);
  execFileSync(icsim, ['run', threePlaces, '--out', join(work, 'three-places')], quiet);
} else if (kind === 'compare_places') {
  const fewerBeds = join(work, 'south-fewer-beds.yaml');
  writeFileSync(fewerBeds, `extends: ${JSON.stringify(twoAreas)}\nname: Two places, 6 fewer beds in the South\n` +
                           'services:\n  beds_south:\n    capacity_beds: 10\n');
  execFileSync(icsim, ['compare', twoAreas, fewerBeds, '--replications', '3', '--seed', '3', '--out', out], quiet);
  execFileSync(icsim, ['run', twoAreas, '--replications', '3', '--seed', '3', '--out', join(out, 'a')], quiet);
  execFileSync(icsim, ['run', fewerBeds, '--replications', '3', '--seed', '3', '--out', join(out, 'b')], quiet);
} else if (kind === 'run') {
  execFileSync(icsim, ['run', tutorial, '--replications', '3', '--out', out], { stdio: ['ignore', 'ignore', 'inherit'] });
  checkBlocksAndBudget();
} else if (kind === 'plan') {
  execFileSync(icsim, ['plan', tutorial, '--spec', planFile, '--out', out], { stdio: ['ignore', 'ignore', 'inherit'] });
} else {
  const whatIf = join(work, 'more-rehab-beds.yaml');
  writeFileSync(whatIf, `extends: ${JSON.stringify(tutorial)}\nname: ${JSON.stringify(whatIfName)}\n` +
                        'services:\n  rehab_beds:\n    capacity_beds: 35\n');
  const printed = execFileSync(icsim, ['compare', tutorial, whatIf, '--replications', '3', '--out', out],
                               { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  checkComparisonHeadline(printed);
}

// icsim compare's headline: the services B commissions differently, and
// their capacity and costs beside the area's cost lines; no other service's.
function checkComparisonHeadline(printed) {
  const headline = printed.slice(0, printed.indexOf('\nEvery metric'));
  check(/Services B commissions differently \(capacity, contract, price or funder\): rehab_beds\n/.test(headline),
        'compare prints the service B commissions differently: rehab_beds');
  const lines = (text) => text.split('\n').map((l) => l.split(/\s+/)[0]);
  const shown = lines(headline);
  check(['capacity_rehab_beds', 'cost_rehab_beds', 'idle_cost_rehab_beds', 'cost_total', 'cost_long_term_care', 'idle_cost',
         'cost_health', 'cost_social_care', 'nctr_bed_days'].every((m) => shown.includes(m)),
        'the headline has the rehab beds\' capacity, cost and idle cost beside the area\'s cost lines and the delay');
  check(!shown.some((m) => /_(reablement|d2a_beds)$/.test(m)) && lines(printed).includes('cost_d2a_beds'),
        'the headline leaves out the services B buys as A does (they are under Every metric)');
}

// A number as icsim prints it on the terminal: 12,345 or 3.14.
function readable(x) { return Math.abs(x) < 100 ? x.toFixed(2) : Math.round(x).toLocaleString('en-GB'); }

// tests/report/blocks.yaml: the tutorial with its beds on a block,
// reablement on a block with spot above (paid by the council) and a budget
// for intermediate and short-term care.
function checkBlocksAndBudget() {
  const blocks = join(source, 'tests', 'report', 'blocks.yaml');
  const dir = join(work, 'blocks');
  const printed = execFileSync(icsim, ['run', blocks, '--replications', '3', '--out', dir],
                               { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const page = readFileSync(join(dir, 'report.html'), 'utf8');
  const scenario = JSON.parse(/<script type="application\/json" id="icsim-data">([\s\S]*?)<\/script>/.exec(page)[1]).scenarios[0];
  const service = (name) => scenario.inputs.services.find((sv) => sv.name === name);
  check(JSON.stringify(service('reablement').contract) === '{"kind":"block_and_spot","block":200,"spot_price":35}' &&
        service('reablement').funded_by === 'council' && service('rehab_beds').contract.kind === 'block' &&
        service('rehab_beds').funded_by === 'nhs', 'blocks: the inputs name each service\'s contract and who pays');
  check(scenario.inputs.services.every((sv) => sv.cost_metric === `cost_${sv.name}` && sv.idle_cost_metric === `idle_cost_${sv.name}` &&
                                               scenario.metrics[sv.cost_metric] && scenario.metrics[sv.idle_cost_metric]),
        'blocks: each service names the metrics of its cost and idle cost, and the data has them');
  check(JSON.stringify(scenario.inputs.costs.budget) === JSON.stringify({
    name: 'IC budget', covers: ['intermediate_care', 'short_term_care'], covers_words: 'intermediate care and short-term care',
    cost_metrics: ['cost_ic_beds', 'cost_home_ic', 'cost_short_term_care'], per_year: [6000000, 6500000, 7000000] }),
        'blocks: the inputs hold the budget, the lines it covers and its amount each year');
  const m = scenario.metrics;
  const close = (x, y) => Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(y));
  const years = [0, 1, 2];
  check(years.every((i) => close(m.cost_rehab_beds.mean[i], 30 * 345 * 365)), 'blocks: 30 beds on a block cost 30 x £345 x 365 a year');
  check(years.every((i) => close(['cost_acute', 'cost_ic_beds', 'cost_home_ic', 'cost_short_term_care', 'cost_long_term_care']
    .reduce((sum, n) => sum + m[n].mean[i], 0), m.cost_total.mean[i]) && close(m.cost_health.mean[i] + m.cost_social_care.mean[i], m.cost_total.mean[i])),
        'blocks: the five settings, and the NHS\'s and the council\'s parts, add up to the total');
  check(m.budget_spent_pct.unit === '% of IC budget' && years.every((i) => m.budget.mean[i] === [6000000, 6500000, 7000000][i] &&
    close(m.budget_spent_pct.mean[i], 100 * (m.cost_ic_beds.mean[i] + m.cost_home_ic.mean[i] + m.cost_short_term_care.mean[i]) / m.budget.mean[i])),
        'blocks: the budget each year, and the share of it its lines spend');
  const pays = printed.slice(printed.indexOf('What the area pays in 2027'));
  check(/everything the area pays \(cost_total\) +£[0-9,]+ ± [0-9,]+\n/.test(pays) && /paid for capacity nobody used \(idle_cost\) +£[0-9,.]+/.test(pays) &&
        /IC budget, for intermediate care and short-term care \(budget\) +£7,000,000\n/.test(pays) &&
        new RegExp(`spent of it \\(budget_spent_pct\\) +${readable(m.budget_spent_pct.mean[2])}% ± `).test(pays),
        'blocks: icsim run prints what the area pays, the idle part and the share of the budget spent');
  const python = process.env.PYTHON3 || (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');
  try {
    execFileSync(python, [join(source, 'tests', 'workbook', 'check_workbook.py'), 'run', dir], { stdio: ['ignore', 'inherit', 'inherit'] });
    check(true, 'blocks: results.xlsx holds the costs, the idle part and the budget (check_workbook.py)');
  } catch (e) {
    check(false, 'blocks: results.xlsx holds the costs, the idle part and the budget (check_workbook.py)');
  }
}

const file = join(out, 'report.html');
check(existsSync(file), `${file} exists`);
const html = readFileSync(file, 'utf8');

// The data: one JSON blob that parses and holds the run.
function pageData(page) {
  const blob = /<script type="application\/json" id="icsim-data">([\s\S]*?)<\/script>/.exec(page);
  check(blob !== null, 'the page holds the data blob');
  return JSON.parse(blob[1]);
}
const data = pageData(html);
check(data.kind === kind.replace('_places', ''), `the data is a ${kind.replace('_places', '')}`);
check(typeof data.icsim_version === 'string' && data.icsim_version.length > 0, 'the data records the icsim version');
if (withPlaces) checkPlaces();
else checkTutorial();

// The places, hospitals, boards and ICPs of a scenario's data are those of
// its run's summary.json, every metric and year, to the digit, and nothing
// else; and the area's metrics are summary.json's too.
function checkPartsAgainstSummary(scenario, dir, what) {
  const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
  const sameSeries = (m, s) => m && m.unit === s.unit && s.per_year.every((y, i) =>
    m.mean[i] === y.mean && m.low[i] === y.ci95_low && m.high[i] === y.ci95_high);
  check(Object.entries(summary.metrics).every(([name, s]) => sameSeries(scenario.metrics[name], s)),
        `${what}: the area's metrics are summary.json's`);
  let expected = 0;
  for (const level of ['place', 'hospital', 'board', 'icp']) {
    for (const [id, part] of Object.entries(summary[`${level}s`] || {})) {
      expected += 1;
      const mine = (scenario.parts || []).find((p) => p.level === level && p.id === id);
      const names = Object.keys(part.metrics);
      check(mine !== undefined && mine.name === part.name && Object.keys(mine.metrics).join() === names.join() &&
            names.every((name) => sameSeries(mine.metrics[name], part.metrics[name])),
            `${what}: ${level} ${part.name}: its ${names.length} metrics are summary.json's, every year`);
    }
  }
  check(expected > 0 && (scenario.parts || []).length === expected, `${what}: the data has the ${expected} parts of summary.json`);
}

// places.csv (level,id,name,year,metric,unit,mean,ci95_low,ci95_high): each
// row is the data's figure, and every figure of the data is a row.
function csvRows(file) {
  const [head, ...lines] = readFileSync(file, 'utf8').trim().split('\n');
  const field = /("(?:[^"]|"")*"|[^,]*)(,|$)/g;
  const split = (line) => [...line.matchAll(field)].slice(0, -1).map((m) => m[1].replace(/^"|"$/g, '').replace(/""/g, '"'));
  const keys = split(head);
  return lines.map((line) => Object.fromEntries(split(line).map((v, i) => [keys[i], v])));
}
function checkPartsAgainstCsv(scenario, dir, what) {
  const rows = csvRows(join(dir, 'places.csv'));
  let figures = 0;
  for (const p of scenario.parts) for (const m of Object.values(p.metrics)) figures += m.mean.length;
  const matches = rows.filter((r) => {
    const p = scenario.parts.find((x) => x.level === r.level && x.id === r.id);
    const m = p && p.name === r.name ? p.metrics[r.metric] : null;
    const i = data.years.indexOf(Number(r.year));
    return m && i >= 0 && m.unit === r.unit && m.mean[i] === Number(r.mean) && m.low[i] === Number(r.ci95_low) &&
           m.high[i] === Number(r.ci95_high);
  }).length;
  check(rows.length === figures && matches === rows.length,
        `${what}: each of the ${rows.length} rows of places.csv is the data's figure (${matches} match, the data has ${figures})`);
}

function checkPlaces() {
  check(data.seed === 3 && data.replications === 3, 'the data records seed 3 and 3 replications');
  check(JSON.stringify(data.years) === '[2025,2026,2027]', 'the data covers 2025 to 2027');
  const [a, b] = data.scenarios;
  check(a.name === 'Two places, nothing shared', 'scenario A is two-areas.yaml');
  const inputs = a.inputs;
  check(JSON.stringify(inputs.places.map((p) => [p.name, p.board, p.age_bands.map((x) => x.population)])) ===
        JSON.stringify([['North', 'North', [40000, 8000, 2000]], ['South', 'South', [20000, 5000, 1500]]]),
        'the inputs: North and South, their boards and residents by age band');
  check(inputs.places[1].age_bands[2].admissions_per_1000_per_year === 600 && inputs.places[1].age_bands[2].step_up_share === 0.1,
        'the inputs: South\'s 85+ admit 500 x 1.2 per 1,000 and 10% are stepped up');
  check(JSON.stringify(inputs.hospitals.map((h) => h.name)) === '["North hospital","South hospital"]' &&
        inputs.places[0].hospitals.find((h) => h.hospital === 'North hospital').share === 1,
        'the inputs: two hospitals, North\'s admissions all to North hospital');
  check(inputs.services.every((sv) => sv.owner.kind === 'places' && sv.owner.places.length === 1 &&
                                      sv.name.endsWith(sv.owner.places[0].toLowerCase())),
        'the inputs: each service serves its own place');
  check(JSON.stringify(inputs.routes.P2.map((r) => r.service)) === '["beds_north","beds_south"]' &&
        inputs.routes.step_up.length === 2 && inputs.routes.bridging.length === 0,
        'the inputs: pathway 2 routes to beds north and beds south; step-up to both reablement services');
  check(inputs.cells.length === 6 && inputs.by_year[0].population.length === 6 && inputs.cells[3].place === 'South',
        'the inputs: year by year by place and age band');

  if (kind === 'run_places') {
    checkPartsAgainstSummary(a, out, 'two-areas');
    checkPartsAgainstCsv(a, out, 'two-areas');
    // Three places: a board of two places, ICPs, a hospital that two places
    // use, shared services, a hub's own beds and routes split by shares.
    const three = pageData(readFileSync(join(work, 'three-places', 'report.html'), 'utf8')).scenarios[0];
    checkPartsAgainstSummary(three, join(work, 'three-places'), 'three-places');
    checkPartsAgainstCsv(three, join(work, 'three-places'), 'three-places');
    const part = (level, id) => three.parts.find((p) => p.level === level && p.id === id);
    check(JSON.stringify(part('board', 'Shire').places) === '["Coast","Hills"]' &&
          JSON.stringify(part('icp', 'Shire and Coast').places) === '["Coast","Hills"]',
          'three-places: the Shire board and its ICP are Coast and Hills');
    check(JSON.stringify(part('hospital', 'vale').places) === '["Coast","Hills"]' && part('hospital', 'vale').hospital === 'Vale hospital' &&
          JSON.stringify(part('hospital', 'vale').services) === '["d2a_vale"]',
          'three-places: Vale hospital takes Coast\'s and Hills\' admissions and has its hub\'s D2A beds');
    check(JSON.stringify(part('place', 'hills').services) === '["reablement_hills_town","rehab_beds_coast_hills"]',
          'three-places: Hills reports the services it shares');
    const owner = (name) => three.inputs.services.find((sv) => sv.name === name).owner;
    check(JSON.stringify(owner('rehab_beds_coast_hills')) === '{"kind":"places","places":["Coast","Hills"]}' &&
          JSON.stringify(owner('d2a_bay')) === '{"kind":"hospital","hospital":"Bay hospital"}',
          'three-places: whom services serve: a bed base shared by Coast and Hills, the Bay hub\'s D2A beds');
    check(JSON.stringify(three.inputs.places[0].hospitals) ===
          '[{"hospital":"Bay hospital","share":0.8},{"hospital":"Vale hospital","share":0.2}]',
          'three-places: Coast sends 80% of its admissions to Bay hospital, 20% to Vale');
    check(JSON.stringify(three.inputs.routes.P1.slice(0, 3)) === JSON.stringify([
      { service: 'home_first_coast', age_bands: ['18-64', '65-84'], share: 0.6 },
      { service: 'reablement_coast', age_bands: ['18-64', '65-84'], share: 0.4 },
      { service: 'reablement_coast', age_bands: ['85+'], share: 1 }]),
          'three-places: pathway 1 routes with their age bands and shares');
    check(three.inputs.services.find((sv) => sv.name === 'home_first_coast').cost_unit === 'package day',
          'three-places: packages are paid by the package day');
  } else {
    check(b.name === 'Two places, 6 fewer beds in the South' && b.inputs.services[4].capacity === 10, 'scenario B: 10 beds in the South');
    checkPartsAgainstSummary(a, join(out, 'a'), 'A');
    checkPartsAgainstSummary(b, join(out, 'b'), 'B');
    const parts = data.comparison.parts;
    check(JSON.stringify(parts.map((p) => `${p.level}:${p.id}`)) ===
          JSON.stringify(a.parts.map((p) => `${p.level}:${p.id}`)), 'the comparison has every part of A (and B)');
    // Paired: the mean of B - A is B's mean less A's (to the 10 digits the
    // page keeps of a part's differences); its interval holds it.
    let pairs = 0, paired = 0;
    for (const p of parts) {
      const ma = a.parts.find((x) => x.level === p.level && x.id === p.id).metrics;
      const mb = b.parts.find((x) => x.level === p.level && x.id === p.id).metrics;
      for (const [name, c] of Object.entries(p.metrics)) {
        c.difference.mean.forEach((d, i) => {
          pairs += 1;
          const expected = mb[name].mean[i] - ma[name].mean[i];
          const within = 1e-9 * Math.max(1, Math.abs(ma[name].mean[i]), Math.abs(mb[name].mean[i]));
          if (Math.abs(d - expected) <= within && c.difference.low[i] <= d + within && d <= c.difference.high[i] + within) paired += 1;
        });
      }
    }
    check(pairs > 0 && paired === pairs, `each part's B - A is B's mean less A's, within its interval (${paired} of ${pairs})`);
    const last = data.years.length - 1;
    const south = parts.find((p) => p.level === 'place' && p.id === 'south').metrics;
    // Ten beds cannot keep up with the South's demand: its beds are full in
    // every run (the interval clear of zero) and its delays rise, by an
    // amount that varies widely over three runs of a growing queue.
    check(south.utilisation_pct_beds_south.difference.low[last] > 0 && south.nctr_bed_days.difference.mean[last] > 0 &&
          south.mean_wait_days_p2.difference.mean[last] > 0,
          `the South's beds fill and its delayed days and P2 wait rise in 2027 (+${south.nctr_bed_days.difference.mean[last].toFixed(0)} days)`);
    const area = data.comparison.metrics.nctr_bed_days.difference.mean[last];
    const sum = parts.filter((p) => p.level === 'place').reduce((x, p) => x + p.metrics.nctr_bed_days.difference.mean[last], 0);
    check(Math.abs(area - sum) <= 1e-6 * Math.abs(area), 'the places\' B - A in delayed days add up to the area\'s');
  }
}

// The tutorial's run, comparison and plan.
function checkTutorial() {
  check(data.seed === 1, 'the data records seed 1');
  check(JSON.stringify(data.years) === '[2025,2026,2027]', 'the data covers 2025 to 2027');
  const [a, b] = data.scenarios;
  check(a.name === 'Tutorial area' && /^[0-9a-f]{64}$/.test(a.sha256), 'scenario A is the tutorial, with its sha256');
  check(a.inputs.age_bands.length === 4 && a.inputs.services[1].capacity === 30, 'the inputs: 4 age bands, 30 rehab beds');
  // An area without places is its own one place and hospital: nothing to repeat.
  check(a.inputs.costs.budget === null && a.inputs.services.every((sv) => ['spot', 'block', 'block_and_spot'].includes(sv.contract.kind)),
        'the inputs: no budget, and each service\'s contract');
  check(a.parts === undefined && a.inputs.places === undefined && (kind !== 'compare' || data.comparison.parts === undefined),
        'no places, hospitals or boards in the data of an area without places');
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
    check(JSON.stringify(data.comparison.changed_services) === '["rehab_beds"]', 'the comparison names the rehab beds as commissioned differently');
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
