#pragma once
// A small maximum flow (Dinic) with 64-bit capacities: Monroe's assignment of voters, and the
// minimum cuts behind maximin support and leximax-Phragmén loads (voter_support.cpp).
#include <cstdint>
#include <vector>

namespace prefero {

class MaxFlow {
 public:
  explicit MaxFlow(int nodes) : g_(static_cast<size_t>(nodes)), level_(static_cast<size_t>(nodes)), it_(static_cast<size_t>(nodes)) {}
  // Returns the edge's index among `from`'s edges, for flow_on.
  size_t add_edge(int from, int to, int64_t capacity);
  int64_t run(int source, int sink);
  // After run: the nodes reachable from `source` in the residual graph (the source side of a
  // minimum cut).
  std::vector<char> source_side(int source);
  // After run: the flow on edge `index` of node `from` (as returned by add_edge).
  int64_t flow_on(int from, size_t index) const;

 private:
  struct Edge {
    int to;
    size_t rev;
    int64_t cap;
  };
  bool bfs(int s, int t);
  int64_t dfs(int v, int t, int64_t f);
  std::vector<std::vector<Edge>> g_;
  std::vector<int> level_;
  std::vector<size_t> it_;
};

}  // namespace prefero
