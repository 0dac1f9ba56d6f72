#!/usr/bin/env python3
"""Opens an icsim results.xlsx as Excel would and checks it against the files
written beside it.

    check_workbook.py run DIR [--places]
        DIR/results.xlsx from `icsim run`: the sheets are there, every number
        is stored as a number, Summary and BCF metrics hold summary.json's
        means and 95% intervals, Costs holds its cost lines (with long-term
        care, the idle part, the NHS's and the council's parts and any
        budget and share spent, the settings adding up to the total) and
        each service's cost and idle cost a year, Capacity and demand is
        daily.csv by month, and Inputs names the run, the services'
        contracts and funders and the budget. With --places (a scenario with places or
        hospitals), also By place, holding summary.json's places, hospitals
        and boards, Places (tidy), holding DIR/places.csv row by row, and the
        places on Inputs; without, no sheet by place.

    check_workbook.py compare DIR A_DIR B_DIR [--places PRINTED]
        DIR/results.xlsx from `icsim compare A B`: Difference holds
        DIR/compare.csv, Cost difference its cost lines and each service's
        cost and idle cost (a year and summed), and Summary A and Summary B hold the summary.json of
        `icsim run` of A and of B (A_DIR, B_DIR) with the same seed and
        replications. With --places, also Difference by place: each part
        both have, B - A per year from the two summary.json, its paired
        interval as icsim compare printed it (PRINTED, its standard output)
        for the last year, and a part that is the whole area as compare.csv.

    A number changed on Costs or Cost difference must be caught, and with
    --places on each sheet by place.

    check_workbook.py plan DIR SCENARIO PLAN SEED
        DIR/results.xlsx from `icsim plan SCENARIO --spec PLAN --seed SEED`:
        Capacity plan holds DIR/plan.csv, Trade-off holds DIR/trade_off.csv,
        and Inputs names the scenario (its sha256), the seed and the plan's
        replications.

Needs python3-openpyxl (Debian). Exits 1 with every problem found.
"""

import csv
import datetime
import hashlib
import json
import math
import re
import sys
from collections import defaultdict
from pathlib import Path

import openpyxl

problems = []


def problem(message):
    problems.append(message)


def same(cell, expected, rel=1e-9):
    """A cell against a number from icsim's own files; null (NaN) is a blank cell."""
    if expected is None:
        return cell is None
    if isinstance(cell, bool) or not isinstance(cell, (int, float)):
        return False
    return math.isclose(cell, expected, rel_tol=rel, abs_tol=1e-12)


def check_numbers_are_numbers(book):
    """No cell holds a number as text: every number must be usable in a formula."""
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                value = cell.value
                if isinstance(value, str):
                    try:
                        float(value.replace(",", "").replace("£", "").replace("%", ""))
                    except ValueError:
                        continue
                    problem(f"{sheet.title}!{cell.coordinate}: the number {value!r} is stored as text")
                elif value is not None and not isinstance(value, (int, float, datetime.datetime)):
                    problem(f"{sheet.title}!{cell.coordinate}: unexpected {type(value).__name__} {value!r}")


def merged_label(sheet, row, column):
    """The text over a column in a header row, merged across several or not."""
    value = sheet.cell(row, column).value
    if value is not None:
        return value
    for merged in sheet.merged_cells.ranges:
        if merged.min_row <= row <= merged.max_row and merged.min_col <= column <= merged.max_col:
            return sheet.cell(merged.min_row, merged.min_col).value
    return None


class Table:
    """A table whose header row starts with `first_header` in column A, with
    group labels in the row above: rows by their label in `key_column` (or,
    given several columns, by the tuple of their labels), columns by
    (group, header)."""

    def __init__(self, sheet, first_header, key_column=1):
        self.sheet = sheet
        header_rows = [r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == first_header]
        if len(header_rows) != 1:
            raise SystemExit(f"check_workbook: {sheet.title}: no single header row starting {first_header!r}")
        self.header_row = header = header_rows[0]
        self.columns = {}
        for column in range(1, sheet.max_column + 1):
            name = sheet.cell(header, column).value
            if name is not None:
                self.columns[(merged_label(sheet, header - 1, column), name)] = column
        self.rows = {}
        self.order = []
        key_columns = key_column if isinstance(key_column, tuple) else (key_column,)
        for row in range(header + 1, sheet.max_row + 1):
            keys = tuple(sheet.cell(row, c).value for c in key_columns)
            if keys[0] is None:
                break
            key = keys if isinstance(key_column, tuple) else keys[0]
            self.rows[key] = row
            self.order.append(key)

    def column(self, group, header):
        if (group, header) not in self.columns:
            raise SystemExit(f"check_workbook: {self.sheet.title}: no column {header!r} under {group!r}")
        return self.columns[(group, header)]

    def column_named(self, header):
        found = [c for (_, h), c in self.columns.items() if h == header]
        if len(found) != 1:
            raise SystemExit(f"check_workbook: {self.sheet.title}: no single column {header!r}")
        return found[0]

    def value(self, key, column):
        return self.sheet.cell(self.rows[key], column).value


def check_sheets(book, expected):
    if book.sheetnames != expected:
        problem(f"sheets are {book.sheetnames}, expected {expected}")
    missing = [name for name in expected if name not in book.sheetnames]
    if missing:
        raise SystemExit(f"check_workbook: missing sheets {missing}")


def check_summary_sheet(sheet, summary):
    """Every metric and year: the mean, 95% low and 95% high of summary.json."""
    table = Table(sheet, "Metric")
    metrics = summary["metrics"]
    if table.order != list(metrics):
        problem(f"{sheet.title}: metrics {table.order} differ from summary.json's {list(metrics)}")
    unit_column = table.column_named("Unit")
    blocks = (("Mean", "mean"), ("95% interval: low", "ci95_low"), ("95% interval: high", "ci95_high"))
    checked = 0
    for name, metric in metrics.items():
        if name not in table.rows:
            continue
        if table.value(name, unit_column) != metric["unit"]:
            problem(f"{sheet.title}: {name} unit {table.value(name, unit_column)!r} is not {metric['unit']!r}")
        for entry in metric["per_year"]:
            for block, key in blocks:
                cell = table.value(name, table.column(block, entry["year"]))
                checked += 1
                if not same(cell, entry[key]):
                    problem(f"{sheet.title}: {name} {entry['year']} {block}: {cell!r}, summary.json has {entry[key]!r}")
    return checked


