// A due-diligence questionnaire as the API answers it (issue 28), and the pure rules the
// screens share: which questions are asked given the answers so far, and what changed.
export interface Question {
  id: string;
  text: string;
  type: 'yes_no' | 'choice' | 'text' | 'date' | 'file';
  choices?: string[];
  required?: boolean;
  help?: string;
  show_if?: { question: string; equals: string } | null;
  citations?: string[];
  rules?: string[];
}

export interface QSection {
  title: string;
  questions: Question[];
}

export interface Answer {
  question: string;
  value?: string;
  document_ids?: string[];
  note?: string;
}

export interface FollowUp {
  question: string;
  text: string;
  reply?: string | null;
  asked_at?: string | null;
  replied_at?: string | null;
}

// Who a section was handed to by the party (issue 28, item 2).
export interface Assignment {
  section: number;
  section_title: string;
  user_id: string;
  user_name?: string | null;
  user_email?: string | null;
  assigned_at: string;
}

export interface Questionnaire {
  id: string;
  party_id: string;
  title: string;
  status: string;
  due_at: string;
  overdue?: boolean | null;
  contact?: { name: string; email?: string | null } | null;
  sections?: QSection[];
  answers?: Answer[];
  answers_version?: number;
  answers_sha256?: string | null;
  submitted_at?: string | null;
  follow_ups?: FollowUp[] | null;
  previous_id?: string | null;
  previous_answers?: Answer[] | null;
  changed_since_previous?: string[] | null;
  reviews?: { question: string; verdict: string; note?: string | null }[] | null;
  score?: { score: number; earned: number; possible: number; knockouts: string[]; suggested_tier: string } | null;
  tier_override?: { tier: string; computed: string } | null;
  due_diligence_id?: string | null;
  finding_ids?: string[] | null;
  decided_at?: string | null;
  question_count?: number | null;
  answer_count?: number | null;
  allowed_actions?: string[] | null;
  assignments?: Assignment[] | null;
}

export function assignmentOf(q: Questionnaire, section: number): Assignment | undefined {
  return (q.assignments || []).find((a) => a.section === section);
}

// The questions asked given the answers: a condition needs its question asked and answered so.
export function askedQuestions(sections: QSection[], answers: Record<string, string>): Set<string> {
  const shown = new Set<string>();
  for (const s of sections) {
    for (const q of s.questions) {
      const c = q.show_if;
      if (c && (!shown.has(c.question) || answers[c.question] !== c.equals)) continue;
      shown.add(q.id);
    }
  }
  return shown;
}

export function answerText(a: Answer | undefined): string {
  if (!a) return '';
  const docs = a.document_ids?.length ? `${a.document_ids.length} document(s)` : '';
  return [a.value, docs].filter(Boolean).join(', ');
}

export const STATUS_WORDS: Record<string, string> = {
  sent: 'Waiting for answers',
  submitted: 'Answered, to review',
  follow_up: 'Follow-up questions asked',
  accepted: 'Accepted',
  rejected: 'Rejected',
};
