#pragma once
// A sweep point's record: DIR/points/NNNN.json, written once the point's
// replications are all done. It holds everything the sweep's CSV needs (the
// parameters, every metric's mean and interval per year, as exact hexfloats)
// and the hashes of its inputs, so that a run resumed after a change to the
// sweep file is caught rather than mixed, and shards can be merged without
// the sweep file.

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace icsim::tools {

struct MetricSeries {
  std::string name;
  std::string unit;
  std::vector<double> mean, ci95_low, ci95_high;  // per projected year
};

// A place's, hospital's, board's or ICP's metrics at a point.
struct PartSeries {
  std::string level;  // "place", "hospital", "board", "icp"
  std::string id;
  std::string name;
  std::vector<MetricSeries> metrics;
};

struct PointRecord {
  std::size_t point = 0;          // 0-based, in the sweep's order
  std::size_t points = 0;         // in the whole sweep
  std::string sweep_sha256;       // every point's inputs: which sweep this belongs to
  std::string inputs_sha256;      // this point's inputs: icsim, scenario and overrides, seed, replications
  std::string sweep_name;
  std::vector<std::string> parameters;  // the keys varied
  std::vector<std::string> values;      // this point's values, as YAML
  std::string scenario_sha256;
  std::uint64_t seed = 0;
  int replications = 0;
  int start_year = 0;
  std::uint64_t events = 0;
  std::vector<MetricSeries> metrics;
  std::vector<PartSeries> parts;  // for a scenario with places or hospitals of its own

  [[nodiscard]] int years() const { return metrics.empty() ? 0 : static_cast<int>(metrics.front().mean.size()); }
};

// DIR/points, and DIR/points/0003.json.
[[nodiscard]] std::filesystem::path records_folder(const std::filesystem::path& dir);
[[nodiscard]] std::filesystem::path record_file(const std::filesystem::path& dir, std::size_t point);

[[nodiscard]] std::string record_json(const PointRecord& record);
// The record in `text`, or nullopt with the reason in `why`.
[[nodiscard]] std::optional<PointRecord> parse_record(const std::string& text, std::string& why);

void write_record(const std::filesystem::path& dir, const PointRecord& record);

struct RecordsFound {
  std::map<std::size_t, PointRecord> records;        // by point
  std::map<std::size_t, std::filesystem::path> files;  // where each was read
  std::vector<std::string> unreadable;                 // "FILE: why"
};
// Every record in DIR/points (none when the folder is absent).
[[nodiscard]] RecordsFound read_records(const std::filesystem::path& dir);

// The records of one whole sweep from `folders` (each a DIR as above), in
// point order: every point present, all of the same sweep, a point found in
// two folders the same in both. nullopt, with every problem in `problems`,
// otherwise.
[[nodiscard]] std::optional<std::vector<PointRecord>> gather_sweep(const std::vector<std::filesystem::path>& folders,
                                                                   std::vector<std::string>& problems);

}  // namespace icsim::tools
