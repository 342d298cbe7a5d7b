#include "agree/agreement.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

#include "core/error.hpp"

namespace prefero {

namespace {
size_t at(int i) { return static_cast<size_t>(i); }

// Mid-ranks (1-based, ties get the mean of their positions).
std::vector<double> mid_ranks(const std::vector<double>& x) {
  std::vector<size_t> order(x.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return x[a] < x[b]; });
  std::vector<double> r(x.size());
  for (size_t i = 0; i < order.size();) {
    size_t j = i;
    while (j + 1 < order.size() && x[order[j + 1]] == x[order[i]]) ++j;
    for (size_t k = i; k <= j; ++k) r[order[k]] = (static_cast<double>(i + j) / 2.0) + 1.0;
    i = j + 1;
  }
  return r;
}

void same_length(size_t a, size_t b, const char* what) {
  if (a != b || a < 2) throw InputError(std::string(what) + ": needs two sequences of the same length >= 2");
}
}  // namespace

// Cohen (1960), "A coefficient of agreement for nominal scales".
double cohen_kappa(const std::vector<int>& a, const std::vector<int>& b) {
  same_length(a.size(), b.size(), "cohen_kappa");
  std::map<int, double> pa, pb;
  double n = 0, agree = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i] < 0 || b[i] < 0) continue;
    ++n;
    agree += a[i] == b[i] ? 1 : 0;
    pa[a[i]] += 1;
    pb[b[i]] += 1;
  }
  if (n == 0) throw InputError("cohen_kappa: no unit is labelled by both raters");
  double pe = 0;
  for (auto [c, x] : pa) pe += (x / n) * (pb.count(c) ? pb[c] / n : 0);
  double po = agree / n;
  return pe == 1 ? (po == 1 ? 1 : 0) : (po - pe) / (1 - pe);
}

// Fleiss (1971), "Measuring nominal scale agreement among many raters".
double fleiss_kappa(const std::vector<std::vector<int>>& counts) {
  if (counts.empty()) throw InputError("fleiss_kappa: no units");
  const size_t k = counts[0].size();
  const int n = std::accumulate(counts[0].begin(), counts[0].end(), 0);
  if (n < 2) throw InputError("fleiss_kappa: every unit needs at least 2 ratings");
  std::vector<double> pj(k, 0.0);
  double p_bar = 0;
  for (size_t i = 0; i < counts.size(); ++i) {
    if (counts[i].size() != k || std::accumulate(counts[i].begin(), counts[i].end(), 0) != n)
      throw InputError("fleiss_kappa: unit " + std::to_string(i + 1) + " has a different number of ratings than unit 1 (" +
                       std::to_string(n) + "); Fleiss' kappa needs the same number per unit (use krippendorff_alpha otherwise)");
    double agree = 0;
    for (size_t j = 0; j < k; ++j) {
      agree += static_cast<double>(counts[i][j]) * (counts[i][j] - 1);
      pj[j] += counts[i][j];
    }
    p_bar += agree / (static_cast<double>(n) * (n - 1));
  }
  const double units = static_cast<double>(counts.size());
  p_bar /= units;
  double pe = 0;
  for (double x : pj) pe += (x / (units * n)) * (x / (units * n));
  return pe == 1 ? 1 : (p_bar - pe) / (1 - pe);
}

// Krippendorff (2011): alpha = 1 - D_o / D_e from the coincidence matrix of pairable values.
double krippendorff_alpha(const std::vector<std::vector<double>>& units, Level level) {
  std::vector<double> values;  // distinct values, ascending
  for (const auto& u : units)
    for (double v : u)
      if (!std::isnan(v)) values.push_back(v);
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  const size_t v = values.size();
  auto index = [&](double x) { return static_cast<size_t>(std::lower_bound(values.begin(), values.end(), x) - values.begin()); };
  std::vector<double> o(v * v, 0.0);  // coincidences o_ck
  for (const auto& u : units) {
    std::vector<size_t> idx;
    for (double x : u)
      if (!std::isnan(x)) idx.push_back(index(x));
    if (idx.size() < 2) continue;
    const double w = 1.0 / static_cast<double>(idx.size() - 1);
    for (size_t i = 0; i < idx.size(); ++i)
      for (size_t j = 0; j < idx.size(); ++j)
        if (i != j) o[idx[i] * v + idx[j]] += w;
  }
  std::vector<double> nc(v, 0.0);
  for (size_t c = 0; c < v; ++c)
    for (size_t k = 0; k < v; ++k) nc[c] += o[c * v + k];
  const double n = std::accumulate(nc.begin(), nc.end(), 0.0);
  if (n < 2) throw InputError("krippendorff_alpha: fewer than two pairable values (each unit needs two ratings to count)");
  auto delta2 = [&](size_t c, size_t k) {
    switch (level) {
      case Level::nominal: return c == k ? 0.0 : 1.0;
      case Level::interval: return (values[c] - values[k]) * (values[c] - values[k]);
      case Level::ordinal: {
        size_t lo = std::min(c, k), hi = std::max(c, k);
        double s = 0;
        for (size_t g = lo; g <= hi; ++g) s += nc[g];
        s -= (nc[c] + nc[k]) / 2;
        return s * s;
      }
    }
    return 0.0;
  };
  double d_o = 0, d_e = 0;
  for (size_t c = 0; c < v; ++c)
    for (size_t k = 0; k < v; ++k) {
      double d = delta2(c, k);
      d_o += o[c * v + k] * d;
      d_e += nc[c] * nc[k] * d;
    }
  d_o /= n;
  d_e /= n * (n - 1);
  return d_e == 0 ? 1.0 : 1.0 - d_o / d_e;
}

