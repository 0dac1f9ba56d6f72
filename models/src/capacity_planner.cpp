#include <icsim/models/capacity_planner.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>

#include <icsim/engine/check.hpp>
#include <icsim/engine/queueing_theory.hpp>
#include <icsim/engine/replication_runner.hpp>
#include <icsim/models/intermediate_care_model.hpp>
#include <icsim/models/metrics.hpp>
#include <icsim/models/single_year.hpp>

namespace icsim::models {
namespace {

// Per replication, the target's metric (in each part it is set for, when it
// is by part) and the NCTR bed days in the year.
struct Evaluation {
  std::vector<double> metric;
  std::vector<std::vector<double>> by_part;  // [target part][replication]
  std::vector<double> nctr_days;
  std::vector<double> service_cost;  // the planned services' cost_SERVICE, summed
};

// The scenario with the plan's prices: a service the plan prices is
// block-contracted at that price.
ScenarioSpec priced(const ScenarioSpec& spec, const PlanSpec& plan) {
  ScenarioSpec run = spec;
  for (const PlannedService& p : plan.services) {
    if (!p.price_from_plan) continue;
    ServiceSpec& service = run.services[p.service];
    service.contract = {ContractSpec::Kind::kBlock, 0.0, 0.0};
    (service.kind == ServiceKind::kHomeBased ? service.cost_per_care_hour : service.cost_per_bed_day) =
        p.cost_per_unit_per_year / engine::kDaysPerYear;
  }
  return run;
}

// "£586,000", "−£7,300": a sum of money in words, to the pound.
std::string pounds(double amount) {
  const long long whole = std::llround(amount);
  const std::string digits = std::to_string(whole < 0 ? -whole : whole);
  std::string grouped;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
    grouped += digits[i];
  }
  return (whole < 0 ? "\u2212\u00a3" : "\u00a3") + grouped;
}

class Planner {
 public:
  Planner(const ScenarioSpec& spec, const PlanSpec& plan, std::uint64_t seed, int threads,
          const std::function<void(const std::string&)>& on_step)
      : spec_(priced(spec, plan)), plan_(plan), seed_(seed), threads_(threads), on_step_(on_step) {
    const std::string wanted = plan.target.reported_metric();
    const auto find = [&](const std::vector<MetricDefinition>& names) {
      const auto it = std::find_if(names.begin(), names.end(), [&](const auto& d) { return d.name == wanted; });
      ICSIM_CHECK(it != names.end(), "the plan's target metric is not one the scenario reports");
      return static_cast<std::size_t>(it - names.begin());
    };
    metric_ = find(metric_definitions(spec));
    const auto parts = area_parts(spec);
    for (const std::size_t p : plan.target.parts) {
      part_names_.push_back(parts.at(p).name);
      part_metric_.push_back(find(metric_definitions(spec, parts[p].services)));
    }
  }

  // Each year starts from the year before's answer, the first from Erlang C.
  YearPlan plan_year(int year, const std::vector<double>* previous) {
    year_spec_ = single_year_scenario(spec_, year);
    // The plan's unit costs are the first projected year's prices, grown in
    // real terms like the scenario's own: a service's by its setting, the
    // delayed acute day's as the acute bed day.
    year_ = year;
    cost_per_nctr_day_ = plan_.target.cost_per_nctr_day * acute_cost_growth(spec_, year);
    cache_.clear();
    evaluations_ = 0;
    YearPlan result;
    result.year = year;
    std::vector<double> c = previous ? *previous : queueing_start();
    c = plan_.target.minimise_cost ? descend_cost(c) : search_feasible(c);
    confirm(c, result);
    trade_off(result);
    result.evaluations = evaluations_;
    return result;
  }

 private:
  using Capacity = std::vector<double>;

  // ---- evaluating a capacity --------------------------------------------

  const Evaluation& evaluate(const Capacity& c, int replications) {
    if (const auto it = cache_.find({c, replications}); it != cache_.end()) return it->second;
    // The same seed for every candidate: differences are the capacity's, not chance's.
    return store(c, replications, run_replications(with_capacity(c), replications, seed_, threads_));
  }

