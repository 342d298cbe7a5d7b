#pragma once
// Certified robustness of ensemble votes against training-set poisoning: how many training
// samples may be inserted or deleted while the prediction provably stays. Formulas as in the
// authors' code (notes/crowd.md §10); every tie goes to the lowest class index.
#include <vector>

namespace prefero {

// Deep Partition Aggregation (Levine & Feizi, ICLR 2021): each poisoned sample touches one
// partition model. counts = N_c; returns floor((N_c1 - N_c2 - [c2 < c1]) / 2).
int dpa_certificate(const std::vector<int>& counts);

// Finite Aggregation (Wang, Levine & Feizi, ICML 2022): k*d subset models; a sample hashed to
// bucket h lands in subsets (h + shifts[j]) mod kd. votes[m] is subset m's vote.
int fa_certificate(const std::vector<int>& votes, int classes, const std::vector<int>& shifts);

// Run-Off Election (Rezaei et al., ICML 2023): round 1 keeps the two classes with most votes,
// round 2 lets every model vote between them by its scores.
struct RunOff {
  int first = 0, second = 0;  // the finalists
  int prediction = 0;
  int certificate = 0;        // DPA+ROE certificate
};
// scores: models x classes, row-major.
RunOff run_off(const double* scores, int models, int classes);

// FA+ROE (Rezaei et al. 2023, fa_roe_certify.py): the run-off prediction over k*d subset models
// (scores: models x classes, models = k*d, subsets placed by `shifts` as in fa_certificate), with
// the certificate from bucket-wise greedy bounds: a poisoned sample in bucket h changes the d
// subset models (h + shifts[j]) mod kd, and buckets are spent largest effect first.
RunOff fa_run_off(const double* scores, int models, int classes, const std::vector<int>& shifts);

// ROE's dp(g1, g2): fewest poisoned samples (each flips one model's vote from the predicted class
// to c1 or to c2) until both c1 and c2 overtake the prediction in round 1.
int roe_two_overtake(int g1, int g2);

}  // namespace prefero
