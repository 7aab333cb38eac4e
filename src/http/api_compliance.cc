// Compliance mapping (issue 23, docs/compliance.md): the control catalog with each control's
// status computed from live data, one control's evidence, and a customer's inheritance matrix
// (JSON, CSV, HTML). For the officers and the auditor; `?as_of=N` answers at a past ledger size
// with the profile then in force.
#include <boost/json.hpp>

#include "accord/domain/compliance_catalog.h"
#include "accord/domain/registry.h"
#include "accord/domain/roles.h"
#include "accord/http/api.h"
#include "accord/http/html_page.h"
#include "accord/http/json.h"
#include "accord/http/schema.h"
#include "accord/storage/compliance.h"
#include "accord/storage/registry_store.h"

namespace accord::http {

namespace json = boost::json;

namespace {

constexpr uint64_t kDefaultEvidence = 50;
constexpr uint64_t kMaxEvidence = 500;

json::object StatusSchema() {
  return schema::Enum(
      {"operating", "failing", "documented", "inherited", "not_mapped", "not_applicable"});
}

json::object PointFields(json::object out) {
  using namespace schema;
  out["as_of"] = Nullable(Int());
  out["size"] = Int();
  out["at"] = Time();
  out["party_id"] = Nullable(String());
  out["profile"] =
      Object({{"name", String()}, {"sha256", String()}, {"ledger_index", Nullable(Int())}});
  return out;
}

json::object ControlProperties(bool page) {
  using namespace schema;
  json::object source = Object({{"source", Text("rule:<access rule id> or workflow:<name>")},
                                {"title", String()},
                                {"evidence", Enum({"live", "enforced", "procedure"})},
                                {"ok", Int()},
                                {"failing", Int()}});
  if (page) {
    json::object item = Object({{"kind", Text("party, agreement, soc2_report, review, finding, "
                                              "checkpoint or ledger_entry")},
                                {"id", String()},
                                {"title", String()},
                                {"ok", Bool()},
                                {"detail", String()},
                                {"party_id", Nullable(String())},
                                {"party_name", Nullable(String())},
                                {"ledger_index", Nullable(Int())},
                                {"href", Nullable(Text("the portal path (under /app)"))}});
    source["properties"].as_object()["items"] = ArrayOf(std::move(item));
    source["required"].as_array().push_back("items");
  }
  json::object control = Object({{"id", Text("a HIPAA citation or an Accord control id")},
                                 {"framework", Enum({"hipaa", "accord"})},
                                 {"kind", String()},
                                 {"title", String()},
                                 {"requirement", Text("Required, Addressable or empty")},
                                 {"safeguard", String()},
                                 {"parent", Text("a specification's standard, or empty")},
                                 {"status", StatusSchema()},
                                 {"summary", String()},
                                 {"evidence_ok", Int()},
                                 {"evidence_failing", Int()},
                                 {"implemented_by", ArrayOf(std::move(source))}});
  return control;
}

json::object ListSchema() {
  using namespace schema;
  json::object out = PointFields(Object(
      {{"counts", AnyObject("controls by status")}, {"items", ArrayOf(ControlProperties(false))}}));
  return out;
}

json::object PageSchema() {
  using namespace schema;
  json::object control = ControlProperties(true);
  json::object& props = control["properties"].as_object();
  json::array& required = control["required"].as_array();
  for (auto [name, s] : std::initializer_list<std::pair<const char*, json::object>>{
           {"description", String()},
           {"applicable", Bool()},
           {"customer_inherits", Enum({"yes", "partially", "no"})},
           {"host_provides", Enum({"yes", "partially", "no"})},
           {"customer_responsibility", String()},
           {"specifications", ArrayOf(String())}}) {
    props[name] = s;
    required.push_back(json::value(name));
  }
  json::object out = PointFields(std::move(control));
  return out;
}

json::object MatrixSchema() {
  using namespace schema;
  json::object inherited = Enum({"yes", "partially", "no"});
  return Object(
      {{"as_of", Nullable(Int())},
       {"size", Int()},
       {"at", Time()},
       {"organisation", String()},
       {"party", Nullable(Object({{"id", String()}, {"name", String()}, {"kind", String()}}))},
       {"baa", Nullable(Object({{"id", String()},
                                {"title", String()},
                                {"expires_at", Text("empty when it has no end")},
                                {"ledger_index", Int()}}))},
       {"hosts", ArrayOf(Object({{"party_id", String()}, {"party_name", String()}}))},
       {"rows", ArrayOf(Object(
                    {{"control", String()},
                     {"title", String()},
                     {"kind", String()},
                     {"requirement", String()},
                     {"safeguard", String()},
                     {"inherited", inherited},
                     {"responsibility", Text("what stays with the customer")},
                     {"source", Enum({"catalog", "profile", "baa"})},
                     {"status", StatusSchema()},
                     {"host", Object({{"inherited", inherited},
                                      {"providers",
                                       ArrayOf(Object({{"party_id", String()},
                                                       {"party_name", String()},
                                                       {"controls", ArrayOf(String())}}))}})}}))}});
}

// The outline of the OSCAL documents; NIST's schemas (tests/testdata/oscal/) say the rest.
json::object OscalSspSchema() {
  using namespace schema;
  return Object({{"system-security-plan",
                  Object({{"uuid", String()},
                          {"metadata", AnyObject("OSCAL metadata")},
                          {"import-profile", AnyObject("the HIPAA Security Rule")},
                          {"system-characteristics", AnyObject("the service")},
                          {"system-implementation", AnyObject("its users and component")},
                          {"control-implementation",
                           Object({{"description", String()},
                                   {"implemented-requirements",
                                    ArrayOf(AnyObject("one HIPAA specification: its status, "
                                                      "provided and responsibilities"))}})}})}});
}

json::object OscalComponentSchema() {
  using namespace schema;
  return Object(
      {{"component-definition", Object({{"uuid", String()},
                                        {"metadata", AnyObject("OSCAL metadata")},
                                        {"components", ArrayOf(AnyObject("Accord and its control "
                                                                         "implementations"))}})}});
}

// The routes' state: the parties and agreements in memory, kept up to date with the ledger.
struct ComplianceApi {
  ApiDeps& deps;
  storage::ComplianceFactsCache facts;
};

json::object OscalCatalogSchema() {
  using namespace schema;
  return Object({{"catalog", Object({{"uuid", String()},
                                     {"metadata", AnyObject("OSCAL metadata")},
                                     {"groups", ArrayOf(AnyObject("a HIPAA safeguard or "
                                                                  "Accord's controls"))},
                                     {"back-matter", AnyObject("the regulation's source")}})}});
}

struct Params {
  std::optional<int64_t> as_of;
  storage::ComplianceQuery query;
};

Result<Params> ReadParams(const Context& ctx) {
  auto as_of = ParseAsOf(ctx);
  if (!as_of.ok()) return std::move(as_of).error();
  Params p{.as_of = *as_of};
  p.query.party_id = std::string(ctx.Query("party_id"));
  p.query.framework = std::string(ctx.Query("framework"));
  if (!p.query.framework.empty() && p.query.framework != "hipaa" && p.query.framework != "accord") {
    return ValidationError("framework", "must be hipaa or accord");
  }
  auto limit = ParseGroupLimit(ctx, kDefaultEvidence, 1, kMaxEvidence);
  if (!limit.ok()) return std::move(limit).error();
  p.query.evidence_limit = *limit;
  return p;
}

// The answer of `fn` at the point the query names, in one snapshot.
template <class Fn>
Result<json::object> AtPoint(ComplianceApi& api, const Params& p, Fn&& fn) {
  ApiDeps& deps = api.deps;
  if (!deps.profile) return Internal("no policy profile");
  json::object out;
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    if (!p.query.party_id.empty()) {
      auto party = storage::GetObject(tx, "party", p.query.party_id, storage::Scope{}, p.as_of);
      if (!party.ok()) return std::move(party).error();
      if (!party->has_value()) return NotFound("party " + p.query.party_id);
    }
    auto point =
        storage::ResolveCompliancePoint(tx, *deps.profile, deps.clock.Now(), p.as_of, &api.facts);
    if (!point.ok()) return std::move(point).error();
    auto r = fn(tx, *point);
    if (!r.ok()) return std::move(r).error();
    out = std::move(*r);
    return Ok();
  });
  if (!s.ok()) return std::move(s).error();
  return out;
}