  // The candidates the search is about to look at, evaluated side by side:
  // their replications shared out among the threads together, so a few
  // replications each (3 to screen) do not leave a core idle. Each candidate
  // gets exactly the replications evaluate() would give it.
  void evaluate_together(const std::vector<Capacity>& candidates, int replications) {
    std::vector<Capacity> todo;
    for (const auto& c : candidates)
      if (!cache_.contains({c, replications}) && std::find(todo.begin(), todo.end(), c) == todo.end()) todo.push_back(c);
    if (todo.size() < 2) return;
    std::vector<ScenarioSpec> specs;
    for (const auto& c : todo) specs.push_back(with_capacity(c));
    auto results = engine::run_replications(static_cast<int>(todo.size()) * replications, threads_, [&](int job) {
      return run_replication(specs[static_cast<std::size_t>(job / replications)], seed_,
                             static_cast<std::uint32_t>(job % replications));
    });
    for (std::size_t k = 0; k < todo.size(); ++k) {
      const auto first = results.begin() + static_cast<std::ptrdiff_t>(k) * replications;
      store(todo[k], replications, std::vector<ReplicationResult>(std::make_move_iterator(first),
                                                                  std::make_move_iterator(first + replications)));
    }
  }

  const Evaluation& store(const Capacity& c, int replications, const std::vector<ReplicationResult>& results) {
    Evaluation e;
    e.by_part.resize(plan_.target.parts.size());
    for (const auto& r : results) {
      e.metric.push_back(r.values[metric_].front());
      e.nctr_days.push_back(r.values[index(Metric::kNctrBedDays)].front());
      double cost = 0.0;
      for (const PlannedService& p : plan_.services) cost += r.values[index(p.service, ServiceMeasure::kCost)].front();
      e.service_cost.push_back(cost);
      for (std::size_t i = 0; i < plan_.target.parts.size(); ++i)
        e.by_part[i].push_back(r.parts[plan_.target.parts[i]][part_metric_[i]].front());
    }
    ++evaluations_;
    if (on_step_) on_step_(describe(c));
    return cache_.emplace(std::make_pair(c, replications), std::move(e)).first->second;
  }

  // The planned year on its own (earlier years cannot change it once the
  // warm-up has filled the services), each planned service at capacity c all year.
  [[nodiscard]] ScenarioSpec with_capacity(const Capacity& c) const {
    ScenarioSpec run = year_spec_;
    for (std::size_t i = 0; i < plan_.services.size(); ++i) {
      const ServiceIndex s = plan_.services[i].service;
      run.services[s].capacity_changes.clear();
      run.services[s].capacity = c[i];
      run.yearly.front().capacity[s] = c[i];
    }
    fit_census_to_capacity(run);
    return run;
  }

  // Per replication: what the planned services cost under their contracts
  // (grown to the year), and what opening the units above the scenario's
  // capacity costs.
  [[nodiscard]] std::vector<double> capacity_costs(const Capacity& c, const Evaluation& e) const {
    double opening = 0.0;
    for (std::size_t i = 0; i < c.size(); ++i) {
      const auto& p = plan_.services[i];
      opening += std::max(0.0, c[i] - spec_.services[p.service].capacity) * p.fixed_cost_per_unit_opened *
                 service_cost_growth(spec_, p.service, year_);
    }
    std::vector<double> costs = e.service_cost;
    for (double& cost : costs) cost += opening;
    return costs;
  }
  [[nodiscard]] double capacity_cost(const Capacity& c, int replications) {
    return engine::estimate(capacity_costs(c, evaluate(c, replications))).mean;
  }

  // The target's metric: the area's, or that of the part it is set for that
  // meets it least well (the highest one-sided 95% upper bound).
  [[nodiscard]] std::pair<engine::Estimate, std::string> target_metric(const Evaluation& e) const {
    if (plan_.target.parts.empty()) return {engine::estimate(e.metric), ""};
    std::pair<engine::Estimate, std::string> worst;
    double worst_upper = 0.0;
    for (std::size_t i = 0; i < e.by_part.size(); ++i) {
      const engine::Estimate estimate = engine::estimate(e.by_part[i]);
      const double upper = one_sided_upper(estimate);
      if (i == 0 || upper > worst_upper) {
        worst = {estimate, part_names_[i]};
        worst_upper = upper;
      }
    }
    return worst;
  }

