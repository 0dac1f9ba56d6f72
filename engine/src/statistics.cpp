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

// ---- QuantileHistogram --------------------------------------------------------

QuantileHistogram::QuantileHistogram()
    : bins_(boost::histogram::make_histogram_with(boost::histogram::unlimited_storage<>(),
                                                  LogAxis(kBins, kSmallest, kLargest))) {}

void QuantileHistogram::add(double x) {
  ++count_;
  if (x <= 0.0) {
    ++at_most_zero_;
    return;
  }
  bins_(x);
}

double QuantileHistogram::value(double probability, double smallest, double largest) const {
  if (count_ == 0) return 0.0;
  // The nearest rank: the smallest value with at least p of the values at or below it.
  const auto rank = std::max<std::int64_t>(1, static_cast<std::int64_t>(std::ceil(probability * count_)));
  if (rank <= at_most_zero_) return std::min(smallest, 0.0);
  double seen = static_cast<double>(at_most_zero_);
  for (const auto&& bin : boost::histogram::indexed(bins_, boost::histogram::coverage::all)) {
    seen += static_cast<double>(*bin);
    if (seen < static_cast<double>(rank)) continue;
    if (bin.index() < 0) return std::max(smallest, 0.0);        // below the axis: tiny, positive
    if (bin.index() >= kBins) return largest;                       // beyond it
    return std::clamp(std::sqrt(bin.bin().lower() * bin.bin().upper()), smallest, largest);  // the bin's middle in log
  }
  return largest;
}

// ---- Moments ----------------------------------------------------------------

Moments::Moments(const std::vector<double>& quantiles) {
  if (!quantiles.empty()) histogram_.emplace();
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
  if (histogram_) histogram_->add(x);
}

double Moments::variance() const { return count_ > 1 ? m2_ / static_cast<double>(count_ - 1) : 0.0; }
double Moments::sd() const { return std::sqrt(variance()); }

double Moments::quantile(double probability) const {
  ICSIM_CHECK(histogram_.has_value(), "quantiles are not kept by this statistic");
  return histogram_->value(probability, min_, max_);
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