Response Controls(ComplianceApi& deps, Context& ctx) {
  auto p = ReadParams(ctx);
  if (!p.ok()) return ErrorResponse(p.error());
  auto out = AtPoint(deps, *p, [&](storage::Tx& tx, const storage::CompliancePoint& point) {
    return storage::ControlList(tx, domain::BuiltinCatalog(), point, p->query);
  });
  return out.ok() ? JsonResponse(*out) : ErrorResponse(out.error());
}

Response Control(ComplianceApi& deps, Context& ctx) {
  auto p = ReadParams(ctx);
  if (!p.ok()) return ErrorResponse(p.error());
  std::string id = ctx.path_params.at("control_id");
  auto out =
      AtPoint(deps, *p,
              [&](storage::Tx& tx, const storage::CompliancePoint& point) -> Result<json::object> {
                auto page = storage::ControlPage(tx, domain::BuiltinCatalog(), point, id, p->query);
                if (!page.ok()) return std::move(page).error();
                if (!page->has_value()) return NotFound("control " + id);
                return std::move(**page);
              });
  return out.ok() ? JsonResponse(*out) : ErrorResponse(out.error());
}

Result<json::object> Matrix(ComplianceApi& deps, Context& ctx) {
  auto p = ReadParams(ctx);
  if (!p.ok()) return std::move(p).error();
  return AtPoint(deps, *p, [&](storage::Tx& tx, const storage::CompliancePoint& point) {
    return storage::InheritanceMatrix(tx, domain::BuiltinCatalog(), point, p->query.party_id);
  });
}

