// icsim report.html: draws the report from the JSON in the page's "icsim-data"
// element with Vega-Lite. The build compiles this file and the charting
// libraries into icsim (tools/report/embed_assets.cmake); icsim writes them and
// the run's data into one page, which loads nothing from anywhere. Plain
// JavaScript (ES2019) for any current browser, no build step.
(function () {
  'use strict';

  const data = JSON.parse(document.getElementById('icsim-data').textContent);
  const main = document.getElementById('report');
  const years = data.years;
  const firstYear = years[0];
  const lastYear = years[years.length - 1];
  const isCompare = data.kind === 'compare';
  const isPlan = data.kind === 'plan';
  const scenarios = data.scenarios.map((s, i) => ({
    ...s,
    label: isCompare ? `${'AB'[i]}: ${s.name}` : s.name,
    letter: 'AB'[i],
  }));
  const first = scenarios[0];

  // -------------------------------------------------------------------------
  // Colours and type: NHS identity colours, Arial (the NHS's fallback for Frutiger).
  const NHS = {
    blue: '#005EB8', darkBlue: '#003087', brightBlue: '#0072CE', lightBlue: '#41B6E6',
    aqua: '#00A499', green: '#009639', warmYellow: '#FFB81C', orange: '#ED8B00',
    darkPink: '#7C2855', purple: '#330072', red: '#DA291C', darkGrey: '#425563',
    midGrey: '#768692', paleGrey: '#E8EDEE', text: '#212B32', secondary: '#4C6272',
  };
  const PALETTE = [NHS.blue, NHS.orange, NHS.green, NHS.darkPink, NHS.lightBlue, NHS.warmYellow, NHS.purple, NHS.midGrey];
  const SCENARIO_COLOURS = [NHS.darkGrey, NHS.blue];
  const REFERENCE_COLOUR = NHS.red;
  const FONT = 'Arial, Helvetica, sans-serif';
  const VEGA_CONFIG = {
    font: FONT,
    background: '#ffffff',
    padding: 4,
    view: { stroke: null },
    axis: {
      labelColor: NHS.secondary, titleColor: NHS.text, labelFontSize: 12, titleFontSize: 12,
      titleFontWeight: 'normal', gridColor: NHS.paleGrey, domainColor: '#AEB7BD', tickColor: '#AEB7BD',
      labelFont: FONT, titleFont: FONT,
    },
    axisX: { grid: false },
    legend: { labelFontSize: 12, titleFontSize: 12, labelColor: NHS.text, titleColor: NHS.text, orient: 'bottom',
              direction: 'horizontal', titleFontWeight: 'normal', symbolStrokeWidth: 2.5, symbolOpacity: 1, labelLimit: 320 },
    header: { labelFontSize: 13, labelFontWeight: 'bold', labelColor: NHS.text, labelAnchor: 'start',
              labelFont: FONT, title: null, labelLimit: 400 },
    range: { category: PALETTE },
    line: { strokeWidth: 2.2 },
    point: { size: 36, filled: true },
    bar: { cornerRadiusEnd: 0 },
    title: { font: FONT, color: NHS.text, fontSize: 13, anchor: 'start', fontWeight: 'bold' },
  };

  // -------------------------------------------------------------------------
  // What each metric is called in the report.
  const METRIC_LABELS = {
    would_be_admissions: 'Would-be emergency admissions',
    admissions: 'Emergency admissions',
    step_up_diversions: 'Admissions avoided by step-up',
    acute_bed_days: 'Acute bed days',
    nctr_bed_days: 'NCTR (delayed) bed days',
    ic_bed_days: 'Intermediate care bed days',
    home_ic_care_hours: 'Home-based intermediate care hours',
    short_term_care_bed_days: 'Short-term care bed days',
    care_home_admissions_65plus_per_100k: 'Care-home admissions 65+ per 100,000',
    at_home_91d_pct: 'At home 91 days after reablement',
    readmissions_30d: 'Readmissions',
    discharges: 'Discharges from acute beds',
    discharges_p1: 'Discharges to pathway 1',
    discharges_p2: 'Discharges to pathway 2',
    discharges_p3: 'Discharges to pathway 3',
    ic_episodes: 'Intermediate care episodes',
    discharge_to_usual_residence_pct: 'Discharged to usual place of residence',
    avoidable_admissions_per_100k: 'Avoidable admissions per 100,000 adults',
    falls_admissions_65plus_per_100k: 'Falls admissions 65+ per 100,000',
    length_of_stay_14plus_pct: 'Inpatients in hospital 14+ days',
    length_of_stay_21plus_pct: 'Inpatients in hospital 21+ days',
    nctr_bed_days_hub: 'Assessment and arranging (the hub)',
    nctr_bed_days_discharge_window: 'Waiting for a discharge day or hour',
    nctr_bed_days_waiting_p1: 'Waiting for pathway 1 (care at home)',
    nctr_bed_days_waiting_p2: 'Waiting for pathway 2 (a bed)',
    nctr_bed_days_waiting_p3: 'Waiting for pathway 3 (a short-term care bed)',
    nctr_bed_days_waiting_home_care: 'Waiting for long-term home care',
    nctr_bed_days_waiting_care_home: 'Waiting for a care home',
    nctr_patients_per_100k: 'NCTR patients per 100,000 adults',
    deaths_in_hospital: 'Deaths in hospital',
    deaths: 'Deaths',
    readmission_rate_30d_pct: 'Readmitted within 30 days',
    mean_wait_days_p1: 'Mean wait for pathway 1',
    mean_wait_days_p2: 'Mean wait for pathway 2',
    mean_wait_days_p3: 'Mean wait for pathway 3',
    mean_nctr_days_per_discharge: 'NCTR days per discharge',
    cost_acute: 'Acute beds',
    cost_ic_beds: 'Intermediate care beds',
    cost_home_ic: 'Home-based intermediate care',
    cost_short_term_care: 'Short-term care beds',
    cost_intermediate_care: 'Intermediate care (beds and home)',
    cost_total: 'Total cost',
    long_term_care_weeks: 'Long-term care-home placement weeks',
    cost_long_term_care: 'Long-term care homes',
    idle_cost: 'Paid for idle capacity',
    cost_health: 'Paid by the NHS',
    cost_social_care: 'Paid by the council',
    budget: 'Budget',
    budget_spent_pct: 'Budget spent',
  };
  const SERVICE_MEASURES = [
    ['waited_pct_', 'share who waited'], ['wait_p95_days_', '95th percentile wait'],
    ['utilisation_pct_', 'utilisation'], ['occupancy_', 'in use (mean)'], ['queue_', 'people waiting (mean)'],
    ['wait_days_', 'mean wait'], ['capacity_', 'capacity (mean)'],
    // After the area's cost lines (labelled above): a service's cost, and its idle part.
    ['idle_cost_', 'paid for idle capacity'], ['cost_service_', 'cost'], ['cost_', 'cost'],
    ['nctr_bed_days_waiting_for_', 'NCTR bed days of those waiting for it'],
  ];
  function label(name) {
    if (METRIC_LABELS[name]) return METRIC_LABELS[name];
    for (const [prefix, what] of SERVICE_MEASURES) {
      if (name.startsWith(prefix)) return `${capitalised(serviceLabel(name.slice(prefix.length)))}: ${what}`;
    }
    return name;
  }
  function serviceLabel(name) { return name.replace(/_/g, ' '); }
  function capitalised(text) { return text.charAt(0).toUpperCase() + text.slice(1); }

  // Better Care Fund metrics and the national values to read them against
  // (ASCOF 2B(1) and 2A(2), the BCF metrics: docs/sources.md). A reference is
  // a national figure, not a local target.
  const BCF_METRICS = [
    { metric: 'at_home_91d_pct', better: 'higher', reference: 82,
      referenceLabel: 'England about 82%',
      source: 'ASCOF 2B(1), England about 82% from 2011-12 to 2019-20 (79% in 2020-21); Lancashire\u2019s 2014 target was 82%.' },
    { metric: 'care_home_admissions_65plus_per_100k', better: 'lower', reference: 584,
      referenceLabel: 'England 584 (2019-20)',
      source: 'ASCOF 2A(2), England 584 per 100,000 aged 65+ in 2019-20 (578 in 2018-19, 498 in 2020-21).' },
    { metric: 'discharge_to_usual_residence_pct', better: 'higher', reference: null,
      source: 'No national value: each area sets its own target (Herefordshire 2022-23: 91.6%).' },
    { metric: 'length_of_stay_14plus_pct', better: 'lower', reference: null,
      source: 'BCF 2021-22 length-of-stay metric; targets were set locally.' },
    { metric: 'length_of_stay_21plus_pct', better: 'lower', reference: null,
      source: 'BCF 2021-22 length-of-stay metric; targets were set locally.' },
    { metric: 'avoidable_admissions_per_100k', better: 'lower', reference: null,
      source: 'NHSOF 2.3.i is age- and sex-standardised; this crude rate is not comparable with it.' },
    { metric: 'falls_admissions_65plus_per_100k', better: 'lower', reference: null,
      source: 'BCF 2023-25 metric; the national figure is age-standardised, this rate is crude.' },
    { metric: 'mean_nctr_days_per_discharge', better: 'lower', reference: null,
      source: 'Discharge delay from the Discharge Ready Date (BCF 2025-26); no national value yet.' },
  ];
  // NICE QS173 statement 2: bed-based intermediate care starts within 2 days of referral.
  const WAIT_STANDARD_DAYS = 2;

  // -------------------------------------------------------------------------
  // Numbers as a board paper prints them.
  const numberFormats = {};
  function fmt(x, digits) {
    if (x === null || x === undefined || !isFinite(x)) return '\u2013';
    const d = digits !== undefined ? digits : Math.abs(x) >= 100 ? 0 : Math.abs(x) >= 10 ? 1 : 2;
    const key = String(d);
    if (!numberFormats[key]) {
      numberFormats[key] = new Intl.NumberFormat('en-GB', { minimumFractionDigits: d, maximumFractionDigits: d });
    }
    return numberFormats[key].format(x).replace(/^-/, '\u2212');
  }
  function money(x) {
    if (x === null || x === undefined || !isFinite(x)) return '\u2013';
    const v = Math.abs(x);
    const amount = v >= 1e9 ? `\u00a3${fmt(v / 1e9, 2)}bn` : v >= 1e6 ? `\u00a3${fmt(v / 1e6, v >= 1e8 ? 0 : 1)}m`
      : v >= 1e3 ? `\u00a3${fmt(v / 1e3, 0)}k` : `\u00a3${fmt(v, 0)}`;
    return (x < 0 && !isZero(amount) ? '\u2212' : '') + amount;
  }
  // A figure that shows as nought (\u00a30, 0.00) has no sign: a difference of
  // a few pence is not a fall.
  function isZero(text) { return !/[1-9]/.test(text); }
  function isMoney(name) { return name.startsWith('cost_') || name.startsWith('idle_cost') || name === 'budget'; }
  function isPct(name, unit) { return name.endsWith('_pct') || (unit || '').startsWith('%'); }
  function value(name, x, unit) {
    if (isMoney(name)) return money(x);
    if (isPct(name, unit)) return x === null || !isFinite(x) ? '\u2013' : `${fmt(x, 1)}%`;
    return fmt(x);
  }
  function signed(name, x, unit) {
    if (x === null || x === undefined || !isFinite(x)) return '\u2013';
    const text = isPct(name, unit) ? `${fmt(Math.abs(x), 1)} points` : value(name, Math.abs(x), unit);
    return (isZero(text) ? '' : x > 0 ? '+' : x < 0 ? '\u2212' : '') + text.replace(/^\u2212/, '');
  }
  function pct(x) { return x === null || x === undefined || !isFinite(x) ? '\u2013' : `${fmt(x * 100, x * 100 >= 10 ? 0 : 1)}%`; }
  function plural(n, word) { return `${n} ${word}${n === 1 ? '' : 's'}`; }

  // Axis labels: money in £m, percentages with %, counts grouped (millions as 1.2m).
  const COUNT_LABEL = "abs(datum.value) >= 1e6 ? format(datum.value / 1e6, ',.3~r') + 'm' : format(datum.value, ',~r')";
  function axisFor(kind) {
    if (kind === 'money') {
      return { labelExpr: "(datum.value < 0 ? '\u2212' : '') + '\u00a3' + (abs(datum.value) >= 1e9 ? format(abs(datum.value) / 1e9, ',.1~f') + 'bn' : format(abs(datum.value) / 1e6, ',.1~f') + 'm')" };
    }
    if (kind === 'pct') return { labelExpr: "format(datum.value, '~r') + '%'" };
    if (kind === 'days') return { format: ',.1~f' };
    return { labelExpr: COUNT_LABEL };
  }
  function tooltipFormat(kind) { return kind === 'money' ? ',.0f' : kind === 'pct' || kind === 'days' ? ',.2f' : ',.0f'; }
  function kindOf(name) {
    if (isMoney(name)) return 'money';
    if (isPct(name)) return 'pct';
    if (name.startsWith('nctr_bed_days')) return 'count';
    if (name.includes('wait') || name.includes('days_per')) return 'days';
    return 'count';
  }

  // -------------------------------------------------------------------------
  // The page.
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attributes || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') node.className = v; else node.setAttribute(k, v);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }
  function table(head, rows, numericFrom) {
    const from = numericFrom === undefined ? 1 : numericFrom;
    const cell = (tag, text, i) => el(tag, { class: i >= from ? 'num' : null }, text);
    return el('div', { class: 'table-wrap' },
      el('table', {},
        head ? el('thead', {}, el('tr', {}, head.map((h, i) => cell('th', h, i)))) : null,
        el('tbody', {}, rows.map((r) => el('tr', {}, r.map((c, i) => cell('td', c, i)))))));
  }

  const sections = [];
  function section(id, title, intro) {
    const s = el('section', { class: 'panel', id }, el('h2', {}, title), intro ? el('p', { class: 'lead' }, intro) : null);
    sections.push([id, title]);
    main.append(s);
    return s;
  }

  // Each chart: a heading, a one-sentence caption, and the chart. Drawing is
  // counted so a test (and a reader) can tell every chart was drawn.
  const charts = [];
  function chart(parent, title, caption, spec, options) {
    const holder = el('div', { class: 'chart', 'data-chart-status': 'pending' });
    const figure = el('figure', { class: 'figure' }, el('h3', {}, title), el('p', { class: 'caption' }, caption), holder);
    parent.append(figure);
    const full = { config: VEGA_CONFIG, ...spec };
    // Vega reports errors while it draws (after the chart is set up) to its logger.
    let problem = null;
    const fail = (message) => {
      if (problem !== null) return;
      problem = message;
      holder.dataset.chartStatus = 'failed';
      holder.append(el('p', { class: 'warning' }, `This chart could not be drawn: ${message}`));
    };
    let level = 0;
    const logger = {
      level(l) { if (l === undefined) return level; level = l; return logger; },
      error(...args) { fail(args.map((a) => (a && a.message) || String(a)).join(' ')); return logger; },
      warn() { return logger; }, info() { return logger; }, debug() { return logger; },
    };
    const drawn = vegaEmbed(holder, full, { mode: 'vega-lite', actions: false, renderer: 'svg', logger, ...(options || {}) })
      .then((result) => {
        if (problem !== null) return null;
        holder.dataset.chartStatus = 'drawn';
        return result.view;
      })
      .catch((error) => { fail(error.message); return null; });
    charts.push(drawn);
    return drawn;
  }
  function chartWidth(columns) {
    const inner = Math.max(320, Math.min(main.clientWidth || 900, 1000) - 72);
    const cols = columns || 1;
    return Math.floor((inner - (cols - 1) * 36) / cols) - (cols > 1 ? 30 : 70);
  }

  // -------------------------------------------------------------------------
  // Places, hospitals, health and wellbeing boards and ICPs: a scenario with
  // places reports each of them beside the whole area, and a commissioner
  // decides by place. The reader chooses the part the headline charts, cards
  // and tables show; each chart holds every part's rows and filters them by
  // its 'part' parameter, so a choice redraws without rebuilding the page.
  const AREA = 'area';
  // Each level in words: one of them, several, and short (for lists).
  const LEVELS = [
    { level: 'place', one: 'place', many: 'Places', short: ['place', 'places'] },
    { level: 'hospital', one: 'hospital', many: 'Hospitals', short: ['hospital', 'hospitals'] },
    { level: 'board', one: 'health and wellbeing board', many: 'Health and wellbeing boards', short: ['board', 'boards'] },
    { level: 'icp', one: 'integrated care partnership', many: 'Integrated care partnerships', short: ['ICP', 'ICPs'] },
  ];
  function partKey(p) { return `${p.level}:${p.id}`; }
  function levelOf(p) {
    return LEVELS.find((l) => l.level === p.level) || { level: p.level, one: p.level, many: capitalised(p.level), short: [p.level, p.level] };
  }
  // A board or an ICP is named like a place ("Sefton"): say which it is.
  function partName(p) {
    if (p.level === 'place' || p.level === 'hospital') return p.name;
    const one = levelOf(p).one;
    return new RegExp(`${one.split(' ').pop()}$|\\b(ICP|HWB)$`, 'i').test(p.name) ? p.name : `${p.name} ${one}`;
  }
  for (const s of scenarios) {
    s.byPart = { [AREA]: s.metrics };
    for (const p of s.parts || []) s.byPart[partKey(p)] = p.metrics;
  }
  // The parts to choose from: the run's, or those both scenarios have (paired).
  const parts = isPlan ? [] : isCompare ? (data.comparison.parts || []) : (first.parts || []);
  const hasParts = parts.length > 0;
  const differencesByPart = { [AREA]: isCompare ? data.comparison.metrics : null };
  for (const p of isCompare ? parts : []) differencesByPart[partKey(p)] = p.metrics;
  function partByKey(key) { return parts.find((p) => partKey(p) === key) || null; }
  // The rows of every part there is to choose (a scenario's others are left out).
  const partKeys = [AREA, ...parts.map(partKey)];
  function byPart(table) { return partKeys.filter((key) => table[key]).map((key) => [key, table[key]]); }
  function partHeading(key) { const p = partByKey(key); return p ? partName(p) : 'the whole area'; }
  // What a part counts (scenarios/README.md, "What each part reports").
  function partMeaning(key) {
    const p = partByKey(key);
    if (!p) return 'every resident of the area and every service.';
    const services = p.services.length ? p.services.map(serviceLabel).join(', ') : '';
    if (p.level === 'place') {
      return `its residents, wherever they were cared for${services ? `, and the services that belong to it or to a group it is in (${services})` : ''}.`;
    }
    if (p.level === 'hospital') {
      return `the patients admitted to it (rates per 100,000 of its catchment)${services ? `, and its discharge hub\u2019s services (${services})` : ''}.`;
    }
    return `the residents of ${wordList(p.places)}${services ? `, and their services (${services})` : ''}.`;
  }
  // "Coast, Hills and Town" (or, with 'or', "Coast, Hills or Town").
  function wordList(words, conjunction) {
    return words.length > 1 ? `${words.slice(0, -1).join(', ')} ${conjunction || 'and'} ${words[words.length - 1]}` : words.join('');
  }

  let partShown = AREA;
  const partViews = [];
  const partListeners = [];
  // fn(key) now and whenever the reader chooses another part.
  function whenPartChanges(fn) { partListeners.push(fn); fn(partShown); }
  function showPart(key) {
    partShown = key;
    for (const fn of partListeners) fn(key);
    document.documentElement.dataset.partShown = key;
    return Promise.all(partViews.map((v) => v.then((view) => view && view.signal('part', key).runAsync())));
  }
  // A chart of the part shown: its rows carry a 'part' field. Parts may
  // have panels of their own (each its own services): the chart's size is
  // worked out again whenever the part changes.
  function forPart(spec) {
    if (!hasParts) return spec;
    return { autosize: { type: 'pad', resize: true }, ...spec, params: [...(spec.params || []), { name: 'part', value: partShown }],
             transform: [{ filter: 'datum.part == part' }, ...(spec.transform || [])] };
  }
  function partChart(parent, title, caption, spec) {
    if (!hasParts) return chart(parent, title, caption, spec);
    const shown = el('span', { class: 'part-name' });
    const view = chart(parent, [title, shown], caption, forPart(spec));
    partViews.push(view);
    whenPartChanges((key) => { shown.textContent = `: ${partHeading(key)}`; });
    return view;
  }
  // The part's metrics in scenario s (null when s does not report it).
  function metricsOf(s, key) { return s.byPart[key] || null; }

  // -------------------------------------------------------------------------
  // Every metric and daily count is 0 or more: a chart cuts its interval at 0
  // (the tables give the interval as computed).
  function atLeastZero(x) { return x === null || x === undefined ? x : Math.max(0, x); }

  // Data for the charts: one row per (scenario, part, metric, year).
  function yearRows(names, scenarioList) {
    const rows = [];
    for (const s of scenarioList || scenarios) {
      for (const [part, metrics] of byPart(s.byPart)) {
        for (const name of names) {
          const m = metrics[name];
          if (!m) continue;
          years.forEach((year, i) => {
            if (m.mean[i] === null) return;
            rows.push({ year: String(year), metric: label(name), name, scenario: s.label, part,
                        mean: m.mean[i], low: atLeastZero(m.low[i]), high: m.high[i] });
          });
        }
      }
    }
    return rows;
  }
  // Small multiples: each panel its own y scale, and its own x axis (so an
  // empty cell at the end of the grid draws none).
  const FACET_RESOLVE = { scale: { y: 'independent' }, axis: { x: 'independent' } };
  const yearAxis = { field: 'year', type: 'ordinal', title: null,
                     axis: { labelAngle: 0, labelOverlap: 'greedy', labelSeparation: 4 } };
  function tooltip(kind, extra) {
    const f = tooltipFormat(kind);
    return [...(extra || []), { field: 'year', title: 'Year' },
      { field: 'mean', type: 'quantitative', title: 'Mean', format: f },
      { field: 'low', type: 'quantitative', title: '95% interval from', format: f },
      { field: 'high', type: 'quantitative', title: 'to', format: f }];
  }

  // A national reference value: a dashed line across the panel, labelled at its right.
  // One line per panel: the panel's rows are first reduced to one.
  function referenceLine(value, text) {
    const one = [{ aggregate: [{ op: 'count', as: 'rows' }] },
                 { calculate: String(value), as: 'reference' }, { calculate: JSON.stringify(text), as: 'referenceLabel' }];
    return [
      { transform: one, mark: { type: 'rule', color: REFERENCE_COLOUR, strokeDash: [6, 4], strokeWidth: 1.5 },
        encoding: { y: { field: 'reference', type: 'quantitative' } } },
      { transform: one, mark: { type: 'text', color: REFERENCE_COLOUR, align: 'right', baseline: 'bottom', dy: -3, fontSize: 11 },
        encoding: { y: { field: 'reference', type: 'quantitative' }, x: { value: 'width' }, text: { field: 'referenceLabel' } } },
    ];
  }

  // Lines by year with their 95% intervals: a band when there are enough
  // years to draw one, whiskers otherwise. Colour: the metric (one scenario)
  // or the scenario (two); facet: one panel per metric.
  function yearLines(names, opts) {
    const o = opts || {};
    const rows = yearRows(names);
    const kind = o.kind || kindOf(names[0]);
    const byScenario = isCompare;
    const facet = o.facet && names.length > 1;
    const colourField = byScenario ? 'scenario' : 'metric';
    const colourDomain = byScenario ? scenarios.map((s) => s.label) : names.map(label);
    const colour = !byScenario && facet ? { value: NHS.blue }
      : { field: colourField, type: 'nominal', title: null,
          scale: { domain: colourDomain, range: byScenario ? SCENARIO_COLOURS : PALETTE },
          legend: colourDomain.length > 1 ? {} : null };
    const y = { field: 'mean', type: 'quantitative', title: o.yTitle || null, axis: axisFor(kind),
                scale: { zero: o.zero !== undefined ? o.zero : true } };
    const interval = years.length >= 4
      ? { mark: { type: 'area', opacity: 0.16 }, encoding: { x: yearAxis, y: { field: 'low', type: 'quantitative' }, y2: { field: 'high' }, color: colour } }
      : { mark: { type: 'rule', strokeWidth: 1.5, opacity: 0.7 }, encoding: { x: yearAxis, y: { field: 'low', type: 'quantitative' }, y2: { field: 'high' }, color: colour } };
    const layers = [interval,
      { mark: { type: 'line', point: true }, encoding: { x: yearAxis, y, color: colour, tooltip: tooltip(kind, [{ field: colourField, title: byScenario ? 'Scenario' : 'Measure' }]) } }];
    for (const r of o.rules || []) layers.push(...referenceLine(r.value, r.label));
    if (facet) {
      const columns = Math.min(o.columns || 3, names.length);
      return { data: { values: rows }, columns,
               facet: { field: 'metric', type: 'nominal', sort: names.map(label), header: { title: null } },
               spec: { width: chartWidth(columns), height: o.height || 170, layer: layers },
               resolve: FACET_RESOLVE };
    }
    return { data: { values: rows }, width: chartWidth(1), height: o.height || 260, layer: layers };
  }

  // Bars by year with whiskers; one panel per metric (independent scales);
  // two scenarios side by side in each year.
  function yearBars(names, opts) {
    const o = opts || {};
    const rows = yearRows(names);
    const columns = Math.min(o.columns || 2, names.length);
    const kind = o.kind || kindOf(names[0]);
    const x = { ...yearAxis, scale: { paddingInner: 0.25 } };
    const xOffset = isCompare ? { xOffset: { field: 'scenario', type: 'nominal', sort: scenarios.map((s) => s.label) } } : {};
    const colour = isCompare
      ? { field: 'scenario', type: 'nominal', title: null, scale: { domain: scenarios.map((s) => s.label), range: SCENARIO_COLOURS } }
      : { value: NHS.blue };
    const layers = [
      { mark: { type: 'bar', width: { band: isCompare ? 0.9 : 0.7 } }, encoding: { x, ...xOffset, y: { field: 'mean', type: 'quantitative', title: null, axis: axisFor(kind) }, color: colour,
        tooltip: tooltip(kind, [{ field: 'metric', title: 'Measure' }, { field: 'scenario', title: 'Scenario' }]) } },
      { mark: { type: 'rule', color: NHS.text, strokeWidth: 1.2 }, encoding: { x, ...xOffset, y: { field: 'low', type: 'quantitative' }, y2: { field: 'high' } } },
    ];
    return { data: { values: rows }, columns,
             facet: { field: 'metric', type: 'nominal', sort: names.map(label), header: { title: null } },
             spec: { width: chartWidth(columns), height: o.height || 160, layer: layers },
             resolve: FACET_RESOLVE };
  }

  // -------------------------------------------------------------------------
  // Sections.
  function cardLabel(name, unit) {
    // "% of BCF pooled budget": say which budget.
    if (name === 'budget_spent_pct' && unit) return `${capitalised(unit.replace(/^% of /, ''))} spent`;
    return label(name) + (kindOf(name) === 'days' ? ' (days)' : '');
  }
  function renderAtAGlance() {
    const s = section('at-a-glance', isCompare ? `At a glance: B against A in ${lastYear}` : `At a glance: ${lastYear}`);
    const cards = el('div', { class: 'cards' });
    s.append(cards);
    whenPartChanges((key) => cards.replaceChildren(...glanceCards(key)));
    // What the change costs beside what it buys, in a sentence (the figures in full under "What the change costs").
    if (isCompare) {
      const summary = el('div');
      s.append(summary);
      whenPartChanges((key) => summary.replaceChildren(costAndDelaySummary(key, changedServices())));
    }
    s.append(el('p', { class: 'note' },
      isCompare
        ? `Both scenarios were run with the same ${data.replications} sets of random numbers (the same patients arrive with the same needs), so B \u2212 A is measured more sharply than two separate runs would allow. A difference whose 95% interval includes zero is not clearly a difference.`
        : `Every figure is the mean of ${data.replications} simulated replications; a 95% interval says how far the mean could move with more replications. Shaded bands and whiskers on the charts are those intervals.`));
  }
  // The cards: demand, delay, waits, an outcome and what the area pays, with
  // its idle part; in a comparison, beside them, the cost of each service B
  // commissions differently (what the change buys is the delay it saves);
  // with a budget, the share of it spent.
  function glancePicks() {
    return ['admissions', 'nctr_bed_days', 'mean_wait_days_p1', 'mean_wait_days_p2', 'at_home_91d_pct', 'cost_total', 'idle_cost',
      ...changedServices().map((sv) => sv.cost_metric), 'budget_spent_pct'];
  }
  // The cards of one part (the whole area, a place, ...).
  function glanceCards(key) {
    const cards = [];
    const last = years.length - 1;
    for (const name of glancePicks()) {
      if (isCompare) {
        const c = differencesByPart[key][name];
        const a = metricsOf(first, key), b = metricsOf(scenarios[1], key);
        if (!c || !a || !b || !a[name] || !b[name]) continue;
        const d = { mean: c.difference.mean[last], low: c.difference.low[last], high: c.difference.high[last] };
        const clear = d.low > 0 || d.high < 0;
        const ma = a[name].mean[last], mb = b[name].mean[last];
        cards.push(el('div', { class: `card${clear ? '' : ' card-unclear'}` },
          el('p', { class: 'card-label' }, cardLabel(name, c.unit)),
          el('p', { class: 'card-value' }, signed(name, d.mean)),
          el('p', { class: 'card-detail' }, `95% interval ${signed(name, d.low)} to ${signed(name, d.high)}`),
          el('p', { class: 'card-detail' }, `A ${value(name, ma)}, B ${value(name, mb)}${clear ? '' : '; no clear difference'}`)));
      } else {
        const m = metricsOf(first, key)[name];
        if (!m) continue;
        const change = years.length > 1 && m.mean[0] ? (m.mean[last] - m.mean[0]) / Math.abs(m.mean[0]) : null;
        cards.push(el('div', { class: 'card' },
          el('p', { class: 'card-label' }, cardLabel(name, m.unit)),
          el('p', { class: 'card-value' }, value(name, m.mean[last])),
          el('p', { class: 'card-detail' }, `95% interval ${value(name, m.low[last])} to ${value(name, m.high[last])}`),
          change !== null ? el('p', { class: 'card-detail' }, `${change >= 0 ? '+' : '\u2212'}${pct(Math.abs(change))} since ${firstYear}`) : null));
      }
    }
    return cards;
  }

  // What B's changes cost and what they buy, for the part shown: the
  // capacity, cost and idle cost of each service B commissions differently,
  // what the area pays in all and who pays it, and the delays and waits they
  // save, B - A with the paired 95% intervals. What a commissioner who moved
  // a lever asks first: what does it cost, and what does it buy?
  const PAID_METRICS = ['cost_total', 'idle_cost', 'cost_health', 'cost_social_care', 'budget_spent_pct'];
  const DELAY_METRICS = ['nctr_bed_days', 'acute_bed_days', 'mean_nctr_days_per_discharge', 'mean_wait_days_p1',
    'mean_wait_days_p2', 'mean_wait_days_p3'];
  function renderCostAndDelay() {
    const changed = changedServices();
    const them = wordList(changed.map((sv) => serviceLabel(sv.name)));
    const s = section('cost-and-delay', 'What the change costs and what it buys',
      `${changed.length ? `B commissions ${them} differently from A (capacity, contract, price or funder).` : 'B commissions every service as A does.'} ` +
      `What the area pays and the delays and waits, B \u2212 A in ${lastYear} and summed over ${firstYear}\u2013${lastYear}, with the 95% intervals of the ${data.replications} paired replications.`);
    const holder = el('div');
    s.append(holder);
    whenPartChanges((key) => holder.replaceChildren(...costAndDelay(key, changed)));
  }
  function costAndDelay(key, changed) {
    const groups = [
      ['The services B commissions differently', changed.flatMap((sv) => [`capacity_${sv.name}`, sv.cost_metric, sv.idle_cost_metric])],
      ['What the area pays', PAID_METRICS],
      ['What it buys: delays and waits', [...DELAY_METRICS, ...changed.map((sv) => `wait_days_${sv.name}`)]],
    ];
    const out = [];
    for (const [title, names] of groups) {
      if (!names.some((name) => differencesByPart[key][name])) continue;
      out.push(el('h3', {}, title), comparisonTable(key, names));
    }
    return out;
  }
  // "In 2027, B against A: rehab beds cost +£2.5m [+£2.5m, +£2.5m]; ..."
  function costAndDelaySummary(key, changed) {
    const diffs = differencesByPart[key];
    const last = years.length - 1;
    const said = (name, words) => (diffs[name] ? `${words} ${differenceText(name, diffs[name].difference, last, diffs[name].unit)}` : null);
    const facts = [...changed.map((sv) => said(sv.cost_metric, `${serviceLabel(sv.name)} cost`)),
      said('cost_total', 'the area\u2019s total cost'), said('nctr_bed_days', 'NCTR (delayed) bed days'),
      said('mean_wait_days_p1', 'the wait for pathway 1 (days)'), said('mean_wait_days_p2', 'for pathway 2'),
      said('mean_wait_days_p3', 'for pathway 3')].filter(Boolean);
    return el('p', { class: 'lead cost-and-delay-summary' }, `In ${lastYear}, B against A: ${facts.join('; ')}.`);
  }

  // B - A each year for the measures a board asks about, with the paired 95% interval.
  const DIFFERENCE_METRICS = ['admissions', 'step_up_diversions', 'acute_bed_days', 'nctr_bed_days', 'ic_bed_days',
    'short_term_care_bed_days', 'home_ic_care_hours', 'mean_wait_days_p1', 'mean_wait_days_p2', 'mean_wait_days_p3',
    'at_home_91d_pct', 'cost_total'];
  function differenceLabel(name) {
    return label(name) + (kindOf(name) === 'days' ? ' (days)' : isPct(name) ? ' (points)' : isMoney(name) ? ' (\u00a3)' : '');
  }
  function renderDifferences() {
    const s = section('differences', 'B against A, year by year',
      `How much B differs from A each year, with the 95% interval of the difference from the ${data.replications} paired replications; an interval that crosses the zero line is not a clear difference.`);
    const names = [...DIFFERENCE_METRICS, 'idle_cost', ...changedServices().map((sv) => sv.cost_metric)]
      .filter((n) => data.comparison.metrics[n]);
    const rows = [];
    for (const [part, metrics] of byPart(differencesByPart)) {
      for (const name of names) {
        if (!metrics[name]) continue;
        const d = metrics[name].difference;
        years.forEach((year, i) => {
          if (d.mean[i] === null) return;
          const clear = d.low[i] > 0 || d.high[i] < 0;
          rows.push({ year: String(year), metric: differenceLabel(name), part,
                      mean: d.mean[i], low: d.low[i], high: d.high[i], clear: clear ? 'clear difference' : 'no clear difference' });
        });
      }
    }
    const columns = 3;
    const colour = { field: 'clear', type: 'nominal', title: null,
                     scale: { domain: ['clear difference', 'no clear difference'], range: [NHS.blue, NHS.midGrey] } };
    const f = ',.2~f';
    partChart(s, 'B \u2212 A by year',
      'Each panel: B\u2019s mean less A\u2019s in each year (dot) and its 95% interval (whisker); blue where the interval leaves out zero.',
      { data: { values: rows }, columns,
        facet: { field: 'metric', type: 'nominal', sort: names.map(differenceLabel), header: { title: null } },
        spec: { width: chartWidth(columns), height: 130, layer: [
          { mark: { type: 'rule', color: NHS.text, strokeWidth: 1 }, encoding: { y: { datum: 0, type: 'quantitative' } } },
          { mark: { type: 'rule', strokeWidth: 2 }, encoding: { x: yearAxis, y: { field: 'low', type: 'quantitative', title: null, axis: { labelExpr: COUNT_LABEL } }, y2: { field: 'high' }, color: colour } },
          { mark: { type: 'point', filled: true, size: 50 }, encoding: { x: yearAxis, y: { field: 'mean', type: 'quantitative' }, color: colour,
            tooltip: [{ field: 'metric', title: 'Measure' }, { field: 'year', title: 'Year' },
                      { field: 'mean', type: 'quantitative', title: 'B \u2212 A', format: f },
                      { field: 'low', type: 'quantitative', title: '95% interval from', format: f },
                      { field: 'high', type: 'quantitative', title: 'to', format: f }] } },
        ] },
        resolve: FACET_RESOLVE });
  }

  // The choice of part: a bar that stays at the top of the window while the
  // reader scrolls through the sections it changes. A link may name the part
  // to open on (report.html#part=place:north).
  function renderPartChooser() {
    if (!hasParts) return;
    const select = el('select', { id: 'part-choice' },
      el('option', { value: AREA }, 'The whole area'),
      LEVELS.map((l) => {
        const list = parts.filter((p) => p.level === l.level);
        return list.length ? el('optgroup', { label: l.many }, list.map((p) => el('option', { value: partKey(p) }, partName(p)))) : null;
      }));
    const meaning = el('span', { class: 'part-meaning' });
    main.append(el('div', { class: 'panel part-chooser' },
      el('p', { class: 'control' }, el('label', { for: 'part-choice' }, 'Results for '), select, ' ', meaning)));
    whenPartChanges((key) => { meaning.textContent = `${capitalised(partHeading(key))}: ${partMeaning(key)}`; });
    document.documentElement.dataset.partShown = partShown;
    select.addEventListener('change', () => {
      const key = select.value;
      try { history.replaceState(null, '', key === AREA ? location.pathname + location.search : `#part=${encodeURIComponent(key)}`); } catch (e) { /* a page opened from disk may refuse */ }
      partChange = showPart(key);
    });
    const asked = /^#part=(.+)$/.exec(location.hash);
    const key = asked ? decodeURIComponent(asked[1]) : null;
    if (key && partByKey(key)) {
      // Once the charts are first drawn, as if the reader had chosen it.
      openingPart = () => { select.value = key; select.dispatchEvent(new Event('change')); return partChange; };
    }
  }
  let partChange = Promise.resolve();
  let openingPart = null;

  // The headline measures of each place side by side, and of each hospital
  // (board, ICP) where there are several: a panel per measure, a line per part.
  const PART_METRICS = ['admissions', 'nctr_bed_days', 'mean_nctr_days_per_discharge', 'mean_wait_days_p1',
    'mean_wait_days_p2', 'mean_wait_days_p3', 'ic_bed_days', 'cost_total'];
  function unitLabel(name) {
    return label(name) + (kindOf(name) === 'days' ? ' (days)' : isPct(name) ? ' (%)' : isMoney(name) ? ' (\u00a3)' : '');
  }
  // The levels worth setting side by side: two or more parts, and boards and
  // ICPs only where one groups several places (else they are the places).
  function levelsSideBySide() {
    return LEVELS.map((l) => ({ ...l, list: parts.filter((p) => p.level === l.level) }))
      .filter((l) => l.list.length >= 2 && (l.level === 'place' || l.level === 'hospital' || l.list.some((p) => p.places.length > 1)));
  }
  // "places, hospitals and boards" (several), "place, hospital or board" (one).
  function levelWords(levels, one) { return wordList(levels.map((l) => l.short[one ? 0 : 1]), one ? 'or' : 'and'); }
  function renderPlaces() {
    const levels = levelsSideBySide();
    if (!levels.length) return;
    const s = section('places', `${capitalised(levelWords(levels))} side by side`,
      'Each place\u2019s residents wherever they were cared for; each hospital\u2019s admitted patients; each board\u2019s or partnership\u2019s places together. They add up to the area. Delays are local: an area-wide figure can hide one place\u2019s shortfall.');
    const last = years.length - 1;
    for (const l of levels) {
      const names = PART_METRICS.filter((n) => l.list.some((p) => p.metrics[n]));
      chart(s, `${l.many} side by side`,
        `Each panel a measure on its own scale, ${years.length < 4 ? 'a dot and its 95% interval' : 'a line and its 95% interval'} for each ${l.one}.`,
        sideBySide(l, names));
      s.append(el('h3', {}, `${l.many} in ${lastYear}`));
      s.append(partsTable(l, names, unitLabel, (name, m) =>
        intervalCell(...[m.mean[last], m.low[last], m.high[last]].map((x) => value(name, x, m.unit)))));
    }
  }
  // A panel per measure, each part in its colour: dots and whiskers set apart
  // within each year when there are few years, lines and bands otherwise.
  function sideBySide(l, names) {
    const rows = [];
    for (const p of l.list) {
      for (const name of names) {
        const m = p.metrics[name];
        if (!m) continue;
        years.forEach((year, i) => {
          if (m.mean[i] === null) return;
          rows.push({ year: String(year), metric: unitLabel(name), part: partName(p),
                      mean: m.mean[i], low: atLeastZero(m.low[i]), high: m.high[i] });
        });
      }
    }
    const domain = l.list.map(partName);
    const colour = { field: 'part', type: 'nominal', title: null, scale: { domain, range: PALETTE } };
    const few = years.length < 4;
    const offset = few ? { xOffset: { field: 'part', type: 'nominal', sort: domain } } : {};
    const interval = { x: yearAxis, ...offset, y: { field: 'low', type: 'quantitative' }, y2: { field: 'high' }, color: colour };
    const f = ',.2~f';
    const layers = [
      { mark: few ? { type: 'rule', strokeWidth: 1.5 } : { type: 'area', opacity: 0.14 }, encoding: interval },
      { mark: few ? { type: 'point', filled: true, size: 50 } : { type: 'line', point: true },
        encoding: { x: yearAxis, ...offset, y: { field: 'mean', type: 'quantitative', title: null, axis: { labelExpr: COUNT_LABEL } }, color: colour,
                    tooltip: [{ field: 'part', title: capitalised(l.one) }, { field: 'metric', title: 'Measure' }, { field: 'year', title: 'Year' },
                              { field: 'mean', type: 'quantitative', title: 'Mean', format: f },
                              { field: 'low', type: 'quantitative', title: '95% interval from', format: f },
                              { field: 'high', type: 'quantitative', title: 'to', format: f }] } },
    ];
    const columns = 2;
    return { data: { values: rows }, columns,
             facet: { field: 'metric', type: 'nominal', sort: names.map(unitLabel), header: { title: null } },
             spec: { width: chartWidth(columns), height: 150, layer: layers },
             resolve: FACET_RESOLVE };
  }
  // A figure and, below it, its 95% interval; the interval may wrap between
  // its ends, never within one.
  function intervalCell(mean, low, high) {
    return el('span', {}, mean, el('br'), el('span', { class: 'interval' }, el('span', {}, low), ' to ', el('span', {}, high)));
  }
  // A row per part of the level, a column per measure: cell(name, metric).
  // Narrow columns: the intervals wrap, so eight measures fit a printed page.
  function partsTable(l, names, heading, cell) {
    const t = table([capitalised(l.one), ...names.map(heading)],
      l.list.map((p) => [partName(p), ...names.map((name) => (p.metrics[name] ? cell(name, p.metrics[name]) : '\u2013'))]), 1);
    t.classList.add('parts-table');
    return t;
  }

  // B - A in the last year for each place (hospital, board, ICP) that both
  // scenarios have: which place's waits and delays fall, with paired intervals.
  function renderPlaceDifferences() {
    const levels = levelsSideBySide();
    if (!levels.length) return;
    const s = section('places', `${capitalised(levelWords(levels))}: B against A`,
      `How much B differs from A in ${lastYear} for each ${levelWords(levels, true)}, with the 95% interval of the difference from the ${data.replications} paired replications; an interval that crosses zero is not a clear difference. Choose one under \u201cResults for\u201d to see its differences year by year.`);
    const last = years.length - 1;
    for (const l of levels) {
      const names = PART_METRICS.filter((n) => l.list.some((p) => p.metrics[n]));
      chart(s, `B \u2212 A in ${lastYear}, ${l.many.toLowerCase()}`,
        `Each panel: B\u2019s mean less A\u2019s for each ${l.one} (dot) and its 95% interval (whisker); blue where the interval leaves out zero; left of the line, B is lower.`,
        lastYearDifferences(l, names));
      s.append(el('h3', {}, `${l.many} in ${lastYear}: B \u2212 A and its 95% interval`));
      const d = (c) => c.difference;
      s.append(partsTable(l, names, differenceLabel, (name, c) =>
        intervalCell(...[d(c).mean[last], d(c).low[last], d(c).high[last]].map((x) => signed(name, x, c.unit)))));
    }
  }
  // A panel per measure, a row per part: B - A as a dot and its whisker.
  function lastYearDifferences(l, names) {
    const last = years.length - 1;
    const rows = [];
    for (const p of l.list) {
      for (const name of names) {
        const c = p.metrics[name];
        if (!c || c.difference.mean[last] === null) continue;
        const d = c.difference;
        const clear = d.low[last] > 0 || d.high[last] < 0;
        rows.push({ part: partName(p), metric: differenceLabel(name), mean: d.mean[last], low: d.low[last], high: d.high[last],
                    clear: clear ? 'clear difference' : 'no clear difference' });
      }
    }
    const domain = l.list.map(partName);
    const y = { field: 'part', type: 'nominal', title: null, sort: domain, axis: { labelLimit: 220 } };
    const colour = { field: 'clear', type: 'nominal', title: null,
                     scale: { domain: ['clear difference', 'no clear difference'], range: [NHS.blue, NHS.midGrey] } };
    const f = ',.2~f';
    const columns = 2;
    return { data: { values: rows }, columns,
             facet: { field: 'metric', type: 'nominal', sort: names.map(differenceLabel), header: { title: null } },
             spec: { width: chartWidth(columns), height: Math.max(60, 26 * domain.length), layer: [
               { mark: { type: 'rule', color: NHS.text, strokeWidth: 1 }, encoding: { x: { datum: 0, type: 'quantitative' } } },
               { mark: { type: 'rule', strokeWidth: 2 }, encoding: { y, x: { field: 'low', type: 'quantitative', title: null, axis: { labelExpr: COUNT_LABEL } }, x2: { field: 'high' }, color: colour } },
               { mark: { type: 'point', filled: true, size: 60 }, encoding: { y, x: { field: 'mean', type: 'quantitative' }, color: colour,
                 tooltip: [{ field: 'part', title: capitalised(l.one) }, { field: 'metric', title: 'Measure' },
                           { field: 'mean', type: 'quantitative', title: 'B \u2212 A', format: f },
                           { field: 'low', type: 'quantitative', title: '95% interval from', format: f },
                           { field: 'high', type: 'quantitative', title: 'to', format: f }] } },
             ] },
             // Each measure its own x scale; the parts named in every panel.
             resolve: { scale: { x: 'independent' }, axis: { y: 'independent' } } };
  }

  function renderDemand() {
    const s = section('demand', 'Demand and admissions',
      'Residents in each age band generate would-be emergency admissions; the urgent community response cares for some at home (step-up) and the rest are admitted.');
    partChart(s, 'Would-be admissions, admissions and step-up by year',
      `People arriving as emergencies, those admitted to an acute bed, and those cared for by step-up instead, each year from ${firstYear} to ${lastYear}.`,
      yearLines(['would_be_admissions', 'admissions', 'step_up_diversions'], { facet: true, columns: 3 }));
    partChart(s, 'Discharges by pathway',
      'Discharges from acute beds each year to home with support (pathway 1), a bed-based service (pathway 2) and a care-home assessment (pathway 3).',
      yearLines(['discharges_p1', 'discharges_p2', 'discharges_p3'], { facet: true, columns: 3 }));
  }

  function renderBedDays() {
    const s = section('bed-days', 'Bed days by setting',
      'Bed days are the beds in use added up over the year; care hours are the hours of home-based intermediate care delivered.');
    partChart(s, 'Bed days and care hours by setting and year',
      'Each setting on its own scale: acute beds (all days), the delayed (NCTR) part of them, intermediate care beds, short-term care beds, and home-based care hours; whiskers are 95% intervals.',
      yearBars(['acute_bed_days', 'nctr_bed_days', 'ic_bed_days', 'short_term_care_bed_days', 'home_ic_care_hours'], { columns: 3 }));
  }

  // Why people wait: each NCTR bed day's reason, in the order of NHS
  // England's discharge situation report (assessment first, then waits for
  // services, then for long-term care).
  const NCTR_REASONS = ['nctr_bed_days_hub', 'nctr_bed_days_discharge_window', 'nctr_bed_days_waiting_p1',
                        'nctr_bed_days_waiting_p2', 'nctr_bed_days_waiting_p3', 'nctr_bed_days_waiting_home_care',
                        'nctr_bed_days_waiting_care_home'];
  const NCTR_REASON_COLOURS = [NHS.midGrey, '#AEB7BD', NHS.aqua, NHS.lightBlue, NHS.darkBlue, NHS.warmYellow, NHS.darkPink];
  function renderDelays() {
    const s = section('delays', 'Delays: NCTR bed days and waits',
      'A patient who no longer meets the criteria to reside (NCTR) waits in the acute bed while the transfer-of-care hub assesses them and arranges their discharge, for the service on their pathway to have a place, and for a discharge day and hour.');
    partChart(s, 'NCTR (delayed) bed days by year',
      'Acute bed days after patients no longer met the criteria to reside, with the 95% interval.',
      yearLines(['nctr_bed_days', 'mean_nctr_days_per_discharge'], { facet: true, columns: 2 }));
    if (NCTR_REASONS.every((name) => first.metrics[name]))
      partChart(s, 'Why people wait',
        `Each NCTR bed day by its one reason, stacked to the year's NCTR bed days: the hub's assessment and arranging, the wait for a discharge day or hour, and the waits for a place in intermediate care (by pathway) and in long-term care${isCompare ? '; for A and for B' : ''}. Capacity shortens only the waits.`,
        stackedCosts(NCTR_REASONS, NCTR_REASON_COLOURS, 'Reason', 'count'));
    partChart(s, 'Mean wait for a place, by pathway',
      `Days from ready to leave to a place in each pathway\u2019s service, with 95% intervals; the dashed line is NICE QS173\u2019s ${WAIT_STANDARD_DAYS} days for bed-based intermediate care to start (a national standard).`,
      yearLines(['mean_wait_days_p1', 'mean_wait_days_p2', 'mean_wait_days_p3'], {
        kind: 'days', yTitle: 'days', facet: isCompare, columns: 3,
        rules: [{ value: WAIT_STANDARD_DAYS, label: `NICE QS173: ${WAIT_STANDARD_DAYS} days` }] }));
  }

  // Day by day: the census at each midnight of one projected year, chosen by the reader.
  function dayRows(daily, scenarioLabel, kinds) {
    const rows = [];
    const n = daily.days;
    const perYear = Math.max(1, Math.round(n / years.length));
    const start = Date.UTC(firstYear, 0, 1);
    const push = (series, panel, measure, values) => {
      if (!values) return;
      for (let d = 0; d < n; ++d) {
        rows.push({ date: start + d * 86400000, year: firstYear + Math.floor(d / perYear), panel, measure,
                    scenario: scenarioLabel, mean: values.mean[d],
                    low: values.low ? atLeastZero(values.low[d]) : null, high: values.high ? values.high[d] : null });
      }
    };
    kinds(push, daily);
    return rows;
  }
  function winterRows() {
    // December to March, the NHS's winter, shaded in every projected year's window.
    const rows = [];
    const n = first.daily.days;
    const perYear = Math.max(1, Math.round(n / years.length));
    const start = Date.UTC(firstYear, 0, 1);
    years.forEach((year, k) => {
      const from = start + k * perYear * 86400000, to = start + (k + 1) * perYear * 86400000;
      for (const y of [year - 1, year]) {
        const a = Math.max(from, Date.UTC(y, 11, 1)), b = Math.min(to, Date.UTC(y + 1, 3, 1));
        if (a < b) rows.push({ year, start: a, end: b });
      }
    });
    return rows;
  }
  function renderThroughTheYear() {
    if (!first.daily || !first.daily.days) return;
    const s = section('through-the-year', 'Through the year',
      `The census at each midnight, day by day, as the mean of the replications${isCompare ? ' (their intervals are in the run reports of A and B)' : ''}: how full each service is against its capacity, and how many people wait. Winter (December to March) is shaded.${hasParts ? ' The acute census and the queues are the whole area\u2019s; a place, hospital or board chosen above shows the services that belong to it.' : ''}`);
    const views = [];
    let shown = firstYear;
    const select = el('select', { id: 'year-choice' }, years.map((y) => el('option', { value: y }, y)));
    const yearNote = el('span', { class: 'year-shown' }, `Showing ${shown}.`);
    s.append(el('p', { class: 'control' }, el('label', { for: 'year-choice' }, 'Year shown '), select, ' ', yearNote));
    select.addEventListener('change', () => {
      shown = Number(select.value);
      yearNote.textContent = `Showing ${shown}.`;
      for (const v of views) v.then((view) => view && view.signal('year', shown).runAsync());
    });

    const winter = winterRows();
    const x = { field: 'date', type: 'temporal', title: null, scale: { type: 'utc' },
                axis: { labelExpr: "utcFormat(datum.value, '%b')", tickCount: { interval: 'month', step: 1 }, labelAngle: 0 } };
    const dailySpec = (rows, colour, dash, unitTitle) => ({
      params: [{ name: 'year', value: firstYear }],
      width: chartWidth(1), height: 190,
      config: { ...VEGA_CONFIG, legend: { ...VEGA_CONFIG.legend, symbolType: 'stroke', symbolOpacity: 1, symbolStrokeWidth: 2.5 } },
      layer: [
        { data: { values: winter }, transform: [{ filter: 'datum.year == year' }],
          mark: { type: 'rect', color: '#D9E8F5', opacity: 0.6 },
          encoding: { x: { ...x, field: 'start' }, x2: { field: 'end' } } },
        // Two scenarios' bands would hide each other: a comparison draws the means.
        ...(isCompare ? [] : [{ data: { values: rows }, transform: [{ filter: 'datum.year == year && isValid(datum.low)' }],
          mark: { type: 'area', opacity: 0.18 },
          encoding: { x, y: { field: 'low', type: 'quantitative' }, y2: { field: 'high' }, color: colour, detail: { field: 'measure' } } }]),
        { data: { values: rows }, transform: [{ filter: 'datum.year == year' }],
          mark: { type: 'line', strokeWidth: 1.6, interpolate: 'step-after' },
          encoding: { x, y: { field: 'mean', type: 'quantitative', title: unitTitle, axis: { labelExpr: COUNT_LABEL } }, color: colour,
                      strokeDash: dash, detail: { field: 'measure' },
                      tooltip: [{ field: 'date', type: 'temporal', timeUnit: 'utcyearmonthdate', title: 'Day', format: '%e %b %Y' },
                                { field: 'measure', title: 'Measure' }, { field: 'scenario', title: 'Scenario' },
                                { field: 'mean', type: 'quantitative', title: 'Mean', format: ',.1f' }] } },
      ],
    });
    const scenarioColour = { field: 'scenario', type: 'nominal', title: null,
                             scale: { domain: scenarios.map((c) => c.label), range: SCENARIO_COLOURS } };

    // Acute beds.
    let acute = [];
    for (const sc of scenarios) {
      acute = acute.concat(dayRows(sc.daily, sc.label, (push, d) => {
        push('acute', 'acute', 'Acute inpatients', d.acute_inpatients);
        push('acute', 'acute', 'No longer meeting the criteria to reside (NCTR)', d.nctr_inpatients);
      }));
    }
    const acuteMeasures = ['Acute inpatients', 'No longer meeting the criteria to reside (NCTR)'];
    views.push(chart(s, 'Acute beds',
      `Patients in acute beds at midnight, and those among them who no longer meet the criteria to reside (dashed${isCompare ? '' : ', with 95% intervals'}).`,
      dailySpec(acute,
        isCompare ? scenarioColour : { field: 'measure', type: 'nominal', title: null, scale: { domain: acuteMeasures, range: [NHS.blue, NHS.orange] } },
        isCompare ? { field: 'measure', type: 'nominal', title: null, scale: { domain: acuteMeasures, range: [[1, 0], [5, 3]] } } : { value: [1, 0] },
        'patients')));

    // Each service: in use against capacity.
    const names = [];
    for (const sc of scenarios) for (const sv of sc.daily.services) if (!names.includes(sv.name)) names.push(sv.name);
    for (const name of names) {
      let rows = [];
      let unit = '';
      for (const sc of scenarios) {
        const sv = sc.daily.services.find((x) => x.name === name);
        if (!sv) continue;
        unit = sv.unit;
        rows = rows.concat(dayRows(sc.daily, sc.label, (push) => {
          push(name, name, 'In use', sv.in_use);
          push(name, name, 'Capacity', sv.capacity);
        }));
      }
      const measures = ['In use', 'Capacity'];
      views.push(chart(s, `In use and capacity: ${serviceLabel(name)}`,
        `The ${unit} of ${serviceLabel(name)} in use at each midnight${isCompare ? '' : ', with the 95% interval,'} against the capacity there was (dashed).`,
        dailySpec(rows,
          isCompare ? scenarioColour : { field: 'measure', type: 'nominal', title: null, scale: { domain: measures, range: [NHS.blue, NHS.darkGrey] } },
          { field: 'measure', type: 'nominal', title: null, scale: { domain: measures, range: [[1, 0], [5, 3]] }, legend: isCompare ? {} : null },
          unit)));
      // A place, hospital or board shows the services it owns (the whole area: all).
      const figure = s.lastChild;
      if (hasParts) whenPartChanges((key) => { const p = partByKey(key); figure.hidden = p !== null && !p.services.includes(name); });
    }

    // Queues.
    let queues = [];
    for (const sc of scenarios) {
      for (const sv of sc.daily.services) {
        queues = queues.concat(dayRows(sc.daily, sc.label, (push) => push(sv.name, sv.name, serviceLabel(sv.name), sv.waiting)));
      }
    }
    const serviceNames = names.map(serviceLabel);
    views.push(chart(s, 'People waiting for each service',
      `People waiting for a place at each midnight, in an acute bed or (for step-up) in the community${isCompare ? '' : ', with 95% intervals'}.`,
      dailySpec(queues,
        isCompare ? scenarioColour : { field: 'measure', type: 'nominal', title: null, scale: { domain: serviceNames, range: PALETTE } },
        isCompare ? { field: 'measure', type: 'nominal', title: null, scale: { domain: serviceNames, range: [[1, 0], [5, 3], [2, 2], [8, 3, 2, 3]] } } : { value: [1, 0] },
        'people')));
  }

  // -------------------------------------------------------------------------
  // What the area pays: the five settings to the total, who pays it, each
  // service's cost with the part paid for capacity nobody used, and the
  // budget the spend is set against.
  const COST_SETTINGS = ['cost_acute', 'cost_ic_beds', 'cost_home_ic', 'cost_short_term_care', 'cost_long_term_care'];
  const COST_COLOURS = [NHS.darkBlue, NHS.lightBlue, NHS.aqua, NHS.warmYellow, NHS.darkPink];
  const FUNDERS = ['cost_health', 'cost_social_care'];
  const FUNDER_COLOURS = [NHS.blue, NHS.green];
  const USES = ['Capacity used', 'Idle capacity (paid for, not used)'];
  const USE_COLOURS = [NHS.blue, NHS.orange];

  // Every service of the scenarios, each once: A's, then any only B has.
  function allServices() {
    const list = [];
    for (const sc of scenarios) for (const sv of sc.inputs.services) if (!list.some((x) => x.name === sv.name)) list.push(sv);
    return list;
  }
  // The services B commissions differently from A (capacity, contract, price or funder), as A has them.
  function changedServices() {
    const names = isCompare ? data.comparison.changed_services || [] : [];
    return names.map((name) => first.inputs.services.find((sv) => sv.name === name)).filter(Boolean);
  }
  function contractText(sv) {
    const c = sv.contract || { kind: 'spot' };
    if (c.kind === 'block') return 'block';
    if (c.kind === 'block_and_spot') return `block of ${fmt(c.block, 0)} ${sv.capacity_unit}, spot above at \u00a3${fmt(c.spot_price, 2)}`;
    return 'spot';
  }
  function funderText(funder) { return funder === 'council' ? 'council' : 'NHS'; }

  // A colour for each cost line, in the order they stack.
  function costColour(names, colours) {
    return { field: 'metric', type: 'nominal', title: null, sort: names.map(label), scale: { domain: names.map(label), range: colours } };
  }
  // Lines of cost (or of any kind) stacked to their total, a bar a year; A and B side by side.
  function stackedCosts(names, colours, what, kind = 'money') {
    const rows = yearRows(names);
    rows.forEach((r) => { r.order = names.indexOf(r.name); });
    const bars = {
      mark: { type: 'bar', width: { band: 0.7 } },
      encoding: { x: yearAxis, y: { field: 'mean', type: 'quantitative', title: null, stack: 'zero', axis: axisFor(kind) },
                  color: costColour(names, colours), order: { field: 'order', type: 'quantitative' },
                  tooltip: tooltip(kind, [{ field: 'metric', title: what }, { field: 'scenario', title: 'Scenario' }]) },
    };
    if (!isCompare) return { data: { values: rows }, width: chartWidth(1), height: 260, ...bars };
    return { data: { values: rows }, columns: 2, facet: { field: 'scenario', type: 'nominal', sort: scenarios.map((c) => c.label), header: { title: null } },
             spec: { width: chartWidth(2), height: 240, ...bars } };
  }

  function renderCosts() {
    const s = section('costs', 'Costs',
      'What the area pays. Each service costs what its contract says: a block contract pays for its capacity whether used or not, a spot purchase for each bed day, care hour or package day used. Acute bed days are costed at the acute bed day, long-term care-home placements by the week, each grown by its real-terms rate. The five settings, acute, intermediate care beds, home-based intermediate care, short-term care beds and long-term care homes, add up to the total; the NHS and the council share it by who funds each service.');
    partChart(s, 'Cost by setting and year',
      `Mean cost of each setting each year, stacked to the total the area pays${isCompare ? ', for A and for B' : ''}.`,
      stackedCosts(COST_SETTINGS, COST_COLOURS, 'Setting'));
    partChart(s, 'Who pays: the NHS and the council',
      `The total split by who pays: acute care and the services the NHS funds; the services the council funds and long-term care homes${isCompare ? '; for A and for B' : ''}.`,
      stackedCosts(FUNDERS, FUNDER_COLOURS, 'Paid by'));
    renderServiceCosts(s);
    renderBudgets(s);
    if (isCompare) renderCostDifferences(s); else renderCumulativeCost(s);
  }

  // Each service's cost a year, split into the capacity used and the idle
  // capacity paid for; rows for every part, filtered to the one shown.
  function serviceCostRows() {
    const rows = [];
    const services = allServices();
    for (const sc of scenarios) {
      for (const [part, metrics] of byPart(sc.byPart)) {
        for (const sv of services) {
          const cost = metrics[sv.cost_metric], idle = metrics[sv.idle_cost_metric];
          if (!cost || !idle) continue;
          years.forEach((year, i) => {
            if (cost.mean[i] === null) return;
            const one = { year: String(year), service: capitalised(serviceLabel(sv.name)), scenario: sc.label, part, cost: cost.mean[i] };
            rows.push({ ...one, use: USES[0], order: 0, mean: cost.mean[i] - idle.mean[i] });
            rows.push({ ...one, use: USES[1], order: 1, mean: idle.mean[i] });
          });
        }
      }
    }
    return rows;
  }
  function renderServiceCosts(s) {
    const rows = serviceCostRows();
    if (!rows.length) return;
    const names = allServices().map((sv) => capitalised(serviceLabel(sv.name))).filter((n) => rows.some((r) => r.service === n));
    const columns = Math.min(3, names.length);
    const x = { ...yearAxis, scale: { paddingInner: 0.25 } };
    const labels = scenarios.map((c) => c.label);
    const byScenario = isCompare
      ? { xOffset: { field: 'scenario', type: 'nominal', sort: labels },
          opacity: { field: 'scenario', type: 'nominal', title: null, scale: { domain: labels, range: [0.55, 1] } } }
      : {};
    partChart(s, 'What each service costs',
      `Each service\u2019s cost a year (the same scale in every panel): the capacity used, and in orange the idle capacity paid for under a block contract that nobody used${isCompare ? '; A\u2019s bars paler, left of B\u2019s' : ''}.`,
      { data: { values: rows }, columns,
        facet: { field: 'service', type: 'nominal', sort: names, header: { title: null } },
        spec: { width: chartWidth(columns), height: 150,
          mark: { type: 'bar', width: { band: isCompare ? 0.9 : 0.7 } },
          encoding: { x, ...byScenario,
                      y: { field: 'mean', type: 'quantitative', title: null, stack: 'zero', axis: axisFor('money') },
                      color: { field: 'use', type: 'nominal', title: null, scale: { domain: USES, range: USE_COLOURS } },
                      order: { field: 'order', type: 'quantitative' },
                      tooltip: [{ field: 'service', title: 'Service' }, { field: 'scenario', title: 'Scenario' }, { field: 'year', title: 'Year' },
                                { field: 'use', title: 'Paid for' }, { field: 'mean', type: 'quantitative', title: '\u00a3 a year', format: ',.0f' },
                                { field: 'cost', type: 'quantitative', title: 'The service\u2019s cost', format: ',.0f' }] } },
        resolve: { axis: { x: 'independent' } } });
    s.append(el('h3', {}, isCompare ? `What each service costs in ${lastYear}: B against A` : `What each service costs in ${lastYear}`));
    const holder = el('div');
    s.append(holder);
    whenPartChanges((key) => holder.replaceChildren(serviceCostTable(key)));
  }

  // A figure and its 95% interval from a metric's year i: as it is, or signed (a difference).
  function estimateCell(name, m, i, unit) {
    return intervalCell(...[m.mean[i], m.low[i], m.high[i]].map((x) => value(name, x, unit)));
  }
  function differenceCell(name, d, i, unit) {
    return intervalCell(...[d.mean[i], d.low[i], d.high[i]].map((x) => signed(name, x, unit)));
  }
  function serviceCostTable(key) {
    const last = years.length - 1;
    if (!isCompare) {
      const own = metricsOf(first, key);
      const rows = first.inputs.services.filter((sv) => own[sv.cost_metric]).map((sv) => {
        const cost = own[sv.cost_metric], idle = own[sv.idle_cost_metric];
        return [capitalised(serviceLabel(sv.name)), contractText(sv), funderText(sv.funded_by),
          estimateCell(sv.cost_metric, cost, last), estimateCell(sv.idle_cost_metric, idle, last),
          cost.mean[last] ? pct(idle.mean[last] / cost.mean[last]) : '\u2013'];
      });
      const t = table(['Service', 'Contract', 'Paid by', `Cost ${lastYear} [95% interval]`, 'Of which idle capacity', 'Idle share'], rows, 3);
      t.classList.add('service-costs');
      return t;
    }
    const diffs = differencesByPart[key];
    const own = [metricsOf(first, key) || {}, metricsOf(scenarios[1], key) || {}];
    const changed = changedServices().map((sv) => sv.name);
    const contracts = (name) => scenarios.map((sc) => sc.inputs.services.find((sv) => sv.name === name)).filter(Boolean).map(contractText);
    const rows = allServices().filter((sv) => diffs[sv.cost_metric]).map((sv) => {
      const c = diffs[sv.cost_metric], idle = diffs[sv.idle_cost_metric];
      const [ca, cb] = contracts(sv.name);
      return [capitalised(serviceLabel(sv.name)) + (changed.includes(sv.name) ? ' (commissioned differently)' : ''),
        ca === cb ? ca : `A ${ca}; B ${cb}`,
        ...own.map((m) => (m[sv.cost_metric] ? money(m[sv.cost_metric].mean[last]) : '\u2013')),
        differenceCell(sv.cost_metric, c.difference, last), idle ? differenceCell(sv.idle_cost_metric, idle.difference, last) : '\u2013',
        differenceCell(sv.cost_metric, c.cumulative_difference, last)];
    });
    const t = table(['Service', 'Contract', `A ${lastYear}`, `B ${lastYear}`, `B \u2212 A ${lastYear} [95% interval]`,
      'B \u2212 A in idle capacity', `B \u2212 A summed ${firstYear}\u2013${lastYear}`], rows, 2);
    t.classList.add('service-costs');
    return t;
  }

  // Each scenario's budget: the lines it covers stacked, the budget drawn
  // over them year by year, and the share spent in words. The budget is the
  // whole area's: a place, hospital or board chosen hides it.
  function renderBudgets(s) {
    for (const sc of scenarios) {
      const budget = sc.inputs.costs.budget;
      const spent = sc.metrics.budget_spent_pct;
      if (!budget || !spent) continue;
      const lines = budget.cost_metrics;
      const rows = yearRows(lines, [sc]).filter((r) => r.part === AREA);
      rows.forEach((r) => { r.order = lines.indexOf(r.name); });
      // The share spent is written above the budget or the bar, whichever is higher, clear of both.
      const spend = (year) => rows.filter((r) => r.year === year).reduce((sum, r) => sum + r.mean, 0);
      const marks = years.map((year, i) => ({ year: String(year), budget: budget.per_year[i], spent: spent.mean[i],
                                              text: `${fmt(spent.mean[i], 0)}%`,
                                              above: Math.max(budget.per_year[i], spend(String(year))) }));
      const covers = budget.covers_words;
      chart(s, `Spend against the budget: ${budget.name}${isCompare ? ` (${sc.label})` : ''}`,
        `What the lines the ${budget.name} covers (${covers}) cost each year, stacked, and the budget (red line), labelled with the share of it spent (${spent.unit}).`,
        { width: chartWidth(1), height: 260,
          layer: [
            { data: { values: rows }, mark: { type: 'bar', width: { band: 0.6 } },
              encoding: { x: yearAxis, y: { field: 'mean', type: 'quantitative', title: null, stack: 'zero', axis: axisFor('money') },
                          color: costColour(lines, lines.map((n) => COST_COLOURS[COST_SETTINGS.indexOf(n)])),
                          order: { field: 'order', type: 'quantitative' },
                          tooltip: tooltip('money', [{ field: 'metric', title: 'Setting' }]) } },
            { data: { values: marks }, mark: { type: 'tick', color: REFERENCE_COLOUR, thickness: 2.5, bandSize: 40 },
              encoding: { x: yearAxis, y: { field: 'budget', type: 'quantitative' },
                          tooltip: [{ field: 'year', title: 'Year' }, { field: 'budget', type: 'quantitative', title: budget.name, format: ',.0f' },
                                    { field: 'text', title: 'Spent' }] } },
            { data: { values: marks }, mark: { type: 'text', color: REFERENCE_COLOUR, baseline: 'bottom', dy: -5, fontSize: 11 },
              encoding: { x: yearAxis, y: { field: 'above', type: 'quantitative' }, text: { field: 'text' } } },
          ] });
      const figure = s.lastChild;
      const last = years.length - 1;
      const cost = lines.reduce((sum, n) => sum + ((sc.metrics[n] && sc.metrics[n].mean[last]) || 0), 0);
      figure.append(el('p', { class: 'note budget-spent' },
        `In ${lastYear}${isCompare ? `, ${sc.letter}` : ''}: ${covers} cost ${money(cost)} against ${money(budget.per_year[last])}, ` +
        `${fmt(spent.mean[last], 0)}${spent.unit} (95% interval ${fmt(spent.low[last], 0)}% to ${fmt(spent.high[last], 0)}%).`));
      if (hasParts) whenPartChanges((key) => { figure.hidden = key !== AREA; });
    }
  }

  // B - A in cost, summed from the first year, by setting and in total; and
  // B - A in each setting year by year.
  function renderCostDifferences(s) {
    const names = ['cost_total', ...COST_SETTINGS];
    const diff = [];
    for (const [part, metrics] of byPart(differencesByPart)) {
      for (const name of names) {
        const c = metrics[name];
        if (!c) continue;
        years.forEach((year, i) => diff.push({ year: String(year), metric: label(name), part, mean: c.cumulative_difference.mean[i],
                                               low: c.cumulative_difference.low[i], high: c.cumulative_difference.high[i] }));
      }
    }
    const colourDiff = { field: 'metric', type: 'nominal', title: null, scale: { domain: names.map(label), range: [NHS.red, ...COST_COLOURS] } };
    partChart(s, `Cumulative difference in cost, B \u2212 A, ${firstYear} to each year`,
      'B\u2019s cost less A\u2019s, summed from the first projected year, with 95% intervals from the paired replications; below zero, B costs less.',
      { data: { values: diff }, width: chartWidth(1), height: 260,
        layer: [
          { mark: { type: 'rule', color: NHS.text, strokeWidth: 1 }, encoding: { y: { datum: 0, type: 'quantitative' } } },
          { mark: { type: years.length >= 4 ? 'area' : 'rule', opacity: years.length >= 4 ? 0.14 : 0.7, strokeWidth: 1.5 },
            encoding: { x: yearAxis, y: { field: 'low', type: 'quantitative' }, y2: { field: 'high' }, color: colourDiff } },
          { mark: { type: 'line', point: true },
            encoding: { x: yearAxis, y: { field: 'mean', type: 'quantitative', title: null, axis: axisFor('money') }, color: colourDiff,
                        tooltip: tooltip('money', [{ field: 'metric', title: 'Setting' }]) } },
        ] });
  }

  function renderCumulativeCost(s) {
    const cumulative = [];
    for (const [part, metrics] of byPart(first.byPart)) {
      for (const name of COST_SETTINGS) {
        const m = metrics[name];
        if (!m) continue;
        let sum = 0;
        years.forEach((year, i) => { sum += m.mean[i] || 0; cumulative.push({ year: String(year), metric: label(name), name, part, order: COST_SETTINGS.indexOf(name), mean: sum }); });
      }
    }
    partChart(s, `Cumulative cost from ${firstYear}`,
      'The mean cost of each setting added up from the first projected year to each year, stacked to the total.',
      { data: { values: cumulative }, width: chartWidth(1), height: 260,
        mark: { type: 'bar', width: { band: 0.7 } },
        encoding: { x: yearAxis, y: { field: 'mean', type: 'quantitative', title: null, stack: 'zero', axis: axisFor('money') },
                    color: costColour(COST_SETTINGS, COST_COLOURS), order: { field: 'order', type: 'quantitative' },
                    tooltip: [{ field: 'metric', title: 'Setting' }, { field: 'year', title: 'To' },
                              { field: 'mean', type: 'quantitative', title: 'Cumulative', format: ',.0f' }] } });
  }

  function bcfLabel(name) { return label(name) + (isPct(name) ? ' (%)' : ''); }
  function renderBcf() {
    const s = section('bcf', 'Better Care Fund metrics',
      'The measures the Better Care Fund reports, each year, against a national reference value where there is one. The dashed red line is a national figure to read the result against, not a local target.');
    const metrics = BCF_METRICS.filter((b) => first.metrics[b.metric]);
    const rows = yearRows(metrics.map((b) => b.metric));
    for (const r of rows) {
      const b = BCF_METRICS.find((x) => x.metric === r.name);
      r.metric = bcfLabel(r.name);
      r.reference = b.reference;
      r.referenceLabel = b.reference !== null ? b.referenceLabel : null;
    }
    const columns = 2;
    const byScenario = isCompare;
    const colour = byScenario
      ? { field: 'scenario', type: 'nominal', title: null, scale: { domain: scenarios.map((c) => c.label), range: SCENARIO_COLOURS } }
      : { value: NHS.blue };
    const interval = years.length >= 4
      ? { mark: { type: 'area', opacity: 0.16 }, encoding: { x: yearAxis, y: { field: 'low', type: 'quantitative' }, y2: { field: 'high' }, color: colour } }
      : { mark: { type: 'rule', strokeWidth: 1.5, opacity: 0.7 }, encoding: { x: yearAxis, y: { field: 'low', type: 'quantitative' }, y2: { field: 'high' }, color: colour } };
    partChart(s, 'BCF metrics by year',
      'Each metric with its 95% interval; a dashed line marks the national reference value where one exists.',
      { data: { values: rows }, columns,
        facet: { field: 'metric', type: 'nominal', sort: metrics.map((b) => bcfLabel(b.metric)), header: { title: null } },
        spec: { width: chartWidth(columns), height: 150, layer: [
          interval,
          { mark: { type: 'line', point: true }, encoding: { x: yearAxis, y: { field: 'mean', type: 'quantitative', title: null, scale: { zero: false } }, color: colour,
            tooltip: tooltip('count', [{ field: 'metric', title: 'Metric' }, { field: 'scenario', title: 'Scenario' }]) } },
          { transform: [{ filter: 'isValid(datum.reference)' }, { aggregate: [{ op: 'max', field: 'reference', as: 'reference' }], groupby: ['referenceLabel'] }],
            mark: { type: 'rule', color: REFERENCE_COLOUR, strokeDash: [6, 4], strokeWidth: 1.5 }, encoding: { y: { field: 'reference', type: 'quantitative' } } },
          { transform: [{ filter: 'isValid(datum.reference)' }, { aggregate: [{ op: 'max', field: 'reference', as: 'reference' }], groupby: ['referenceLabel'] }],
            mark: { type: 'text', color: REFERENCE_COLOUR, align: 'right', baseline: 'bottom', dy: -3, fontSize: 11 },
            encoding: { y: { field: 'reference', type: 'quantitative' }, x: { value: 'width' }, text: { field: 'referenceLabel' } } },
        ] },
        resolve: FACET_RESOLVE });

    s.append(el('h3', {}, 'The metrics and their reference values'));
    const holder = el('div');
    s.append(holder);
    whenPartChanges((key) => holder.replaceChildren(...bcfTable(metrics, key)));
  }
  // The BCF metrics of one part in a table, and the scale check of its delays.
  function bcfTable(metrics, key) {
    const last = years.length - 1;
    const own = metricsOf(first, key);
    const head = isCompare
      ? ['Metric', `A ${lastYear}`, `B ${lastYear}`, `B \u2212 A ${lastYear} [95% interval]`, 'National reference', 'Better if', 'Source']
      : ['Metric', `${firstYear}`, `${lastYear} [95% interval]`, 'National reference', 'Better if', 'Source'];
    const body = metrics.filter((b) => own[b.metric]).map((b) => {
      const m = own[b.metric];
      const ref = b.reference !== null ? value(b.metric, b.reference, m.unit) : 'none';
      if (isCompare) {
        const c = differencesByPart[key][b.metric];
        const other = metricsOf(scenarios[1], key);
        const mb = other ? other[b.metric] : null;
        return [label(b.metric), value(b.metric, m.mean[last], m.unit), mb ? value(b.metric, mb.mean[last], mb.unit) : '\u2013',
          c ? differenceText(b.metric, c.difference, last, m.unit) : '\u2013',
          ref, b.better, b.source];
      }
      return [label(b.metric), value(b.metric, m.mean[0], m.unit),
        `${value(b.metric, m.mean[last], m.unit)} [${value(b.metric, m.low[last], m.unit)}, ${value(b.metric, m.high[last], m.unit)}]`,
        ref, b.better, b.source];
    });
    const t = table(head, body, 1);
    t.querySelectorAll('td:last-child, th:last-child, td:nth-last-child(2), th:nth-last-child(2)').forEach((c) => c.classList.remove('num'));
    t.classList.add('bcf-table');
    const out = [t];
    const nctr = own.nctr_bed_days, acute = own.acute_bed_days;
    if (nctr && acute && acute.mean[last]) {
      const whose = [isCompare ? 'A\u2019s' : null, key === AREA ? null : partHeading(key)].filter(Boolean).join(', ');
      out.push(el('p', { class: 'note' },
        `Scale check: in ${lastYear}, ${pct(nctr.mean[last] / acute.mean[last])} of ${whose ? `${whose} ` : ''}acute bed days were delayed (NCTR); in England about 13,000 patients a day, about 13% of general and acute beds, no longer met the criteria to reside (2022 to 2025).`));
    }
    return out;
  }

  function renderEveryMetric() {
    const s = section('every-metric', isCompare ? 'Every metric, B against A' : 'Every metric, year by year',
      isCompare
        ? `Each metric in ${lastYear} for A and B, B \u2212 A with its 95% interval, and B \u2212 A summed over ${firstYear} to ${lastYear}. The same figures are in compare.csv.`
        : 'The mean of each metric in each year and, below it, the half-width of its 95% interval. The same figures are in summary.json and yearly.csv.');
    const holder = el('div');
    s.append(holder);
    whenPartChanges((key) => holder.replaceChildren(everyMetricTable(key)));
  }
  function everyMetricTable(key) {
    const last = years.length - 1;
    if (isCompare) return comparisonTable(key, Object.keys(differencesByPart[key]));
    // The interval is symmetric (Student t): the mean \u00b1 its half-width.
    const halfWidth = (name, m, i, unit) => (m.high[i] === null || m.mean[i] === null ? '' : `\u00b1${value(name, m.high[i] - m.mean[i], unit)}`);
    const rows = Object.entries(metricsOf(first, key)).map(([name, m]) => [metricCell(name, m.unit),
      ...years.map((_, i) => el('span', {}, value(name, m.mean[i], m.unit), el('br'),
        el('span', { class: 'interval' }, halfWidth(name, m, i, m.unit))))]);
    const t = table(['Metric', ...years.map(String)], rows, 1);
    if (years.length > 6) t.classList.add('wide');
    return t;
  }
  // B - A and its 95% interval in a year: "+5 [+2, +8]".
  function differenceText(name, d, i, unit) {
    return `${signed(name, d.mean[i], unit)} [${signed(name, d.low[i], unit)}, ${signed(name, d.high[i], unit)}]`;
  }
  // A row per metric the part has: A and B in the last year, B - A then and
  // summed over the projection (for flows a year, whose years add up).
  function comparisonTable(key, names) {
    const last = years.length - 1;
    const diffs = differencesByPart[key];
    const own = { a: metricsOf(first, key) || {}, b: metricsOf(scenarios[1], key) || {} };
    const rows = names.filter((name) => diffs[name]).map((name) => {
      const c = diffs[name], a = own.a[name], b = own.b[name];
      return [metricCell(name, c.unit), a ? value(name, a.mean[last], c.unit) : '\u2013', b ? value(name, b.mean[last], c.unit) : '\u2013',
        differenceText(name, c.difference, last, c.unit),
        c.adds_up ? differenceText(name, c.cumulative_difference, last, c.unit) : '\u2013'];
    });
    return table(['Metric', `A ${lastYear}`, `B ${lastYear}`, `B \u2212 A ${lastYear} [95% interval]`, `B \u2212 A summed ${firstYear}\u2013${lastYear}`], rows, 1);
  }
  function metricCell(name, unit) { return el('span', {}, label(name), el('br'), el('span', { class: 'unit' }, unit)); }

  // -------------------------------------------------------------------------
  // The inputs, as the model read them.
  function distributionRows(inputs) {
    return inputs.age_bands.map((b) => [b.name, fmt(b.population, 0), fmt(b.admissions_per_1000_per_year, 1), pct(b.step_up_share),
      ...b.pathway_split.map(pct), b.time_to_nctr_days]);
  }
  function yearByYear(inputs) {
    // Only what changes from one year to the next.
    const rows = [];
    const by = inputs.by_year;
    if (by.length < 2) return rows;
    const varies = (values) => values.some((v) => Math.abs(v - values[0]) > 1e-9 * Math.max(1, Math.abs(values[0])));
    const add = (what, values, format) => { if (varies(values)) rows.push([what, ...values.map(format)]); };
    // By cell: an age band, or with places a place's age band.
    const cells = (inputs.cells || inputs.age_bands.map((b) => ({ band: b.name }))).map((c) => (c.place ? `${c.place}, ${c.band}` : c.band));
    cells.forEach((c, i) => add(`Residents ${c}`, by.map((y) => y.population[i]), (v) => fmt(v, 0)));
    cells.forEach((c, i) => add(`Admissions per 1,000 a year, ${c}`, by.map((y) => y.admissions_per_1000_per_year[i]), (v) => fmt(v, 1)));
    cells.forEach((c, i) => add(`Step-up share, ${c}`, by.map((y) => y.step_up_share[i]), pct));
    cells.forEach((c, i) => [0, 1, 2, 3].forEach((p) => add(`Pathway ${p} share, ${c}`, by.map((y) => y.pathway_split[i][p]), pct)));
    cells.forEach((c, i) => add(`Mean days to NCTR, ${c}`, by.map((y) => y.time_to_nctr_mean_days[i]), (v) => fmt(v, 2)));
    inputs.services.forEach((sv, i) => add(`Capacity, ${serviceLabel(sv.name)} (${sv.capacity_unit})`, by.map((y) => y.capacity[i]), (v) => fmt(v, v < 100 ? 1 : 0)));
    inputs.services.forEach((sv, i) => add(`Mean length of stay, ${serviceLabel(sv.name)} (days)`, by.map((y) => y.length_of_stay_mean_days[i]), (v) => fmt(v, 1)));
    [0, 1, 2, 3].forEach((p) => add(`Mean days in the discharge hub, pathway ${p}`, by.map((y) => y.hub_mean_days[p]), (v) => fmt(v, 2)));
    add('Discharge days a week', by.map((y) => y.discharge_days_per_week), (v) => fmt(v, 0));
    return rows;
  }
  // Whom a service serves, in words.
  function ownerText(owner) {
    if (!owner || owner.kind === 'area') return 'the whole area';
    if (owner.kind === 'hospital') return `${owner.hospital}\u2019s discharge hub`;
    return owner.places.length > 1 ? `${owner.places.join(', ')} (shared)` : owner.places[0];
  }
    function renderPlaceInputs(s, inputs) {
    const bands = inputs.age_bands.map((b) => b.name);
    s.append(el('h3', {}, 'Places'));
    s.append(el('p', { class: 'caption' }, `Each place\u2019s residents by age band in ${firstYear}, its health and wellbeing board and integrated care partnership, and the hospitals its emergency admissions go to.`));
    const t = table(['Place', 'Health and wellbeing board', 'ICP', ...bands.map((b) => `Residents ${b}`), 'Residents', 'Admissions go to'],
      inputs.places.map((pl) => [pl.name, pl.board || '\u2013', pl.icp || '\u2013',
        ...pl.age_bands.map((b) => fmt(b.population, 0)), fmt(pl.age_bands.reduce((sum, b) => sum + b.population, 0), 0),
        pl.hospitals.filter((h) => h.share > 0).map((h) => `${h.hospital} ${pct(h.share)}`).join(', ')]), 3);
    t.querySelectorAll('td:last-child, th:last-child').forEach((c) => c.classList.remove('num'));
    s.append(t);
    s.append(el('p', { class: 'caption' }, 'Each place\u2019s rates in each age band: the area\u2019s, times the place\u2019s factor, or its own.'));
    const rates = [];
    for (const pl of inputs.places) {
      for (const b of pl.age_bands) {
        rates.push([pl.name, b.name, fmt(b.admissions_per_1000_per_year, 1), pct(b.step_up_share), ...b.pathway_split.map(pct), b.time_to_nctr_days]);
      }
    }
    const r = table(['Place', 'Age band', 'Admissions per 1,000', 'Step-up', 'P0', 'P1', 'P2', 'P3', 'Time to NCTR'], rates, 2);
    r.querySelectorAll('td:last-child, th:last-child').forEach((c) => c.classList.remove('num'));
    s.append(r);
    if (inputs.hospitals.length) {
      s.append(el('h3', {}, 'Hospitals'));
      s.append(table(['Hospital', 'Admissions from', 'Its discharge hub\u2019s services'], inputs.hospitals.map((h) => [h.name,
        inputs.places.flatMap((pl) => pl.hospitals.filter((x) => x.hospital === h.name && x.share > 0).map((x) => `${pl.name} ${pct(x.share)}`)).join(', ') || '\u2013',
        inputs.services.filter((sv) => sv.owner.kind === 'hospital' && sv.owner.hospital === h.name).map((sv) => serviceLabel(sv.name)).join(', ') || 'none']), 99));
    }
  }
  // The routes of pathways, step-up and bridging, each service on its own
  // row: whom it serves, the age bands it takes and its share where several do.
  function renderRoutes(s, inputs) {
    const r = inputs.routes;
    if (!r) return;
    const ways = [['P1', 'Pathway 1'], ['P2', 'Pathway 2'], ['P3', 'Pathway 3'], ['step_up', 'Step-up'], ['bridging', 'Bridging']];
    const several = ways.some(([k]) => r[k].length > 1 || r[k].some((x) => x.age_bands || x.share !== 1));
    if (!several) return;
    const owners = Object.fromEntries(inputs.services.map((sv) => [sv.name, sv.owner]));
    const rows = [];
    for (const [k, what] of ways) {
      r[k].forEach((x, i) => rows.push([i === 0 ? what : '', serviceLabel(x.service), ownerText(owners[x.service]),
        x.age_bands ? x.age_bands.join(', ') : 'every band', pct(x.share)]));
    }
    s.append(el('h3', {}, 'Routes to services'));
    s.append(el('p', { class: 'caption' }, 'Where each pathway, step-up and bridging leads: a patient takes a route whose service serves them (their place, a group their place is in, their hospital\u2019s hub or the whole area) and whose age bands include theirs; where several do, the shares split them.'));
    const t = table(['Route', 'Service', 'Serves', 'Age bands', 'Share'], rows, 4);
    s.append(t);
  }

  function renderInputs(sc, heading) {
    const s = section(`inputs-${sc.letter}`, heading,
      `What the model was given: ${sc.file}. Every figure below is read from the scenario file (and the files it extends); the scenario files comment each figure with its source.`);
    const inputs = sc.inputs;

    s.append(el('h3', {}, 'Residents and emergency admissions'));
    s.append(el('p', { class: 'caption' }, `In ${firstYear}: each age band\u2019s residents, emergency admissions per 1,000 a year, the share seen by the urgent community response (step-up), the discharge pathway split once patients no longer meet the criteria to reside, and the time from admission until they stop meeting them (days).${inputs.places && inputs.places.length ? ' With places: the places\u2019 residents together, and the area\u2019s rates, which each place takes unless it gives its own (below).' : ''}`));
    s.append(table(['Age band', 'Residents', 'Admissions per 1,000', 'Step-up', 'P0', 'P1', 'P2', 'P3', 'Time to NCTR'], distributionRows(inputs), 1));
    s.lastChild.querySelectorAll('td:last-child, th:last-child').forEach((c) => c.classList.remove('num'));
    if (inputs.places && inputs.places.length) renderPlaceInputs(s, inputs);

    const changes = yearByYear(inputs);
    s.append(el('h3', {}, 'Growth and changes, year by year'));
    if (changes.length) {
      s.append(el('p', { class: 'caption' }, 'Every input that changes over the projection (demographic growth, capacity growing with demand or planned, phased changes to the model of care), as the model used it in each year.'));
      const t = table(['Input', ...inputs.by_year.map((y) => String(y.year))], changes, 1);
      if (years.length > 6) t.classList.add('wide');
      s.append(t);
    } else {
      s.append(el('p', {}, 'No input changes over the projection: every year uses the base year\u2019s residents, rates and capacities.'));
    }

    s.append(el('h3', {}, 'Services'));
    const outcome = (o) => `${serviceLabel(o.to)} ${pct(o.probability)}`;
    // Whom each serves, where the area has places or hospitals of its own.
    const serves = inputs.places !== undefined;
    s.append(table(['Service', ...(serves ? ['Serves'] : []), 'Kind', 'Capacity', 'Length of stay (days)', 'Unit cost', 'Where people go next'],
      inputs.services.map((sv) => [
        capitalised(serviceLabel(sv.name)),
        ...(serves ? [ownerText(sv.owner)] : []),
        [sv.kind === 'home_based' ? 'home-based' : 'bed-based', sv.pathway ? `pathway ${sv.pathway.slice(1)}` : null,
         sv.short_term_care ? 'short-term care' : null, sv.queue === 'priority' ? 'hospital patients first' : null].filter(Boolean).join(', '),
        `${fmt(sv.capacity, sv.capacity < 100 ? 1 : 0)} ${sv.capacity_unit}` +
          (sv.package_hours_per_day ? ` (packages of ${fmt(sv.package_hours_per_day.start, 1)} hours a day for ${fmt(sv.package_hours_per_day.intensive_days, 0)} days, then ${fmt(sv.package_hours_per_day.after, 1)})` : '') +
          (sv.ring_fenced_for_step_down > 0 ? `; ${fmt(sv.ring_fenced_for_step_down, 0)} kept for step-down` : '') +
          (sv.capacity_changes.length ? `; changes: ${sv.capacity_changes.map((c) => `${fmt(c.capacity, 0)} from day ${fmt(c.day, 0)}`).join(', ')}` : ''),
        sv.length_of_stay_days,
        `\u00a3${fmt(sv.unit_cost, 2)} per ${sv.cost_unit}`,
        sv.outcomes.map(outcome).join(', '),
      ]), 99));

    s.append(el('h3', {}, 'Hospital discharge'));
    const a = inputs.acute;
    const p = inputs.pathways;
    const items = [
      ['Transfer-of-care hub, days from no longer meeting the criteria to ready to leave', a.hub_days.map((d, p) => `P${p} ${d}`).join('; ')],
      ['Discharge days a week', `${a.discharge_days_per_week} (from Monday)`],
      ['Discharge hours', `${fmt(a.discharge_hours[0], 0)}:00 to ${fmt(a.discharge_hours[1], 0)}:00`],
      // Pathways that lead to several services (one a place) are set apart by semicolons.
      ['Pathways', ['P1', 'P2', 'P3'].map((k) => `${k} ${p[k] ? serviceLabel(p[k]) : '\u2013'}`)
        .join(['P1', 'P2', 'P3'].some((k) => p[k] && p[k].includes(',')) ? '; ' : ', ')],
      ['Step-up', inputs.step_up ? `${serviceLabel(inputs.step_up.service)}, waiting at most ${fmt(inputs.step_up.max_wait_hours, 0)} hours` : 'none'],
      ['Bridging', inputs.bridging ? `to ${serviceLabel(inputs.bridging.service)} after ${fmt(inputs.bridging.after_days, 1)} days waiting` : 'none'],
      ['Deconditioning', inputs.deconditioning_per_day_waited > 0 ? `${pct(inputs.deconditioning_per_day_waited)} more chance of a heavier pathway per day waited` : 'off'],
      ['Readmissions come back within', `${fmt(inputs.readmission_days, 0)} days`],
      ['Admissions flagged as falls / ambulatory-care-sensitive', `${pct(inputs.fall_share)} / ${pct(inputs.acsc_share)}`],
      ['Demand by day of week (Monday first)', inputs.day_of_week_profile.map((v) => fmt(v, 2)).join(', ')],
      ['Demand by month (January first)', inputs.month_profile.map((v) => fmt(v, 2)).join(', ')],
      ['Warm-up before the projection', `${fmt(inputs.warmup_days, 0)} days`],
      ['Long-term care-home stays, days', `residential ${inputs.long_term_care.residential_stay_days}; nursing ${inputs.long_term_care.nursing_stay_days}`],
    ];
    if (inputs.initial_census) {
      const c = inputs.initial_census;
      items.push(['Starting census', `${fmt(c.acute_inpatients, 0)} acute inpatients; in services: ${inputs.services.map((sv, i) => `${serviceLabel(sv.name)} ${fmt(c.in_service[i] || 0, 0)}`).join(', ')}; waiting in acute: ${inputs.services.map((sv, i) => `${serviceLabel(sv.name)} ${fmt(c.waiting_in_acute[i] || 0, 0)}`).join(', ')}; placements ${fmt(c.placements_residential, 0)} residential, ${fmt(c.placements_nursing, 0)} nursing`]);
    }
    s.append(table(['Setting', 'Value'], items, 99));
    renderRoutes(s, inputs);

    s.append(el('h3', {}, 'Unit costs and contracts'));
    const g = inputs.costs.real_terms_growth_per_year;
    const growth = (v) => (v ? `${v > 0 ? '+' : '\u2212'}${fmt(Math.abs(v) * 100, 1)}% a year` : 'none');
    const t = table(['Cost', 'Unit cost', 'Contract', 'Paid by', 'Real-terms growth'], [
      ['Acute bed day', `\u00a3${fmt(inputs.costs.acute_bed_day, 2)}`, 'per day used', 'NHS', growth(g.acute)],
      ['Extra for a delayed (NCTR) day', `\u00a3${fmt(inputs.costs.nctr_bed_day, 2)}`, 'per day used', 'NHS', growth(g.acute)],
      ...inputs.services.map((sv) => [`${capitalised(serviceLabel(sv.name))}, per ${sv.cost_unit}`, `\u00a3${fmt(sv.unit_cost, 2)}`,
        contractText(sv), funderText(sv.funded_by), growth(sv.short_term_care ? g.short_term_care : sv.kind === 'home_based' ? g.home_ic : g.ic_beds)]),
      ['Long-term care-home placement, per week', `\u00a3${fmt(inputs.costs.care_home_placement_per_week, 2)}`, 'per week placed', 'council', growth(g.long_term_care)],
    ], 1);
    t.querySelectorAll('td:nth-child(3), th:nth-child(3), td:nth-child(4), th:nth-child(4)').forEach((c) => c.classList.remove('num'));
    s.append(t);
    const budget = inputs.costs.budget;
    s.append(el('p', { class: 'note' }, budget
      ? `Budget: ${budget.name}, for ${budget.covers_words}: ${new Set(budget.per_year).size === 1 ? `${money(budget.per_year[0])} a year` : budget.per_year.map((x, i) => `${years[i]} ${money(x)}`).join(', ')}.`
      : 'No budget given: the spend is not set against one.'));
  }

  function renderAbout() {
    const s = section('about', 'About this report');
    const rows = [
      ['icsim version', data.icsim_version],
      ['Seed', String(data.seed)],
      ['Replications', isPlan
        ? `${data.plan.replications.screen} to screen each candidate, ${data.plan.replications.confirm} to confirm`
        : `${data.replications}${isCompare ? ' for each scenario, paired (common random numbers)' : ''}`],
      ['Projection', `${firstYear} to ${lastYear} (${plural(years.length, 'year')})`],
    ];
    for (const sc of scenarios) {
      const prefix = isCompare ? `${sc.letter}: ` : '';
      rows.push([`${prefix}Scenario`, sc.name]);
      rows.push([`${prefix}Scenario file`, sc.file]);
      rows.push([`${prefix}Scenario SHA-256`, el('code', {}, sc.sha256)]);
      if (sc.events !== undefined) rows.push([`${prefix}Events simulated`, fmt(sc.events, 0)]);
    }
    if (isPlan) rows.push(['Plan file', data.plan.file]);
    rows.push(['Charts', `Vega ${vega.version}, Vega-Lite ${vegaLite.version}, vega-embed ${vegaEmbed.version}, embedded in this file; it loads nothing from the internet`]);
    s.append(table(null, rows, 99));
    s.append(el('p', { class: 'note' }, isPlan
      ? `The same scenario, plan file and seed give the same plan, byte for byte: icsim plan ${first.file} --spec ${data.plan.file} --seed ${data.seed}.`
      : `The same scenario, seed and replications give the same figures, byte for byte: icsim ${isCompare ? 'compare' : 'run'} ${scenarios.map((c) => c.file).join(' ')} --seed ${data.seed} --replications ${data.replications}. The national reference values in the Better Care Fund section are national figures (ASCOF, NICE, NHS England statistics, each named with its year) to read results against, not this area\u2019s targets.`));
  }


  // -------------------------------------------------------------------------
  // icsim plan: the capacity each planned service needs, year by year.
  const PLAN_COLOURS = { 'Capacity cost': NHS.blue, 'Delay cost': NHS.orange, 'Total cost': NHS.text };
  function planServiceLabel(sv) { return `${capitalised(serviceLabel(sv.name))} (${sv.unit})`; }
  function planTarget(plan) {
    const t = plan.target;
    if (t.minimise === 'total_cost') {
      return `the least total cost: each unit of capacity at its cost a year, plus each delayed (NCTR) acute bed day at \u00a3${fmt(t.cost_per_nctr_day, 0)}`;
    }
    return `${label(t.metric)} at most ${value(t.metric, t.at_most, plan.metric.unit)} (${plan.metric.unit}), met with 95% confidence (one-sided), at the least capacity cost`;
  }
  function capacityText(x) { return fmt(x, Math.abs(x) < 100 && x % 1 !== 0 ? 1 : 0); }

  function renderPlanTable() {
    const plan = data.plan;
    const metric = plan.metric;
    const s = section('plan', 'The capacity plan',
      `For each planned year, the capacity of ${plan.services.map((sv) => serviceLabel(sv.name)).join(' and ')} that meets the target: ${planTarget(plan)}. The same figures are in plan.csv and results.xlsx.`);
    const head = ['Year', ...plan.services.map(planServiceLabel), 'Capacity cost', 'Delay cost', 'Total cost',
      `${label(metric.name)} [95% interval]`, 'Target met'];
    const rows = plan.years.map((y) => [String(y.year), ...y.capacity.map(capacityText),
      money(y.capacity_cost), money(y.delay_cost ? y.delay_cost.mean : null), money(y.total_cost),
      y.metric ? `${value(metric.name, y.metric.mean, metric.unit)} [${value(metric.name, y.metric.low, metric.unit)}, ${value(metric.name, y.metric.high, metric.unit)}]` : '\u2013',
      y.target_met ? 'yes' : 'no']);
    const t = table(head, rows, 1);
    t.querySelectorAll('td:last-child, th:last-child').forEach((c) => c.classList.remove('num'));
    // How sure each year's choice is: a line of its own under the year's figures.
    t.querySelectorAll('tbody tr').forEach((tr, i) => {
      const y = plan.years[i];
      tr.classList.add('plan-year');
      tr.after(el('tr', { class: 'plan-confidence' },
        el('td', { colspan: head.length }, `How sure: ${y.confidence}; ${plural(y.evaluations, 'simulation')}.`)));
    });
    t.classList.add('plan-table');
    s.append(t);
    s.append(el('p', { class: 'note' },
      `Costs are a year\u2019s: capacity at its cost per unit a year; delay is NCTR (delayed) bed days at \u00a3${fmt(plan.target.cost_per_nctr_day, 0)} a day, in the first year\u2019s prices, grown in real terms each year as the scenario\u2019s unit costs are. Each year is planned on its own, with that year\u2019s demand, capacities and unit costs after a warm-up at them; the search screens candidates with ${plan.replications.screen} replications and confirms the best and its neighbours with ${plan.replications.confirm}, all with the same random numbers.`));
  }

  function renderPlanCapacity() {
    const plan = data.plan;
    const s = section('plan-capacity', 'Capacity by year',
      'The recommended capacity of each planned service each year, beside the capacity the scenario itself gives that year and the false-economy point, past which a unit more costs more than the acute delay it saves.');
    const measures = ['Recommended', 'False economy beyond', 'The scenario\u2019s own'];
    const rows = [];
    plan.years.forEach((y) => plan.services.forEach((sv, i) => {
      const service = planServiceLabel(sv);
      rows.push({ year: String(y.year), service, measure: measures[0], value: y.capacity[i] });
      rows.push({ year: String(y.year), service, measure: measures[1], value: y.false_economy_capacity[i] });
      rows.push({ year: String(y.year), service, measure: measures[2], value: y.scenario_capacity[i] });
    }));
    const columns = Math.min(2, plan.services.length);
    const colour = { field: 'measure', type: 'nominal', title: null, scale: { domain: measures, range: [NHS.blue, NHS.red, NHS.midGrey] } };
    const dash = { field: 'measure', type: 'nominal', title: null, scale: { domain: measures, range: [[1, 0], [2, 2], [6, 4]] } };
    chart(s, 'Recommended capacity by year',
      'Each panel a planned service in its own unit; the dotted red line is the false-economy point, the dashed grey line the scenario\u2019s own capacity.',
      { data: { values: rows }, columns,
        facet: { field: 'service', type: 'nominal', sort: plan.services.map(planServiceLabel), header: { title: null } },
        spec: { width: chartWidth(columns), height: 200,
          mark: { type: 'line', point: true },
          encoding: { x: yearAxis, y: { field: 'value', type: 'quantitative', title: null, scale: { zero: false }, axis: { labelExpr: COUNT_LABEL } },
                      color: colour, strokeDash: dash,
                      tooltip: [{ field: 'service', title: 'Service' }, { field: 'measure', title: 'Measure' }, { field: 'year', title: 'Year' },
                                { field: 'value', type: 'quantitative', title: 'Capacity', format: ',.1~f' }] } },
        resolve: FACET_RESOLVE });

    const costs = [];
    plan.years.forEach((y) => {
      costs.push({ year: String(y.year), measure: 'Capacity cost', order: 0, mean: y.capacity_cost });
      costs.push({ year: String(y.year), measure: 'Delay cost', order: 1, mean: y.delay_cost ? y.delay_cost.mean : 0 });
    });
    chart(s, 'Cost of the plan by year',
      'The recommended capacity\u2019s cost a year and the cost of the acute delay (NCTR bed days) left with it, stacked to the total.',
      { data: { values: costs }, width: chartWidth(1), height: 240,
        mark: { type: 'bar', width: { band: 0.7 } },
        encoding: { x: yearAxis, y: { field: 'mean', type: 'quantitative', title: null, stack: 'zero', axis: axisFor('money') },
                    color: { field: 'measure', type: 'nominal', title: null, scale: { domain: ['Capacity cost', 'Delay cost'], range: [NHS.blue, NHS.orange] } },
                    order: { field: 'order', type: 'quantitative' },
                    tooltip: [{ field: 'year', title: 'Year' }, { field: 'measure', title: 'Cost' },
                              { field: 'mean', type: 'quantitative', title: '\u00a3 a year', format: ',.0f' }] } });
  }

  // Each service's curve in one planned year, chosen by the reader: capacity
  // cost rising, delay cost falling, their total, and the false-economy point.
  function renderTradeOff() {
    const plan = data.plan;
    const planned = plan.years.map((y) => y.year);
    const s = section('trade-off', 'Cost against capacity: the trade-off',
      'Each planned service\u2019s capacity over its range, the other services at the year\u2019s recommendation: what the capacity costs, what the acute delay left costs, and the two together. Past the false-economy point (dashed red), a unit more costs more than the delay it saves. The same figures are in trade_off.csv.');
    const views = [];
    let shown = planned[0];
    if (planned.length > 1) {
      const select = el('select', { id: 'plan-year-choice' }, planned.map((y) => el('option', { value: y }, y)));
      const yearNote = el('span', { class: 'year-shown' }, `Showing ${shown}.`);
      s.append(el('p', { class: 'control' }, el('label', { for: 'plan-year-choice' }, 'Year shown '), select, ' ', yearNote));
      select.addEventListener('change', () => {
        shown = Number(select.value);
        yearNote.textContent = `Showing ${shown}.`;
        for (const v of views) v.then((view) => view && view.signal('year', shown).runAsync());
      });
    }
    const measures = Object.keys(PLAN_COLOURS);
    plan.services.forEach((sv, i) => {
      const curves = [], marks = [];
      let top = 0, least = 0;
      for (const y of plan.years) {
        const points = y.trade_off[i].points;
        let yearLeast = Infinity;
        for (const p of points) {
          const delay = p.delay_cost ? p.delay_cost.mean : 0;
          curves.push({ year: y.year, capacity: p.capacity, measure: 'Capacity cost', value: p.capacity_cost });
          curves.push({ year: y.year, capacity: p.capacity, measure: 'Delay cost', value: delay,
                        low: p.delay_cost ? Math.max(0, p.delay_cost.low) : null, high: p.delay_cost ? p.delay_cost.high : null });
          curves.push({ year: y.year, capacity: p.capacity, measure: 'Total cost', value: p.total_cost });
          top = Math.max(top, p.total_cost);
          yearLeast = Math.min(yearLeast, p.total_cost);
        }
        if (isFinite(yearLeast)) least = Math.max(least, yearLeast);
        marks.push({ year: y.year, kind: 'false economy', capacity: y.false_economy_capacity[i],
                     text: `False economy beyond ${capacityText(y.false_economy_capacity[i])}` });
        marks.push({ year: y.year, kind: 'recommended', capacity: y.capacity[i], value: y.total_cost, text: 'Recommended' });
      }
      // The smallest capacities can leave a delay many times the rest: the
      // scale stops at twice the dearest year's least total, so the part of
      // the curves that matters is not flattened.
      const cut = top > 2 * least && least > 0 ? 2 * least : null;
      const x = { field: 'capacity', type: 'quantitative', title: `${sv.unit}`, scale: { zero: false, nice: false },
                  axis: { labelExpr: COUNT_LABEL, tickMinStep: sv.step } };
      const y = { field: 'value', type: 'quantitative', title: null, axis: axisFor('money'),
                  scale: cut ? { domain: [0, cut], nice: false } : { zero: true } };
      const inYear = { filter: 'datum.year == year' };
      const spec = {
        params: [{ name: 'year', value: shown }],
        width: chartWidth(1), height: 260,
        layer: [
          { data: { values: curves }, transform: [inYear, { filter: "datum.measure == 'Delay cost'" }],
            mark: { type: 'area', opacity: 0.15, color: PLAN_COLOURS['Delay cost'], clip: true },
            encoding: { x, y: { field: 'low', type: 'quantitative' }, y2: { field: 'high' } } },
          { data: { values: curves }, transform: [inYear],
            mark: { type: 'line', point: true, clip: true },
            encoding: { x, y, color: { field: 'measure', type: 'nominal', title: null, scale: { domain: measures, range: measures.map((m) => PLAN_COLOURS[m]) } },
                        tooltip: [{ field: 'measure', title: 'Cost' }, { field: 'capacity', type: 'quantitative', title: 'Capacity', format: ',.1~f' },
                                  { field: 'value', type: 'quantitative', title: '\u00a3 a year', format: ',.0f' }] } },
          { data: { values: marks }, transform: [inYear, { filter: "datum.kind == 'false economy'" }],
            mark: { type: 'rule', color: REFERENCE_COLOUR, strokeDash: [6, 4], strokeWidth: 1.5 },
            encoding: { x: { field: 'capacity', type: 'quantitative' } } },
          { data: { values: marks }, transform: [inYear, { filter: "datum.kind == 'false economy'" }],
            mark: { type: 'text', color: REFERENCE_COLOUR, align: 'left', baseline: 'top', dx: 4, dy: 4, fontSize: 11 },
            encoding: { x: { field: 'capacity', type: 'quantitative' }, y: { value: 0 }, text: { field: 'text' } } },
          { data: { values: marks }, transform: [inYear, { filter: "datum.kind == 'recommended'" }],
            mark: { type: 'point', shape: 'diamond', size: 140, filled: true, color: NHS.green, clip: true },
            encoding: { x: { field: 'capacity', type: 'quantitative' }, y: { field: 'value', type: 'quantitative' },
                        tooltip: [{ field: 'text', title: 'Point' }, { field: 'capacity', type: 'quantitative', title: 'Capacity', format: ',.1~f' },
                                  { field: 'value', type: 'quantitative', title: 'Total \u00a3 a year (confirmed)', format: ',.0f' }] } },
        ],
      };
      views.push(chart(s, `Cost against capacity: ${serviceLabel(sv.name)}`,
        `${capitalised(serviceLabel(sv.name))} from ${capacityText(sv.min)} to ${capacityText(sv.max)} ${sv.unit} at \u00a3${fmt(sv.cost_per_unit_per_year, 0)} a unit a year; the green diamond is the recommendation, the shading the 95% interval of the delay cost.` +
          (cut ? ` The scale stops at ${money(cut)}: at the smallest capacities the delay costs more.` : ''),
        spec));
    });
  }

  function renderPlanSpec() {
    const plan = data.plan;
    const s = section('plan-file', 'What the plan asked',
      `The plan file, ${plan.file}: the services whose capacity may change, their range and costs, and the target.`);
    s.append(table(['Service', 'Capacity from', 'to', 'in steps of', 'Cost a unit a year', 'Cost of opening a unit'],
      plan.services.map((sv) => [planServiceLabel(sv), capacityText(sv.min), capacityText(sv.max), capacityText(sv.step),
        `\u00a3${fmt(sv.cost_per_unit_per_year, 0)}`, sv.fixed_cost_per_unit_opened ? `\u00a3${fmt(sv.fixed_cost_per_unit_opened, 0)} a unit above the scenario\u2019s capacity` : 'none']), 1));
    s.append(table(['Setting', 'Value'], [
      ['Target', capitalised(planTarget(plan))],
      ['A delayed (NCTR) acute bed day', `\u00a3${fmt(plan.target.cost_per_nctr_day, 2)}`],
      ['Years planned', plan.years.map((y) => y.year).join(', ')],
      ['Replications', `${plan.replications.screen} to screen each candidate, ${plan.replications.confirm} to confirm`],
    ], 99));
  }

  // A service that cannot keep up: its queue grows without end, so the
  // figures are no steady state. Said first, in words, before any figure.
  function renderKeepingUp() {
    const behind = scenarios.flatMap((sc) => (sc.warnings || []).map((w) => ({ sc, w })));
    if (!behind.length) return;
    const box = el('section', { class: 'panel keeping-up', id: 'cannot-keep-up', role: 'alert' },
      el('h2', {}, behind.length === 1 ? 'Warning: a service cannot keep up' : 'Warning: services cannot keep up'),
      el('ul', {}, behind.map(({ sc, w }) => el('li', { 'data-service': w.service },
        isCompare ? el('strong', {}, `${sc.label}: `) : null,
        `${capitalised(serviceLabel(w.service))} cannot keep up ${w.why}.`))),
      el('p', {}, 'More is asked of it than it can give, so the people waiting for it grow in number through the year and '
        + 'do not come back down. Its figures below, and the delays and costs that depend on it, are not a steady state: '
        + 'they grow with the length of the projection and would be larger still in a longer one. Give it more capacity, '
        + 'or send fewer people to it, before reading them as a result.'));
    sections.push(['cannot-keep-up', 'Warning: cannot keep up']);
    main.append(box);
  }

  // -------------------------------------------------------------------------
  renderKeepingUp();
  const contents = el('nav', { class: 'contents panel', 'aria-label': 'Contents' });
  main.append(contents);
  if (isPlan) {
    renderPlanTable();
    renderPlanCapacity();
    renderTradeOff();
    renderPlanSpec();
  } else {
    renderPartChooser();
    renderAtAGlance();
    if (isCompare) renderDifferences();
    if (isCompare) renderPlaceDifferences(); else renderPlaces();
    renderDemand();
    renderBedDays();
    renderDelays();
    if (isCompare) renderCostAndDelay();
    renderThroughTheYear();
    renderCosts();
    renderBcf();
    renderEveryMetric();
  }
  scenarios.forEach((sc) => renderInputs(sc, isCompare ? `Inputs and assumptions: ${sc.label}` : 'Inputs and assumptions'));
  renderAbout();
  contents.append(el('h2', {}, 'Contents'),
    el('ol', {}, sections.map(([id, title]) => el('li', {}, el('a', { href: `#${id}` }, title)))));

  // Every chart drawn (or failed), and the part a link asked for shown: say
  // so on the page's root for tests.
  Promise.all(charts).then(async (views) => {
    if (openingPart) await openingPart();
    const drawn = views.filter(Boolean).length;
    document.documentElement.dataset.chartsDrawn = String(drawn);
    document.documentElement.dataset.chartsFailed = String(views.length - drawn);
    document.documentElement.dataset.reportStatus = 'ready';
  });
})();
