// The shapes the party page reads, as docs/openapi.json describes them (src/generated).
import type { components } from '../../generated/openapi';

type Schemas = components['schemas'];

export type Party = Schemas['Party'];
export type Service = Schemas['Service'];
export type Contact = Schemas['Contact'];
export type Agreement = Schemas['Agreement'];
export type DueDiligence = Schemas['DueDiligence'];
export type Soc2Report = Schemas['Soc2Report'];
export type PartyDocument = Schemas['Document'];
export type ChangeNotice = Schemas['ChangeNotice'];

// The BAA checklist and the SLA sections as the forms edit them: a flag per clause
// ("safeguards": true) and a few other fields.
// A BAA may also carry its inheritance answers (issue 23), kept as they are by the form.
export type Clauses = Record<string, boolean | string | number | null | undefined | object[]>;