// Kendall (1945), tau-b: (concordant - discordant) / sqrt((n0 - n1)(n0 - n2)).
double kendall_tau_b(const std::vector<double>& x, const std::vector<double>& y) {
  same_length(x.size(), y.size(), "kendall_tau");
  double con = 0, dis = 0, tie_x = 0, tie_y = 0;
  for (size_t i = 0; i < x.size(); ++i)
    for (size_t j = i + 1; j < x.size(); ++j) {
      double dx = x[i] - x[j], dy = y[i] - y[j];
      if (dx == 0 && dy == 0) continue;
      if (dx == 0) ++tie_x;
      else if (dy == 0) ++tie_y;
      else if ((dx > 0) == (dy > 0)) ++con;
      else ++dis;
    }
  double denom = std::sqrt((con + dis + tie_x) * (con + dis + tie_y));
  return denom == 0 ? NAN : (con - dis) / denom;
}

// Spearman (1904): Pearson correlation of the mid-ranks.
double spearman_rho(const std::vector<double>& x, const std::vector<double>& y) {
  same_length(x.size(), y.size(), "spearman");
  std::vector<double> rx = mid_ranks(x), ry = mid_ranks(y);
  const double n = static_cast<double>(rx.size());
  double mx = std::accumulate(rx.begin(), rx.end(), 0.0) / n, my = std::accumulate(ry.begin(), ry.end(), 0.0) / n;
  double sxy = 0, sxx = 0, syy = 0;
  for (size_t i = 0; i < rx.size(); ++i) {
    sxy += (rx[i] - mx) * (ry[i] - my);
    sxx += (rx[i] - mx) * (rx[i] - mx);
    syy += (ry[i] - my) * (ry[i] - my);
  }
  return sxx == 0 || syy == 0 ? NAN : sxy / std::sqrt(sxx * syy);
}

std::vector<std::vector<double>> rating_matrix(const LabelData& data, bool numeric) {
  std::vector<double> value(data.labels.size());
  for (size_t l = 0; l < data.labels.size(); ++l) {
    if (!numeric) {
      value[l] = static_cast<double>(l);
      continue;
    }
    char* end = nullptr;
    value[l] = std::strtod(data.labels[l].c_str(), &end);
    if (data.labels[l].empty() || *end != '\0')
      throw InputError("label '" + data.labels[l] + "' is not a number (ordinal and interval levels need numeric labels)");
  }
  std::vector<std::vector<double>> m(data.tasks.size(), std::vector<double>(data.workers.size(), NAN));
  for (const Judgment& j : data.judgments) m[at(j.task)][at(j.worker)] = value[at(j.label)];
  return m;
}

JudgeAgreement judge_agreement(const LabelData& data, const std::string& judge) {
  auto it = std::find(data.workers.begin(), data.workers.end(), judge);
  if (it == data.workers.end()) throw InputError("judge '" + judge + "' is not a worker in the data");
  const int jw = static_cast<int>(it - data.workers.begin());
  std::vector<int> judge_label(data.tasks.size(), -1);
  std::vector<std::vector<int>> tally(data.tasks.size(), std::vector<int>(data.labels.size(), 0));
  for (const Judgment& j : data.judgments) {
    if (j.worker == jw) judge_label[at(j.task)] = j.label;
    else ++tally[at(j.task)][at(j.label)];
  }
  std::vector<int> a, b;  // judge, crowd majority (ties to the lowest label index)
  for (size_t t = 0; t < tally.size(); ++t) {
    auto best = std::max_element(tally[t].begin(), tally[t].end());
    if (judge_label[t] < 0 || tally[t].empty() || *best == 0) continue;
    a.push_back(judge_label[t]);
    b.push_back(static_cast<int>(best - tally[t].begin()));
  }
  JudgeAgreement r;
  r.tasks = static_cast<int>(a.size());
  if (r.tasks < 2) throw InputError("judge '" + judge + "' shares fewer than 2 tasks with other raters");
  double same = 0;
  for (size_t i = 0; i < a.size(); ++i) same += a[i] == b[i] ? 1 : 0;
  r.agreement = same / r.tasks;
  r.kappa = cohen_kappa(a, b);
  return r;
}

}  // namespace prefero