BCF_METRICS = {
    # icsim metric: the code the BCF sheet must give it
    "avoidable_admissions_per_100k": "NHSOF 2.3.i",
    "falls_admissions_65plus_per_100k": None,
    "length_of_stay_14plus_pct": None,
    "length_of_stay_21plus_pct": None,
    "discharge_to_usual_residence_pct": None,
    "care_home_admissions_65plus_per_100k": "ASCOF 2A(2)",
    "at_home_91d_pct": "ASCOF 2B(1)",
    "mean_nctr_days_per_discharge": None,
}


def check_bcf_sheet(sheet, summary):
    table = Table(sheet, "BCF metric")
    icsim_column = table.column_named("icsim metric")
    code_column = table.column_named("Code")
    by_metric = {table.value(name, icsim_column): name for name in table.order}
    if sorted(by_metric) != sorted(BCF_METRICS):
        problem(f"BCF metrics: rows for {sorted(by_metric)}, expected {sorted(BCF_METRICS)}")
    blocks = (("Simulated: mean", "mean"), ("95% interval: low", "ci95_low"), ("95% interval: high", "ci95_high"))
    checked = 0
    for metric, code in BCF_METRICS.items():
        if metric not in by_metric:
            continue
        row_key = by_metric[metric]
        given = table.value(row_key, code_column) or ""
        if code is not None and not given.startswith(code):
            problem(f"BCF metrics: {metric} has code {given!r}, expected {code!r}")
        for entry in summary["metrics"][metric]["per_year"]:
            for block, key in blocks:
                cell = table.value(row_key, table.column(block, entry["year"]))
                checked += 1
                if not same(cell, entry[key]):
                    problem(f"BCF metrics: {metric} {entry['year']} {block}: {cell!r}, summary.json has {entry[key]!r}")
    return checked


def check_capacity_and_demand_sheet(sheet, daily_csv):
    """Each month: referrals summed, the census averaged, over daily.csv's days."""
    sums = defaultdict(float)
    days = defaultdict(set)
    with open(daily_csv, newline="") as f:
        for row in csv.DictReader(f):
            month = row["date"][:7]
            sums[(month, row["series"])] += float(row["mean"])
            days[month].add(row["date"])
    table = Table(sheet, "Month")
    months = [f"{d.year:04d}-{d.month:02d}" if isinstance(d, datetime.datetime) else d for d in table.order]
    if months != sorted(days):
        problem(f"Capacity and demand: months {months} are not daily.csv's {sorted(days)}")
    services = sorted({series[len("in_use_"):] for (_, series) in sums if series.startswith("in_use_")})
    groups = {}
    for (group, _), column in table.columns.items():
        if isinstance(group, str) and ":" in group:
            groups[group.split(":")[0]] = group
    if sorted(groups) != services:
        problem(f"Capacity and demand: services {sorted(groups)}, daily.csv has {services}")
    checked = 0

    def expect(key, column, value, what):
        nonlocal checked
        checked += 1
        cell = table.value(key, column)
        if not same(cell, value, rel=1e-8):
            problem(f"Capacity and demand: {what}: {cell!r}, daily.csv gives {value!r}")

    acute = "Acute hospital"
    inpatients = next(c for (g, h), c in table.columns.items() if g == acute and h.startswith("Inpatients"))
    nctr = next(c for (g, h), c in table.columns.items() if g == acute and h.startswith("NCTR"))
    days_column = table.column_named("Days")
    for key, month in zip(table.order, months):
        n = len(days[month])
        expect(key, days_column, n, f"{month} days")
        expect(key, inpatients, sums[(month, "acute_inpatients")] / n, f"{month} inpatients")
        expect(key, nctr, sums[(month, "nctr_inpatients")] / n, f"{month} NCTR inpatients")
        for service in services:
            group = groups.get(service)
            if group is None:
                continue
            columns = {h.split(" (")[0]: c for (g, h), c in table.columns.items() if g == group}
            capacity = sums[(month, "capacity_" + service)] / n
            in_use = sums[(month, "in_use_" + service)] / n
            step_up = sums[(month, "step_up_referrals_" + service)]
            expect(key, columns["Referrals from hospital"], sums[(month, "referrals_" + service)] - step_up,
                   f"{month} {service} referrals from hospital")
            expect(key, columns["Step-up referrals from the community"], step_up, f"{month} {service} step-up referrals")
            expect(key, columns["Capacity"], capacity, f"{month} {service} capacity")
            expect(key, columns["In use"], in_use, f"{month} {service} in use")
            expect(key, columns["Waiting"], sums[(month, "waiting_" + service)] / n, f"{month} {service} waiting")
            expect(key, columns["Utilisation"], 100.0 * in_use / capacity if capacity > 0 else None,
                   f"{month} {service} utilisation")
    return checked


def check_inputs_sheet(sheet, summary):
    values = inputs_values(sheet)
    expected = {
        "icsim version": summary["icsim_version"],
        "Scenario": summary["scenario"],
        "Scenario SHA-256 (with every file it extends)": summary["scenario_sha256"],
        "Seed": summary["seed"],
        "Replications": summary["replications"],
        "First projected year": summary["start_year"],
        "Years projected": len(summary["years"]),
        "Events simulated (all replications)": summary["events"],
    }
    for label, value in expected.items():
        if values.get(label) != value:
            problem(f"{sheet.title}: {label!r} is {values.get(label)!r}, summary.json has {value!r}")
    for section in ("Demand by age band, in the base year", "Services", "Costs"):
        if section not in values:
            problem(f"{sheet.title}: no section {section!r}")
    for label in ("Contract", "Paid by"):
        if label not in values:
            problem(f"{sheet.title}: no row {label!r} for the services")
    # The budget: its name (summary.json's budget_spent_pct is "% of NAME") and first year's amount.
    metrics = summary["metrics"]
    budget = metrics.get("budget_spent_pct", {}).get("unit", "").removeprefix("% of ") or "none"
    if values.get("Budget") != budget:
        problem(f"{sheet.title}: Budget is {values.get('Budget')!r}, summary.json has {budget!r}")
    if budget != "none" and not same(values.get("Budget (£ a year)"), metrics["budget"]["per_year"][0]["mean"]):
        problem(f"{sheet.title}: Budget (£ a year) is {values.get('Budget (£ a year)')!r}, summary.json has "
                f"{metrics['budget']['per_year'][0]['mean']!r}")


