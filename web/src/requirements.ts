// The requirements Accord cites (its policy's ids), each with its statement in plain words, so a
// screen can show the id as a small tag and the statement on hover (RequirementTag).
export const REQUIREMENTS: Record<string, string> = {
  'TP-1': 'Keep a register of every third party: what it provides, its contacts and the data it handles.',
  'TP-2': 'No access to any system before due diligence, controls and a signed agreement are in place.',
  'TP-3': 'Access is the minimum necessary, to named systems, and ends by itself on its expiry date.',
  'TP-4': 'No third party may access production systems that hold patient data (ePHI).',
  'TP-5': 'Every third-party connection is encrypted in transit.',
  'TP-6': 'Agreements (BAA, SLA, NDA, development contract) are signed, dated and renewed in time.',
  'TP-7': 'A third party never sees or changes anything of another third party.',
  'TP-8': 'Third parties change our infrastructure only with explicit permission.',
  'TP-9': 'Any change to a partner’s services is reviewed before it happens; a substantial one gets a risk assessment.',
  'TP-10': 'The list of partners and subcontractors, with their services and contacts, is reviewed every year.',
  'TP-11':
    'Every partner and subcontractor gets a yearly security, compliance and SLA review, with the SOC 2 report of each infrastructure partner.',
  'TP-12':
    'Reviews follow one path: the Security Officer opens it, an officer documents it, the Security Officer approves or sends it back.',
  'TP-13': 'SLA terms are monitored with measurements; a breach raises a finding.',
  'TP-14': 'SLAs are reviewed regularly and what they find is fixed in time for its severity.',
  'TP-15': 'Each partner’s activity is reviewed yearly, and SLA reviews are reported every quarter.',
  'IN-4': 'Audit reports go out only under an NDA, after an officer’s approval, through an expiring link.',
  'TR-3': 'Sign-in with MFA, least privilege, approved access requests and regular entitlement reviews.',
};
