// Matching a customer's questionnaire to the answer library (issue 28, part 5): 500 questions
// against 2,000 approved answers, target < 2 s. BM_AnswerLibraryMatch times the matcher alone
// (index built and every question matched); BM_CustomerQuestionnaireImport the whole import
// command on SQLite (CSV parsed, the approved answers read, matched, the event and its 500 rows
// written in one transaction), as POST /api/v1/customer-questionnaires runs it.
#include <benchmark/benchmark.h>

#include <boost/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "accord/app/runtime.h"
#include "accord/core/csv.h"
#include "accord/core/time.h"
#include "accord/domain/answer_library_match.h"
#include "accord/policy/profile.h"
#include "accord/storage/answer_library.h"
#include "accord/storage/customer_questionnaires.h"
#include "accord/storage/registry_commands.h"
#include "bench_util.h"

namespace accord::bench {
namespace {

namespace json = boost::json;

constexpr int kLibrary = 2000;
constexpr int kQuestions = 500;

// Questions built from security vocabulary, so terms overlap the way real ones do.
const std::vector<std::string>& Words() {
  static const std::vector<std::string> kWords = {
      "encryption", "rest",         "transit",     "keys",         "backup",        "restore",
      "access",     "review",       "quarterly",   "employees",    "training",      "awareness",
      "incident",   "response",     "breach",      "notification", "risk",          "assessment",
      "vendor",     "subprocessor", "penetration", "test",         "vulnerability", "scanning",
      "patch",      "firewall",     "network",     "segmentation", "logging",       "monitoring",
      "retention",  "deletion",     "disposal",    "media",        "physical",      "badge",
      "datacenter", "availability", "uptime",      "disaster",     "recovery",      "continuity",
      "password",   "mfa",          "session",     "timeout",      "privilege",     "least",
      "change",     "management",   "deployment",  "code",         "secure",        "development",
      "policy",     "officer",      "insurance",   "phishing",     "email",         "malware",
      "endpoint",   "laptop",       "mobile",      "device",       "soc",           "audit",
      "report",     "baa",          "contract",    "termination",  "location",      "region",
      "customer",   "data",         "ephi",        "hipaa",        "controls",      "annual"};
  return kWords;
}

std::string Sentence(std::mt19937& rng, int words, int topic) {
  const auto& w = Words();
  std::string out = "Do you have " + w[topic % w.size()];
  for (int i = 1; i < words; ++i) out += " " + w[rng() % w.size()];
  return out + "?";
}

std::vector<domain::AnswerMatcher::Entry> Library() {
  std::mt19937 rng(28);
  std::vector<domain::AnswerMatcher::Entry> out;
  for (int i = 0; i < kLibrary; ++i) {
    out.push_back({Sentence(rng, 8, i), "Yes. " + Sentence(rng, 25, i + 7)});
  }
  return out;
}

std::string QuestionnaireCsv() {
  std::mt19937 rng(5);
  std::string csv = "Ref,Domain,Question,Response,Comments\r\n";
  for (int i = 0; i < kQuestions; ++i) {
    std::vector<std::string> row = {std::to_string(i + 1), "Security", Sentence(rng, 10, i), "",
                                    ""};
    AppendCsvRow(csv, row);
  }
  return csv;
}

void BM_AnswerLibraryMatch(benchmark::State& state) {
  auto library = Library();
  std::mt19937 rng(5);
  std::vector<std::string> questions;
  for (int i = 0; i < kQuestions; ++i) questions.push_back(Sentence(rng, 10, i));
  size_t suggested = 0;
  for (auto _ : state) {
    domain::AnswerMatcher matcher(library);
    suggested = 0;
    for (const auto& q : questions) suggested += matcher.Match(q, 3).size();
    benchmark::DoNotOptimize(suggested);
  }
  state.counters["library"] = kLibrary;
  state.counters["questions"] = kQuestions;
  state.counters["suggestions"] = static_cast<double>(suggested);
}
BENCHMARK(BM_AnswerLibraryMatch)->UseRealTime()->Unit(benchmark::kMillisecond);

struct LibraryStore {
  FakeClock clock{Check(ParseRfc3339("2026-12-01T09:00:00Z"), "start time")};
  ScratchDir dir{"answer-library"};
  std::unique_ptr<app::Runtime> rt;
  std::string party;
  domain::Actor officer{"usr_bench_officer", "security_officer"};

  LibraryStore() {
    rt = Check(app::Runtime::Open(app::StoreConfig{dir.path()}, clock), "open runtime");
    auto profile = Check(policy::LoadProfile("luma"), "load profile");
    app::OrgInfo org = Check(rt->EnsureOrg(profile, "", "Benchmark Org"), "ensure org");
    Check(rt->LoadSigner(org.origin), "load signer");
    storage::LibraryViewer viewer{"security_officer"};
    rt->log().StartWriter();
    auto library = Library();
    // All answers in one command: the set-up, not what is measured.
    Check(rt->log().Execute([&](storage::CommandContext& c) -> Result<json::value> {
      for (const auto& e : library) {
        auto made = storage::CreateLibraryAnswer(
            c, officer, viewer, json::object{{"question", e.question}, {"answer", e.answer}});
        if (!made.ok()) return std::move(made).error();
        auto ok = storage::LibraryAnswerAction(c, officer, viewer,
                                               std::string(made->at("id").as_string()),
                                               json::object{{"action", "approve"}});
        if (!ok.ok()) return std::move(ok).error();
      }
      return json::value(nullptr);
    }),
          "seed the library");
    party = CreateParty();
  }

  std::string CreateParty();
};

std::string LibraryStore::CreateParty() {
  auto id = Check(rt->log().Execute([&](storage::CommandContext& c) -> Result<json::value> {
    auto made = storage::CreateRegistryObject(
        c, "party", "", json::object{{"name", "Bench Health"}, {"kind", "customer"}}, officer);
    if (!made.ok()) return std::move(made).error();
    return json::value(made->as_object().at("id"));
  }),
                  "create the customer");
  return std::string(id.as_string());
}

void BM_CustomerQuestionnaireImport(benchmark::State& state) {
  static LibraryStore* s = new LibraryStore();
  std::string csv = QuestionnaireCsv();
  storage::QuestionnaireViewer viewer{"security_officer", "", false};
  int64_t questions = 0;
  for (auto _ : state) {
    auto r = s->rt->log().Execute([&](storage::CommandContext& c) -> Result<json::value> {
      auto q = storage::ImportCustomerQuestionnaire(
          c, s->officer, viewer, {.party_id = s->party, .name = "Bench questionnaire", .csv = csv});
      if (!q.ok()) return std::move(q).error();
      return json::value(q->at("questions"));
    });
    if (!r.ok()) {
      state.SkipWithError(r.error().message.c_str());
      break;
    }
    questions = r->as_int64();
  }
  state.counters["library"] = kLibrary;
  state.counters["questions"] = static_cast<double>(questions);
}
BENCHMARK(BM_CustomerQuestionnaireImport)->UseRealTime()->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace accord::bench
