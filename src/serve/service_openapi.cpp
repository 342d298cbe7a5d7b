// The OpenAPI 3.1 document of the /v1 API (served at GET /v1/openapi.json). Built by hand from
// the same contract the handlers implement; the service test checks every route is listed.
#include "serve/service.hpp"

namespace prefero::serve {

namespace {

json ref(const std::string& name) { return json{{"$ref", "#/components/schemas/" + name}}; }

json body_of(const json& schema) {
  return json{{"required", true}, {"content", {{"application/json", {{"schema", schema}}}}}};
}

json answer(const std::string& description, const json& schema = nullptr, const std::string& type = "application/json") {
  json r = {{"description", description}};
  if (!schema.is_null()) r["content"] = {{type, {{"schema", schema}}}};
  return r;
}

json errors(std::initializer_list<int> codes) {
  json out = json::object();
  for (int c : codes) out[std::to_string(c)] = {{"$ref", "#/components/responses/Error"}};
  return out;
}

json op(const std::string& summary, bool admin, const json& ok_responses, std::initializer_list<int> error_codes,
        const json& request = nullptr, const json& parameters = nullptr, bool idempotent = false) {
  json o = {{"summary", summary}};
  o["security"] = admin ? json::array({{{"bearer", json::array()}}}) : json::array({json::object(), {{"bearer", json::array()}}});
  json params = json::array();
  if (!parameters.is_null())
    for (const auto& p : parameters) params.push_back(p);
  if (idempotent) params.push_back({{"$ref", "#/components/parameters/IdempotencyKey"}});
  if (!params.empty()) o["parameters"] = params;
  if (!request.is_null()) o["requestBody"] = body_of(request);
  json responses = ok_responses;
  responses.update(errors(error_codes));
  o["responses"] = responses;
  return o;
}

json id_param() { return json{{"$ref", "#/components/parameters/Id"}}; }

json query(const std::string& name, const json& schema, const std::string& doc) {
  return json{{"name", name}, {"in", "query"}, {"required", false}, {"schema", schema}, {"description", doc}};
}

json obj(const json& properties, const json& required = json::array()) {
  json o = {{"type", "object"}, {"properties", properties}};
  if (!required.empty()) o["required"] = required;
  return o;
}

json str() { return json{{"type", "string"}}; }
json integer() { return json{{"type", "integer"}}; }
json number() { return json{{"type", "number"}}; }
json array_of(const json& items) { return json{{"type", "array"}, {"items", items}}; }

json schemas() {
  json s = json::object();
  s["Error"] = obj({{"error", obj({{"code", {{"type", "string"}, {"enum", {"bad_request", "unauthorized", "forbidden", "not_found",
                                                                          "method_not_allowed", "conflict", "closed",
                                                                          "payload_too_large", "too_many_requests", "internal"}}}},
                                    {"message", str()},
                                    {"field", {{"type", {"string", "null"}}, {"description", "the request field at fault"}}}},
                                   {"code", "message", "field"})}},
                   {"error"});
  s["Output"] = {{"oneOf", {obj({{"text", str()}}, {"text"}), obj({{"image", str()}}, {"image"})}}};
  s["Item"] = obj({{"id", str()}, {"prompt", str()}, {"outputs", {{"type", "object"}, {"additionalProperties", ref("Output")},
                                                                   {"description", "CANDIDATE_ID -> output"}}}},
                  {"id", "outputs"});
  s["Arena"] = obj({{"id", str()},
                    {"name", str()},
                    {"candidates", array_of(obj({{"id", str()}, {"name", str()}}, {"id"}))},
                    {"items", array_of(ref("Item"))},
                    {"k", {{"type", "integer"}, {"minimum", 2}, {"default", 2}}},
                    {"policy", {{"type", "string"}, {"enum", {"uniform", "weighted", "ucb"}}, {"default", "uniform"}}},
                    {"weights", {{"type", "object"}, {"additionalProperties", number()}, {"description", "sampling weights (policy weighted)"}}},
                    {"voting", {{"type", "string"}, {"enum", {"anonymous", "token"}}, {"default", "anonymous"}}},
                    {"model", {{"type", "string"}, {"default", "bradley_terry"}, {"description", "any rating method id (prefero methods --family rate)"}}},
                    {"params", {{"type", "object"}, {"description", "the rating method's parameters"}}},
                    {"daily_cap", {{"type", "integer"}, {"minimum", 0}, {"default", 0}, {"description", "votes per voter per UTC day (0 = no cap)"}}},
                    {"abuse", obj({{"outlier_alpha", {{"type", "number"}, {"default", 0.001}}},
                                   {"outlier_min_votes", {{"type", "integer"}, {"default", 5}}},
                                   {"outlier_max_votes", {{"type", "integer"}, {"default", 100}}},
                                   {"cluster_min_shared", {{"type", "integer"}, {"default", 20}}},
                                   {"cluster_agreement", {{"type", "number"}, {"default", 0.95}}}})}},
                   {"name", "candidates"});
  s["Matchup"] = obj({{"matchup", obj({{"id", {{"type", "string"}, {"description", "signed, opaque"}}},
                                       {"arena", str()},
                                       {"item", obj({{"id", str()}, {"prompt", str()}})},
                                       {"outputs", array_of(obj({{"slot", str()}, {"text", str()}, {"image", str()}}))}})}});
  s["Vote"] = {{"oneOf", {obj({{"matchup", str()}, {"winner", {{"type", "string"}, {"enum", {"A", "B", "tie", "bothbad"}}}}},
                              {"matchup", "winner"}),
                          obj({{"matchup", str()}, {"ranking", array_of(array_of(str()))}}, {"matchup", "ranking"})}}};
  s["Battle"] = obj({{"model_a", str()}, {"model_b", str()},
                     {"winner", {{"type", "string"}, {"enum", {"model_a", "model_b", "tie", "tie (bothbad)"}}}}},
                    {"model_a", "model_b", "winner"});
  s["Leaderboard"] = obj({{"model", str()}, {"params", {{"type", "object"}}}, {"exclude_flagged", {{"type", "boolean"}}},
                          {"votes", number()}, {"seq", integer()},
                          {"fitted_at", {{"type", "integer"}, {"description", "when the fit's statistics were read (Unix ms); "
                                                                             "answers come from a cache refitted in the background"}}},
                          {"anchor", obj({{"model", str()}, {"value", number()}})}, {"warning", str()},
                          {"ratings", array_of(obj({{"name", str()}, {"display_name", str()}, {"rating", number()},
                                                    {"ci_low", number()}, {"ci_high", number()}, {"rank_ub", integer()},
                                                    {"votes", number()}}))},
                          {"win_rate", obj({{"models", array_of(str())}, {"matrix", array_of(array_of({{"type", {"number", "null"}}}))}})}});
  s["Poll"] = obj({{"id", str()},
                   {"title", str()},
                   {"candidates", array_of(str())},
                   {"ballot", {{"type", "string"}, {"enum", {"ranking", "approval", "score"}}, {"default", "ranking"}}},
                   {"rule", {{"type", "string"}, {"description", "registry method id of family elect (seats = 1) or committee"}}},
                   {"params", {{"type", "object"}}},
                   {"seats", {{"type", "integer"}, {"minimum", 1}, {"default", 1}}},
                   {"opens_at", {{"type", {"string", "integer"}}, {"description", "ISO 8601 UTC or Unix ms"}}},
                   {"closes_at", {{"type", {"string", "integer"}}, {"description", "ISO 8601 UTC or Unix ms"}}},
                   {"voting", {{"type", "string"}, {"enum", {"anonymous", "token"}}, {"default", "anonymous"}}},
                   {"replace", {{"type", "boolean"}, {"default", false}}},
                   {"max_score", {{"type", "integer"}, {"default", 10}}}},
                  {"title", "candidates", "rule"});
  s["Ballot"] = {{"oneOf", {obj({{"ranking", array_of(array_of(str()))}}, {"ranking"}),
                            obj({{"approve", array_of(str())}}, {"approve"}),
                            obj({{"scores", {{"type", "object"}, {"additionalProperties", integer()}}}}, {"scores"})}}};
  s["Results"] = obj({{"rule", str()}, {"seats", integer()}, {"ballots", integer()}, {"winners", array_of(str())},
                      {"committees", array_of(array_of(str()))}, {"tied", {{"type", "boolean"}}},
                      {"explanation", {{"type", "object"}}}, {"candidates", array_of(obj({{"id", integer()}, {"name", str()}}))}});
  return s;
}

}  // namespace

json openapi_document() {
  json paths = json::object();
  const json tokens_body = obj({{"count", {{"type", "integer"}, {"minimum", 1}, {"maximum", 10000}}}});
  const json tokens_answer = answer("tokens (shown once; stored as hashes)", obj({{"tokens", array_of(str())}}));
  paths["/v1/health"]["get"] = op("liveness: {\"status\": \"ok\"}; verbose=true adds the last applied seq and counts",
                                  false, {{"200", answer("ok")}}, {}, nullptr,
                                  json::array({query("verbose", {{"type", "boolean"}}, "add seq, arenas, polls")}));
  paths["/v1/openapi.json"]["get"] = op("this document", false, {{"200", answer("OpenAPI 3.1")}}, {});
  paths["/v1/arenas"]["post"] = op("create an arena", true, {{"201", answer("created", obj({{"arena", ref("Arena")}}))}},
                                   {400, 401, 403, 409, 413}, ref("Arena"));
  paths["/v1/arenas"]["get"] = op("list arenas", false, {{"200", answer("arenas")}}, {});
  paths["/v1/arenas/{id}"]["get"] = op("one arena (item outputs only for the admin)", false,
                                       {{"200", answer("the arena", obj({{"arena", ref("Arena")}}))}}, {404}, nullptr,
                                       json::array({id_param()}));
  paths["/v1/arenas/{id}/items"]["post"] = op("add items", true, {{"201", answer("added")}}, {400, 401, 403, 404, 409},
                                              obj({{"items", array_of(ref("Item"))}}, {"items"}), json::array({id_param()}));
  paths["/v1/arenas/{id}/tokens"]["post"] = op("issue voter tokens for a token arena", true, {{"201", tokens_answer}},
                                               {400, 401, 403, 404}, tokens_body, json::array({id_param()}));
  paths["/v1/arenas/{id}/next"]["get"] = op("the next matchup (models hidden)", false,
                                            {{"200", answer("a matchup", ref("Matchup"))}}, {401, 404, 409}, nullptr,
                                            json::array({id_param()}));
  paths["/v1/arenas/{id}/votes"]["post"] =
      op("vote on a matchup; the models are revealed in the answer", false,
         {{"201", answer("counted", obj({{"vote", obj({{"seq", integer()}, {"models", array_of(str())}, {"winner", str()},
                                                      {"ranking", array_of(array_of(str()))}, {"counted", {{"type", "boolean"}}},
                                                      {"flags", array_of(str())}})}}))}},
         {400, 401, 404, 409, 429}, ref("Vote"), json::array({id_param()}), true);
  paths["/v1/arenas/{id}/battles"]["post"] =
      op("post battle results directly (external apps)", true, {{"201", answer("stored")}}, {400, 401, 403, 404},
         {{"oneOf", {ref("Battle"), obj({{"battles", array_of(ref("Battle"))}}, {"battles"})}}}, json::array({id_param()}), true);
  paths["/v1/arenas/{id}/leaderboard"]["get"] =
      op("ratings, intervals, rank_ub, votes and the win-rate matrix", false, {{"200", answer("leaderboard", ref("Leaderboard"))}},
         {400, 404}, nullptr,
         json::array({id_param(), query("model", str(), "rating method id (default: the arena's)"),
                      query("bootstrap", integer(), "bootstrap rounds (0 = none)"),
                      query("exclude_flagged", {{"type", "boolean"}}, "leave out flagged voters and flagged votes"),
                      query("anchor", str(), "NAME:VALUE: shift every rating and interval so model NAME has VALUE")}));
  paths["/v1/arenas/{id}/audit"]["get"] = op("every vote as JSON lines: seq, time, actor, item, models, winner, flags", true,
                                             {{"200", answer("JSON lines", str(), "application/x-ndjson")}}, {401, 403, 404},
                                             nullptr, json::array({id_param()}));
  paths["/v1/arenas/{id}/flags"]["get"] = op("flagged voters (outlier test, vote-alike clusters) and flagged votes", true,
                                             {{"200", answer("flags")}}, {401, 403, 404}, nullptr, json::array({id_param()}));
  paths["/v1/polls"]["post"] = op("create a poll", true, {{"201", answer("created", obj({{"poll", ref("Poll")}}))}},
                                  {400, 401, 403, 409}, ref("Poll"));
  paths["/v1/polls"]["get"] = op("list polls", false, {{"200", answer("polls")}}, {});
  paths["/v1/polls/{id}"]["get"] = op("one poll", false, {{"200", answer("the poll", obj({{"poll", ref("Poll")}}))}}, {404},
                                      nullptr, json::array({id_param()}));
  paths["/v1/polls/{id}/tokens"]["post"] = op("issue voter tokens", true, {{"201", tokens_answer}}, {400, 401, 403, 404},
                                              tokens_body, json::array({id_param()}));
  paths["/v1/polls/{id}/ballots"]["post"] =
      op("cast (or, where allowed, replace) a ballot", false, {{"201", answer("stored")}}, {400, 401, 404, 409}, ref("Ballot"),
         json::array({id_param()}), true);
  paths["/v1/polls/{id}/results"]["get"] = op("winners and the rule's explanation", false,
                                              {{"200", answer("results", ref("Results"))}}, {404, 409}, nullptr,
                                              json::array({id_param()}));
  paths["/v1/polls/{id}/ballots.preflib"]["get"] =
      op("the ballots as a PrefLib file (toc/soc/... for rankings and scores, cat for approval)", false,
         {{"200", answer("PrefLib", str(), "text/plain")}}, {404}, nullptr, json::array({id_param()}));
  paths["/v1/polls/{id}/close"]["post"] = op("close the poll", true, {{"200", answer("closed")}}, {401, 403, 404, 409}, nullptr,
                                             json::array({id_param()}));
  json doc = {{"openapi", "3.1.0"},
              {"info", {{"title", "prefero serve"},
                        {"version", "1"},
                        {"description", "Arenas (pairwise / K-wise votes between anonymous model outputs, live leaderboards) "
                                        "and polls (ranked, approval or score ballots counted by any registry rule)."}}},
              {"paths", paths}};
  doc["components"]["schemas"] = schemas();
  doc["components"]["responses"]["Error"] = answer("an error", ref("Error"));
  doc["components"]["parameters"]["Id"] = {{"name", "id"}, {"in", "path"}, {"required", true}, {"schema", str()}};
  doc["components"]["parameters"]["IdempotencyKey"] = {
      {"name", "Idempotency-Key"}, {"in", "header"}, {"required", false}, {"schema", str()},
      {"description", "a retry with the same key returns the first answer and never counts twice"}};
  doc["components"]["securitySchemes"]["bearer"] = {{"type", "http"}, {"scheme", "bearer"},
                                                    {"description", "the admin token, or a voter token of a poll or arena"}};
  return doc;
}

}  // namespace prefero::serve
