#include "sweep_results.hpp"

#include "csv_field.hpp"

#include <cmath>
#include <optional>
#include <string>

#include "atomic_file.hpp"
#include "readable_number.hpp"

namespace icsim::tools {
namespace {

void add_field(std::string& line, std::string_view field) {
  line += ',';
  line += field;
}

std::string numbers(double mean, double low, double high) {
  char text[128];
  std::snprintf(text, sizeof text, "%.17g,%.17g,%.17g", mean, low, high);
  return text;
}

// The metrics a commissioner ranks points by, and which way is better.
struct KeyMetric {
  const char* name;
  bool lower_is_better;
};
constexpr KeyMetric kKeyMetrics[] = {
    {"cost_total", true},        {"nctr_bed_days", true},     {"cost_intermediate_care", true},
    {"mean_wait_days_p1", true}, {"mean_wait_days_p2", true}, {"at_home_91d_pct", false},
};

const MetricSeries* find_metric(const PointRecord& r, const char* name) {
  for (const MetricSeries& m : r.metrics)
    if (m.name == name) return &m;
  return nullptr;
}

struct Ranked {
  const PointRecord* record = nullptr;
  const MetricSeries* metric = nullptr;
  std::size_t year = 0;  // the point's last
  [[nodiscard]] double mean() const { return metric->mean[year]; }
};

struct BestWorst {
  KeyMetric key;
  Ranked best, worst;
};

// For each key metric every point reports, the best and worst point in its
// last year; ties go to the earlier point, NaN means are never chosen.
std::vector<BestWorst> rank(const std::vector<PointRecord>& records) {
  std::vector<BestWorst> ranked;
  for (const KeyMetric& key : kKeyMetrics) {
    std::optional<BestWorst> bw;
    for (const PointRecord& r : records) {
      const MetricSeries* m = find_metric(r, key.name);
      if (m == nullptr || m->mean.empty()) continue;
      const Ranked here{&r, m, m->mean.size() - 1};
      if (std::isnan(here.mean())) continue;
      if (!bw) {
        bw = BestWorst{key, here, here};
        continue;
      }
      const bool better = key.lower_is_better ? here.mean() < bw->best.mean() : here.mean() > bw->best.mean();
      const bool worse = key.lower_is_better ? here.mean() > bw->worst.mean() : here.mean() < bw->worst.mean();
      if (better) bw->best = here;
      if (worse) bw->worst = here;
    }
    if (bw) ranked.push_back(*bw);
  }
  return ranked;
}

std::string point_values(const PointRecord& r, const char* separator) {
  std::string text;
  for (std::size_t k = 0; k < r.parameters.size(); ++k)
    text += (k ? separator : "") + r.parameters[k] + ": " + r.values[k];
  return text;
}

// A row per year and metric: the row's first fields, then
// year,metric,unit,mean,ci95_low,ci95_high.
void add_rows(std::string& text, const std::string& first, const PointRecord& r, const std::vector<MetricSeries>& metrics) {
  for (std::size_t y = 0; y < static_cast<std::size_t>(r.years()); ++y) {
    const std::string year = std::to_string(r.start_year + static_cast<int>(y));
    for (const MetricSeries& m : metrics) {
      text += first;
      add_field(text, year);
      add_field(text, csv_field(m.name));
      add_field(text, csv_field(m.unit));
      add_field(text, numbers(m.mean[y], m.ci95_low[y], m.ci95_high[y]));
      text += '\n';
    }
  }
}

}  // namespace

void write_sweep_csv(const std::filesystem::path& file, const std::vector<PointRecord>& records) {
  std::string text = "point";
  if (!records.empty())
    for (const std::string& key : records.front().parameters) add_field(text, csv_field(key));
  text += ",year,metric,unit,mean,ci95_low,ci95_high\n";
  for (const PointRecord& r : records) {
    std::string point = std::to_string(r.point);
    for (const std::string& value : r.values) add_field(point, csv_field(value));
    add_rows(text, point, r, r.metrics);
  }
  write_file_atomically(file, text);
}

void write_sweep_places_csv(const std::filesystem::path& file, const std::vector<PointRecord>& records) {
  std::string text = "point";
  if (!records.empty())
    for (const std::string& key : records.front().parameters) add_field(text, csv_field(key));
  text += ",level,id,name,year,metric,unit,mean,ci95_low,ci95_high\n";
  for (const PointRecord& r : records) {
    std::string point = std::to_string(r.point);
    for (const std::string& value : r.values) add_field(point, csv_field(value));
    for (const PartSeries& part : r.parts) {
      std::string who = point;
      add_field(who, part.level);
      add_field(who, csv_field(part.id));
      add_field(who, csv_field(part.name));
      add_rows(text, who, r, part.metrics);
    }
  }
  write_file_atomically(file, text);
}

void write_best_worst_csv(const std::filesystem::path& file, const std::vector<PointRecord>& records) {
  std::string text = "metric,better,year,rank,point";
  if (!records.empty())
    for (const std::string& key : records.front().parameters) add_field(text, csv_field(key));
  text += ",unit,mean,ci95_low,ci95_high\n";
  for (const BestWorst& bw : rank(records)) {
    for (const auto& [label, ranked] : {std::pair{"best", bw.best}, std::pair{"worst", bw.worst}}) {
      const PointRecord& r = *ranked.record;
      const MetricSeries& m = *ranked.metric;
      const std::size_t y = ranked.year;
      text += bw.key.name;
      add_field(text, bw.key.lower_is_better ? "lower" : "higher");
      add_field(text, std::to_string(r.start_year + static_cast<int>(y)));
      add_field(text, label);
      add_field(text, std::to_string(r.point));
      for (const std::string& value : r.values) add_field(text, csv_field(value));
      add_field(text, csv_field(m.unit));
      add_field(text, numbers(m.mean[y], m.ci95_low[y], m.ci95_high[y]));
      text += '\n';
    }
  }
  write_file_atomically(file, text);
}

void print_best_worst(std::FILE* out, const std::vector<PointRecord>& records) {
  if (records.empty()) return;
  std::fprintf(out, "%s: %zu points, %d replications each, seed %llu (common random numbers)\n",
               records.front().sweep_name.c_str(), records.size(), records.front().replications,
               static_cast<unsigned long long>(records.front().seed));
  std::fprintf(out, "Best and worst points in the last projected year, mean [95%% interval]:\n");
  for (const BestWorst& bw : rank(records)) {
    std::fprintf(out, "\n%s (%s is better), %d\n", bw.key.name, bw.key.lower_is_better ? "lower" : "higher",
                 bw.best.record->start_year + static_cast<int>(bw.best.year));
    for (const auto& [label, ranked] : {std::pair{"best ", bw.best}, std::pair{"worst", bw.worst}}) {
      const std::size_t y = ranked.year;
      const MetricSeries& m = *ranked.metric;
      std::fprintf(out, "  %s %18s [%s, %s]  point %zu: %s\n", label, readable(m.mean[y]).c_str(),
                   readable(m.ci95_low[y]).c_str(), readable(m.ci95_high[y]).c_str(), ranked.record->point,
                   point_values(*ranked.record, ", ").c_str());
    }
  }
}

int write_sweep_results(const std::filesystem::path& out, const std::vector<std::filesystem::path>& folders) {
  std::vector<std::string> problems;
  const std::optional<std::vector<PointRecord>> records = gather_sweep(folders, problems);
  if (!records) {
    for (const std::string& problem : problems) std::fprintf(stderr, "icsim: error: %s\n", problem.c_str());
    return 2;
  }
  std::filesystem::create_directories(records_folder(out));
  for (const PointRecord& r : *records) {
    const std::string text = record_json(r);
    const std::filesystem::path file = record_file(out, r.point);
    if (read_file(file) != text) write_file_atomically(file, text);
  }
  write_sweep_csv(out / "sweep.csv", *records);
  const bool by_place = !records->empty() && !records->front().parts.empty();
  if (by_place) write_sweep_places_csv(out / "sweep_places.csv", *records);
  write_best_worst_csv(out / "best_worst.csv", *records);
  print_best_worst(stdout, *records);
  std::printf("\nWrote %s in %s\n", by_place ? "sweep.csv, sweep_places.csv and best_worst.csv" : "sweep.csv and best_worst.csv",
              out.c_str());
  return 0;
}

}  // namespace icsim::tools
