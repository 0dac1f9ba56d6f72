#include <icsim/engine/statistics.hpp>

#include <algorithm>
#include <cmath>

#include <icsim/engine/check.hpp>

namespace icsim::engine {

int Periods::index(SimTime t) const {
  if (t < origin) return -1;
  const double offset = std::floor((t - origin) / length);
  return offset < count ? static_cast<int>(offset) : -1;
}

// ---- P2Quantile -------------------------------------------------------------

namespace {
// Insertion sort of the first n of five values (std::sort on a std::array
// trips a false -Warray-bounds in g++ 12 at -O3).
void sort_first(std::array<double, 5>& values, std::size_t n) {
  for (std::size_t i = 1; i < n; ++i)
    for (std::size_t j = i; j > 0 && values[j] < values[j - 1]; --j) std::swap(values[j], values[j - 1]);
}
}  // namespace

P2Quantile::P2Quantile(double probability) : p_(probability) {
  ICSIM_CHECK(probability > 0.0 && probability < 1.0, "quantile probability outside (0, 1)");
  desired_ = {1.0, 1.0 + 2.0 * p_, 1.0 + 4.0 * p_, 3.0 + 2.0 * p_, 5.0};
  increment_ = {0.0, p_ / 2.0, p_, (1.0 + p_) / 2.0, 1.0};
  position_ = {1.0, 2.0, 3.0, 4.0, 5.0};
}

void P2Quantile::add(double x) {
  if (count_ < 5) {
    height_[static_cast<std::size_t>(count_++)] = x;
    if (count_ == 5) sort_first(height_, 5);
    return;
  }
  ++count_;
  int cell;
  if (x < height_[0]) {
    height_[0] = x;
    cell = 0;
  } else if (x >= height_[4]) {
    height_[4] = std::max(height_[4], x);
    cell = 3;
  } else {
    cell = 0;
    while (cell < 3 && x >= height_[static_cast<std::size_t>(cell + 1)]) ++cell;
  }
  for (int i = cell + 1; i < 5; ++i) position_[static_cast<std::size_t>(i)] += 1.0;
  for (std::size_t i = 0; i < 5; ++i) desired_[i] += increment_[i];

  for (int i = 1; i <= 3; ++i) {
    const auto u = static_cast<std::size_t>(i);
    const double d = desired_[u] - position_[u];
    if ((d >= 1.0 && position_[u + 1] - position_[u] > 1.0) || (d <= -1.0 && position_[u - 1] - position_[u] < -1.0)) {
      const int step = d > 0 ? 1 : -1;
      const double candidate = parabolic(i, step);
      height_[u] = (height_[u - 1] < candidate && candidate < height_[u + 1]) ? candidate : linear(i, step);
      position_[u] += step;
    }
  }
}

double P2Quantile::parabolic(int i, double d) const {
  const auto u = static_cast<std::size_t>(i);
  const double n0 = position_[u - 1], n1 = position_[u], n2 = position_[u + 1];
  const double q0 = height_[u - 1], q1 = height_[u], q2 = height_[u + 1];
  return q1 + d / (n2 - n0) * ((n1 - n0 + d) * (q2 - q1) / (n2 - n1) + (n2 - n1 - d) * (q1 - q0) / (n1 - n0));
}

double P2Quantile::linear(int i, int d) const {
  const auto u = static_cast<std::size_t>(i);
  const auto v = static_cast<std::size_t>(i + d);
  return height_[u] + d * (height_[v] - height_[u]) / (position_[v] - position_[u]);
}

double P2Quantile::value() const {
  if (count_ == 0) return 0.0;
  if (count_ >= 5) return height_[2];
  // Fewer than five: the exact nearest-rank quantile of what was seen.
  std::array<double, 5> seen = height_;
  const auto n = static_cast<std::size_t>(count_);
  sort_first(seen, n);
  const auto rank = static_cast<std::size_t>(std::ceil(p_ * static_cast<double>(n)));
  return seen[std::clamp<std::size_t>(rank, 1, n) - 1];
}

// ---- Moments ----------------------------------------------------------------

Moments::Moments(const std::vector<double>& quantiles) {
  quantiles_.reserve(quantiles.size());
  for (double p : quantiles) quantiles_.emplace_back(p);
}

void Moments::add(double x) {
  ++count_;
  if (count_ == 1) {
    min_ = max_ = x;
  } else {
    min_ = std::min(min_, x);
    max_ = std::max(max_, x);
  }
  const double delta = x - mean_;
  mean_ += delta / static_cast<double>(count_);
  m2_ += delta * (x - mean_);
  for (auto& q : quantiles_) q.add(x);
}

double Moments::variance() const { return count_ > 1 ? m2_ / static_cast<double>(count_ - 1) : 0.0; }
double Moments::sd() const { return std::sqrt(variance()); }

double Moments::quantile(double probability) const {
  for (const auto& q : quantiles_)
    if (q.probability() == probability) return q.value();
  ICSIM_CHECK(false, "quantile not tracked by this statistic");
  return 0.0;
}

// ---- Counter ----------------------------------------------------------------

Counter::Counter(const Periods& periods)
    : periods_(periods), per_period_(static_cast<std::size_t>(periods.count), 0.0) {}

void Counter::add(SimTime t, double amount) {
  const int period = cursor_.index(t);
  if (period < 0) return;
  per_period_[static_cast<std::size_t>(period)] += amount;
  total_ += amount;
}

void Counter::reset() {
  std::fill(per_period_.begin(), per_period_.end(), 0.0);
  total_ = 0.0;
}

// ---- Tally ------------------------------------------------------------------

Tally::Tally(const Periods& periods, const std::vector<double>& quantiles)
    : periods_(periods),
      quantiles_(quantiles),
      per_period_(static_cast<std::size_t>(periods.count), Moments(quantiles)) {}

void Tally::add(SimTime t, double x) {
  const int period = cursor_.index(t);
  if (period < 0) return;
  per_period_[static_cast<std::size_t>(period)].add(x);
  overall_.add(x);
}

void Tally::add_in(int period, double x) {
  if (period < 0 || period >= periods_.count) return;
  per_period_[static_cast<std::size_t>(period)].add(x);
  overall_.add(x);
}

void Tally::reset() {
  std::fill(per_period_.begin(), per_period_.end(), Moments(quantiles_));
  overall_ = Moments();
}

// ---- TimeWeighted -----------------------------------------------------------

TimeWeighted::TimeWeighted(const Periods& periods, SimTime start, double level)
    : periods_(periods),
      last_(start),
      level_(level),
      integral_(static_cast<std::size_t>(periods.count), 0.0),
      observed_days_(static_cast<std::size_t>(periods.count), 0.0),
      max_(static_cast<std::size_t>(periods.count), 0.0) {
  note_peak(start);
}

void TimeWeighted::set(SimTime t, double level) {
  ICSIM_CHECK(t >= last_, "time-weighted statistic updated in the past");
  integrate_to(t);
  level_ = level;
  note_peak(t);
}

void TimeWeighted::integrate_to(SimTime t) {
  SimTime from = std::max(last_, periods_.origin);
  const SimTime to = std::min(t, periods_.horizon());
  if (from < to) {  // the common case: within one period
    const int period = cursor_.index(from);
    if (period >= 0 && to <= cursor_.end()) {
      accumulate(period, to - from);
      last_ = t;
      return;
    }
  }
  while (from < to) {
    int period = periods_.index(from);
    if (period < 0) break;
    // Rounding can put `from` exactly on the end of the period floor() found.
    if (periods_.end(period) <= from) {
      if (++period >= periods_.count) break;
    }
    const SimTime until = std::min(to, periods_.end(period));
    accumulate(period, until - from);
    from = until;
  }
  last_ = t;
}

void TimeWeighted::accumulate(int period, double days) {
  const auto i = static_cast<std::size_t>(period);
  integral_[i] += level_ * days;
  observed_days_[i] += days;
  overall_integral_ += level_ * days;
  overall_observed_days_ += days;
  max_[i] = std::max(max_[i], level_);
}

void TimeWeighted::note_peak(SimTime t) {
  const int period = cursor_.index(t);
  if (period >= 0) max_[static_cast<std::size_t>(period)] = std::max(max_[static_cast<std::size_t>(period)], level_);
}

void TimeWeighted::reset(SimTime t) {
  std::fill(integral_.begin(), integral_.end(), 0.0);
  std::fill(observed_days_.begin(), observed_days_.end(), 0.0);
  std::fill(max_.begin(), max_.end(), 0.0);
  overall_integral_ = overall_observed_days_ = 0.0;
  last_ = t;
  note_peak(t);
}

double TimeWeighted::mean(int period) const {
  const auto i = static_cast<std::size_t>(period);
  return observed_days_[i] > 0 ? integral_[i] / observed_days_[i] : 0.0;
}

double TimeWeighted::overall_mean() const {
  return overall_observed_days_ > 0 ? overall_integral_ / overall_observed_days_ : 0.0;
}

}  // namespace icsim::engine
