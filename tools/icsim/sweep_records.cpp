#include "sweep_records.hpp"

#include <cstdio>
#include <cstdlib>

#include <nlohmann/json.hpp>

#include <icsim/scenario/sha256.hpp>

#include "atomic_file.hpp"

namespace icsim::tools {
namespace {

using scenario::sha256_hex;

// The record's last line: its checksum, of every byte before this line.
constexpr std::string_view kChecksumKey = " \"content_sha256\": \"";

constexpr const char* kFormat = "icsim-sweep-point/2";  // 2: with the checksum

// Exact: the double's bits, as C's %a writes them ("0x1.8p+3", "nan", "inf").
std::string hexfloat(double value) {
  char text[64];
  std::snprintf(text, sizeof text, "%a", value);
  return text;
}

double from_hexfloat(const std::string& text) {
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (text.empty() || end != text.c_str() + text.size()) throw std::runtime_error("not a number: " + text);
  return value;
}

nlohmann::ordered_json hexfloats(const std::vector<double>& values) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (double v : values) list.push_back(hexfloat(v));
  return list;
}

std::vector<double> doubles(const nlohmann::json& list) {
  std::vector<double> values;
  for (const auto& v : list) values.push_back(from_hexfloat(v.get<std::string>()));
  return values;
}

bool is_record_name(const std::string& name) {
  constexpr std::string_view kSuffix = ".json";
  if (name.size() <= kSuffix.size() || name.compare(name.size() - kSuffix.size(), kSuffix.size(), kSuffix) != 0)
    return false;
  for (std::size_t i = 0; i + kSuffix.size() < name.size(); ++i)
    if (name[i] < '0' || name[i] > '9') return false;
  return true;
}

}  // namespace

std::filesystem::path records_folder(const std::filesystem::path& dir) { return dir / "points"; }

std::filesystem::path record_file(const std::filesystem::path& dir, std::size_t point) {
  char name[40];
  std::snprintf(name, sizeof name, "%04zu.json", point);
  return records_folder(dir) / name;
}

std::string record_json(const PointRecord& r) {
  nlohmann::ordered_json json;
  json["format"] = kFormat;
  json["icsim_version"] = ICSIM_VERSION;
  json["sweep"] = r.sweep_name;
  json["point"] = r.point;
  json["points"] = r.points;
  json["sweep_sha256"] = r.sweep_sha256;
  json["inputs_sha256"] = r.inputs_sha256;
  nlohmann::ordered_json parameters = nlohmann::ordered_json::array();
  for (std::size_t k = 0; k < r.parameters.size(); ++k)
    parameters.push_back({{"key", r.parameters[k]}, {"value", r.values[k]}});
  json["parameters"] = parameters;
  json["scenario_sha256"] = r.scenario_sha256;
  json["seed"] = r.seed;
  json["replications"] = r.replications;
  json["start_year"] = r.start_year;
  json["events"] = r.events;
  // One metric a line: readable, and a tenth of the size of one value a line.
  std::string text = json.dump(1);
  text.resize(text.size() - 2);  // "\n}": the metrics go before the closing brace
  const auto metrics_text = [](const std::vector<MetricSeries>& metrics, const char* indent) {
    std::string out;
    for (std::size_t i = 0; i < metrics.size(); ++i) {
      const MetricSeries& m = metrics[i];
      const nlohmann::ordered_json metric = {{"name", m.name},
                                             {"unit", m.unit},
                                             {"mean", hexfloats(m.mean)},
                                             {"ci95_low", hexfloats(m.ci95_low)},
                                             {"ci95_high", hexfloats(m.ci95_high)}};
      out += std::string(i ? "," : "") + "\n" + indent + metric.dump();
    }
    return out;
  };
  text += ",\n \"metrics\": [" + metrics_text(r.metrics, "  ") + "\n ]";
  if (!r.parts.empty()) {
    text += ",\n \"parts\": [";
    for (std::size_t i = 0; i < r.parts.size(); ++i) {
      const PartSeries& part = r.parts[i];
      const nlohmann::ordered_json who = {{"level", part.level}, {"id", part.id}, {"name", part.name}};
      std::string head = who.dump();
      head.pop_back();  // "}": its metrics follow
      text += std::string(i ? "," : "") + "\n  " + head + ", \"metrics\": [" + metrics_text(part.metrics, "   ") + "\n  ]}";
    }
    text += "\n ]";
  }
  // Last, a checksum of everything above it: a record altered by hand or
  // damaged is refused, not used.
  text += ",\n" + std::string(kChecksumKey) + sha256_hex(text + "\n}\n") + "\"\n}\n";
  return text;
}

