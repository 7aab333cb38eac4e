// The public trust center (issue 9: IN-4, TR-1, the public part of TP-1): certifications
// valid today and the subprocessor list, as pages, JSON and an Atom feed, and the RFC 9116
// security.txt. No sign-in; answers are built from the registry and cached for a few
// seconds, so a crowd of readers costs the store one read per page per interval.
#include <boost/json.hpp>
#include <cctype>
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "accord/core/time.h"
#include "accord/domain/registry.h"
#include "accord/http/api.h"
#include "accord/http/html_page.h"
#include "accord/http/json.h"
#include "accord/http/router.h"
#include "accord/http/schema.h"
#include "accord/storage/data_commitments.h"
#include "accord/storage/ledger_tables.h"
#include "accord/storage/trust.h"
#include "ledger_keyed_cache.h"

namespace accord::http {

namespace json = boost::json;
using domain::StateString;

namespace {

// How long a public answer is served from memory. A certification that expires or a
// subprocessor that is added shows within this.

std::string Day(const json::object& o, const char* key) {
  return HtmlEscape(HumanDay(StateString(o, key)));
}

std::string Text(const json::object& o, const char* key) { return HtmlEscape(StateString(o, key)); }

// "No model training on customer data; zero retention ...": what a subprocessor's agreements
// in force bind it to, in words.
std::string BoundWords(const json::object& p) {
  std::string out;
  if (const json::value* c = p.if_contains("commitments"); c && c->is_array()) {
    for (const auto& key : c->as_array()) {
      if (!key.is_string()) continue;
      std::string words = storage::DataUseWords(key.as_string());
      if (!words.empty())
        words[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(words[0])));
      out += (out.empty() ? "" : "; ") + HtmlEscape(words);
    }
  }
  return out.empty() ? "&mdash;" : out;
}

std::string SubprocessorTable(const json::array& subprocessors) {
  if (subprocessors.empty()) return "<p>No subprocessors are listed.</p>";
  std::string out = TableHead(
      {"Subprocessor", "Purpose", "Data location", "Its agreement with us commits it to"});
  for (const auto& v : subprocessors) {
    const json::object& p = v.as_object();
    out += "<tr><td>" + Text(p, "name") + "</td><td>" + Text(p, "purpose") + "</td><td>" +
           Text(p, "location") + "</td><td>" + BoundWords(p) + "</td></tr>";
  }
  return out + "</tbody></table>";
}

// Our data-use commitments and DPF participation, in plain words (TR-11).
std::string CommitmentsSection(const json::object& t) {
  const json::array& commitments = t.at("commitments").as_array();
  const json::value& dpf = t.at("data_privacy_framework");
  if (commitments.empty() && dpf.is_null()) return "";
  std::string out =
      "<section aria-labelledby=\"commitments\"><h2 id=\"commitments\">How we use your data"
      "</h2>";
  if (!commitments.empty()) out += "<ul>";
  for (const auto& v : commitments) {
    const json::object& c = v.as_object();
    std::string applies = StateString(c, "applies_to");
    out += "<li><strong>" + Text(c, "statement") + "</strong> Since " + Day(c, "since") + ".";
    if (applies == "all_subprocessors") {
      out += " Every subprocessor is bound to it by its agreement with us.";
    } else if (applies == "ai_providers") {
      out += " Every AI provider we use is bound to it by its agreement with us.";
    }
    if (const json::value* e = c.if_contains("evidence"); e && e->is_object()) {
      const json::object& ev = e->as_object();
      std::string kind = StateString(ev, "kind");
      std::string what =
          kind == "certification"
              ? (StateString(ev, "name").empty() ? std::string("one of our certifications")
                                                 : "our " + Text(ev, "name") + " certification")
          : kind == "document" ? std::string("a document we keep")
                               : std::string("a clause of our agreements");
      std::string note = StateString(ev, "note");
      out += " Backed by " + what + (note.empty() ? "" : " (" + HtmlEscape(note) + ")") + ".";
    }
    out += "</li>";
  }
  if (!commitments.empty()) out += "</ul>";
  if (dpf.is_object()) {
    const json::object& d = dpf.as_object();
    static const std::map<std::string, std::string> kFrameworks = {
        {"eu_us", "the EU-U.S. Data Privacy Framework"},
        {"uk_extension", "the UK Extension to the EU-U.S. Data Privacy Framework"},
        {"swiss_us", "the Swiss-U.S. Data Privacy Framework"}};
    std::vector<std::string> names;
    if (const json::value* f = d.if_contains("frameworks"); f && f->is_array()) {
      for (const auto& v : f->as_array()) {
        if (v.is_string() && kFrameworks.contains(std::string(v.as_string()))) {
          names.push_back(kFrameworks.at(std::string(v.as_string())));
        }
      }
    }
    std::string list;
    for (size_t i = 0; i < names.size(); ++i) {
      list += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + names[i];
    }
    std::string status = StateString(d, "status");
    out += "<h3>Data Privacy Framework</h3><p>";
    out += status == "active" ? "We participate in " + list + "."
                              : "Our participation in " + list + " is " + HtmlEscape(status) + ".";
    out += " Status: " + HtmlEscape(status) + ". Last re-certified on " +
           Day(d, "last_recertified_at") + "; the next re-certification is due by " +
           Day(d, "recertification_due") + ".";
    if (std::string url = StateString(d, "listing_url"); !url.empty()) {
      out += " <a href=\"" + HtmlEscape(url) +
             "\">Our listing on the Data Privacy Framework website</a>.";
    }
    out += "</p>";
  }
  return out + "</section>";
}

// Subprocessors being onboarded: announced before they process any data.
std::string PlannedSection(const json::object& t) {
  const json::value* planned = t.if_contains("planned");
  if (!planned || !planned->is_array() || planned->as_array().empty()) return "";
  return "<h3>Planned</h3><p>These are being onboarded and will process data once our review "
         "is complete.</p>" +
         SubprocessorTable(planned->as_array());
}

std::string SubscribeForm() {
  return "<form method=\"post\" action=\"/trust/subscribe\"><label for=\"sub-email\">Email me "
         "when the list changes</label><input type=\"email\" id=\"sub-email\" name=\"email\" "
         "required autocomplete=\"email\"><button type=\"submit\">Subscribe</button></form>";
}

std::string TrustPage(const json::object& t, const TrustSettings& settings) {
  std::string org = Text(t, "organisation");
  std::string body = "<header><h1>" + org + " trust center</h1></header><main>";
  body +=
      "<section aria-labelledby=\"certs\"><h2 id=\"certs\">Certifications and attestations"
      "</h2>";
  const json::array& certs = t.at("certifications").as_array();
  if (certs.empty()) {
    body += "<p>No current certification is published.</p>";
  } else {
    body += TableHead({"Certification", "Issuer", "Scope", "Valid"});
    for (const auto& v : certs) {
      const json::object& c = v.as_object();
      body += "<tr><td>" + Text(c, "name") + "</td><td>" + Text(c, "issuer") + "</td><td>" +
              Text(c, "scope") + "</td><td>" + Day(c, "valid_from") + " to " +
              Day(c, "valid_until") + "</td></tr>";
    }
    body += "</tbody></table>";
  }
  body += "</section>" + CommitmentsSection(t) +
          "<section aria-labelledby=\"subs\"><h2 id=\"subs\">Subprocessors</h2>" +
          SubprocessorTable(t.at("subprocessors").as_array()) + PlannedSection(t) +
          "<p><a href=\"/trust/subprocessors\">The subprocessor list</a> &middot; "
          "<a href=\"/trust/subprocessors.atom\">its changes as an Atom feed</a></p>" +
          SubscribeForm() + "</section>";
  body +=
      "<section aria-labelledby=\"reports\"><h2 id=\"reports\">Audit reports</h2><p>Our audit "
      "reports are shared under a non-disclosure agreement: <a href=\"/trust/request\">request "
      "one</a>.</p><p>Customers: the security questionnaires we answered for you come by a "
      "personal link we email to your contact, or are in <a href=\"/app/customer-questionnaires\">"
      "our portal</a> once you sign in; either way while your NDA with us is in "
      "force.</p></section>";
  if (!settings.security_contact.empty()) {
    body +=
        "<section aria-labelledby=\"sec\"><h2 id=\"sec\">Security contact</h2><p>Report a "
        "vulnerability or a security concern to <a href=\"" +
        HtmlEscape(settings.security_contact) + "\">" +
        HtmlEscape(settings.security_contact.starts_with("mailto:")
                       ? settings.security_contact.substr(7)
                       : settings.security_contact) +
        "</a> (<a href=\"/.well-known/security.txt\">security.txt</a>).</p></section>";
  }
  body +=
      "</main><footer><p>Updated " + HumanMoment(StateString(t, "generated_at")) + "</p></footer>";
  return PublicPage(StateString(t, "organisation") + " trust center", body);
}

std::string AtomFeed(const json::object& t, const std::vector<storage::SubprocessorChange>& log,
                     const TrustSettings& settings, TimePoint now) {
  std::string base = settings.public_url;
  std::string org = HtmlEscape(StateString(t, "organisation"));
  std::string updated = FormatRfc3339(log.empty() ? now : log.front().at);
  std::string out =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"
      "<title>" +
      org + " subprocessors</title><id>" +
      (base.empty() ? std::string("urn:accord:subprocessors")
                    : HtmlEscape(base + "/trust/subprocessors")) +
      "</id><updated>" + updated + "</updated><author><name>" + org +
      "</name></author><link rel=\"alternate\" href=\"" + HtmlEscape(base) +
      "/trust/subprocessors\"/><link rel=\"self\" href=\"" + HtmlEscape(base) +
      "/trust/subprocessors.atom\"/>";
  static const std::map<std::string, std::string> kVerb = {
      {"planned", "planned"}, {"added", "added"}, {"updated", "changed"}, {"removed", "removed"}};
  for (const auto& c : log) {
    std::string title = HtmlEscape(c.name) + " " + kVerb.at(c.change);
    std::string summary =
        c.change == "removed"
            ? HtmlEscape(c.name) + " is no longer a subprocessor."
            : "Purpose: " + HtmlEscape(c.purpose.empty() ? "-" : c.purpose) +
                  ". Data location: " + HtmlEscape(c.location.empty() ? "-" : c.location) + ".";
    // The id names the ledger entry that made the change, not the party (ids stay private).
    out += "<entry><title>" + title + "</title><id>urn:accord:ledger:" + std::to_string(c.index) +
           "</id><updated>" + FormatRfc3339(c.at) + "</updated><link rel=\"alternate\" href=\"" +
           HtmlEscape(base) + "/trust/subprocessors\"/><summary>" + summary + "</summary></entry>";
  }
  return out + "</feed>\n";
}

// RFC 9116: Contact and Expires are required; Expires is less than a year ahead.
std::string SecurityTxt(const TrustSettings& settings, TimePoint now) {
  auto expires = std::chrono::floor<std::chrono::days>(now) + std::chrono::days(180);
  std::string out = "Contact: " + settings.security_contact + "\n";
  out += "Expires: " + FormatRfc3339(TimePoint(expires)).substr(0, 19) + "Z\n";
  out += "Preferred-Languages: en\n";
  if (!settings.public_url.empty()) {
    out += "Canonical: " + settings.public_url + "/.well-known/security.txt\n";
  }
  return out;
}

// The public JSON: the organisation, what is valid now and the subprocessors (active and
// planned); `list_only` is the subprocessor list alone.
json::object PublicTrustSchema(bool list_only) {
  using namespace schema;
  json::object sub =
      Object({{"name", String()},
              {"purpose", Nullable(String())},
              {"location", Nullable(String())},
              {"commitments",
               ArrayOf(Enum({"no_sale_or_sharing", "no_advertising_use", "ai_zero_data_retention",
                             "no_model_training", "dpf_participation"}))}},
             {{"planned_from", Time()}});
  if (list_only) {
    return Object({{"organisation", String()},
                   {"items", ArrayOf(sub)},
                   {"planned", ArrayOf(sub)},
                   {"generated_at", Time()}});
  }
  json::object cert = Object({{"name", String()},
                              {"framework", String()},
                              {"issuer", String()},
                              {"valid_from", Time()},
                              {"valid_until", Time()}},
                             {{"scope", String()}});
  json::object commitment =
      Object({{"key", Enum({"no_sale_or_sharing", "no_advertising_use", "ai_zero_data_retention",
                            "no_model_training", "other"})},
              {"statement", String()},
              {"applies_to", Enum({"organisation", "all_subprocessors", "ai_providers"})},
              {"since", Time()},
              {"evidence",
               Nullable(Object({{"kind", Enum({"document", "certification", "agreement_clause"})},
                                {"name", Nullable(schema::Text("the certification's name"))},
                                {"note", Nullable(schema::Text("e.g. the clause"))}}))}});
  json::object dpf = Object({{"frameworks", ArrayOf(Enum({"eu_us", "uk_extension", "swiss_us"}))},
                             {"status", Enum({"active", "inactive", "withdrawn"})},
                             {"last_recertified_at", Time()},
                             {"recertification_due", Time()},
                             {"listing_url", Nullable(String())}});
  return Object({{"organisation", String()},
                 {"certifications", ArrayOf(std::move(cert))},
                 {"commitments", ArrayOf(std::move(commitment))},
                 {"data_privacy_framework", Nullable(std::move(dpf))},
                 {"subprocessors", ArrayOf(sub)},
                 {"planned", ArrayOf(sub)},
                 {"generated_at", Time()}});
}

// The group's state: each public answer, cached.
class TrustAnswers {
 public:
  explicit TrustAnswers(ApiDeps& deps) : deps_(deps) {}

