// icsim serve's API without a browser: bad requests get a clear error and
// the server keeps serving; only the listed scenarios can be read; the queue
// and the time a run may take are bounded; a bad start exits with a reason.
// A capacity lever's commissioned cost: 20 more rehabilitation beds on a
// block contract cost 20 x £345 x 365 a year more, beside the delays they
// save, each with its paired 95% interval, in the report the page shows and
// in the workbook's Cost difference (tests/workbook/check_workbook.py, run
// with PYTHON3).
//
//   node serve_api_test.mjs ICSIM SOURCE_DIR
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { check, failed, startServer } from './harness.mjs';

if (process.argv.length !== 4) {
  console.error('usage: node serve_api_test.mjs ICSIM SOURCE_DIR');
  process.exit(2);
}
const [icsim, source] = process.argv.slice(2).map((p) => resolve(p));

async function call(url, options = {}) {
  const response = await fetch(url, options);
  const text = await response.text();
  let json = null;
  try { json = JSON.parse(text); } catch (e) { /* not JSON */ }
  return { status: response.status, json, text };
}
const post = (url, body, type = 'application/json') =>
  call(url, { method: 'POST', headers: { 'Content-Type': type }, body: typeof body === 'string' ? body : JSON.stringify(body) });
const pause = (ms) => new Promise((r) => setTimeout(r, ms));
async function finished(url, id) {
  for (let i = 0; i < 1200; i += 1) {
    const { json } = await call(`${url}/api/runs/${id}`);
    if (json.state === 'done' || json.state === 'failed') return json;
    await pause(250);
  }
  throw new Error(`run ${id} did not finish`);
}

// One thread, so that a Lancashire run outlives a 3 s limit on any machine
// (5 replications take over 20 s), while the tutorial's 2 finish inside it
// even under the sanitizers on a busy machine (0.6 s alone; a 1 s limit
// stopped them once).
const { server, url } = await startServer(icsim, source, ['--max-replications', '5', '--max-waiting', '1', '--time-limit', '3',
                                          '--threads', '1']);
