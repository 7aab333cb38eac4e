// Questionnaire benchmark (issue 28): a 300-question questionnaire, every question answered,
// opened as the vendor portal opens it — GET /api/v1/questionnaires/{id}'s work for a party's
// contact: the read in a snapshot transaction, the vendor view (our scoring removed) and its
// JSON text. Target: under 300 ms. SQLite in a scratch directory.
#include <benchmark/benchmark.h>

#include <boost/json.hpp>
#include <memory>
#include <string>

#include "accord/app/runtime.h"
#include "accord/core/time.h"
#include "accord/domain/questionnaire.h"
#include "accord/domain/registry.h"
#include "accord/policy/profile.h"
#include "accord/storage/questionnaires.h"
#include "accord/storage/registry_commands.h"
#include "bench_util.h"

namespace accord::bench {
namespace {

namespace json = boost::json;

constexpr int kSections = 6;
constexpr int kPerSection = 50;  // 300 questions

const domain::Actor kOfficer{"usr_bench_officer", "security_officer"};

json::object Template() {
  json::array sections;
  for (int s = 0; s < kSections; ++s) {
    json::array questions;
    for (int i = 0; i < kPerSection; ++i) {
      std::string id = "q" + std::to_string(s) + "-" + std::to_string(i);
      const char* type = i % 5 == 0 ? "text" : i % 7 == 0 ? "choice" : "yes_no";
      json::object q{{"id", id},
                     {"text", "Question " + id +
                                  ": is the safeguard in place and reviewed at "
                                  "least once a year by someone accountable?"},
                     {"type", type},
                     {"required", true},
                     {"help", "Describe the evidence you would show an auditor."},
                     {"citations", json::array{"164.308(a)(1)(ii)(A)", "164.312(a)(2)(iv)"}},
                     {"rules", json::array{"TP-2"}},
                     {"weight", 2}};
      if (std::string(type) == "choice") {
        q["choices"] = json::array{"Monthly", "Quarterly", "Yearly", "Never"};
        q["knockout"] = json::array{"Never"};
      } else if (std::string(type) == "yes_no") {
        q["knockout"] = json::array{"no"};
      }
      questions.push_back(std::move(q));
    }
    sections.push_back(json::object{{"title", "Section " + std::to_string(s)},
                                    {"questions", std::move(questions)}});
  }
  return json::object{{"name", "Benchmark 300"}, {"sections", std::move(sections)}};
}

json::array Answers(const json::object& q) {
  json::array out;
  for (const auto& s : q.at("sections").as_array()) {
    for (const auto& x : s.at("questions").as_array()) {
      std::string type(x.at("type").as_string());
      std::string value = type == "yes_no"   ? "yes"
                          : type == "choice" ? "Quarterly"
                                             : std::string(400, 'a');
      out.push_back(json::object{{"question", x.at("id")}, {"value", value}});
    }
  }
  return out;
}

struct QuestionnaireStore {
  FakeClock clock{Check(ParseRfc3339("2026-01-05T09:00:00Z"), "start time")};
  ScratchDir dir{"questionnaire"};
  std::unique_ptr<app::Runtime> rt;
  std::string party, id;

  QuestionnaireStore() {
    rt = Check(app::Runtime::Open(app::StoreConfig{dir.path()}, clock), "open runtime");
    policy::Profile profile = Check(policy::LoadProfile("luma"), "load profile");
    app::OrgInfo org = Check(rt->EnsureOrg(profile, "", "Benchmark Org"), "ensure org");
    Check(rt->LoadSigner(org.origin), "load signer");
    auto made = rt->log().Execute([&](storage::CommandContext& c) -> Result<json::value> {
      auto p = storage::CreateRegistryObject(
          c, "party", "", json::object{{"name", "Vendor"}, {"kind", "subcontractor"}}, kOfficer);
      if (!p.ok()) return std::move(p).error();
      party = std::string(p->as_object().at("id").as_string());
      auto contact = storage::CreateRegistryObject(
          c, "contact", party, json::object{{"name", "Desk"}, {"email", "desk@vendor.example"}},
          kOfficer);
      if (!contact.ok()) return std::move(contact).error();
      auto t = storage::CreateQuestionnaireTemplate(c, kOfficer, Template());
      if (!t.ok()) return std::move(t).error();
      auto q = storage::SendQuestionnaire(
          c, kOfficer, party,
          json::object{{"template_id", t->at("id")},
                       {"contact_id", contact->as_object().at("id")},
                       {"due_at", FormatRfc3339(clock.Now() + std::chrono::days(30))}});
      if (!q.ok()) return std::move(q).error();
      id = std::string(q->at("id").as_string());
      domain::Actor vendor{"usr_bench_vendor", "third_party_contact"};
      auto saved = storage::SaveQuestionnaireAnswers(
          c, vendor, id, json::object{{"answers", Answers(*q)}}, storage::Scope{party});
      if (!saved.ok()) return std::move(saved).error();
      return json::value(nullptr);
    });
    if (!made.ok()) Die("set up: " + made.error().message);
  }
};

// GET /api/v1/questionnaires/{id} as the party's contact.
void BM_QuestionnaireVendorOpen(benchmark::State& state) {
  static QuestionnaireStore* s = new QuestionnaireStore();
  size_t bytes = 0;
  for (auto _ : state) {
    Status r = s->rt->store().Read([&](storage::Tx& tx) -> Status {
      auto o = storage::GetObject(tx, "questionnaire", s->id, storage::Scope{s->party});
      if (!o.ok()) return std::move(o).error();
      if (!o->has_value()) return NotFound("questionnaire");
      json::object view = storage::ObjectView(**o);
      domain::RemoveInternalFields(domain::FindKind("questionnaire")->fields, view);
      bytes = json::serialize(view).size();
      return Ok();
    });
    if (!r.ok()) {
      state.SkipWithError(r.error().message.c_str());
      break;
    }
  }
  state.counters["questions"] = kSections * kPerSection;
  state.counters["bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_QuestionnaireVendorOpen)->UseRealTime()->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace accord::bench
