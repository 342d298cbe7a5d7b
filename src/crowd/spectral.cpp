// Spectral initialisation of Dawid–Skene (Zhang, Chen, Zhou & Jordan, NIPS 2014).
#include "core/error.hpp"
#include "crowd/dawid_skene.hpp"

namespace prefero::crowd {

std::vector<double> spectral_init_posteriors(const Answers&, const LabelData&) {
  throw InputError("init=spectral is not implemented yet");
}

}  // namespace prefero::crowd