std::optional<PointRecord> parse_record(const std::string& text, std::string& why) {
  const std::size_t at = text.rfind(",\n" + std::string(kChecksumKey));
  if (at == std::string::npos) {
    why = "it carries no checksum of its content (written by an older icsim?)";
    return std::nullopt;
  }
  const std::string checksum = text.substr(at + 2 + kChecksumKey.size(), 64);
  if (sha256_hex(text.substr(0, at) + "\n}\n") != checksum) {
    why = "its content does not match its checksum (edited or damaged)";
    return std::nullopt;
  }
  try {
    const nlohmann::json json = nlohmann::json::parse(text);
    if (json.at("format").get<std::string>() != kFormat) {
      why = "not an icsim sweep point record (format " + json.at("format").dump() + ")";
      return std::nullopt;
    }
    PointRecord r;
    r.point = json.at("point").get<std::size_t>();
    r.points = json.at("points").get<std::size_t>();
    r.sweep_sha256 = json.at("sweep_sha256").get<std::string>();
    r.inputs_sha256 = json.at("inputs_sha256").get<std::string>();
    r.sweep_name = json.at("sweep").get<std::string>();
    for (const auto& p : json.at("parameters")) {
      r.parameters.push_back(p.at("key").get<std::string>());
      r.values.push_back(p.at("value").get<std::string>());
    }
    r.scenario_sha256 = json.at("scenario_sha256").get<std::string>();
    r.seed = json.at("seed").get<std::uint64_t>();
    r.replications = json.at("replications").get<int>();
    r.start_year = json.at("start_year").get<int>();
    r.events = json.at("events").get<std::uint64_t>();
    const auto read_metrics = [](const nlohmann::json& list, std::vector<MetricSeries>& into, std::size_t years) {
      for (const auto& m : list) {
        MetricSeries series{m.at("name").get<std::string>(), m.at("unit").get<std::string>(), doubles(m.at("mean")),
                            doubles(m.at("ci95_low")), doubles(m.at("ci95_high"))};
        if (series.ci95_low.size() != series.mean.size() || series.ci95_high.size() != series.mean.size() ||
            (years > 0 && series.mean.size() != years) || (!into.empty() && series.mean.size() != into.front().mean.size()))
          throw std::runtime_error("metric " + series.name + " has a different number of years");
        into.push_back(std::move(series));
      }
    };
    read_metrics(json.at("metrics"), r.metrics, 0);
    if (json.contains("parts"))
      for (const auto& p : json.at("parts")) {
        PartSeries part{p.at("level").get<std::string>(), p.at("id").get<std::string>(), p.at("name").get<std::string>(), {}};
        read_metrics(p.at("metrics"), part.metrics, static_cast<std::size_t>(r.years()));
        r.parts.push_back(std::move(part));
      }
    return r;
  } catch (const std::exception& e) {
    why = e.what();
    return std::nullopt;
  }
}

void write_record(const std::filesystem::path& dir, const PointRecord& record) {
  write_file_atomically(record_file(dir, record.point), record_json(record));
}

RecordsFound read_records(const std::filesystem::path& dir) {
  RecordsFound found;
  const std::filesystem::path folder = records_folder(dir);
  std::error_code error;
  if (!std::filesystem::is_directory(folder, error)) return found;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (!entry.is_regular_file() || !is_record_name(entry.path().filename().string())) continue;
    std::string why;
    std::optional<PointRecord> record = parse_record(read_file(entry.path()).value_or(""), why);
    if (record && record_file(dir, record->point).filename() != entry.path().filename()) {
      record.reset();
      why = "its point number does not match its name";
    }
    if (!record) {
      found.unreadable.push_back(entry.path().string() + ": " + why);
      continue;
    }
    found.files[record->point] = entry.path();
    found.records.emplace(record->point, std::move(*record));
  }
  return found;
}

std::optional<std::vector<PointRecord>> gather_sweep(const std::vector<std::filesystem::path>& folders,
                                                     std::vector<std::string>& problems) {
  std::map<std::size_t, PointRecord> all;
  std::map<std::size_t, std::filesystem::path> where;
  std::optional<std::filesystem::path> first;  // the record the others are checked against
  for (const std::filesystem::path& folder : folders) {
    RecordsFound found = read_records(folder);
    for (const std::string& why : found.unreadable) problems.push_back(why);
    for (auto& [point, record] : found.records) {
      const std::filesystem::path& file = found.files.at(point);
      if (!first) first = file;
      const PointRecord& reference = all.empty() ? record : all.begin()->second;
      if (record.sweep_sha256 != reference.sweep_sha256 || record.points != reference.points) {
        problems.push_back(file.string() + ": a point of another sweep than " + first->string() +
                           " (a different sweep file, scenario, seed or icsim)");
        continue;
      }
      if (record.point >= record.points) {
        problems.push_back(file.string() + ": point " + std::to_string(record.point) + " of a sweep of " +
                           std::to_string(record.points));
        continue;
      }
      if (const auto it = all.find(point); it != all.end()) {
        if (it->second.inputs_sha256 != record.inputs_sha256)
          problems.push_back(file.string() + " and " + where.at(point).string() + ": the same point with other inputs");
        continue;
      }
      where[point] = file;
      all.emplace(point, std::move(record));
    }
  }
  if (all.empty() && problems.empty()) {
    std::string names;
    for (const auto& folder : folders) names += (names.empty() ? "" : ", ") + records_folder(folder).string();
    problems.push_back("no point records in " + names);
  }
  if (!all.empty()) {
    const std::size_t points = all.begin()->second.points;
    std::vector<std::size_t> missing;
    for (std::size_t p = 0; p < points; ++p)
      if (all.count(p) == 0) missing.push_back(p);
    if (!missing.empty()) {
      std::string list;
      for (std::size_t i = 0; i < missing.size() && i < 10; ++i) list += (i ? ", " : "") + std::to_string(missing[i]);
      if (missing.size() > 10) list += ", ...";
      problems.push_back(std::to_string(missing.size()) + " of the sweep's " + std::to_string(points) +
                         " points are in none of the folders (" + list +
                         "): run the shards that have them (again) and merge their folders too");
    }
  }
  if (!problems.empty()) return std::nullopt;
  std::vector<PointRecord> records;
  records.reserve(all.size());
  for (auto& [point, record] : all) records.push_back(std::move(record));
  return records;
}

}  // namespace icsim::tools
