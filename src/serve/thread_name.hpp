#pragma once
// Names the calling thread (at most 15 characters) so that `top -H`, `perf report --sort comm`
// and gdb show which of the server's threads is busy.
#include <pthread.h>

namespace prefero::serve {

inline void name_this_thread(const char* name) { pthread_setname_np(pthread_self(), name); }

}  // namespace prefero::serve