  // Kept while the ledger has not grown, at most five seconds (ledger_keyed_cache.h).
  Response Cached(const std::string& name);

 private:
  const TrustSettings& settings() const {
    static const TrustSettings kNone;
    return deps_.trust ? *deps_.trust : kNone;
  }
  Response Build(const std::string& name);

  ApiDeps& deps_;
  LedgerKeyedCache cache_{deps_};
};

Response TrustAnswers::Cached(const std::string& name) {
  return cache_.Get(name, [&] { return Build(name); });
}

Response TrustAnswers::Build(const std::string& name) {
  TimePoint now = deps_.clock.Now();
  if (name == "security_txt") {
    if (settings().security_contact.empty()) {
      return ErrorResponse(
          NotFound("security contact: none is configured ([trust] "
                   "security_contact)"));
    }
    return Response{.content_type = "text/plain; charset=utf-8",
                    .body = SecurityTxt(settings(), now)};
  }
  json::object snapshot;
  std::vector<storage::SubprocessorChange> history;
  Status s = deps_.store.Read([&](storage::Tx& tx) -> Status {
    auto t = storage::TrustSnapshot(tx, now);
    if (!t.ok()) return std::move(t).error();
    snapshot = std::move(*t);
    if (name == "atom") {
      auto h = storage::SubprocessorHistory(tx);
      if (!h.ok()) return std::move(h).error();
      history = std::move(*h);
    }
    return Ok();
  });
  if (!s.ok()) return ErrorResponse(s.error());
  if (name == "json") return JsonResponse(snapshot);
  if (name == "subprocessors_json") {
    return JsonResponse(json::object{{"organisation", snapshot.at("organisation")},
                                     {"items", snapshot.at("subprocessors")},
                                     {"planned", snapshot.at("planned")},
                                     {"generated_at", snapshot.at("generated_at")}});
  }
  if (name == "atom") {
    return Response{.content_type = "application/atom+xml; charset=utf-8",
                    .body = AtomFeed(snapshot, history, settings(), now)};
  }
  if (name == "subprocessors") {
    std::string org = StateString(snapshot, "organisation");
    return PublicHtml(PublicPage(org + " subprocessors",
                                 "<main><h1>" + HtmlEscape(org) + " subprocessors</h1>" +
                                     SubprocessorTable(snapshot.at("subprocessors").as_array()) +
                                     "<p><a href=\"/trust/subprocessors.atom\">Follow changes "
                                     "(Atom)</a> &middot; <a href=\"/trust\">Trust center</a></p>"
                                     "</main>"));
  }
  return PublicHtml(TrustPage(snapshot, settings()));
}

}  // namespace

