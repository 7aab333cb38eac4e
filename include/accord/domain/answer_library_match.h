// Matching a customer's questions to our approved answers (issue 28, part 5): TF-IDF cosine
// over normalised tokens. Customers word the same question a hundred ways ("Do you encrypt
// ePHI at rest?", "Is data stored encrypted?"), so tokens are lower-cased, stop words dropped,
// a few security synonyms folded together and each word cut to a short stem; an inverted index
// keeps a 500-question questionnaire against a 2,000-answer library well under a second.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace accord::domain {

// The normalised tokens of a text, in order (duplicates kept).
std::vector<std::string> MatchTokens(std::string_view text);

struct MatchSuggestion {
  size_t entry = 0;    // index into the texts the matcher was built from
  double score = 0.0;  // cosine similarity, 0..1
};

class AnswerMatcher {
 public:
  // One text per library answer: its question (counted twice) and its answer.
  struct Entry {
    std::string question;
    std::string answer;
  };
  explicit AnswerMatcher(const std::vector<Entry>& entries);

  // The `k` best entries for `question`, best first; only scores above `min_score`.
  std::vector<MatchSuggestion> Match(std::string_view question, size_t k = 3,
                                     double min_score = 0.05) const;

  size_t size() const { return norms_.size(); }

 private:
  struct Posting {
    size_t entry;
    double weight;  // the entry's normalised tf-idf weight of the term
  };
  std::unordered_map<std::string, size_t> terms_;  // token → term id
  std::vector<double> idf_;                        // by term id
  std::vector<std::vector<Posting>> postings_;     // by term id
  std::vector<double> norms_;                      // by entry (1 when it has any term)
};

}  // namespace accord::domain
