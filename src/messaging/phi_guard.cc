// The PHI guard: a hand-written scanner (no regex: it runs on every message). The text is cut
// into chunks at white space; each chunk is classified once (word, number, date, identifier)
// and the rules look at chunks near each other. See phi_guard.h for what is refused.
#include "accord/messaging/phi_guard.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <vector>

namespace accord::messaging {

namespace {

struct Chunk {
  std::string_view raw;  // without surrounding punctuation
  std::string lower;     // ASCII-lowercased raw
  bool word = false;     // letters only (and ' or - inside)
  bool capitalized = false;
  bool possessive = false;    // ends in 's
  bool sentence_end = false;  // followed by . ! ? or a line break
  bool colon_after = false;   // followed by : or - (a label)
  int digits = 0;
  int letters = 0;
  bool date = false;  // a day and a month (and maybe a year) in one chunk
  bool has_year = false;
};

bool Any(std::string_view w, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsLetter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
}
bool IsEdgePunct(char c) {
  return c == '(' || c == ')' || c == ',' || c == ':' || c == ';' || c == '.' || c == '!' ||
         c == '?' || c == '"' || c == '\'' || c == '#' || c == '[' || c == ']' || c == '*' ||
         c == '<' || c == '>' || c == '-' || c == '+';
}

// Parses "12/03/2026", "2026-12-03", "3.12.2026", "12/3": numbers separated by one kind of
// separator, a plausible month and day.
bool NumericDate(std::string_view s, bool& has_year) {
  std::array<int, 3> value{};
  std::array<int, 3> width{};
  int parts = 0;
  char sep = 0;
  for (char c : s) {
    if (IsDigit(c)) {
      if (width[parts] >= 4) return false;
      value[parts] = value[parts] * 10 + (c - '0');
      ++width[parts];
    } else if (c == '/' || c == '-' || c == '.') {
      if (sep != 0 && c != sep) return false;
      sep = c;
      if (width[parts] == 0 || ++parts > 2) return false;
    } else {
      return false;
    }
  }
  if (width[parts] == 0) return false;
  ++parts;
  auto day_month = [](int a, int b) {
    return (a >= 1 && a <= 12 && b >= 1 && b <= 31) || (b >= 1 && b <= 12 && a >= 1 && a <= 31);
  };
  if (parts == 3) {
    has_year = true;
    if (width[0] == 4) return width[1] <= 2 && width[2] <= 2 && day_month(value[1], value[2]);
    return width[2] == 4 && width[0] <= 2 && width[1] <= 2 && day_month(value[0], value[1]);
  }
  // Two parts: only "12/3" with a slash (a version "4.12" or a range "10-12" is not a date).
  has_year = false;
  return parts == 2 && sep == '/' && width[0] <= 2 && width[1] <= 2 &&
         day_month(value[0], value[1]);
}

bool IsMonth(std::string_view w) {
  static constexpr std::array<std::string_view, 21> kMonths = {
      "january", "february",  "march",   "april",    "may",      "june", "july",
      "august",  "september", "october", "november", "december", "jan",  "feb",
      "mar",     "apr",       "jun",     "jul",      "aug",      "sep",  "sept"};
  if (std::find(kMonths.begin(), kMonths.end(), w) != kMonths.end()) return true;
  return w == "oct" || w == "nov" || w == "dec";
}

bool IsDayNumber(const Chunk& c) {
  if (c.word || c.digits == 0 || c.digits > 2 || c.letters > 2) return false;
  int v = 0;
  for (char ch : c.raw) {
    if (!IsDigit(ch)) break;
    v = v * 10 + (ch - '0');
  }
  return v >= 1 && v <= 31;
}
bool IsYearNumber(const Chunk& c) {
  return c.digits == 4 && c.raw.size() == 4 && (c.raw[0] == '1' || c.raw[0] == '2');
}

std::vector<Chunk> Chunks(std::string_view text) {
  std::vector<Chunk> out;
  out.reserve(text.size() / 5 + 1);
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() &&
           (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r')) {
      if (text[i] == '\n' && !out.empty()) out.back().sentence_end = true;
      ++i;
    }
    size_t start = i;
    while (i < text.size() && text[i] != ' ' && text[i] != '\t' && text[i] != '\n' &&
           text[i] != '\r') {
      ++i;
    }
    if (start == i) break;
    std::string_view s = text.substr(start, i - start);
    size_t b = 0, e = s.size();
    while (b < e && IsEdgePunct(s[b])) ++b;
    bool end = false, colon = false;
    while (e > b && IsEdgePunct(s[e - 1])) {
      char c = s[e - 1];
      if (c == '.' || c == '!' || c == '?') end = true;
      if (c == ':') colon = true;
      --e;
    }
    if (b == e) {  // punctuation alone ("-", ":") labels what came before
      if (!out.empty() && (s == "-" || s == ":" || s == "–")) out.back().colon_after = true;
      continue;
    }
    Chunk c;
    c.raw = s.substr(b, e - b);
    c.sentence_end = end;
    c.colon_after = colon;
    c.lower.resize(c.raw.size());
    bool only_letters = true;
    for (size_t k = 0; k < c.raw.size(); ++k) {
      char ch = c.raw[k];
      c.lower[k] = IsAsciiUpper(ch) ? static_cast<char>(ch - 'A' + 'a') : ch;
      if (IsDigit(ch)) {
        ++c.digits;
        only_letters = false;
      } else if (IsLetter(ch)) {
        ++c.letters;
      } else if (!(ch == '\'' || ch == '-' || ch == '.') || k == 0) {
        only_letters = false;
      }
    }
    c.word = only_letters && c.letters > 0;
    // Abbreviations end with a dot but not a sentence ("Med rec no. 123", "Mr. Roe").
    if (end && Any(c.lower, {"no", "num", "nbr", "med", "rec", "d.o.b", "dob", "mr", "mrs", "ms",
                             "dr", "pt", "acct", "sec", "dx"})) {
      c.sentence_end = false;
    }
    c.capitalized =
        c.word && (IsAsciiUpper(c.raw[0]) || static_cast<unsigned char>(c.raw[0]) >= 0xC3);
    if (c.word && c.lower.size() > 2 && c.lower.ends_with("'s")) {
      c.possessive = true;
      c.lower.resize(c.lower.size() - 2);
    }
    if (!c.word && c.digits > 0) c.date = NumericDate(c.raw, c.has_year);
    out.push_back(std::move(c));
  }
  // Month names with a day beside them ("March 3, 2026", "3 Mar 2026", "Nov 2").
  for (size_t k = 0; k < out.size(); ++k) {
    if (!out[k].word || !IsMonth(out[k].lower)) continue;
    if (k + 1 < out.size() && IsDayNumber(out[k + 1])) {
      out[k].date = true;
      out[k].has_year = k + 2 < out.size() && IsYearNumber(out[k + 2]);
    } else if (k > 0 && IsDayNumber(out[k - 1])) {
      out[k].date = true;
      out[k].has_year = k + 1 < out.size() && IsYearNumber(out[k + 1]);
    }
  }
  return out;
}

// A chunk that reads as an identifier: several digits, not a date, not a small count.
bool IsIdentifier(const Chunk& c) {
  if (c.word || c.date || c.digits < 4 || c.raw.size() < 5) return false;
  // A year range or a month ("2026-2027", "2026-01") is a period, not an identifier.
  bool period = (c.raw.size() == 9 || c.raw.size() == 7) && (c.raw[4] == '-' || c.raw[4] == '/') &&
                c.digits == static_cast<int>(c.raw.size()) - 1;
  return !period;
}

bool IsSsnShape(std::string_view s) {
  if (s.size() != 11 || s[3] != '-' || s[6] != '-') return false;
  for (size_t k = 0; k < s.size(); ++k) {
    if (k == 3 || k == 6) continue;
    if (!IsDigit(s[k])) return false;
  }
  return true;
}
bool AllDigits(std::string_view s, size_t n) {
  return s.size() == n && std::all_of(s.begin(), s.end(), IsDigit);
}

// Condition words and clinical terms: a person next to one of these is PHI. Words with an
// everyday sense too ("heart", "alcohol", "aids") count only in the pairs of ConditionPair.
bool IsCondition(std::string_view w) {
  static constexpr std::string_view kTerms[] = {"diabetes",      "diabetic",
                                                "hiv",           "cancer",
                                                "malignant",     "tumor",
                                                "tumour",        "carcinoma",
                                                "lymphoma",      "leukemia",
                                                "melanoma",      "depression",
                                                "depressive",    "schizophrenia",
                                                "bipolar",       "hepatitis",
                                                "copd",          "asthma",
                                                "overdose",      "opioid",
                                                "addiction",     "epilepsy",
                                                "seizures",      "dialysis",
                                                "pregnant",      "pregnancy",
                                                "prenatal",      "miscarriage",
                                                "abortion",      "alzheimer",
                                                "alzheimer's",   "dementia",
                                                "anxiety",       "sclerosis",
                                                "lupus",         "crohn's",
                                                "crohn",         "chemo",
                                                "chemotherapy",  "psychiatric",
                                                "suicidal",      "hba1c",
                                                "biopsy",        "sertraline",
                                                "insulin",       "methadone",
                                                "buprenorphine", "antidepressant",
                                                "stroke",        "tuberculosis",
                                                "syphilis",      "chlamydia",
                                                "gonorrhea",     "herpes",
                                                "autism",        "adhd",
                                                "ptsd",          "anorexia",
                                                "bulimia",       "obesity",
                                                "hypertension",  "dx",
                                                "diagnosis",     "diagnosed",
                                                "colonoscopy",   "mammogram",
                                                "mri",           "transplant",
                                                "amputation",    "positive",
                                                "viral",         "alcoholism",
                                                "g2p1",          "sepsis",
                                                "fracture",      "concussion",
                                                "postpartum",    "psychosis",
                                                "ocd",           "parkinson's",
                                                "parkinson",     "rehab",
                                                "detox",         "covid-19",
                                                "covid"};
  return std::find(std::begin(kTerms), std::end(kTerms), w) != std::end(kTerms);
}
// "heart failure", "alcohol dependence", "kidney disease": the pair is the condition.
bool ConditionPair(const std::vector<Chunk>& c, size_t k) {
  if (k + 1 >= c.size()) return false;
  return Any(c[k].lower, {"heart", "kidney", "liver", "lung", "breast", "brain", "blood", "alcohol",
                          "substance", "drug", "mental", "eating", "sleep"}) &&
         Any(c[k + 1].lower,
             {"failure", "attack", "disease", "cancer", "transplant", "clot", "pressure",
              "dependence", "abuse", "use", "disorder", "illness", "apnea"});
}

// A condition word used as the name of a program, a vendor or a field ("Diabetes Care
// Partners", "HIV prevention program", "the depression screening tool") says nothing of a person.
bool IsProgramUse(const std::vector<Chunk>& c, size_t k) {
  if (k + 1 >= c.size()) return false;
  const Chunk& next = c[k + 1];
  if (c[k].capitalized && next.capitalized && !c[k].sentence_end) return true;
  return !c[k].sentence_end && !c[k].colon_after &&
         Any(next.lower,
             {"program",   "programme",   "prevention", "research", "screening", "care",
              "clinic",    "center",      "centre",     "vendor",   "partner",   "partners",
              "testing",   "lab",         "app",        "network",  "registry",  "study",
              "services",  "data",        "tool",       "team",     "unit",      "foundation",
              "awareness", "field",       "module",     "codes",    "code",      "grant",
              "society",   "association", "management", "software", "policy"});
}

bool IsHonorific(std::string_view w) { return Any(w, {"mr", "mrs", "ms", "miss", "mx"}); }
bool IsPronoun(std::string_view w) {
  return Any(w, {"he", "she", "him", "his", "her", "hers", "mother", "father", "son", "daughter",
                 "wife", "husband", "child", "baby", "grandmother", "grandfather"});
}
// Capitalized words that begin sentences or name things, never a person.
bool IsCommonCapital(std::string_view w) {
  return Any(w, {"the",     "our",     "your",      "please",   "patient", "annual",   "due",
                 "new",     "status",  "reference", "hello",    "hi",      "dear",     "re",
                 "fyi",     "subject", "name",      "reminder", "meeting", "security", "privacy",
                 "officer", "review",  "soc",       "type",     "report",  "access",   "finding",
                 "today",   "this",    "that",      "we",       "it",      "a",        "an",
                 "can",     "call",    "results",   "lab",      "dr",      "mr",       "mrs",
                 "ms",      "happy",   "member",    "order",    "version", "build",    "ticket",
                 "invoice", "case",    "drill",     "training", "out",     "new",      "q3",
                 "for",     "from",    "with",      "on",       "at",      "by",       "if"}) ||
         IsMonth(w);
}
bool IsOrgWord(std::string_view w) {
  return Any(w, {"labs",      "inc",        "llc",           "ltd",        "co",        "corp",
                 "partners",  "network",    "systems",       "services",   "analytics", "health",
                 "it",        "cloud",      "billing",       "imaging",    "software",  "group",
                 "exchange",  "processing", "transcription", "courier",    "pharmacy",  "clinic",
                 "hospital",  "center",     "foundation",    "university", "bank",      "backup",
                 "insurance", "plan",       "care",          "medical",    "data"});
}

// A person is named or pointed at near position k: a name (two capitalized words), a title
// with a name, "patient", a pronoun, a possessive name.
bool PersonAt(const std::vector<Chunk>& c, size_t k) {
  const Chunk& w = c[k];
  if (!w.word) return false;
  if (w.lower == "patient" || w.lower == "pt") {
    // "patient Jane Roe", "Patient: ...", "our patient", "the patient's" — not "patient portal".
    if (w.colon_after || w.possessive) return true;
    if (k + 1 < c.size() && (c[k + 1].capitalized || IsIdentifier(c[k + 1]) ||
                             c[k + 1].lower == "id" || c[k + 1].lower == "name")) {
      return true;
    }
    return k > 0 && Any(c[k - 1].lower, {"our", "your", "the", "this", "a", "for", "each"}) &&
           !(k + 1 < c.size() && c[k + 1].word && !c[k + 1].capitalized &&
             Any(c[k + 1].lower, {"portal", "portals", "data", "records", "safety", "satisfaction",
                                  "experience", "app", "survey", "engagement"}));
  }
  if (IsHonorific(w.lower) && k + 1 < c.size() && c[k + 1].capitalized) return true;
  if (IsPronoun(w.lower)) return true;
  if (!w.capitalized || IsCommonCapital(w.lower) || IsOrgWord(w.lower)) return false;
  if (w.possessive) return true;
  if (k + 1 < c.size() && c[k + 1].capitalized && !w.sentence_end && !w.colon_after &&
      !IsCommonCapital(c[k + 1].lower) && !IsOrgWord(c[k + 1].lower)) {
    // Not a vendor: the words after a name are not "Labs", "Health", ...
    size_t j = k + 2;
    while (j < c.size() && j < k + 4 && c[j].capitalized && !c[j - 1].sentence_end) {
      if (IsOrgWord(c[j].lower)) return false;
      ++j;
    }
    return true;
  }
  return false;
}

bool PersonNear(const std::vector<Chunk>& c, size_t k, size_t before, size_t after) {
  size_t from = k > before ? k - before : 0;
  size_t to = std::min(c.size(), k + after + 1);
  for (size_t j = from; j < to; ++j) {
    if (PersonAt(c, j)) return true;
  }
  return false;
}

// Events of a person's care: a full date near one of them, with a person, is PHI.
bool IsCareEvent(const std::vector<Chunk>& c, size_t k) {
  // A word inside a capitalized name ("Summit Dialysis Software") names a vendor, not an event.
  auto name_word = [&](size_t j) { return c[j].capitalized && !IsCommonCapital(c[j].lower); };
  if (c[k].capitalized && ((k > 0 && name_word(k - 1) && !c[k - 1].sentence_end) ||
                           (k + 1 < c.size() && name_word(k + 1) && !c[k].sentence_end))) {
    return false;
  }
  std::string_view w = c[k].lower;
  if (Any(w, {"admitted",   "admission",    "discharged",   "discharge",   "surgery",
              "surgical",   "died",         "deceased",     "colonoscopy", "biopsy",
              "chemo",      "chemotherapy", "dialysis",     "post-op",     "pre-op",
              "er",         "icu",          "mri",          "x-ray",       "ultrasound",
              "prenatal",   "infusion",     "injection",    "vaccination", "transfusion",
              "therapy",    "psychiatric",  "inpatient",    "outpatient",  "overdose",
              "cardiology", "oncology",     "radiology",    "neurology",   "dermatology",
              "pediatrics", "obstetrics",   "consultation", "checkup",     "check-up",
              "diagnosed",  "prescribed"})) {
    return true;
  }
  // "date of service"
  return w == "service" && k >= 2 && c[k - 1].lower == "of" && c[k - 2].lower == "date";
}

// Keywords that announce an identifier, and which identifier (their stable key).
struct IdKeyword {
  std::string_view kind;
  size_t words;  // how many chunks the keyword took
};
std::optional<IdKeyword> IdentifierKeyword(const std::vector<Chunk>& c, size_t k) {
  auto at = [&](size_t j) -> std::string_view {
    return j < c.size() ? std::string_view(c[j].lower) : std::string_view();
  };
  std::string_view w = at(k);
  if (w == "ssn" || w == "ss#" || w == "ssn#") return IdKeyword{"ssn", 1};
  if (w == "social" && (at(k + 1) == "security" || at(k + 1).starts_with("sec"))) {
    return IdKeyword{"ssn", 2};
  }
  if (w == "social") return IdKeyword{"ssn", 1};  // "confirm Jane's social 123-45-6789"
  if (w == "mrn" || w == "mrn#") return IdKeyword{"medical_record_number", 1};
  if ((w == "medical" || w == "med") && (at(k + 1) == "record" || at(k + 1) == "rec")) {
    return IdKeyword{"medical_record_number", 2};
  }
  if (w == "chart" || w == "record") return IdKeyword{"medical_record_number", 1};
  if (w == "patient" && (at(k + 1) == "id" || at(k + 1) == "number" || at(k + 1) == "no")) {
    return IdKeyword{"medical_record_number", 2};
  }
  if (Any(w, {"member", "subscriber", "beneficiary", "medicaid", "medicare", "policy", "insurance",
              "plan", "payer", "insured", "group"})) {
    return IdKeyword{"health_plan_number", 1};
  }
  if (w == "account" || w == "acct" || w == "acct#" || w == "account#") {
    return IdKeyword{"account_number", 1};
  }
  return std::nullopt;
}

bool IsDobKeyword(const std::vector<Chunk>& c, size_t k, size_t& words) {
  std::string_view w = c[k].lower;
  words = 1;
  if (Any(w, {"dob", "d.o.b", "birthdate", "born", "birthday", "b-day", "bday"})) return true;
  if (w == "date" && k + 2 < c.size() && c[k + 1].lower == "of" && c[k + 2].lower == "birth") {
    words = 3;
    return true;
  }
  if (w == "birth" && k + 1 < c.size() && c[k + 1].lower == "date") {
    words = 2;
    return true;
  }
  return false;
}

PhiVerdict Refuse(std::string_view kind, std::string_view what) {
  return PhiVerdict{true, kind,
                    "This message looks like it carries protected health information (" +
                        std::string(what) +
                        "), which email, SMS and voice must not carry. Send it as a Secure "
                        "Message instead: the recipient then gets only a link."};
}

}  // namespace