  // A one-sided 95% upper bound on the mean.
  [[nodiscard]] static double one_sided_upper(const engine::Estimate& e) {
    if (e.replications < 2) return e.mean;
    const double t = engine::student_t_quantile(0.90, e.replications - 1);
    return e.mean + t * e.sd / std::sqrt(static_cast<double>(e.replications));
  }

  PlanPoint point(const Capacity& c, int replications) {
    const Evaluation& e = evaluate(c, replications);
    std::vector<double> delay(e.nctr_days.size());
    std::transform(e.nctr_days.begin(), e.nctr_days.end(), delay.begin(),
                   [&](double days) { return days * cost_per_nctr_day_; });
    auto [metric, where] = target_metric(e);
    return PlanPoint{c, engine::estimate(capacity_costs(c, e)).mean, metric, where, engine::estimate(delay)};
  }

  // In the search: the mean, in the part that is furthest from the target.
  [[nodiscard]] double mean_metric(const Capacity& c) {
    const Evaluation& e = evaluate(c, plan_.screen_replications);
    if (plan_.target.parts.empty()) return engine::estimate(e.metric).mean;
    double worst = 0.0;
    for (std::size_t i = 0; i < e.by_part.size(); ++i) worst = std::max(worst, engine::estimate(e.by_part[i]).mean);
    return worst;
  }
  [[nodiscard]] double mean_total(const Capacity& c) { return point(c, plan_.screen_replications).total_cost(); }
  [[nodiscard]] bool feasible(const Capacity& c) { return mean_metric(c) <= plan_.target.at_most; }

  // ---- the search ----------------------------------------------------------

  [[nodiscard]] double snap(std::size_t i, double value) const {
    const auto& p = plan_.services[i];
    const double steps = std::ceil((value - p.min) / p.step - 1e-9);
    return std::clamp(p.min + std::max(0.0, steps) * p.step, p.min, p.max);
  }

  // Erlang C on each service's offered load (its use with every planned
  // service at its maximum): the smallest capacity that keeps the chance of
  // waiting under a half.
  Capacity queueing_start() {
    Capacity most(plan_.services.size());
    for (std::size_t i = 0; i < most.size(); ++i) most[i] = plan_.services[i].max;
    const auto results = run_replications(with_capacity(most), plan_.screen_replications, seed_, threads_);
    Capacity start(most.size());
    for (std::size_t i = 0; i < most.size(); ++i) {
      const auto& service = spec_.services[plan_.services[i].service];
      double load = 0.0;
      for (const auto& r : results)
        load += r.values[index(plan_.services[i].service, ServiceMeasure::kOccupancy)].front();
      load /= static_cast<double>(results.size());
      const double unit = service.capacity_in_care_hours ? service.package_hours_per_day_start : 1.0;
      const double packages = load / unit;
      int servers = std::max(1, static_cast<int>(std::floor(packages)) + 1);
      while (engine::erlang_c(servers, packages) > 0.5) ++servers;
      start[i] = snap(i, servers * unit);
    }
    return start;
  }

  // Up until the target is met (the step that helps most per pound), then
  // down service by service while it still is.
  Capacity search_feasible(Capacity c) {
    while (!feasible(c)) {
      std::size_t best = c.size();
      double best_gain = 0.0;
      std::vector<Capacity> ups;
      for (std::size_t i = 0; i < c.size(); ++i) {
        ups.push_back(c);
        ups.back()[i] = snap(i, c[i] + plan_.services[i].step);
      }
      ups.push_back(c);
      evaluate_together(ups, plan_.screen_replications);
      const double now = mean_metric(c);
      for (std::size_t i = 0; i < c.size(); ++i) {
        if (c[i] >= plan_.services[i].max) continue;
        const Capacity& up = ups[i];
        const double gain = (now - mean_metric(up)) /
                            std::max(1e-9, capacity_cost(up, plan_.screen_replications) -
                                               capacity_cost(c, plan_.screen_replications));
        if (best == c.size() || gain > best_gain) {
          best = i;
          best_gain = gain;
        }
      }
      if (best == c.size()) return c;  // every service at its maximum: cannot be met
      c[best] = snap(best, c[best] + plan_.services[best].step);
    }
    for (bool cut = true; cut;) {
      cut = false;
      for (std::size_t i : by_step_cost_descending()) {
        if (c[i] - plan_.services[i].step < plan_.services[i].min - 1e-9) continue;
        Capacity down = c;
        down[i] = snap(i, c[i] - plan_.services[i].step);
        if (feasible(down)) {
          c = down;
          cut = true;
        }
      }
    }
    return c;
  }

