#include "accord/domain/answer_library_match.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <unordered_set>

namespace accord::domain {
namespace {

constexpr size_t kStem = 5;  // "encryption", "encrypted", "encrypts" → "encry"

const std::unordered_set<std::string_view>& StopWords() {
  static const std::unordered_set<std::string_view> kWords = {
      "a",       "an",      "and",      "any",       "are",          "as",
      "at",      "be",      "been",     "by",        "can",          "could",
      "do",      "does",    "done",     "for",       "from",         "has",
      "have",    "how",     "if",       "in",        "into",         "is",
      "it",      "its",     "of",       "on",        "or",           "our",
      "please",  "provide", "describe", "shall",     "should",       "so",
      "such",    "that",    "the",      "their",     "there",        "these",
      "this",    "those",   "to",       "under",     "us",           "was",
      "we",      "were",    "what",     "when",      "where",        "which",
      "who",     "will",    "with",     "would",     "you",          "your",
      "yours",   "all",     "each",     "other",     "than",         "then",
      "them",    "they",    "being",    "also",      "organisation", "organization",
      "company", "vendor",  "supplier", "service",   "provider",     "explain",
      "confirm", "detail",  "details",  "regularly", "currently",    "least",
      "etc",     "e",       "g",        "i",         "ie",           "eg",
      "yes",     "no",      "n"};
  return kWords;
}

// Words customers use for the same thing, folded to one spelling before stemming.
const std::map<std::string, std::vector<std::string>, std::less<>>& Synonyms() {
  static const std::map<std::string, std::vector<std::string>, std::less<>> kSynonyms = {
      {"mfa", {"multi", "factor"}},
      {"2fa", {"multi", "factor"}},
      {"multifactor", {"multi", "factor"}},
      {"ephi", {"phi"}},
      {"pii", {"personal", "data"}},
      {"pentest", {"penetration", "test"}},
      {"pentests", {"penetration", "test"}},
      {"staff", {"employee"}},
      {"personnel", {"employee"}},
      {"workforce", {"employee"}},
      {"employees", {"employee"}},
      {"subcontractor", {"third", "party"}},
      {"subcontractors", {"third", "party"}},
      {"subprocessor", {"third", "party"}},
      {"subprocessors", {"third", "party"}},
      {"suppliers", {"third", "party"}},
      {"vendors", {"third", "party"}},
      {"dr", {"disaster", "recovery"}},
      {"bcp", {"business", "continuity"}},
      {"sso", {"single", "sign", "on"}},
      {"logs", {"log"}},
      {"logging", {"log"}},
      {"backups", {"backup"}},
      {"stored", {"rest"}},
      {"storage", {"rest"}},
      {"transit", {"transmission"}},
      {"tls", {"transmission", "encrypt"}},
      {"ciphers", {"encrypt"}},
      {"cryptographic", {"encrypt"}},
      {"passwords", {"password"}},
      {"credentials", {"password"}},
      {"patches", {"patch"}},
      {"patching", {"patch"}},
      {"vulnerabilities", {"vulnerability"}},
      {"scanning", {"scan"}},
      {"scans", {"scan"}},
      {"breaches", {"breach"}},
      {"incidents", {"incident"}},
      {"laptops", {"endpoint"}},
      {"laptop", {"endpoint"}},
      {"workstations", {"endpoint"}},
      {"devices", {"endpoint"}},
      {"device", {"endpoint"}},
      {"antivirus", {"malware"}},
      {"hire", {"onboard"}},
      {"hiring", {"onboard"}},
      {"terminated", {"offboard"}},
      {"termination", {"offboard"}},
      {"leavers", {"offboard"}},
      {"soc", {"soc2"}},
      {"attestation", {"audit", "report"}},
  };
  return kSynonyms;
}

void AddToken(std::string word, std::vector<std::string>& out) {
  if (word.empty() || StopWords().contains(word)) return;
  if (auto it = Synonyms().find(word); it != Synonyms().end()) {
    for (const auto& w : it->second) AddToken(w, out);
    return;
  }
  if (word.size() > 4 && word.ends_with("ies")) word = word.substr(0, word.size() - 3) + "y";
  if (word.size() > kStem) word.resize(kStem);
  out.push_back(std::move(word));
}

double SublinearTf(int count) { return 1.0 + std::log(static_cast<double>(count)); }

}  // namespace

std::vector<std::string> MatchTokens(std::string_view text) {
  std::vector<std::string> out;
  std::string word;
  for (char ch : text) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c >= 0x80) {
      word += static_cast<char>(c < 0x80 ? std::tolower(c) : c);
    } else if (!word.empty()) {
      AddToken(std::move(word), out);
      word.clear();
    }
  }
  AddToken(std::move(word), out);
  return out;
}

