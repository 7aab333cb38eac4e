// The shapes the party page reads. TODO(schema): docs/openapi.json describes these responses
// only as {"type": "object"} so far; once it has their schemas, replace each interface here
// with ApiResponse<…> (api.ts) and delete what the document covers.
import type { Actor } from '../review-kinds';

export interface Party {
  id: string;
  name: string;
  kind: string;
  legal_name?: string;
  status?: string;
  owner?: string;
  criticality?: string;
  infrastructure_partner?: boolean;
  public_subprocessor?: boolean;
  purpose?: string;
  location?: string;
  region?: string;
  website?: string;
  data_categories?: string[];
  access_level?: string;
  risk_tier?: string;
  created_at?: string;
  updated_at?: string;
  version?: number;
}

export interface Service {
  id: string;
  name: string;
  description?: string;
  direction?: string;
  handles_ephi?: boolean;
  data_categories?: string[];
  environment_boundary?: string;
}

export interface Contact {
  id: string;
  name: string;
  email: string;
  phone?: string;
  role?: string;
  primary?: boolean;
}

// The BAA checklist and the SLA sections: a flag per clause ("safeguards": true) and a few
// other fields.
export type Clauses = Record<string, boolean | string | number | undefined>;

export interface Agreement {
  id: string;
  type: string;
  title?: string;
  status?: string;
  signed_by?: string;
  effective_at?: string;
  expires_at?: string;
  baa?: Clauses & { responsibilities?: string };
  sla?: Clauses & { uptime_percent?: number };
}

export interface DueDiligence {
  id: string;
  date: string;
  result: string;
  scope?: string;
  reviewer: string;
  next_due_at?: string;
  summary?: string;
}

export interface Soc2Report {
  id: string;
  type: string;
  document_id?: string;
  period_start?: string;
  period_end: string;
  opinion: string;
  auditor: string;
  reviewed_at?: string;
  exceptions?: { control: string; severity?: string }[];
}

export interface PartyDocument {
  id: string;
  filename: string;
  content_type: string;
  size?: number;
  created_at: string;
  agreement_id?: string;
  uploaded_by?: Actor;
}

export interface ChangeNotice {
  id: string;
  party_id: string;
  title: string;
  description?: string;
  status: string;
  planned_at?: string;
  substantial?: boolean;
  substantial_reasons?: string[];
  change_review_id?: string;
}