void AddTrustRoutes(Router& router, ApiDeps& deps) {
  auto answers = std::make_shared<TrustAnswers>(deps);
  // Every trust route is a public read of one cached answer.
  auto route = [&](const char* pattern, const char* summary, Answer answer, std::string name) {
    router.Add(ReadRoute(pattern, kPublic, std::move(answer))
                   .Summary(summary)
                   .Tag("trust")
                   .Handle(Sync([answers, name](Context&) { return answers->Cached(name); })));
  };
  route("/trust", "The public trust center: certifications, subprocessors, security contact",
        Html(), "page");
  route("/trust/subprocessors", "The public subprocessor list", Html(), "subprocessors");
  route("/trust/subprocessors.atom",
        "Changes to the subprocessor list as an Atom feed (RFC 4287), newest first",
        Media("application/atom+xml"), "atom");
  route("/api/v1/public/trust",
        "The trust center as JSON: organisation, certifications valid now, subprocessors",
        Json(PublicTrustSchema(false)), "json");
  route("/api/v1/public/subprocessors", "The subprocessor list as JSON",
        Json(PublicTrustSchema(true)), "subprocessors_json");
  route("/.well-known/security.txt", "RFC 9116 security contact", Media("text/plain"),
        "security_txt");
}

}  // namespace accord::http
