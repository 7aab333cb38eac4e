// The HIPAA vendor security questionnaire Accord ships (issue 28): written for this project from
// the Security Rule's administrative, physical and technical safeguards and organisational and
// documentation requirements (45 CFR 164.308, 164.310, 164.312, 164.314, 164.316) and the
// seeds' third-party requirements (TP-2 due diligence, TP-3 minimum necessary, TP-5
// encryption, TP-6 agreements, TP-10 subcontractors, TP-11 attestations, TP-13 incidents).
// Kept as template CSV so the shipped questionnaire goes through the same import as a
// customer's own; weights and knockout answers are our scoring.
#include <string_view>

#include "accord/domain/questionnaire.h"

namespace accord::domain {

std::string_view HipaaVendorTemplateCsv() {
  static constexpr std::string_view kCsv = R"csv(
section,id,text,type,choices,required,help,show_if,citations,rules,weight,knockout
Company and scope,org-ephi,"Will your service create, receive, maintain or transmit electronic protected health information (ePHI) for us?",yes_no,,yes,"Answer yes if any patient data reaches your systems, even in logs or backups.",,164.308(b)(1),TP-2|TP-6,0,
Company and scope,org-baa,Will you sign our business associate agreement (or your own equivalent) before any ePHI is shared?,yes_no,,yes,,org-ephi=yes,164.308(b)(1)|164.314(a)(1),TP-6,3,no
Company and scope,org-subcontractors,Do subcontractors of yours handle our ePHI?,yes_no,,yes,,org-ephi=yes,164.308(b)(2),TP-10,1,
Company and scope,org-subcontractor-baas,Do you have business associate agreements in place with each of those subcontractors?,yes_no,,yes,,org-subcontractors=yes,164.308(b)(2)|164.314(a)(2)(iii),TP-10,3,no
Company and scope,org-data-location,Where is our data stored and processed (countries and hosting providers)?,text,,yes,,,164.308(a)(1)(ii)(A),TP-2,1,
Security management,sm-officer,Have you named a security official responsible for your security program?,yes_no,,yes,Give their name and role in the note.,,164.308(a)(2),TP-2,2,
Security management,sm-risk-analysis,When did you last complete an accurate and thorough risk analysis of ePHI?,date,,yes,,,164.308(a)(1)(ii)(A),TP-2,2,
Security management,sm-risk-plan,Do you have a risk management plan that reduces the risks found to a reasonable level?,yes_no,,yes,,,164.308(a)(1)(ii)(B),TP-2,2,
Security management,sm-sanctions,Do you apply sanctions to workforce members who fail to follow your security policies?,yes_no,,yes,,,164.308(a)(1)(ii)(C),TP-2,1,
Security management,sm-activity-review,"Do you regularly review records of information system activity (audit logs, access reports, security incident tracking)?",yes_no,,yes,,,164.308(a)(1)(ii)(D),TP-2,2,
Security management,sm-certification,Which independent attestation covers the service?,choice,SOC 2 Type 2|SOC 2 Type 1|ISO 27001|HITRUST|None,yes,,,164.308(a)(8),TP-11,2,
Security management,sm-report,Attach your most recent attestation report.,file,,yes,A SOC 2 report may be shared under NDA.,,164.308(a)(8),TP-11,2,
Workforce security,wf-background,Do you screen workforce members before they get access to customer data?,yes_no,,yes,,,164.308(a)(3)(ii)(B),TP-2,1,
Workforce security,wf-termination,Is a departing workforce member's access removed within one business day?,yes_no,,yes,,,164.308(a)(3)(ii)(C),TP-3,2,
Workforce security,wf-training,Does every workforce member complete security awareness training at least yearly?,yes_no,,yes,,,164.308(a)(5)(i),TP-2,2,
Workforce security,wf-phishing,Do you run phishing or social-engineering exercises?,yes_no,,no,,,164.308(a)(5)(ii)(A),,1,
Workforce security,wf-malware,Are endpoints protected from malicious software with updates managed centrally?,yes_no,,yes,,,164.308(a)(5)(ii)(B),TP-2,1,
Access control,ac-unique-ids,Does every person use their own account (no shared accounts) on systems holding ePHI?,yes_no,,yes,,,164.312(a)(2)(i),TP-3,3,no
Access control,ac-least-privilege,Is access granted on the minimum necessary for each role and reviewed at least yearly?,yes_no,,yes,,,164.308(a)(4)(ii)(B)|164.308(a)(4)(ii)(C),TP-3,2,
Access control,ac-review-frequency,How often do you review who has access to production?,choice,Monthly|Quarterly|Yearly|Never,yes,,,164.308(a)(4)(ii)(C),TP-3,2,Never
Access control,ac-emergency,Do you have an emergency access procedure for ePHI?,yes_no,,yes,,,164.312(a)(2)(ii),TP-2,1,
Access control,ac-auto-logoff,Do sessions end automatically after a period of inactivity?,yes_no,,yes,,,164.312(a)(2)(iii),TP-2,1,
Access control,ac-mfa,Is multi-factor authentication required for all access to production and to administrative consoles?,yes_no,,yes,,,164.312(d),TP-3,3,no
Access control,ac-our-access,Will your staff need access to our production systems?,yes_no,,yes,,,164.308(a)(4)(ii)(B),TP-4|TP-8,0,
Access control,ac-our-access-scope,Describe which of our systems and what level of access you need.,text,,yes,,ac-our-access=yes,164.308(a)(4)(ii)(B),TP-3|TP-8,1,
Encryption,enc-rest,"Is ePHI encrypted at rest in every store (databases, files, backups)?",yes_no,,yes,,org-ephi=yes,164.312(a)(2)(iv),TP-5,3,no
Encryption,enc-rest-method,Which encryption protects data at rest?,choice,AES-256|AES-128|Provider-managed disk encryption|Other,yes,,enc-rest=yes,164.312(a)(2)(iv),TP-5,1,
Encryption,enc-transit,Is every connection carrying our data encrypted with TLS 1.2 or newer?,yes_no,,yes,,,164.312(e)(1)|164.312(e)(2)(ii),TP-5,3,no
Encryption,enc-keys,Are encryption keys kept apart from the data and rotated on a schedule?,yes_no,,yes,,,164.312(a)(2)(iv),TP-5,2,
Encryption,enc-devices,Are laptops and mobile devices with access to our data fully disk-encrypted?,yes_no,,yes,,,164.310(d)(1),TP-5,2,
Audit and integrity,au-logging,Do your systems record who accessed or changed ePHI and when?,yes_no,,yes,,,164.312(b),TP-2,2,
Audit and integrity,au-retention,How long do you keep audit logs?,choice,Less than 90 days|90 days to 1 year|1 to 6 years|6 years or more,yes,,,164.316(b)(2)(i),TP-2,1,Less than 90 days
Audit and integrity,au-tamper,Are audit logs protected from change or deletion?,yes_no,,yes,,,164.312(b)|164.312(c)(1),TP-2,2,
Audit and integrity,au-integrity,Do you check that ePHI has not been altered or destroyed without authorisation?,yes_no,,yes,,,164.312(c)(2),TP-2,1,
Audit and integrity,au-vuln-scans,Do you scan systems for vulnerabilities at least monthly and fix critical findings within 30 days?,yes_no,,yes,,,164.308(a)(1)(ii)(A),TP-2,2,
Audit and integrity,au-pentest,When was your last independent penetration test?,date,,no,,,164.308(a)(8),TP-2,1,
Incident response,ir-plan,Do you have a written security incident response procedure that is tested?,yes_no,,yes,,,164.308(a)(6)(i),TP-13,2,
Incident response,ir-notify,Within how many hours will you notify us of a security incident affecting our data?,choice,24 hours or less|72 hours or less|Within 10 days|Within 60 days,yes,,,164.308(a)(6)(ii)|164.314(a)(2)(i)(C),TP-13,2,Within 60 days
Incident response,ir-breaches,Have you had a breach of unsecured PHI in the last three years?,yes_no,,yes,,,164.308(a)(6)(ii),TP-13,1,
Incident response,ir-breach-detail,Describe the breach and what changed afterwards.,text,,yes,,ir-breaches=yes,164.308(a)(6)(ii),TP-13,1,
Contingency,cp-backups,Do you keep retrievable exact copies of ePHI (backups) and test restoring them?,yes_no,,yes,,,164.308(a)(7)(ii)(A),TP-2,2,
Contingency,cp-dr-plan,Do you have a disaster recovery plan with a stated recovery time objective?,yes_no,,yes,,,164.308(a)(7)(ii)(B),TP-2,2,
Contingency,cp-emergency-mode,Can critical processes continue to protect ePHI while operating in emergency mode?,yes_no,,yes,,,164.308(a)(7)(ii)(C),TP-2,1,
Contingency,cp-test,When did you last test your contingency plans?,date,,yes,,,164.308(a)(7)(ii)(D),TP-2,1,
Physical safeguards,ph-facility,"Are the facilities that house ePHI systems access-controlled (badge, visitor log)?",yes_no,,yes,A cloud provider's attestation is an acceptable answer.,,164.310(a)(1)|164.310(a)(2)(iii),TP-2,1,
Physical safeguards,ph-workstations,Do you have rules for workstation use and placement where ePHI is visible?,yes_no,,yes,,,164.310(b)|164.310(c),TP-2,1,
Physical safeguards,ph-disposal,Are media holding ePHI wiped or destroyed before disposal or re-use?,yes_no,,yes,,,164.310(d)(2)(i)|164.310(d)(2)(ii),TP-2,2,
Policies and documentation,pd-policies,"Are your security policies written down, reviewed at least yearly and available to your workforce?",yes_no,,yes,,,164.316(a)|164.316(b)(2)(iii),TP-2,1,
Policies and documentation,pd-policy-doc,Attach your information security policy (or its table of contents).,file,,no,,,164.316(b)(1),TP-2,1,
Policies and documentation,pd-retention,Do you keep security documentation for six years from its last effective date?,yes_no,,yes,,,164.316(b)(2)(i),TP-2,1,
Policies and documentation,pd-return,Will you return or destroy our data at the end of the contract and confirm it in writing?,yes_no,,yes,,,164.314(a)(2)(i),TP-6,2,no
)csv";
  return kCsv.substr(1);  // the raw string opens with a line break
}

}  // namespace accord::domain
