// TEMPORARY placeholder, replaced by the PrefLib reader.
#include "io/read.hpp"
#include "core/error.hpp"
namespace prefero {
Profile read_profile(const std::string& path) { throw InputError(path + ": reader not built yet"); }
}  // namespace prefero