try {
  const list = await call(`${url}/api/scenarios`);
  const ids = list.json.scenarios.map((s) => s.id);
  check(ids.includes('tutorial.yaml') && ids.includes('lancashire/current-model.yaml'), `the shipped scenarios are listed (${ids.length})`);
  check(!ids.some((id) => /sweep|plan/.test(id)), 'sweep and plan files are not offered as scenarios');

  const levers = await call(`${url}/api/levers?scenario=lancashire/current-model.yaml`);
  const leverIds = levers.json.levers.map((l) => l.id);
  for (const id of ['capacity.home_based_ic_pennine', 'capacity.ic_beds_west_lancashire', 'growth.population',
                    'growth.admission_rate', 'pathways.home_first', 'discharge.days_per_week', 'step_up.share'])
    check(leverIds.includes(id), `Lancashire offers the lever ${id}`);
  // Each ICP's capacities together, under its name.
  const groups = [...new Set(levers.json.levers.filter((l) => l.id.startsWith('capacity.')).map((l) => l.group))];
  check(groups.length === 5 && groups.includes('Capacity: shared by Blackpool and Fylde and Wyre') &&
        groups.includes('Capacity: West Lancashire'), `the capacities are grouped by place: ${groups.join('; ')}`);

  const bad = [
    ['not JSON', 'nonsense', 400, /not JSON/],
    ['no scenario', {}, 400, /"scenario"/],
    ['a path outside the folder', { scenario: '../README.md' }, 404, /no scenario/],
    ['an absolute path', { scenario: '/etc/passwd' }, 404, /no scenario/],
    ['too many replications', { scenario: 'tutorial.yaml', replications: 50 }, 400, /from 2 to 5/],
    ['replications as text', { scenario: 'tutorial.yaml', replications: '3' }, 400, /whole number/],
    ['an unknown lever', { scenario: 'tutorial.yaml', levers: { 'capacity.nope': 3 } }, 400, /no lever "capacity\.nope"/],
    ['a lever off its scale', { scenario: 'tutorial.yaml', levers: { 'capacity.rehab_beds': -4 } }, 400, /off the scale/],
    ['a lever as text', { scenario: 'tutorial.yaml', levers: { 'capacity.rehab_beds': 'many' } }, 400, /must be a number/],
    ['a number too large for a double', '{"scenario": "tutorial.yaml", "levers": {"capacity.rehab_beds": 1e400}}', 400, /not JSON/],
    ['replications past 32 bits', '{"scenario": "tutorial.yaml", "replications": 4294967298}', 400, /from 2 to 5/],
    ['a misspelt field', { scenario: 'tutorial.yaml', lever: { 'capacity.rehab_beds': 20 } }, 400, /unknown field "lever"/],
    ['a JSON list', '[1, 2]', 400, /JSON object/],
  ];
  for (const [what, body, status, message] of bad) {
    const r = await post(`${url}/api/runs`, body);
    check(r.status === status && message.test(r.json?.error ?? ''), `${what}: ${r.status} ${r.json?.error}`);
  }
  const big = await post(`${url}/api/runs`, 'x'.repeat(200 * 1024));
  check(big.status === 413 && /larger than 64 KiB/.test(big.json?.error), `a request over 64 KiB is refused (${big.status})`);
  const form = await post(`${url}/api/runs`, JSON.stringify({ scenario: 'tutorial.yaml' }), 'text/plain');
  check(form.status === 415, `a run sent as text/plain (as another site's form could) is refused (${form.status})`);
  // fetch will not send another Host header: node:http will.
  const rebound = await new Promise((done, fail) => {
    const { hostname, port } = new URL(url);
    request({ hostname, port, path: '/api/scenarios', headers: { Host: 'attacker.example' } }, (res) => {
      res.resume();
      done(res.statusCode);
    }).on('error', fail).end();
  });
  check(rebound === 403, `a request for another host name is refused (${rebound})`);
  const noScenario = await call(`${url}/api/levers`);
  check(noScenario.status === 400 && /scenario=ID/.test(noScenario.json?.error), `levers without a scenario: ${noScenario.status}`);

  // A lever moves the scenario's own plan with it: new-model.yaml's change to 39 IC beds in
  // West Lancashire becomes a change to 39 x 40/32 beds when the first year has 40.
  const moved = await post(`${url}/api/runs`, { scenario: 'lancashire/new-model.yaml', replications: 2,
                                                 levers: { 'capacity.ic_beds_west_lancashire': 40, 'step_up.share': 2 } });
  check(moved.status === 202, `a new-model what-if is accepted (${moved.status} ${moved.json?.error ?? ''})`);
  await finished(url, moved.json.id);  // past the 3 s limit; its what-if file is there all the same
  for (const path of ['/../../etc/passwd', '/api/runs/1/../../../etc/passwd', '/api/runs/999', '/api/runs/1/summary.json',
                      '/api/levers?scenario=../../etc/passwd', '/scenarios/tutorial.yaml']) {
    const r = await call(`${url}${path}`);
    check(r.status === 404 && !/root:/.test(r.text), `GET ${path}: ${r.status}`);
  }

  // Bounded: a Lancashire run outlives the limit; one run may wait; a third is refused.
  const long = await post(`${url}/api/runs`, { scenario: 'lancashire/current-model.yaml', replications: 5 });
  const waiting = await post(`${url}/api/runs`, { scenario: 'tutorial.yaml', replications: 2 });
  const refused = await post(`${url}/api/runs`, { scenario: 'tutorial.yaml', replications: 2 });
  check(long.status === 202 && waiting.status === 202, 'two runs accepted');
  check(refused.status === 429 && /waiting/.test(refused.json?.error ?? ''), `a third is refused while one waits (${refused.status})`);
  const queued = await call(`${url}/api/runs/${waiting.json.id}`);
  check(queued.json.state === 'queued' && queued.json.ahead >= 1, `the waiting run says it is queued behind the running one (${queued.json.state}, ${queued.json.ahead} ahead)`);
  const stopped = await finished(url, long.json.id);
  check(stopped.state === 'failed' && /limit of 3 s/.test(stopped.error), `the long run stops at the time limit: ${stopped.error}`);
  const after = await finished(url, waiting.json.id);
  check(after.state === 'done', 'the run behind it then runs');
  const yaml = await call(`${url}/api/runs/${waiting.json.id}/what-if.yaml`);
  check(yaml.status === 200 && /^extends: tutorial\.yaml$/m.test(yaml.text), 'its what-if.yaml extends the scenario');
  const plan = await call(`${url}/api/runs/${moved.json.id}/what-if.yaml`);
  check(/ic_beds_west_lancashire: \{capacity_beds: 49\}/.test(plan.text) && /capacity_beds: 40/.test(plan.text),
        'the new model\'s 39 IC beds in West Lancashire become 49 beside 40 in the first year');
  check(/step_up_share: 0\.56\b/.test(plan.text), 'its step-up targets move by the same points (85+: 0.54 -> 0.56)');
  check((await call(`${url}/api/scenarios`)).status === 200, 'the server is still serving');
} catch (error) {
  check(false, `the session: ${error.stack || error}`);
} finally {
  server.kill('SIGTERM');
}

// What a lever's capacity costs, beside the delay it saves.
const folder = mkdtempSync(join(tmpdir(), 'icsim-serve-costs-'));
copyFileSync(join(source, 'scenarios', 'tutorial.yaml'), join(folder, 'tutorial.yaml'));
writeFileSync(join(folder, 'blocks.yaml'), 'extends: tutorial.yaml\nname: Tutorial area on blocks\n' +
              'services:\n  rehab_beds:\n    contract: block\n    cost_per_bed_day: 345\n' +
              'costs:\n  budget: {name: IC budget, covers: [intermediate_care], per_year: 7000000}\n');