def check_difference_sheet(sheet, compare_csv, summary_a, summary_b):
    table = Table(sheet, "Metric")
    rows = list(csv.DictReader(open(compare_csv, newline="")))
    years = sorted({int(r["year"]) for r in rows})
    first, last = years[0], years[-1]
    checked = 0

    def expect(metric, column, value, what, rel=1e-9, scale=None):
        nonlocal checked
        checked += 1
        cell = table.value(metric, column)
        ok = same(cell, value, rel) if scale is None else (
            isinstance(cell, (int, float)) and abs(cell - value) <= rel * scale + 1e-12)
        if not ok:
            problem(f"Difference: {metric} {what}: {cell!r}, expected {value!r}")

    metrics = list(dict.fromkeys(r["metric"] for r in rows))
    if table.order != metrics:
        problem(f"Difference: metrics {table.order} differ from compare.csv's {metrics}")
    summed = f"B − A summed {first}–{last}"
    for r in rows:
        metric, year = r["metric"], int(r["year"])
        if metric not in table.rows:
            continue
        expect(metric, table.column("B − A", year), float(r["difference"]), f"{year} B − A")
        expect(metric, table.column("B − A: 95% interval, low", year), float(r["difference_ci95_low"]), f"{year} low")
        expect(metric, table.column("B − A: 95% interval, high", year), float(r["difference_ci95_high"]),
               f"{year} high")
        if year == last and r["cumulative_difference"] == "":
            # A rate, mean, share or capacity: compare.csv gives no sum over the years, nor may the sheet.
            for header in ("mean", "95% low", "95% high"):
                cell = table.value(metric, table.column(summed, header))
                if cell is not None:
                    problem(f"Difference: {metric} summed {header} is {cell!r}, but its years do not add up")
            if any(metric.startswith(p) for p in ("cost_", "nctr_bed_days", "admissions", "acute_bed_days")):
                problem(f"Difference: {metric} is a total a year, and compare.csv does not sum it")
        elif year == last:
            expect(metric, table.column(summed, "mean"), float(r["cumulative_difference"]), "summed")
            expect(metric, table.column(summed, "95% low"), float(r["cumulative_ci95_low"]), "summed low")
            expect(metric, table.column(summed, "95% high"), float(r["cumulative_ci95_high"]), "summed high")
            if any(metric.startswith(p) for p in ("utilisation_pct_", "capacity_", "mean_wait_days_", "occupancy_")):
                problem(f"Difference: {metric} is summed over the years ({r['cumulative_difference']}), "
                        "but a rate, mean or capacity does not add up")
    # Each scenario's change over the projection: its last year's mean less its first's.
    for label, summary in (("A", summary_a), ("B", summary_b)):
        column = table.column(f"{label}: change {first} to {last}", "mean")
        for metric in metrics:
            per_year = summary["metrics"][metric]["per_year"]
            m_first, m_last = per_year[0]["mean"], per_year[-1]["mean"]
            expect(metric, column, m_last - m_first, f"{label} change", scale=max(abs(m_first), abs(m_last)))
    return checked


# ---- What the area pays: Costs (a run) and Cost difference (a comparison)

COST_LINES = ["cost_acute", "cost_ic_beds", "cost_home_ic", "cost_short_term_care", "cost_long_term_care",
              "cost_total", "cost_health", "cost_social_care", "idle_cost"]
SETTINGS = COST_LINES[:5]  # they add up to cost_total, as cost_health and cost_social_care do
BUDGET_LINES = ["budget", "budget_spent_pct"]


def expected_cost_lines(metrics):
    """The lines a cost sheet must have, in order: the budget's only with a budget."""
    return COST_LINES + (BUDGET_LINES if "budget" in metrics else [])


def service_names(metrics):
    """The services of a run, from their idle_cost_SERVICE metrics, in order."""
    return [name[len("idle_cost_"):] for name in metrics if name.startswith("idle_cost_")]


def service_cost_metric(metrics, service):
    """cost_SERVICE, or cost_service_SERVICE for a service named like an area cost line."""
    named = "cost_service_" + service
    return named if named in metrics else "cost_" + service


class ServiceCostTable(Table):
    """The table under a cost sheet's lines: a row per (service, year), and
    per service a summed row in a comparison; cost and idle cost three
    columns each under their group labels; the contract and the funder."""

    def __init__(self, sheet):
        super().__init__(sheet, "Service", key_column=(1, 4))
        self.contract = {service: sheet.cell(row, 2).value for (service, _), row in self.rows.items()}
        self.paid_by = {service: sheet.cell(row, 3).value for (service, _), row in self.rows.items()}

    def value(self, service, year, group, header):
        return super().value((service, year), self.column(group, header))


COST_GROUP, IDLE_GROUP = "Cost (GBP per year)", "Of which idle capacity (GBP per year)"


def check_costs_sheet(sheet, summary):
    """Costs: every cost line a year as summary.json has it (long-term care,
    the idle part, the NHS's and the council's parts and, with a budget, the
    budget and the share spent among them), the settings adding up to the
    total; and each service a year, its cost and idle cost as summary.json
    has them, contract and funder named."""
    metrics = summary["metrics"]
    table = Table(sheet, "Cost line", key_column=2)
    expected = expected_cost_lines(metrics)
    if table.order != expected:
        problem(f"Costs: lines {table.order}, expected {expected}")
    checked = 0
    blocks = (("Mean", "mean"), ("95% interval: low", "ci95_low"), ("95% interval: high", "ci95_high"))
    for name in expected:
        if name not in table.rows:
            continue
        for entry in metrics[name]["per_year"]:
            for block, key in blocks:
                cell = table.value(name, table.column(block, entry["year"]))
                checked += 1
                if not same(cell, entry[key]):
                    problem(f"Costs: {name} {entry['year']} {block}: {cell!r}, summary.json has {entry[key]!r}")
    for year in summary["years"]:
        mean = lambda name: table.value(name, table.column("Mean", year)) if name in table.rows else None
        parts = [mean(n) for n in SETTINGS]
        total = mean("cost_total")
        if None in parts or total is None or not math.isclose(sum(parts), total, rel_tol=1e-9):
            problem(f"Costs: {year}: the settings {parts} do not add up to cost_total {total}")
        split = [mean("cost_health"), mean("cost_social_care")]
        if None in split or total is None or not math.isclose(sum(split), total, rel_tol=1e-9):
            problem(f"Costs: {year}: cost_health and cost_social_care {split} do not add up to cost_total {total}")

    services = ServiceCostTable(sheet)
    names = service_names(metrics)
    expected_rows = [(name, year) for name in names for year in summary["years"]]
    if services.order != expected_rows:
        problem(f"Costs: service rows {services.order}, expected {expected_rows}")
    for name in names:
        if services.contract.get(name) is None or services.paid_by.get(name) not in ("NHS", "council"):
            problem(f"Costs: {name}: contract {services.contract.get(name)!r}, paid by {services.paid_by.get(name)!r}")
        cost, idle = metrics[service_cost_metric(metrics, name)], metrics["idle_cost_" + name]
        for c, i in zip(cost["per_year"], idle["per_year"]):
            if (name, c["year"]) not in services.rows:
                continue
            for header, key in (("Mean", "mean"), ("95% low", "ci95_low"), ("95% high", "ci95_high")):
                for group, entry in ((COST_GROUP, c), (IDLE_GROUP, i)):
                    cell = services.value(name, c["year"], group, header)
                    checked += 1
                    if not same(cell, entry[key]):
                        problem(f"Costs: {name} {c['year']} {group} {header}: {cell!r}, summary.json has {entry[key]!r}")
            share = services.value(name, c["year"], None, "Idle share (%)")
            if not same(share, 100.0 * i["mean"] / c["mean"] if c["mean"] > 0 else None):
                problem(f"Costs: {name} {c['year']} idle share {share!r}, summary.json gives {i['mean']} of {c['mean']}")
    return checked