std::string FileName(const json::object& matrix, std::string_view ext) {
  std::string name = "inheritance-matrix";
  if (const json::value* party = matrix.if_contains("party"); party && party->is_object()) {
    name += "-" + domain::StateString(party->as_object(), "id");
  }
  return name + "." + std::string(ext);
}

Response MatrixJson(ComplianceApi& deps, Context& ctx) {
  auto m = Matrix(deps, ctx);
  return m.ok() ? JsonResponse(*m) : ErrorResponse(m.error());
}

Response MatrixCsv(ComplianceApi& deps, Context& ctx) {
  auto m = Matrix(deps, ctx);
  if (!m.ok()) return ErrorResponse(m.error());
  Response r = TextResponse(storage::MatrixCsv(*m), "text/csv; charset=utf-8");
  r.headers.push_back(
      {"Content-Disposition", "attachment; filename=\"" + FileName(*m, "csv") + "\""});
  return r;
}

Response MatrixHtmlPage(ComplianceApi& deps, Context& ctx) {
  auto m = Matrix(deps, ctx);
  if (!m.ok()) return ErrorResponse(m.error());
  Response r = PublicHtml(MatrixHtml(*m, domain::StateString(*m, "organisation")));
  r.headers.push_back(
      {"Content-Disposition", "attachment; filename=\"" + FileName(*m, "html") + "\""});
  return r;
}

Response OscalSsp(ComplianceApi& deps, Context& ctx) {
  auto p = ReadParams(ctx);
  if (!p.ok()) return ErrorResponse(p.error());
  p->query.party_id.clear();
  p->query.framework = "hipaa";
  auto out =
      AtPoint(deps, *p,
              [&](storage::Tx& tx, const storage::CompliancePoint& point) -> Result<json::object> {
                const auto& catalog = domain::BuiltinCatalog();
                auto matrix = storage::InheritanceMatrix(tx, catalog, point, "");
                if (!matrix.ok()) return std::move(matrix).error();
                auto controls = storage::ControlList(tx, catalog, point, p->query);
                if (!controls.ok()) return std::move(controls).error();
                return storage::OscalSsp(catalog, *matrix, *controls);
              });
  return out.ok() ? JsonResponse(*out) : ErrorResponse(out.error());
}

Response OscalComponentDefinition(ComplianceApi& deps, Context& ctx) {
  auto p = ReadParams(ctx);
  if (!p.ok()) return ErrorResponse(p.error());
  p->query.party_id.clear();
  auto out =
      AtPoint(deps, *p,
              [&](storage::Tx& tx, const storage::CompliancePoint& point) -> Result<json::object> {
                auto org = tx.QueryOne("SELECT name FROM rm_org", {});
                if (!org.ok()) return std::move(org).error();
                std::string name = org->has_value() ? (*org)->Text(0) : "";
                return storage::OscalComponentDefinition(domain::BuiltinCatalog(), point.profile,
                                                         name, FormatRfc3339(point.at));
              });
  return out.ok() ? JsonResponse(*out) : ErrorResponse(out.error());
}

// The catalog is built in: the same for every point, dated now.
Response OscalCatalog(ComplianceApi& api, Context&) {
  std::string org;
  Status s = api.deps.store.Read([&](storage::Tx& tx) -> Status {
    auto row = tx.QueryOne("SELECT name FROM rm_org", {});
    if (!row.ok()) return std::move(row).error();
    if (row->has_value()) org = (*row)->Text(0);
    return Ok();
  });
  if (!s.ok()) return ErrorResponse(s.error());
  return JsonResponse(
      storage::OscalCatalog(domain::BuiltinCatalog(), org, FormatRfc3339(api.deps.clock.Now())));
}

}  // namespace

