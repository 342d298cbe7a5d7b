#pragma once
// Everything a library user needs: profiles, readers and writers, the method registry.
//
//   prefero::Profile p = prefero::read_profile("election.soi");
//   const auto& rule = prefero::require_method("beat_path");
//   prefero::ElectOutcome out = prefero::run_elect(rule, p, {{"unranked", "tied_last"}});
//   for (prefero::Cand c : out.result.winners) std::cout << p.name(c) << "\n";
#include "core/error.hpp"
#include "core/profile.hpp"
#include "core/result.hpp"
#include "io/read.hpp"
#include "io/write.hpp"
#include "registry/registry.hpp"