def check_cost_difference_sheet(sheet, compare_csv):
    """Cost difference: each cost line and each service's cost and idle cost,
    B - A a year and summed over the projection, as compare.csv has them; a
    share of the budget is not summed."""
    rows = list(csv.DictReader(open(compare_csv, newline="")))
    by = {(r["metric"], int(r["year"])): r for r in rows}
    names = list(dict.fromkeys(r["metric"] for r in rows))
    years = sorted({int(r["year"]) for r in rows})
    first, last = years[0], years[-1]
    summed = f"B − A summed {first}–{last}"
    table = Table(sheet, "Cost line", key_column=2)
    expected = [n for n in expected_cost_lines(names) if n in names]
    if table.order != expected:
        problem(f"Cost difference: lines {table.order}, expected {expected}")
    checked = 0

    def expect(cell, value, what):
        nonlocal checked
        checked += 1
        if not same(cell, value):
            problem(f"Cost difference: {what}: {cell!r}, compare.csv has {value!r}")

    for name in expected:
        if name not in table.rows:
            continue
        for year in years:
            r = by[(name, year)]
            expect(table.value(name, table.column("B − A", year)), float(r["difference"]), f"{name} {year}")
            expect(table.value(name, table.column("B − A: 95% interval, low", year)), float(r["difference_ci95_low"]),
                   f"{name} {year} low")
            expect(table.value(name, table.column("B − A: 95% interval, high", year)),
                   float(r["difference_ci95_high"]), f"{name} {year} high")
        r = by[(name, last)]
        cell = table.value(name, table.column(summed, "mean"))
        if r["cumulative_difference"] == "":
            if cell is not None:
                problem(f"Cost difference: {name} summed over the years: {cell!r}")
        else:
            expect(cell, float(r["cumulative_difference"]), f"{name} summed")

    services = ServiceCostTable(sheet)
    compared = [n[len("idle_cost_"):] for n in names if n.startswith("idle_cost_")]
    span = f"{first}–{last}"
    expected_rows = [(n, y) for n in compared for y in years + [span]]
    if services.order != expected_rows:
        problem(f"Cost difference: service rows {services.order}, expected {expected_rows}")
    for service in compared:
        cost = "cost_service_" + service if ("cost_service_" + service, first) in by else "cost_" + service
        for group, metric in ((COST_GROUP, cost), (IDLE_GROUP, "idle_cost_" + service)):
            for year in years:
                if (service, year) not in services.rows:
                    continue
                r = by[(metric, year)]
                for header, key in (("B − A", "difference"), ("95% low", "difference_ci95_low"),
                                    ("95% high", "difference_ci95_high")):
                    expect(services.value(service, year, group, header), float(r[key]), f"{metric} {year} {header}")
            if (service, span) in services.rows:
                r = by[(metric, last)]
                for header, key in (("B − A", "cumulative_difference"), ("95% low", "cumulative_ci95_low"),
                                    ("95% high", "cumulative_ci95_high")):
                    expect(services.value(service, span, group, header), float(r[key]), f"{metric} summed {header}")
    return checked


def inputs_values(sheet):
    """The Inputs sheet's first value for each label in column A."""
    values = {}
    for row in range(1, sheet.max_row + 1):
        label = sheet.cell(row, 1).value
        if isinstance(label, str):
            values.setdefault(label, sheet.cell(row, 2).value)
    return values


def check_capacity_plan_sheet(sheet, plan_csv):
    """Each planned year and service: plan.csv's capacity, false economy, costs and metric."""
    table = Table(sheet, "Year")
    rows = list(csv.DictReader(open(plan_csv, newline="")))
    years = list(dict.fromkeys(int(r["year"]) for r in rows))
    if table.order != years:
        problem(f"Capacity plan: years {table.order}, plan.csv has {years}")
    metric_groups = {g for (g, h) in table.columns if h == "Mean"}
    metric = rows[0]["metric"] if rows else None
    if len(metric_groups) != 1 or not str(next(iter(metric_groups))).startswith(f"{metric} ("):
        problem(f"Capacity plan: the metric's columns are headed {sorted(map(str, metric_groups))}, expected {metric}")
    group = next(iter(metric_groups)) if metric_groups else None

    def service_column(block, service):
        found = [c for (g, h), c in table.columns.items() if g == block and h.split(" (")[0] == service]
        if len(found) != 1:
            raise SystemExit(f"check_workbook: Capacity plan: no single column for {service} under {block!r}")
        return found[0]

    checked = 0

    def expect(year, column, value, what):
        nonlocal checked
        checked += 1
        cell = table.value(year, column)
        if not same(cell, value):
            problem(f"Capacity plan: {year} {what}: {cell!r}, plan.csv has {value!r}")

    for r in rows:
        year, service = int(r["year"]), r["service"]
        if year not in table.rows:
            continue
        expect(year, service_column("Recommended capacity", service), float(r["capacity"]), f"{service} capacity")
        expect(year, service_column("False economy beyond", service), float(r["false_economy_capacity"]),
               f"{service} false economy")
        expect(year, table.column("Cost (£ a year)", "Capacity"), float(r["capacity_cost"]), "capacity cost")
        expect(year, table.column("Cost (£ a year)", "Delay (NCTR bed days)"), float(r["delay_cost"]), "delay cost")
        expect(year, table.column("Cost (£ a year)", "Total"), float(r["total_cost"]), "total cost")
        for header, key in (("Mean", "metric_mean"), ("95% low", "metric_ci95_low"), ("95% high", "metric_ci95_high")):
            expect(year, table.column(group, header), float(r[key]), f"{metric} {header}")
        checked += 1
        if table.value(year, table.column_named("Target met")) != r["target_met"]:
            problem(f"Capacity plan: {year} target met {table.value(year, table.column_named('Target met'))!r}, "
                    f"plan.csv has {r['target_met']!r}")
    return checked