PhiVerdict CheckForPhi(std::string_view text) {
  const std::vector<Chunk> c = Chunks(text);
  const size_t n = c.size();
  for (size_t k = 0; k < n; ++k) {
    // A Social Security number's shape needs no keyword: 123-45-6789, or 123 45 6789.
    if (IsSsnShape(c[k].raw)) return Refuse("ssn", "a Social Security number");
    // An identifier glued to its keyword: "MRN0012345", "MRN#0012345".
    if (c[k].lower.starts_with("mrn") && c[k].digits >= 4) {
      return Refuse("medical_record_number", "a medical record number");
    }
    if (k + 2 < n && AllDigits(c[k].raw, 3) && AllDigits(c[k + 1].raw, 2) &&
        AllDigits(c[k + 2].raw, 4) && !c[k].sentence_end && !c[k + 1].sentence_end) {
      return Refuse("ssn", "a Social Security number");
    }
    // A keyword with an identifier right after it ("MRN: 00482913", "member ID W123456789").
    if (auto kw = IdentifierKeyword(c, k)) {
      size_t j = k + kw->words;
      for (size_t hop = 0; j < n && hop < 3; ++j, ++hop) {
        if (IsIdentifier(c[j]) || (kw->kind == "ssn" && AllDigits(c[j].raw, 9))) {
          if (kw->kind == "ssn") return Refuse("ssn", "a Social Security number");
          if (kw->kind == "medical_record_number") {
            return Refuse(kw->kind, "a medical record number");
          }
          if (kw->kind == "health_plan_number") {
            return Refuse(kw->kind, "a health plan or beneficiary number");
          }
          return Refuse(kw->kind, "an account number");
        }
        if (!c[j].word || c[j].sentence_end) break;
        if (!Any(c[j].lower, {"id", "number", "no", "num", "identifier", "is", "was", "#", "nbr",
                              "of", "account", "card", "beneficiary"})) {
          break;
        }
      }
    }
    // A date of birth: the keyword and a date right after it.
    size_t words = 0;
    if (c[k].word && IsDobKeyword(c, k, words)) {
      bool birthday = c[k].lower == "birthday" || c[k].lower == "bday" || c[k].lower == "b-day";
      for (size_t j = k + words; j < n && j < k + words + 4; ++j) {
        if (c[j].date && (!birthday || c[j].has_year)) {
          return Refuse("date_of_birth", "a date of birth");
        }
        if (birthday && IsYearNumber(c[j])) return Refuse("date_of_birth", "a date of birth");
      }
    }
  }
  // A full date tied to a person's care: the date, a care event and a person, close together.
  for (size_t k = 0; k < n; ++k) {
    if (!c[k].date) continue;
    size_t from = k > 12 ? k - 12 : 0;
    size_t to = std::min(n, k + 10);
    bool care = false, person = false, patient = false;
    for (size_t j = from; j < to; ++j) {
      care = care || IsCareEvent(c, j);
      if (PersonAt(c, j)) {
        person = true;
        patient = patient || c[j].lower == "patient" || IsHonorific(c[j].lower);
      }
    }
    if (person && (care || patient)) {
      return Refuse("date_of_care", "a date tied to a person's care");
    }
  }
  // A health condition next to a person.
  for (size_t k = 0; k < n; ++k) {
    bool condition = (c[k].word || c[k].lower.starts_with("covid")) && IsCondition(c[k].lower);
    if (!condition && !ConditionPair(c, k) && c[k].raw != "AIDS") continue;
    if (IsProgramUse(c, k)) continue;
    // "positive" alone is a condition only after a test ("tested positive").
    if (c[k].lower == "positive" &&
        !(k > 0 && Any(c[k - 1].lower, {"tested", "test", "is", "was", "hiv", "came"}))) {
      continue;
    }
    if (PersonNear(c, k, 10, 6)) {
      return Refuse("health_condition", "a health condition next to a person");
    }
  }
  return {};
}

PhiVerdict CheckMessageForPhi(std::string_view subject, std::string_view body) {
  std::string text;
  text.reserve(subject.size() + body.size() + 2);
  text.append(subject).append(".\n").append(body);
  return CheckForPhi(text);
}

}  // namespace accord::messaging