  // Coordinate descent on capacity cost plus delay cost.
  Capacity descend_cost(Capacity c) {
    for (bool moved = true; moved;) {
      moved = false;
      for (std::size_t i = 0; i < c.size(); ++i) {
        // Both neighbours side by side: the step up is looked at next unless
        // the step down helps (then its run is spare, on a core that would
        // have been idle).
        std::vector<Capacity> around{c, c, c};
        around[1][i] = snap(i, c[i] - plan_.services[i].step);
        around[2][i] = snap(i, c[i] + plan_.services[i].step);
        if (c[i] - plan_.services[i].step < plan_.services[i].min - 1e-9) around.erase(around.begin() + 1);
        evaluate_together(around, plan_.screen_replications);
        for (double direction : {-1.0, 1.0}) {
          Capacity next = c;
          next[i] = snap(i, c[i] + direction * plan_.services[i].step);
          if (next[i] == c[i] || (direction < 0 && c[i] - plan_.services[i].step < plan_.services[i].min - 1e-9)) continue;
          if (mean_total(next) < mean_total(c)) {
            c = next;
            moved = true;
          }
        }
      }
    }
    return c;
  }

  [[nodiscard]] std::vector<std::size_t> by_step_cost_descending() const {
    std::vector<std::size_t> order(plan_.services.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return plan_.services[a].step * plan_.services[a].cost_per_unit_per_year >
             plan_.services[b].step * plan_.services[b].cost_per_unit_per_year;
    });
    return order;
  }

  // ---- confirming --------------------------------------------------------

  // The candidate and its neighbours, with more replications. For a target:
  // the cheapest whose one-sided 95% upper bound meets it. For cost: the
  // cheapest on average, with its paired difference from the runner-up.
  void confirm(const Capacity& found, YearPlan& result) {
    std::vector<Capacity> candidates{found};
    for (std::size_t i = 0; i < found.size(); ++i)
      for (double direction : {-1.0, 1.0}) {
        Capacity next = found;
        next[i] = snap(i, found[i] + direction * plan_.services[i].step);
        if (direction < 0 && found[i] - plan_.services[i].step < plan_.services[i].min - 1e-9) continue;
        if (next != found && std::find(candidates.begin(), candidates.end(), next) == candidates.end())
          candidates.push_back(next);
      }
    const int n = plan_.confirm_replications;
    evaluate_together(candidates, n);
    for (const auto& c : candidates) result.confirmed.push_back(point(c, n));
    std::sort(result.confirmed.begin(), result.confirmed.end(), [&](const PlanPoint& a, const PlanPoint& b) {
      return plan_.target.minimise_cost ? a.total_cost() < b.total_cost() : a.capacity_cost < b.capacity_cost;
    });
    std::ostringstream words;
    if (plan_.target.minimise_cost) {
      result.recommended = result.confirmed.front();
      result.target_met = true;
      if (result.confirmed.size() > 1) {
        const PlanPoint& runner_up = result.confirmed[1];
        const Evaluation& a = evaluate(result.recommended.capacity, n);
        const Evaluation& b = evaluate(runner_up.capacity, n);
        const auto cost_a = capacity_costs(result.recommended.capacity, a);
        const auto cost_b = capacity_costs(runner_up.capacity, b);
        std::vector<double> saving(a.nctr_days.size());
        for (std::size_t r = 0; r < saving.size(); ++r)
          saving[r] = (cost_b[r] + b.nctr_days[r] * cost_per_nctr_day_) - (cost_a[r] + a.nctr_days[r] * cost_per_nctr_day_);
        const auto e = engine::estimate(saving);
        words << "cheaper than the next best candidate by " << pounds(e.mean) << " a year (95% interval "
              << pounds(e.low()) << " to " << pounds(e.high()) << ", paired over " << n << " replications)"
              << (e.low() > 0 ? "" : ": the two are not told apart at this precision");
      }
    } else {
      const auto upper = [&](const PlanPoint& p) { return one_sided_upper(p.metric); };
      const auto met = std::find_if(result.confirmed.begin(), result.confirmed.end(),
                                    [&](const PlanPoint& p) { return upper(p) <= plan_.target.at_most; });
      result.target_met = met != result.confirmed.end();
      result.recommended = result.target_met ? *met : result.confirmed.back();
      words.precision(3);
      if (result.target_met)
        words << "the target is met with 95% confidence: " << plan_.target.metric
              << (plan_.target.where.empty() ? "" : " in " + plan_.target.where + " (least well in " +
                                                        result.recommended.metric_where + ")")
              << " " << result.recommended.metric.mean << ", one-sided upper bound " << upper(result.recommended)
              << " <= " << plan_.target.at_most << " (" << n << " replications)";
      else
        words << "the target is not met with 95% confidence by any candidate up to the maximum capacities";
    }
    result.confidence = words.str();
  }