AnswerMatcher::AnswerMatcher(const std::vector<Entry>& entries) {
  std::vector<std::map<size_t, double>> tf(entries.size());
  for (size_t i = 0; i < entries.size(); ++i) {
    std::map<size_t, int> counts;
    auto count = [&](std::string_view text, int weight) {
      for (auto& t : MatchTokens(text)) {
        auto [it, added] = terms_.try_emplace(std::move(t), terms_.size());
        counts[it->second] += weight;
      }
    };
    count(entries[i].question, 2);
    count(entries[i].answer, 1);
    for (auto [term, n] : counts) tf[i][term] = SublinearTf(n);
  }
  idf_.assign(terms_.size(), 0.0);
  postings_.assign(terms_.size(), {});
  std::vector<int> df(terms_.size(), 0);
  for (const auto& doc : tf) {
    for (const auto& [term, w] : doc) ++df[term];
  }
  double n = static_cast<double>(entries.size());
  for (size_t t = 0; t < df.size(); ++t) idf_[t] = std::log((n + 1.0) / (df[t] + 1.0)) + 1.0;
  norms_.assign(entries.size(), 0.0);
  for (size_t i = 0; i < tf.size(); ++i) {
    double sum = 0;
    for (const auto& [term, w] : tf[i]) sum += (w * idf_[term]) * (w * idf_[term]);
    double norm = std::sqrt(sum);
    norms_[i] = norm > 0 ? 1.0 : 0.0;
    for (const auto& [term, w] : tf[i]) postings_[term].push_back({i, w * idf_[term] / norm});
  }
}

std::vector<MatchSuggestion> AnswerMatcher::Match(std::string_view question, size_t k,
                                                  double min_score) const {
  std::map<size_t, int> counts;
  for (const auto& t : MatchTokens(question)) {
    if (auto it = terms_.find(t); it != terms_.end()) ++counts[it->second];
  }
  // Unknown words still lengthen the question: they lower every score alike.
  size_t unknown = 0;
  for (const auto& t : MatchTokens(question)) unknown += !terms_.contains(t);
  double sum = 0;
  for (auto [term, n] : counts) sum += std::pow(SublinearTf(n) * idf_[term], 2);
  double max_idf = std::log(static_cast<double>(norms_.size()) + 1.0) + 1.0;
  sum += static_cast<double>(unknown) * max_idf * max_idf;
  if (counts.empty() || sum <= 0) return {};
  double norm = std::sqrt(sum);
  std::unordered_map<size_t, double> scores;
  for (auto [term, n] : counts) {
    double q = SublinearTf(n) * idf_[term] / norm;
    for (const Posting& p : postings_[term]) scores[p.entry] += q * p.weight;
  }
  std::vector<MatchSuggestion> out;
  out.reserve(scores.size());
  for (auto [entry, score] : scores) {
    if (score > min_score) out.push_back({entry, std::min(score, 1.0)});
  }
  auto better = [](const MatchSuggestion& a, const MatchSuggestion& b) {
    return a.score != b.score ? a.score > b.score : a.entry < b.entry;
  };
  size_t top = std::min(k, out.size());
  std::partial_sort(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(top), out.end(), better);
  out.resize(top);
  return out;
}

}  // namespace accord::domain
