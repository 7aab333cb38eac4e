#include "gate_cases.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "accord/policy/profile.h"

namespace accord::bench {
namespace {

namespace json = boost::json;
using namespace policy;

// Throws on a malformed file: this is a benchmark fixture, caught in Load().
std::string_view Str(const json::value& v, std::string_view key) {
  return v.as_object().at(key).as_string();
}

template <typename E>
E Enum(std::optional<E> value, std::string_view what) {
  if (!value) throw std::runtime_error("unknown " + std::string(what));
  return *value;
}

TimePoint At(TimePoint now, const json::value& days) {
  return now +
         std::chrono::milliseconds(static_cast<int64_t>(days.to_number<double>() * 86'400'000));
}

std::optional<TimePoint> MaybeAt(TimePoint now, const json::value& days) {
  if (days.is_null()) return std::nullopt;
  return At(now, days);
}

void LoadParty(const json::object& p, TimePoint now, GateCase& c) {
  for (const auto& a : p.at("agreements").as_array()) {
    c.agreements.push_back({Str(a, "id"), Enum(ParseAgreementType(Str(a, "type")), "type"),
                            Enum(ParseAgreementStatus(Str(a, "status")), "status"),
                            At(now, a.at("effective_days")), MaybeAt(now, a.at("expires_days"))});
  }
  for (const auto& r : p.at("due_diligence").as_array()) {
    c.due_diligence.push_back({Str(r, "id"), At(now, r.at("days")), r.at("passed").as_bool()});
  }
  for (const auto& r : p.at("controls").as_array()) {
    c.controls.push_back({Str(r, "id"), At(now, r.at("days")), r.at("passed").as_bool()});
  }
  for (const auto& g : p.at("permissions").as_array()) {
    c.permissions.push_back({Str(g, "id"), Str(g, "system_id"), At(now, g.at("from_days")),
                             MaybeAt(now, g.at("until_days"))});
  }
  c.party = {p.at("id").as_string(),
             Enum(ParsePartyKind(p.at("kind").as_string()), "kind"),
             Enum(ParsePartyStatus(p.at("status").as_string()), "status"),
             p.at("handles_ephi").as_bool(),
             c.agreements,
             c.due_diligence,
             c.controls,
             c.permissions};
}

}  // namespace

std::string GateCases::DefaultPath() {
  if (const char* env = std::getenv("ACCORD_GATE_CASES"); env && *env) return env;
  return std::string(ACCORD_SOURCE_DIR) + "/bench/cedar/cases.json";
}

const GateCase* GateCases::Find(std::string_view name) const {
  for (const auto& c : cases_) {
    if (c->name == name) return c.get();
  }
  return nullptr;
}

Result<std::unique_ptr<GateCases>> GateCases::Load(const std::string& path) {
  std::ifstream in(path);
  if (!in) return ValidationError("gate-cases", "cannot read " + path);
  std::stringstream text;
  text << in.rdbuf();
  auto out = std::make_unique<GateCases>();
  try {
    out->doc_ = json::parse(text.str());
    const json::object& doc = out->doc_.as_object();
    const TimePoint now{std::chrono::milliseconds(doc.at("now_ms").to_number<int64_t>())};
    std::map<std::string_view, const GateSystem*> systems;
    for (const auto& s : doc.at("systems").as_array()) {
      out->systems_.push_back({Str(s, "id"), Str(s, "name"),
                               Enum(ParseEnvironment(Str(s, "environment")), "environment"),
                               s.at("contains_ephi").as_bool(), s.at("infrastructure").as_bool()});
      systems[out->systems_.back().id] = &out->systems_.back();
    }
    for (const auto& v : doc.at("cases").as_array()) {
      auto c = std::make_unique<GateCase>();
      c->name = Str(v, "name");
      for (const auto& [profile, _] : v.at("expect").as_object()) c->profiles.emplace_back(profile);
      c->now = now;
      c->start = At(now, v.at("start_days"));
      c->end = At(now, v.at("end_days"));
      for (const auto& l : v.at("lines").as_array()) {
        const auto& line = l.as_array();
        std::string_view ref = line.at(0).as_string();
        auto it = systems.find(ref);
        c->lines.push_back({ref, it == systems.end() ? nullptr : it->second,
                            Enum(ParsePermission(line.at(1).as_string()), "permission"),
                            line.at(2).as_string()});
      }
      LoadParty(doc.at("parties").as_object().at(Str(v, "party")).as_object(), now, *c);
      out->cases_.push_back(std::move(c));
    }
  } catch (const std::exception& e) {
    return ValidationError("gate-cases", path + ": " + e.what());
  }
  return out;
}

int PrintGateCases(const std::string& path) {
  auto cases = GateCases::Load(path);
  if (!cases.ok()) {
    std::fprintf(stderr, "accord_bench: %s\n", cases.error().message.c_str());
    return 1;
  }
  std::map<std::string, Profile> profiles;
  json::array results;
  for (const auto& c : (*cases)->cases()) {
    for (const auto& name : c->profiles) {
      if (!profiles.contains(name)) {
        auto p = LoadProfile(name);
        if (!p.ok()) {
          std::fprintf(stderr, "accord_bench: %s\n", p.error().message.c_str());
          return 1;
        }
        profiles.emplace(name, std::move(*p));
      }
      GateResult r = Evaluate(profiles.at(name).access, c->Request());
      std::vector<std::string> denied;
      for (const auto& rule : r.results()) {
        if (rule.outcome == Outcome::kDeny) denied.push_back(rule.rule->id);
      }
      std::sort(denied.begin(), denied.end());
      results.push_back(json::object{{"name", c->name},
                                     {"profile", name},
                                     {"decision", Name(r.decision)},
                                     {"denied", json::value_from(denied)}});
    }
  }
  std::cout << json::serialize(json::object{{"results", std::move(results)}}) << "\n";
  return 0;
}

}  // namespace accord::bench