def check_trade_off_sheet(sheet, trade_off_csv):
    """Every point of every curve, in trade_off.csv's order."""
    header = [r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == "Year"]
    if len(header) != 1:
        raise SystemExit("check_workbook: Trade-off: no single header row starting 'Year'")
    names = [sheet.cell(header[0], c).value for c in range(1, sheet.max_column + 1)]
    column = {name.split(" (")[0] if isinstance(name, str) else name: i + 1 for i, name in enumerate(names)}
    cells = []
    for row in range(header[0] + 1, sheet.max_row + 1):
        if sheet.cell(row, 1).value is None:
            break
        cells.append(row)
    rows = list(csv.DictReader(open(trade_off_csv, newline="")))
    if len(cells) != len(rows):
        problem(f"Trade-off: {len(cells)} points, trade_off.csv has {len(rows)}")
    metric_column = next((i + 1 for i, n in enumerate(names) if isinstance(n, str) and n.endswith(")")
                          and not n.startswith(("Capacity", "Delay", "Total"))), None)
    checked = 0
    for row, r in zip(cells, rows):
        value = lambda name: sheet.cell(row, column[name]).value
        if value("Year") != int(r["year"]) or value("Service varied") != r["service_varied"]:
            problem(f"Trade-off: row {row} is {value('Year')!r} {value('Service varied')!r}, "
                    f"trade_off.csv has {r['year']} {r['service_varied']}")
        for name, key in (("Capacity", "capacity"), ("Capacity cost", "capacity_cost"), ("Delay cost", "delay_cost"),
                          ("Total cost", "total_cost")):
            checked += 1
            if not same(value(name), float(r[key])):
                problem(f"Trade-off: row {row} {name}: {value(name)!r}, trade_off.csv has {r[key]!r}")
        checked += 1
        if metric_column is None or not same(sheet.cell(row, metric_column).value, float(r["metric_mean"])):
            problem(f"Trade-off: row {row} metric: trade_off.csv has {r['metric_mean']!r}")
    return checked


def check_plan_inputs_sheet(sheet, scenario, plan, seed, years):
    values = inputs_values(sheet)
    text = Path(plan).read_text()
    expected = {
        "Scenario SHA-256 (with every file it extends)": hashlib.sha256(Path(scenario).read_bytes()).hexdigest(),
        "Seed": int(seed),
        "Replications to screen each candidate": int(re.search(r"screen:\s*(\d+)", text).group(1)),
        "Replications to confirm": int(re.search(r"confirm:\s*(\d+)", text).group(1)),
        "Plan file": plan,
    }
    for label, value in expected.items():
        if values.get(label) != value:
            problem(f"Inputs: {label!r} is {values.get(label)!r}, expected {value!r}")
    if not values.get("icsim version"):
        problem("Inputs: no icsim version")
    row = next((r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == "Years planned"), None)
    planned = [sheet.cell(row, c).value for c in range(2, 2 + len(years))] if row else None
    if planned != years:
        problem(f"Inputs: years planned {planned!r}, plan.csv has {years!r}")
    for section in ("Plan", "Services", "Costs"):
        if section not in values:
            problem(f"Inputs: no section {section!r}")


# ---- The sheets by place

LEVELS = (  # summary.json's key, the sheets' heading, icsim compare's printed word
    ("places", "Places", "place"),
    ("hospitals", "Hospitals (acute trusts)", "hospital"),
    ("boards", "Health and wellbeing boards", "board"),
    ("icps", "Integrated care partnerships", "icp"),
)
PART_METRICS = {"admissions", "nctr_bed_days", "mean_wait_days_p1", "mean_wait_days_p2", "mean_wait_days_p3",
                "ic_bed_days", "cost_total", "idle_cost"}  # at least these
SUMMABLE = {"admissions", "step_up_diversions", "acute_bed_days", "nctr_bed_days", "ic_bed_days",
            "home_ic_care_hours", "short_term_care_bed_days", "mutual_aid_placements", "cost_intermediate_care",
            "cost_total", "idle_cost"}


class PartsSheet:
    """By place or Difference by place: a section per level, rows (name,
    year) and a summed row where given; per metric (its icsim name two rows
    above the header, its words and unit one above) three columns."""

    def __init__(self, sheet, labels):
        self.sheet = sheet
        header_rows = [r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == "Place, hospital or board"]
        if len(header_rows) != 1:
            raise SystemExit(f"check_workbook: {sheet.title}: no single header row 'Place, hospital or board'")
        header = header_rows[0]
        self.columns, self.blocks, self.metrics = {}, {}, []
        for column in range(3, sheet.max_column + 1):
            label = sheet.cell(header, column).value
            metric = merged_label(sheet, header - 2, column)
            if label is None:
                continue
            if label not in labels or metric is None:
                problem(f"{sheet.title}: column {column} is {label!r} under {metric!r}")
                continue
            if metric not in self.blocks:
                self.metrics.append(metric)
                self.blocks[metric] = merged_label(sheet, header - 1, column)
            self.columns[(metric, label)] = column
        self.sections = []  # [heading, [(name, year, row)]]
        for row in range(header + 1, sheet.max_row + 1):
            name, year = sheet.cell(row, 1).value, sheet.cell(row, 2).value
            if name is None:
                break
            if year is None:
                self.sections.append([name, []])
            elif not self.sections:
                problem(f"{sheet.title}: row {row} before any section")
            else:
                self.sections[-1][1].append((name, year, row))

    def value(self, row, metric, label):
        return self.sheet.cell(row, self.columns[(metric, label)]).value