  // ---- the trade-off ---------------------------------------------------------

  void trade_off(YearPlan& result) {
    const Capacity& chosen = result.recommended.capacity;
    for (std::size_t i = 0; i < chosen.size(); ++i) {
      const auto& p = plan_.services[i];
      // Eight points from min to max, both ends included, and the recommendation
      // with a step either side, where the false-economy point usually lies.
      std::vector<double> values{chosen[i], snap(i, chosen[i] - p.step), snap(i, chosen[i] + p.step)};
      for (int k = 0; k < 8; ++k) values.push_back(snap(i, p.min + (p.max - p.min) * k / 7.0));
      std::sort(values.begin(), values.end());
      values.erase(std::unique(values.begin(), values.end()), values.end());
      std::vector<Capacity> along(values.size(), chosen);
      for (std::size_t k = 0; k < values.size(); ++k) along[k][i] = values[k];
      evaluate_together(along, plan_.screen_replications);
      std::vector<PlanPoint> curve;
      for (const auto& c : along) curve.push_back(point(c, plan_.screen_replications));
      // Past this capacity a unit more costs more than the delay it saves.
      double false_economy = curve.back().capacity[i];
      for (std::size_t k = 0; k + 1 < curve.size(); ++k) {
        const double extra_cost = curve[k + 1].capacity_cost - curve[k].capacity_cost;
        const double delay_saved = curve[k].delay_cost.mean - curve[k + 1].delay_cost.mean;
        if (extra_cost > delay_saved) {
          false_economy = curve[k].capacity[i];
          break;
        }
      }
      result.trade_off.push_back(std::move(curve));
      result.false_economy_capacity.push_back(false_economy);
    }
  }

  [[nodiscard]] std::string describe(const Capacity& c) const {
    std::ostringstream out;
    for (std::size_t i = 0; i < c.size(); ++i)
      out << (i ? ", " : "") << spec_.services[plan_.services[i].service].name << " " << c[i];
    return out.str();
  }

  const ScenarioSpec spec_;  // with the plan's prices
  const PlanSpec& plan_;
  std::uint64_t seed_;
  int threads_;
  const std::function<void(const std::string&)>& on_step_;
  std::size_t metric_ = 0;
  std::vector<std::size_t> part_metric_;  // the metric's index in each target part's values
  std::vector<std::string> part_names_;
  double cost_per_nctr_day_ = 0.0;
  ScenarioSpec year_spec_;  // the year being planned, on its own
  int year_ = 0;            // its index in the projection
  int evaluations_ = 0;
  std::map<std::pair<Capacity, int>, Evaluation> cache_;
};

}  // namespace

std::vector<YearPlan> plan_capacity(const ScenarioSpec& spec, const PlanSpec& plan, std::uint64_t seed, int threads,
                                    const std::function<void(const std::string&)>& on_step) {
  Planner planner(spec, plan, seed, threads, on_step);
  std::vector<YearPlan> plans;
  for (int year : plan.years)
    plans.push_back(planner.plan_year(year, plans.empty() ? nullptr : &plans.back().recommended.capacity));
  return plans;
}

}  // namespace icsim::models
