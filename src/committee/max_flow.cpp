#include "committee/max_flow.hpp"

#include <algorithm>
#include <limits>
#include <queue>

namespace prefero {

size_t MaxFlow::add_edge(int from, int to, int64_t capacity) {
  auto& a = g_[static_cast<size_t>(from)];
  auto& b = g_[static_cast<size_t>(to)];
  a.push_back({to, b.size() + (from == to ? 1 : 0), capacity});
  b.push_back({from, a.size() - 1, 0});
  return a.size() - 1;
}

int64_t MaxFlow::flow_on(int from, size_t index) const {
  const Edge& e = g_[static_cast<size_t>(from)][index];
  return g_[static_cast<size_t>(e.to)][e.rev].cap;
}

bool MaxFlow::bfs(int s, int t) {
  std::fill(level_.begin(), level_.end(), -1);
  std::queue<int> q;
  level_[static_cast<size_t>(s)] = 0;
  q.push(s);
  while (!q.empty()) {
    int v = q.front();
    q.pop();
    for (const Edge& e : g_[static_cast<size_t>(v)])
      if (e.cap > 0 && level_[static_cast<size_t>(e.to)] < 0) {
        level_[static_cast<size_t>(e.to)] = level_[static_cast<size_t>(v)] + 1;
        q.push(e.to);
      }
  }
  return t >= 0 && level_[static_cast<size_t>(t)] >= 0;
}

std::vector<char> MaxFlow::source_side(int source) {
  bfs(source, -1);
  std::vector<char> out(level_.size());
  for (size_t v = 0; v < level_.size(); ++v) out[v] = level_[v] >= 0;
  return out;
}

int64_t MaxFlow::dfs(int v, int t, int64_t f) {
  if (v == t) return f;
  for (size_t& i = it_[static_cast<size_t>(v)]; i < g_[static_cast<size_t>(v)].size(); ++i) {
    Edge& e = g_[static_cast<size_t>(v)][i];
    if (e.cap > 0 && level_[static_cast<size_t>(v)] < level_[static_cast<size_t>(e.to)]) {
      int64_t d = dfs(e.to, t, std::min(f, e.cap));
      if (d > 0) {
        e.cap -= d;
        g_[static_cast<size_t>(e.to)][e.rev].cap += d;
        return d;
      }
    }
  }
  return 0;
}

int64_t MaxFlow::run(int s, int t) {
  int64_t flow = 0;
  while (bfs(s, t)) {
    std::fill(it_.begin(), it_.end(), 0);
    while (int64_t f = dfs(s, t, std::numeric_limits<int64_t>::max())) flow += f;
  }
  return flow;
}

}  // namespace prefero