const costs = await startServer(icsim, source, ['--max-replications', '3'], folder);
try {
  const lever = (await call(`${costs.url}/api/levers?scenario=blocks.yaml`)).json.levers.find((l) => l.id === 'capacity.rehab_beds');
  const beds = lever.value + 20;
  const run = await post(`${costs.url}/api/runs`, { scenario: 'blocks.yaml', replications: 3, levers: { 'capacity.rehab_beds': beds } });
  const done = await finished(costs.url, run.json.id);
  check(done.state === 'done', `20 more rehab beds on the block: the run is done (${done.state} ${done.error ?? ''})`);
  const page = (await call(`${costs.url}/api/runs/${run.json.id}/report.html`)).text;
  const data = JSON.parse(/<script type="application\/json" id="icsim-data">([\s\S]*?)<\/script>/.exec(page)[1]);
  const c = data.comparison.metrics;
  const commissioned = 20 * 345 * 365;
  check(JSON.stringify(data.comparison.changed_services) === '["rehab_beds"]', 'the report names the rehab beds as what the lever changed');
  check(['difference', 'cumulative_difference'].every((k) => c.cost_rehab_beds[k].low.every((x, i) => x <= c.cost_rehab_beds[k].mean[i] + 1e-6)) &&
        c.cost_rehab_beds.difference.mean.every((d, i) => Math.abs(d - commissioned) < 1e-6 &&
          Math.abs(c.cost_rehab_beds.difference.high[i] - c.cost_rehab_beds.difference.low[i]) < 1e-6),
        `their commissioned cost: 20 x £345 x 365 = £${commissioned} more every year, whatever the patients do (${c.cost_rehab_beds.difference.mean.map((d) => d.toFixed(0)).join(', ')})`);
  const last = data.years.length - 1;
  const interval = (name) => c[name] && c[name].difference.low[last] <= c[name].difference.mean[last] && c[name].difference.mean[last] <= c[name].difference.high[last];
  check(['cost_total', 'idle_cost', 'idle_cost_rehab_beds', 'nctr_bed_days', 'mean_wait_days_p2', 'budget_spent_pct'].every(interval),
        'beside it: the total, the idle capacity paid for, the delay and the waits, each with its paired interval');
  check(c.nctr_bed_days.difference.mean[last] < 0 && c.mean_wait_days_p2.difference.mean[last] < 0,
        `more beds, less delay (${c.nctr_bed_days.difference.mean[last].toFixed(0)} NCTR bed days, ${c.mean_wait_days_p2.difference.mean[last].toFixed(2)} days' wait for P2 in ${data.years[last]})`);

  // The served workbook's Cost difference is what icsim compare of the what-if gives.
  const whatIf = (await call(`${costs.url}/api/runs/${run.json.id}/what-if.yaml`)).text;
  writeFileSync(join(folder, 'what-if.yaml'), whatIf);
  const workbook = Buffer.from(await (await fetch(`${costs.url}/api/runs/${run.json.id}/results.xlsx`)).arrayBuffer());
  const served = join(folder, 'served');
  const icsimIn = (...args) => execFileSync(icsim, args, { cwd: folder, stdio: ['ignore', 'ignore', 'inherit'] });
  const seed = data.seed;
  icsimIn('compare', 'blocks.yaml', 'what-if.yaml', '--replications', '3', '--seed', String(seed), '--out', 'served');
  writeFileSync(join(served, 'results.xlsx'), workbook);
  icsimIn('run', 'blocks.yaml', '--replications', '3', '--seed', String(seed), '--out', 'a');
  icsimIn('run', 'what-if.yaml', '--replications', '3', '--seed', String(seed), '--out', 'b');
  try {
    execFileSync(process.env.PYTHON3 || 'python3', [join(source, 'tests', 'workbook', 'check_workbook.py'), 'compare', served,
                 join(folder, 'a'), join(folder, 'b')], { stdio: 'inherit' });
    check(true, 'the served workbook\'s Cost difference holds the beds\' cost and idle cost as icsim compare gives them');
  } catch (e) {
    check(false, 'the served workbook\'s Cost difference holds the beds\' cost and idle cost as icsim compare gives them');
  }
} catch (error) {
  check(false, `the commissioned-cost session: ${error.stack || error}`);
} finally {
  costs.server.kill('SIGTERM');
  rmSync(folder, { recursive: true, force: true });
}

// A bad start: no scenarios folder (exit 2), a port in use (exit 1), both with a reason.
const missing = spawnSync(icsim, ['serve', '--scenarios', '/nonexistent'], { encoding: 'utf8', timeout: 30000 });
check(missing.status === 2 && /no scenarios folder/.test(missing.stderr), `no scenarios folder: exit ${missing.status}`);
const first = await startServer(icsim, source, []);
const port = new URL(first.url).port;
const taken = spawnSync(icsim, ['serve', '--port', port, '--scenarios', join(source, 'scenarios')],
                        { encoding: 'utf8', timeout: 60000 });
check(taken.status === 1 && /cannot listen/.test(taken.stderr), `a port in use: exit ${taken.status}`);
first.server.kill('SIGTERM');
process.exit(failed() ? 1 : 0);
