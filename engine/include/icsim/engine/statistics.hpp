#pragma once
// Streaming statistics, bucketed by period (a year, usually).
//
// Memory is fixed when a statistic is made: a few numbers per period, never
// a number per observation, so it does not grow with the run's length or
// with the patients who passed through. Observations before the periods'
// origin (the warm-up) are discarded, and reset() forgets everything at the
// warm-up boundary.

#include <array>
#include <cstdint>
#include <optional>
#include <tuple>
#include <vector>

#include <boost/histogram.hpp>

#include <icsim/engine/sim_time.hpp>

namespace icsim::engine {

// Consecutive periods of equal length from an origin.
struct Periods {
  SimTime origin = 0.0;
  SimTime length = kDaysPerYear;
  int count = 1;

  // The period holding time t, or -1 before the origin or after the last.
  [[nodiscard]] int index(SimTime t) const;
  [[nodiscard]] SimTime start(int period) const { return origin + length * period; }
  [[nodiscard]] SimTime end(int period) const { return origin + length * (period + 1); }
  [[nodiscard]] SimTime horizon() const { return end(count - 1); }

  // Calls f(period, days) for each period that [from, to) overlaps.
  template <class F>
  void for_each_overlap(SimTime from, SimTime to, F&& f) const {
    from = from < origin ? origin : from;
    to = to > horizon() ? horizon() : to;
    for (int period = from < to ? index(from) : -1; period >= 0 && period < count && start(period) < to; ++period) {
      const SimTime a = from > start(period) ? from : start(period);
      const SimTime b = to < end(period) ? to : end(period);
      if (b > a) f(period, b - a);
    }
  }
};

// Remembers the last period found: most updates fall in the same period as
// the one before, and then cost two comparisons instead of a division.
class PeriodCursor {
 public:
  explicit PeriodCursor(const Periods& periods) : periods_(periods) {}
  int index(SimTime t) {
    if (t >= start_ && t < end_) return current_;
    current_ = periods_.index(t);
    if (current_ >= 0) {
      start_ = periods_.start(current_);
      end_ = periods_.end(current_);
    } else {  // outside every period: remember which side
      start_ = t < periods_.origin ? -kNever : periods_.horizon();
      end_ = t < periods_.origin ? periods_.origin : kNever;
    }
    return current_;
  }
  [[nodiscard]] SimTime end() const { return end_; }

 private:
  Periods periods_;
  int current_ = -1;
  SimTime start_ = 0.0;
  SimTime end_ = 0.0;
};

// Quantiles of a stream of values >= 0 (waits, stays) in bounded memory,
// with a bounded error: Boost.Histogram's log-spaced axis from 0.001 to
// 100,000 (days), 1% wide bins, so a quantile is within 0.5% of the exact
// sample quantile's value (values of 0 or less are counted apart, exactly).
// P-square, used before, restarted every year and locked high on waits
// with many zeros.
class QuantileHistogram {
 public:
  QuantileHistogram();
  void add(double x);
  // The nearest-rank quantile, kept within the stream's [smallest, largest].
  [[nodiscard]] double value(double probability, double smallest, double largest) const;

 private:
  static constexpr int kBins = 1852;  // ln(1e8) / ln(1.01)
  static constexpr double kSmallest = 1e-3, kLargest = 1e5;
  using LogAxis = boost::histogram::axis::regular<double, boost::histogram::axis::transform::log>;
  boost::histogram::histogram<std::tuple<LogAxis>, boost::histogram::unlimited_storage<>> bins_;
  std::int64_t count_ = 0;
  std::int64_t at_most_zero_ = 0;
};

// Count, mean, variance (Welford), min, max and chosen quantiles of a stream.
class Moments {
 public:
  explicit Moments(const std::vector<double>& quantiles = {});
  void add(double x);

  [[nodiscard]] std::int64_t count() const { return count_; }
  [[nodiscard]] double mean() const { return count_ > 0 ? mean_ : 0.0; }
  [[nodiscard]] double variance() const;  // sample variance, n - 1
  [[nodiscard]] double sd() const;
  [[nodiscard]] double min() const { return min_; }
  [[nodiscard]] double max() const { return max_; }
  [[nodiscard]] double sum() const { return mean() * static_cast<double>(count_); }
  // Any quantile, when quantiles were asked for at construction.
  [[nodiscard]] double quantile(double probability) const;

 private:
  std::int64_t count_ = 0;
  double mean_ = 0.0;
  double m2_ = 0.0;
  double min_ = 0.0;
  double max_ = 0.0;
  std::optional<QuantileHistogram> histogram_;
};

// Events counted per period (admissions, diversions, deaths, ...).
class Counter {
 public:
  explicit Counter(const Periods& periods);
  void add(SimTime t, double amount = 1.0);
  void reset();
  [[nodiscard]] double in_period(int period) const { return per_period_[static_cast<std::size_t>(period)]; }
  [[nodiscard]] double total() const { return total_; }
  [[nodiscard]] const Periods& periods() const { return periods_; }

 private:
  Periods periods_;
  PeriodCursor cursor_{periods_};
  std::vector<double> per_period_;
  double total_ = 0.0;
};

// Observations per period (waits, lengths of stay, ...); the quantiles are
// estimated per period, the overall statistic keeps moments only.
class Tally {
 public:
  explicit Tally(const Periods& periods, const std::vector<double>& quantiles = {});
  void add(SimTime t, double x);
  // An observation that belongs to `period` whenever it is taken (the wait so
  // far of someone still waiting when the period ended).
  void add_in(int period, double x);
  void reset();
  [[nodiscard]] const Moments& in_period(int period) const { return per_period_[static_cast<std::size_t>(period)]; }
  [[nodiscard]] const Moments& overall() const { return overall_; }
  [[nodiscard]] const Periods& periods() const { return periods_; }

 private:
  Periods periods_;
  PeriodCursor cursor_{periods_};
  std::vector<double> quantiles_;
  std::vector<Moments> per_period_;
  Moments overall_;
};

// A level that holds between changes (beds occupied, queue length): its
// integral over time per period, so the period's mean is the integral over
// the time observed, and its peak.
class TimeWeighted {
 public:
  explicit TimeWeighted(const Periods& periods, SimTime start = 0.0, double level = 0.0);
  void set(SimTime t, double level);
  void add(SimTime t, double delta) { set(t, level_ + delta); }
  // Integrates up to t without changing the level (call at the end of a run).
  void advance(SimTime t) { set(t, level_); }
  // Forgets everything observed; the level carries on from t.
  void reset(SimTime t);

  [[nodiscard]] double level() const { return level_; }
  [[nodiscard]] double integral(int period) const { return integral_[static_cast<std::size_t>(period)]; }
  [[nodiscard]] double mean(int period) const;
  [[nodiscard]] double max(int period) const { return max_[static_cast<std::size_t>(period)]; }
  [[nodiscard]] double overall_integral() const { return overall_integral_; }
  [[nodiscard]] double overall_mean() const;
  [[nodiscard]] const Periods& periods() const { return periods_; }

 private:
  void integrate_to(SimTime t);
  void accumulate(int period, double days);  // the current level held for `days` in `period`
  void note_peak(SimTime t);

  Periods periods_;
  PeriodCursor cursor_{periods_};
  SimTime last_;
  double level_;
  std::vector<double> integral_;
  std::vector<double> observed_days_;
  std::vector<double> max_;
  double overall_integral_ = 0.0;
  double overall_observed_days_ = 0.0;
};

}  // namespace icsim::engine