def expected_parts(summary, other=None):
    """[(key, heading, word, [(id, name)])] for the levels that have parts
    (those `other` also has, by id), in summary.json's order."""
    levels = []
    for key, heading, word in LEVELS:
        parts = [(i, p["name"]) for i, p in summary.get(key, {}).items()
                 if other is None or i in other.get(key, {})]
        if parts:
            levels.append((key, heading, word, parts))
    return levels


def check_parts_layout(table, levels, years, summed):
    """The sections, parts and years in order; returns {(key, id): rows by year (and "summed")}."""
    title = table.sheet.title
    headings = [heading for heading, _ in table.sections]
    if headings != [heading for _, heading, _, _ in levels]:
        problem(f"{title}: sections {headings}, expected {[h for _, h, _, _ in levels]}")
    found = {}
    first, last = years[0], years[-1]
    for (key, heading, _, parts), (_, rows) in zip(levels, table.sections):
        expected = [(name, y) for _, name in parts for y in years + ([f"{first}–{last}"] if summed else [])]
        if [(n, y) for n, y, _ in rows] != expected:
            problem(f"{title}: {heading} rows {[(n, y) for n, y, _ in rows]}, expected {expected}")
            continue
        per_part = len(years) + (1 if summed else 0)
        for i, (part_id, _) in enumerate(parts):
            block = rows[i * per_part:(i + 1) * per_part]
            found[(key, part_id)] = {y: r for _, y, r in block[:len(years)]}
            if summed:
                found[(key, part_id)]["summed"] = block[-1][2]
    missing = PART_METRICS - set(table.metrics)
    if missing:
        problem(f"{title}: no columns for {sorted(missing)}")
    return found


def check_by_place_sheet(sheet, summary):
    """Every part, key metric and year: summary.json's mean, 95% low and 95% high."""
    table = PartsSheet(sheet, ("Mean", "95% low", "95% high"))
    levels = expected_parts(summary)
    rows = check_parts_layout(table, levels, summary["years"], summed=False)
    checked = 0
    for key, _, _, parts in levels:
        for part_id, name in parts:
            if (key, part_id) not in rows:
                continue
            metrics = summary[key][part_id]["metrics"]
            for metric in table.metrics:
                if metric not in metrics:
                    for row in rows[(key, part_id)].values():
                        if table.value(row, metric, "Mean") is not None:
                            problem(f"{sheet.title}: {name} has a {metric} summary.json does not")
                    continue
                unit = metrics[metric]["unit"]
                if not str(table.blocks[metric]).endswith(f"({unit})"):
                    problem(f"{sheet.title}: {metric} is headed {table.blocks[metric]!r}, its unit is {unit!r}")
                for entry in metrics[metric]["per_year"]:
                    row = rows[(key, part_id)][entry["year"]]
                    for label, field in (("Mean", "mean"), ("95% low", "ci95_low"), ("95% high", "ci95_high")):
                        cell = table.value(row, metric, label)
                        checked += 1
                        if not same(cell, entry[field]):
                            problem(f"{sheet.title}: {key} {name} {entry['year']} {metric} {label}: {cell!r}, "
                                    f"summary.json has {entry[field]!r}")
    return checked


def csv_number(text):
    return None if text.lower() in ("nan", "-nan", "inf", "-inf") else float(text)


