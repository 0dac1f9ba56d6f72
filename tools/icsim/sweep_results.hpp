#pragma once
// A sweep's results from its point records, in point order, so that the
// bytes are the same however the points were run (threads, resumed, shards,
// ranks):
//   sweep.csv       tidy: point, each parameter, year, metric, unit, mean, ci95_low, ci95_high
//   sweep_places.csv  the same for each place, hospital, board and ICP (scenarios that have them):
//                   point, each parameter, level, id, name, year, metric, unit, mean, ci95_low, ci95_high
//   best_worst.csv  for a few key metrics in each point's last year, the best and the worst point

#include <cstdio>
#include <filesystem>
#include <vector>

#include "sweep_records.hpp"

namespace icsim::tools {

void write_sweep_csv(const std::filesystem::path& file, const std::vector<PointRecord>& records);
void write_sweep_places_csv(const std::filesystem::path& file, const std::vector<PointRecord>& records);
void write_best_worst_csv(const std::filesystem::path& file, const std::vector<PointRecord>& records);
void print_best_worst(std::FILE* out, const std::vector<PointRecord>& records);

// Gathers the whole sweep from the records in `folders`, writes them into
// OUT/points (where they are not there already), then sweep.csv and
// best_worst.csv in `out`, and prints the best and worst points. Returns the
// exit code: 2, having printed why, when the folders do not hold one whole
// sweep.
[[nodiscard]] int write_sweep_results(const std::filesystem::path& out, const std::vector<std::filesystem::path>& folders);

}  // namespace icsim::tools