std::string MatrixHtml(const json::object& matrix, std::string_view org_name) {
  using domain::StateString;
  std::string who = "our customers";
  if (const json::value* p = matrix.if_contains("party"); p && p->is_object()) {
    who = StateString(p->as_object(), "name");
  }
  std::string body =
      "<main><h1>HIPAA Security Rule: what " + HtmlEscape(who) + " inherits from " +
      HtmlEscape(org_name) + "</h1>\n<p>As of " +
      HtmlEscape(HumanMoment(StateString(matrix, "at"))) +
      ". Inherited: Yes (we carry it for you), Partially (shared), No (yours).</p>\n" +
      TableHead({"Specification", "Title", "Required or addressable", "Inherited",
                 "Your responsibility", "Our status"});
  for (const auto& r : matrix.at("rows").as_array()) {
    const json::object& row = r.as_object();
    body += "<tr><td>" + HtmlEscape(StateString(row, "control")) + "</td><td>" +
            HtmlEscape(StateString(row, "title")) + "</td><td>" +
            HtmlEscape(StateString(row, "requirement")) + "</td><td>" +
            storage::InheritedWords(StateString(row, "inherited")) + "</td><td>" +
            HtmlEscape(StateString(row, "responsibility")) + "</td><td>" +
            storage::StatusWords(StateString(row, "status")) + "</td></tr>\n";
  }
  body += "</tbody></table></main>\n";
  return PublicPage("Inheritance matrix", body);
}

void AddComplianceRoutes(Router& router, ApiDeps& api_deps) {
  auto deps = std::make_shared<ComplianceApi>(api_deps);
  auto point = [](RouteSpec& r) -> RouteSpec& {
    return r
        .Query("as_of", "a past ledger size: the answer then, with the profile then in force",
               "integer")
        .Query("party_id", "one party's view: its agreements, reviews and findings only");
  };
  router.Add(
      point(ReadRoute("/api/v1/compliance/controls", domain::kLedgerReaders, Json(ListSchema()))
                .Summary("The control catalog (every HIPAA Security Rule standard and "
                         "specification, Accord's own controls), each with its status "
                         "computed from live data and what implements it")
                .Tag("compliance")
                .Query("framework", "hipaa or accord (default both)"))
          .Handle(deps, Controls));
  router.Add(point(ReadRoute("/api/v1/compliance/controls/{control_id}", domain::kLedgerReaders,
                             Json(PageSchema()))
                       .Summary("One control: its status, the inheritance defaults and the "
                                "evidence of each rule or workflow that implements it (objects "
                                "and ledger entries), failing first")
                       .Tag("compliance")
                       .Path("control_id", "a HIPAA citation such as 164.308(b)(1), or TP-11")
                       .Query("limit", "evidence items per source, 1-500 (default 50)", "integer"))
                 .Handle(deps, Control));
  router.Add(
      point(ReadRoute("/api/v1/compliance/matrix", domain::kLedgerReaders, Json(MatrixSchema()))
                .Summary("The inheritance matrix: per HIPAA specification what a customer "
                         "inherits from us (yes, partially, no; its BAA may override), its "
                         "own responsibility, our status and what our hosts provide")
                .Tag("compliance"))
          .Handle(deps, MatrixJson));
  router.Add(
      point(ReadRoute("/api/v1/compliance/matrix.csv", domain::kLedgerReaders, Media("text/csv"))
                .Summary("The inheritance matrix as CSV, one row per specification")
                .Tag("compliance"))
          .Handle(deps, MatrixCsv));
  router.Add(point(ReadRoute("/api/v1/compliance/matrix.html", domain::kLedgerReaders, Html())
                       .Summary("The inheritance matrix as a standalone HTML page")
                       .Tag("compliance"))
                 .Handle(deps, MatrixHtmlPage));
  auto as_of = [](RouteSpec& r) -> RouteSpec& {
    return r.Query("as_of", "a past ledger size: the answer then, with the profile then in force",
                   "integer");
  };
  router.Add(as_of(ReadRoute("/api/v1/compliance/oscal/ssp", domain::kLedgerReaders,
                             Json(OscalSspSchema()))
                       .Summary("Our System Security Plan in OSCAL JSON: per HIPAA specification "
                                "its status and a by-component export of what a customer "
                                "inherits (provided) and what stays with it (responsibilities)")
                       .Tag("compliance"))
                 .Handle(deps, OscalSsp));
  router.Add(as_of(ReadRoute("/api/v1/compliance/oscal/component-definition",
                             domain::kLedgerReaders, Json(OscalComponentSchema()))
                       .Summary("Accord's capabilities as an OSCAL component definition: the "
                                "HIPAA specifications the profile's mapping implements")
                       .Tag("compliance"))
                 .Handle(deps, OscalComponentDefinition));
  router.Add(ReadRoute("/api/v1/compliance/oscal/catalog", domain::kLedgerReaders,
                       Json(OscalCatalogSchema()))
                 .Summary("The control catalog as an OSCAL catalog: every HIPAA Security Rule "
                          "standard with its specifications, and Accord's own controls, with "
                          "the default inheritance")
                 .Tag("compliance")
                 .Handle(deps, OscalCatalog));
}

}  // namespace accord::http
