// icsim serve: the what-if page. Lists the scenarios, draws a slider for each
// lever the scenario offers, sends a run, follows its progress and shows its
// report (the what-if against the scenario) with the downloads. Plain
// JavaScript (ES2019), no build step; the server embeds this file in icsim.
(function () {
  'use strict';

  const $ = (id) => document.getElementById(id);
  const form = $('controls');
  const scenarioSelect = $('scenario');
  const leversBox = $('levers');
  const replicationsInput = $('replications');
  const runButton = $('run');
  let levers = [];

  function showError(message, details) {
    const box = $('error');
    box.textContent = details && details.length ? `${message}:\n${details.join('\n')}` : message;
    box.hidden = false;
  }
  function clearError() { $('error').hidden = true; }

  async function getJson(url, options) {
    const response = await fetch(url, options);
    let body = {};
    try { body = await response.json(); } catch (e) { body = { error: `${response.status} ${response.statusText}` }; }
    if (!response.ok) {
      const error = new Error(body.error || `${response.status} ${response.statusText}`);
      error.details = body.diagnostics;
      throw error;
    }
    return body;
  }

  function format(value, lever) {
    const digits = lever.step < 1 ? Math.max(0, -Math.floor(Math.log10(lever.step) + 1e-9)) : 0;
    return Number(value).toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  }

  // A lever counts as moved once the user moves it off the scenario's value;
  // only moved levers are sent, so the rest keep the scenario's values exactly.
  function showLever(input, lever) {
    const out = input.parentElement.querySelector('output');
    const moved = Number(input.value) !== lever.value;
    const shown = `${format(input.value, lever)} ${lever.unit}`;
    out.textContent = moved ? `${shown} (moved)` : shown;
    out.classList.toggle('moved', moved);
    input.setAttribute('aria-valuetext', shown);
    input.dataset.moved = moved ? 'yes' : 'no';
  }

  function drawLevers() {
    leversBox.textContent = '';
    let group = null;
    levers.forEach((lever, i) => {
      if (lever.group !== group) {
        group = lever.group;
        const heading = document.createElement('h2');
        heading.textContent = group;
        leversBox.appendChild(heading);
      }
      const box = document.createElement('div');
      box.className = 'lever';
      const label = document.createElement('label');
      label.htmlFor = `lever-${i}`;
      label.textContent = `${lever.label}: `;
      label.appendChild(document.createElement('output'));
      const input = document.createElement('input');
      Object.assign(input, { type: 'range', id: `lever-${i}`, min: lever.min, max: lever.max, step: lever.step,
                             value: lever.value });
      input.dataset.id = lever.id;
      input.addEventListener('input', () => showLever(input, lever));
      const base = document.createElement('span');
      base.className = 'caption';
      base.textContent = `The scenario: ${format(lever.value, lever)} ${lever.unit}`;
      box.append(label, input, base);
      leversBox.appendChild(box);
      showLever(input, lever);
    });
  }

  // Results belong to the run that made them: hidden when another starts or the scenario changes.
  function hideResults() {
    $('downloads').hidden = true;
    $('report').hidden = true;
    $('report').removeAttribute('src');
    $('placeholder').hidden = false;
  }

  async function loadScenario() {
    clearError();
    hideResults();
    runButton.disabled = true;
    levers = [];
    leversBox.textContent = '';
    $('scenario-years').textContent = '';
    const id = scenarioSelect.value;
    const info = await getJson(`/api/levers?scenario=${encodeURIComponent(id)}`);
    levers = info.levers;
    $('scenario-years').textContent = `${info.name}, ${info.years[0]} to ${info.years[1]}. Capacities are the first `
      + 'year\'s; the scenario\'s own growth and changes still apply, moved in proportion.';
    replicationsInput.value = info.replications;
    drawLevers();
    runButton.disabled = false;
  }

  function positions() {
    const chosen = {};
    leversBox.querySelectorAll('input[type=range][data-moved="yes"]').forEach((input) => {
      chosen[input.dataset.id] = Number(input.value);
    });
    return chosen;
  }

  function progress(status) {
    $('progress').hidden = false;
    const share = status.total ? status.done / status.total : 0;
    $('progress-bar').style.width = `${Math.round(100 * share)}%`;
    $('progress-bar').setAttribute('aria-valuenow', String(Math.round(100 * share)));
    const text = {
      queued: `Waiting: ${status.ahead} run${status.ahead === 1 ? '' : 's'} ahead of this one`,
      running: `Running: ${status.done} of ${status.total} replications, ${status.seconds.toFixed(0)} s`,
      done: `Done: ${status.total} replications in ${status.seconds.toFixed(1)} s`,
      failed: 'The run failed',
    }[status.state];
    $('progress-text').textContent = text;
  }

  const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  async function follow(id) {
    for (;;) {
      const status = await getJson(`/api/runs/${id}`);
      progress(status);
      if (status.state === 'failed') throw new Error(status.error);
      if (status.state === 'done') return;
      await pause(400);
    }
  }

  function showResults(id) {
    const base = `/api/runs/${id}`;
    $('download-yaml').href = `${base}/what-if.yaml`;  // saved under the name the server gives
    $('download-workbook').href = `${base}/results.xlsx`;
    $('download-report').href = `${base}/report.html`;
    $('downloads').hidden = false;
    const frame = $('report');
    frame.onload = () => { document.body.dataset.shownRun = id; };
    frame.src = `${base}/report.html`;
    frame.hidden = false;
    $('placeholder').hidden = true;
  }

  async function run(event) {
    event.preventDefault();
    clearError();
    hideResults();
    runButton.disabled = true;
    scenarioSelect.disabled = true;
    $('reset').disabled = true;
    document.body.dataset.runState = 'running';
    try {
      const request = { scenario: scenarioSelect.value, replications: Number(replicationsInput.value), levers: positions() };
      const { id } = await getJson('/api/runs', { method: 'POST', headers: { 'Content-Type': 'application/json' },
                                                   body: JSON.stringify(request) });
      document.body.dataset.runId = id;
      await follow(id);
      showResults(id);
      document.body.dataset.runState = 'done';
    } catch (error) {
      showError(error.message, error.details);
      document.body.dataset.runState = 'failed';
    } finally {
      runButton.disabled = false;
      scenarioSelect.disabled = false;
      $('reset').disabled = false;
    }
  }

  async function start() {
    try {
      const { scenarios, max_replications: most } = await getJson('/api/scenarios');
      replicationsInput.max = most;
      // Areas first; the verification and benchmark models are for analysts.
      const analysts = (s) => /^(verification|bench)\//.test(s.id);
      const groups = [['Areas', scenarios.filter((s) => !analysts(s))],
                      ['For analysts: verification and benchmark models', scenarios.filter(analysts)]];
      for (const [label, members] of groups) {
        if (!members.length) continue;
        const group = document.createElement('optgroup');
        group.label = label;
        members.forEach((s) => group.appendChild(new Option(`${s.name} (${s.id})`, s.id)));
        scenarioSelect.appendChild(group);
      }
      const wanted = new URLSearchParams(location.search).get('scenario') || 'lancashire/current-model.yaml';
      if (scenarios.some((s) => s.id === wanted)) scenarioSelect.value = wanted;
      await loadScenario();
      document.body.dataset.ready = 'yes';
    } catch (error) {
      showError(error.message, error.details);
    }
  }

  scenarioSelect.addEventListener('change', () => loadScenario().catch((e) => showError(e.message, e.details)));
  runButton.disabled = true;  // until the scenario's levers are there
  $('reset').addEventListener('click', drawLevers);
  form.addEventListener('submit', run);
  start();
}());