def check_places_tidy_sheet(sheet, places_csv):
    """places.csv, row by row: an Excel table named places, its columns the CSV's."""
    with open(places_csv, newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        rows = list(reader)
    cells = [[c.value for c in row] for row in sheet.iter_rows(min_row=1, max_col=len(header))]
    if not cells or cells[0] != header:
        problem(f"Places (tidy): header {cells[0] if cells else None}, places.csv has {header}")
        return 0
    body = cells[1:]
    while body and all(v is None for v in body[-1]):
        body.pop()
    if len(body) != len(rows):
        problem(f"Places (tidy): {len(body)} rows, places.csv has {len(rows)}")
    tables = dict(sheet.tables.items())
    if tables.get("places") != f"A1:I{len(rows) + 1}":
        problem(f"Places (tidy): tables {tables}, expected places over A1:I{len(rows) + 1}")
    checked = 0
    for n, (got, want) in enumerate(zip(body, rows), start=2):
        texts = {0: "level", 1: "id", 2: "name", 4: "metric", 5: "unit"}
        for i in texts:
            checked += 1
            if got[i] != want[i]:
                problem(f"Places (tidy): row {n} {texts[i]} {got[i]!r}, places.csv has {want[i]!r}")
        checked += 1
        if got[3] != int(want[3]):
            problem(f"Places (tidy): row {n} year {got[3]!r}, places.csv has {want[3]!r}")
        for i, field in ((6, "mean"), (7, "ci95_low"), (8, "ci95_high")):
            checked += 1
            if not same(got[i], csv_number(want[i])):
                problem(f"Places (tidy): row {n} {want[0]} {want[1]} {want[3]} {want[4]} {field}: {got[i]!r}, "
                        f"places.csv has {want[i]!r}")
    return checked


def readable_number(text):
    """A number as icsim prints it (readable_number.hpp): 12,345 or 3.14."""
    value = float(text.replace(",", ""))
    return value, (0.0051 if abs(value) < 100 else 0.51)


def printed_part_differences(printed):
    """icsim compare's table by place: {(word, name): {metric: (mean, low, high)}}, names cut at 30 characters."""
    lines = Path(printed).read_text().splitlines()
    start = next((i for i, line in enumerate(lines) if line.startswith("By place") and "B - A" in line), None)
    if start is None:
        problem(f"{printed}: no table by place of B - A")
        return {}, None
    year = int(re.search(r"(\d{4}): B - A", lines[start]).group(1))
    metrics = lines[start + 1].split()
    number = r"(-?[\d,]+(?:\.\d+)?)"
    found = {}
    for line in lines[start + 2:]:
        if not line.strip():
            break
        word, _, name = line[:30].strip().partition(" ")
        cells = re.findall(number + r" \[" + number + ", " + number + r"\]", line[30:])
        if len(cells) != len(metrics):
            problem(f"{printed}: cannot read {line!r}")
            continue
        found[(word, name)] = dict(zip(metrics, cells))
    return found, year


def check_difference_by_place_sheet(sheet, summary_a, summary_b, compare_csv, printed):
    """Each part both have: B - A per year is B's mean less A's, its interval
    about it; the last year's as icsim compare printed it; summed over the
    projection for counts and costs; a part that is the whole area (its means
    the area's in A and in B) has compare.csv's intervals too."""
    table = PartsSheet(sheet, ("B − A", "95% low", "95% high"))
    levels = expected_parts(summary_a, summary_b)
    years = summary_a["years"]
    rows = check_parts_layout(table, levels, years, summed=True)
    area = {}
    for r in csv.DictReader(open(compare_csv, newline="")):
        area[(r["metric"], int(r["year"]))] = r
    printed_rows, printed_year = printed_part_differences(printed)
    checked = 0

    def expect(ok, what):
        nonlocal checked
        checked += 1
        if not ok:
            problem(f"{sheet.title}: {what}")

    for key, _, word, parts in levels:
        for part_id, name in parts:
            if (key, part_id) not in rows:
                continue
            part_rows = rows[(key, part_id)]
            metrics_a = summary_a[key][part_id]["metrics"]
            metrics_b = summary_b[key][part_id]["metrics"]
            whole_area = all(metrics_a[m]["per_year"] and
                             [e["mean"] for e in metrics_a[m]["per_year"]] ==
                             [e["mean"] for e in summary_a["metrics"][m]["per_year"]] and
                             [e["mean"] for e in metrics_b[m]["per_year"]] ==
                             [e["mean"] for e in summary_b["metrics"][m]["per_year"]]
                             for m in table.metrics if m in metrics_a and m in metrics_b)
            printed_part = next((v for (w, n), v in printed_rows.items() if w == word and name.startswith(n)), None)
            if printed_part is None:
                problem(f"{sheet.title}: icsim compare printed no row for {word} {name}")
            for metric in table.metrics:
                if metric not in metrics_a or metric not in metrics_b:
                    continue
                per_a, per_b = metrics_a[metric]["per_year"], metrics_b[metric]["per_year"]
                scale = max([abs(e["mean"]) for e in per_a + per_b] + [1e-9])
                total = 0.0
                for ea, eb in zip(per_a, per_b):
                    year, row = ea["year"], part_rows[ea["year"]]
                    d, low, high = (table.value(row, metric, label) for label in ("B − A", "95% low", "95% high"))
                    what = f"{key} {name} {year} {metric}"
                    if not all(isinstance(v, (int, float)) for v in (d, low, high)):
                        expect(False, f"{what}: {d!r} [{low!r}, {high!r}] is not three numbers")
                        continue
                    total += d
                    expect(abs(d - (eb["mean"] - ea["mean"])) <= 1e-9 * scale,
                           f"{what}: B − A {d!r}, the two summary.json give {eb['mean'] - ea['mean']!r}")
                    expect(low <= d + 1e-9 * scale and d <= high + 1e-9 * scale and
                           abs((d - low) - (high - d)) <= 1e-9 * scale,
                           f"{what}: interval [{low!r}, {high!r}] is not about {d!r}")
                    if whole_area and (metric, year) in area:
                        r = area[(metric, year)]
                        for v, field in ((d, "difference"), (low, "difference_ci95_low"),
                                         (high, "difference_ci95_high")):
                            expect(abs(v - float(r[field])) <= 1e-9 * scale,
                                   f"{what}: the whole area's {field} {v!r}, compare.csv has {r[field]!r}")
                    if year == printed_year and printed_part is not None and metric in printed_part:
                        for v, text, label in zip((d, low, high), printed_part[metric], ("B − A", "low", "high")):
                            p, tolerance = readable_number(text)
                            expect(abs(v - p) <= tolerance,
                                   f"{what} {label}: {v!r}, icsim compare printed {text}")
                summed = table.value(part_rows["summed"], metric, "B − A")
                if metric in SUMMABLE:
                    expect(isinstance(summed, (int, float)) and abs(summed - total) <= 1e-9 * scale * len(years),
                           f"{key} {name} {metric} summed: {summed!r}, its years add up to {total!r}")
                    last = area.get((metric, years[-1]))
                    if whole_area and last is not None and isinstance(summed, (int, float)):
                        for label, field in (("B − A", "cumulative_difference"), ("95% low", "cumulative_ci95_low"),
                                             ("95% high", "cumulative_ci95_high")):
                            v = table.value(part_rows["summed"], metric, label)
                            expect(isinstance(v, (int, float)) and
                                   abs(v - float(last[field])) <= 1e-9 * scale * len(years),
                                   f"{key} {name} {metric} summed {label}: {v!r}, compare.csv has {last[field]!r}")
                else:
                    expect(summed is None, f"{key} {name} {metric}: summed {summed!r}, but its years do not add up")
    return checked


def check_places_inputs(sheet, summary):
    """The places and hospitals by name, in summary.json's order; residents
    that add up to the area's, in the base year and every year."""
    rows = {}
    for row in range(1, sheet.max_row + 1):
        label = sheet.cell(row, 1).value
        if isinstance(label, str):
            rows.setdefault(label, row)

    def across(label, n):
        if label not in rows:
            problem(f"{sheet.title}: no row {label!r}")
            return []
        return [sheet.cell(rows[label], c).value for c in range(2, 2 + n)]

    places = [p["name"] for p in summary["places"].values()]
    hospitals = [h["name"] for h in summary["hospitals"].values()]
    if "Places, hospitals and boards" not in rows:
        problem(f"{sheet.title}: no section 'Places, hospitals and boards'")
    if across("Place", len(places) + 1) != places + [None]:
        problem(f"{sheet.title}: places {across('Place', len(places) + 1)}, summary.json has {places}")
    if across("Hospital", len(hospitals) + 1) != hospitals + [None]:
        problem(f"{sheet.title}: hospitals {across('Hospital', len(hospitals) + 1)}, summary.json has {hospitals}")
    if across("Id in the scenario", len(places)) != list(summary["places"]):
        problem(f"{sheet.title}: place ids {across('Id in the scenario', len(places))}, "
                f"summary.json has {list(summary['places'])}")
    boards = [b["name"] for b in summary.get("boards", {}).values()]
    if boards and across("Health and wellbeing board", len(boards)) != boards:
        problem(f"{sheet.title}: boards {across('Health and wellbeing board', len(boards))}, summary.json has {boards}")
    bands = [v for v in across("Age band", 12) if v is not None]
    area = across("Population (residents)", len(bands))
    for band, total in zip(bands, area):
        residents = across(f"Residents {band}, in the base year", len(places))
        if not all(isinstance(v, (int, float)) for v in residents) or not same(sum(residents), total):
            problem(f"{sheet.title}: residents {band} {residents}, the area has {total!r}")
    years = len(summary["years"])
    for band in bands:
        label = f"Population {band} (residents)"
        if label not in rows:
            problem(f"{sheet.title}: no row {label!r}")
            continue
        row = rows[label]
        total = [sheet.cell(row, c).value for c in range(2, 2 + years)]
        by_place = [[sheet.cell(row + 1 + i, c).value for c in range(2, 2 + years)] for i in range(len(places))]
        names = [sheet.cell(row + 1 + i, 1).value for i in range(len(places))]
        if names != ["  " + p for p in places]:
            problem(f"{sheet.title}: under {label!r} rows {names}, expected the places")
        elif not all(same(t, sum(v[y] for v in by_place)) for y, t in enumerate(total)):
            problem(f"{sheet.title}: {label} {total} is not its places' {by_place} added up")
    if "Serves" not in rows:
        problem(f"{sheet.title}: no row 'Serves' in Services")


def detects_a_changed_number(book, name, first_column, check, first_row=2):
    """Change one number (more than 1, from first_column and first_row on) on
    the sheet `name` by 1%; `check` (of the book) must then report a problem."""
    global problems
    sheet = book[name]
    cell = next(c for row in sheet.iter_rows(min_row=first_row, min_col=first_column) for c in row
                if isinstance(c.value, (int, float)) and not isinstance(c.value, bool) and abs(c.value) > 1)
    kept, saved = problems, cell.value
    problems = []
    cell.value = saved * 1.01
    check()
    caught = bool(problems)
    problems = kept
    cell.value = saved
    if not caught:
        problem(f"{name}: {cell.coordinate} changed from {saved!r} to {saved * 1.01!r}, and the check did not notice")
    return caught


def main(argv):
    if argv[1:2] == ["run"] and (len(argv) == 3 or (len(argv) == 4 and argv[3] == "--places")):
        out, places = Path(argv[2]), len(argv) == 4
        book = openpyxl.load_workbook(out / "results.xlsx")
        summary = json.load(open(out / "summary.json"))
        if places:
            check_sheets(book, ["Summary", "Costs", "By place", "BCF metrics", "Capacity and demand", "Places (tidy)",
                                "Inputs"])
        else:
            check_sheets(book, ["Summary", "Costs", "BCF metrics", "Capacity and demand", "Inputs"])
        check_numbers_are_numbers(book)
        checked = check_summary_sheet(book["Summary"], summary)
        checked += check_costs_sheet(book["Costs"], summary)
        detects_a_changed_number(book, "Costs", 4, lambda: check_costs_sheet(book["Costs"], summary),
                                 first_row=Table(book["Costs"], "Cost line").header_row + 1)
        checked += check_bcf_sheet(book["BCF metrics"], summary)
        checked += check_capacity_and_demand_sheet(book["Capacity and demand"], out / "daily.csv")
        check_inputs_sheet(book["Inputs"], summary)
        if places:
            checked += check_by_place_sheet(book["By place"], summary)
            checked += check_places_tidy_sheet(book["Places (tidy)"], out / "places.csv")
            check_places_inputs(book["Inputs"], summary)
            detects_a_changed_number(book, "By place", 3, lambda: check_by_place_sheet(book["By place"], summary))
            detects_a_changed_number(book, "Places (tidy)", 7,
                                     lambda: check_places_tidy_sheet(book["Places (tidy)"], out / "places.csv"))
    elif argv[1:2] == ["compare"] and (len(argv) == 5 or (len(argv) == 7 and argv[5] == "--places")):
        out, a_dir, b_dir = Path(argv[2]), Path(argv[3]), Path(argv[4])
        printed = argv[6] if len(argv) == 7 else None
        book = openpyxl.load_workbook(out / "results.xlsx")
        summary_a = json.load(open(a_dir / "summary.json"))
        summary_b = json.load(open(b_dir / "summary.json"))
        if printed:
            check_sheets(book, ["Difference", "Cost difference", "Difference by place", "Summary A", "Summary B",
                                "Inputs A", "Inputs B"])
        else:
            check_sheets(book, ["Difference", "Cost difference", "Summary A", "Summary B", "Inputs A", "Inputs B"])
        check_numbers_are_numbers(book)
        checked = check_difference_sheet(book["Difference"], out / "compare.csv", summary_a, summary_b)
        cost_difference = lambda: check_cost_difference_sheet(book["Cost difference"], out / "compare.csv")
        checked += cost_difference()
        detects_a_changed_number(book, "Cost difference", 4, cost_difference,
                                 first_row=Table(book["Cost difference"], "Cost line").header_row + 1)
        checked += check_summary_sheet(book["Summary A"], summary_a)
        checked += check_summary_sheet(book["Summary B"], summary_b)
        check_inputs_sheet(book["Inputs A"], summary_a)
        check_inputs_sheet(book["Inputs B"], summary_b)
        if printed:
            by_place = lambda: check_difference_by_place_sheet(book["Difference by place"], summary_a, summary_b,
                                                               out / "compare.csv", printed)
            checked += by_place()
            check_places_inputs(book["Inputs A"], summary_a)
            check_places_inputs(book["Inputs B"], summary_b)
            detects_a_changed_number(book, "Difference by place", 3, by_place)
    elif len(argv) == 6 and argv[1] == "plan":
        out, scenario, plan, seed = Path(argv[2]), argv[3], argv[4], argv[5]
        book = openpyxl.load_workbook(out / "results.xlsx")
        check_sheets(book, ["Capacity plan", "Trade-off", "Inputs"])
        check_numbers_are_numbers(book)
        checked = check_capacity_plan_sheet(book["Capacity plan"], out / "plan.csv")
        checked += check_trade_off_sheet(book["Trade-off"], out / "trade_off.csv")
        years = list(dict.fromkeys(int(r["year"]) for r in csv.DictReader(open(out / "plan.csv", newline=""))))
        check_plan_inputs_sheet(book["Inputs"], scenario, plan, seed, years)
    else:
        print(__doc__, file=sys.stderr)
        return 2
    for p in problems[:50]:
        print(p)
    if problems:
        print(f"check_workbook: {len(problems)} problems")
        return 1
    print(f"check_workbook: {checked} numbers match")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
