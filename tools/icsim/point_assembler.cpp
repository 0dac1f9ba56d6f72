#include "point_assembler.hpp"

#include <algorithm>
#include <stdexcept>

#include <icsim/engine/confidence.hpp>
#include <icsim/models/intermediate_care_model.hpp>
#include <icsim/models/metrics.hpp>

namespace icsim::tools {

ReplicationValues run_job(const SweepPlan& plan, const ReplicationJob& job) {
  const models::ScenarioSpec& spec = plan.specs.at(job.point);
  const models::ReplicationResult result = models::run_replication(spec, spec.seed, job.replication);
  ReplicationValues out{job, result.events, {}};
  const auto years = static_cast<std::size_t>(spec.years);
  const auto add = [&](const std::vector<std::vector<double>>& values) {
    for (const auto& per_year : values) {
      if (per_year.size() != years) throw std::logic_error("a replication's metric has the wrong number of years");
      out.values.insert(out.values.end(), per_year.begin(), per_year.end());
    }
  };
  // The area's metrics, then each part's (a scenario with places or hospitals of its own).
  add(result.values);
  if (models::has_places_or_hospitals(spec))
    for (const auto& part : result.parts) add(part);
  return out;
}

PointRecord reduce_point(const SweepPlan& plan, std::size_t point, const std::vector<ReplicationValues>& replications) {
  const models::ScenarioSpec& spec = plan.specs.at(point);
  PointRecord r;
  r.point = point;
  r.points = plan.specs.size();
  r.sweep_sha256 = plan.sweep_sha256;
  r.inputs_sha256 = plan.inputs_sha256.at(point);
  r.sweep_name = plan.sweep.name;
  r.parameters = plan.sweep.parameters;
  r.values = plan.sweep.points.at(point).values;
  r.scenario_sha256 = spec.sha256;
  r.seed = spec.seed;
  r.replications = static_cast<int>(replications.size());
  r.start_year = spec.start_year;
  for (const ReplicationValues& v : replications) r.events += v.events;

  const auto years = static_cast<std::size_t>(spec.years);
  std::size_t offset = 0;  // where the next metric's values start in each replication's list
  const auto reduce = [&](const std::vector<models::MetricDefinition>& metrics) {
    std::vector<MetricSeries> reduced;
    std::vector<double> values(replications.size());
    for (const auto& metric : metrics) {
      MetricSeries series{metric.name, metric.unit, {}, {}, {}};
      for (std::size_t y = 0; y < years; ++y) {
        for (std::size_t i = 0; i < replications.size(); ++i) values[i] = replications[i].values.at(offset + y);
        const engine::Estimate e = models::estimate_metric(values);  // as `icsim run` reduces them
        series.mean.push_back(e.mean);
        series.ci95_low.push_back(e.low());
        series.ci95_high.push_back(e.high());
      }
      offset += years;
      reduced.push_back(std::move(series));
    }
    return reduced;
  };
  r.metrics = reduce(models::metric_definitions(spec));
  if (models::has_places_or_hospitals(spec))
    for (const auto& part : models::area_parts(spec))
      r.parts.push_back({std::string(models::level_name(part.level)), part.id, part.name,
                         reduce(models::metric_definitions(spec, part.services))});
  return r;
}

PointAssembler::PointAssembler(const SweepPlan& plan, std::filesystem::path dir, Progress on_progress)
    : plan_(plan), dir_(std::move(dir)), on_progress_(std::move(on_progress)) {}

void PointAssembler::add(ReplicationValues values) {
  const std::uint32_t point = values.job.point;
  const auto replications = static_cast<std::size_t>(plan_.specs.at(point).replications);
  std::vector<ReplicationValues> complete;
  {
    const std::scoped_lock guard(lock_);
    std::vector<ReplicationValues>& waiting = waiting_[point];
    if (waiting.empty()) waiting.resize(replications);
    const std::uint32_t r = values.job.replication;
    if (r >= replications || !waiting[r].values.empty()) throw std::logic_error("a replication was run twice");
    waiting[r] = std::move(values);
    ++replications_done_;
    const bool all_in = std::all_of(waiting.begin(), waiting.end(), [](const auto& v) { return !v.values.empty(); });
    if (all_in) {
      complete = std::move(waiting);
      waiting_.erase(point);
    }
  }
  if (!complete.empty()) write_record(dir_, reduce_point(plan_, point, complete));  // outside the lock: fsync is slow
  const std::scoped_lock guard(lock_);
  if (!complete.empty()) ++points_written_;
  if (on_progress_) on_progress_(replications_done_, points_written_);
}

std::size_t PointAssembler::replications_done() const {
  const std::scoped_lock guard(lock_);
  return replications_done_;
}

std::size_t PointAssembler::points_written() const {
  const std::scoped_lock guard(lock_);
  return points_written_;
}

}  // namespace icsim::tools
