// The party's facts, and for officers the moves of its status.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { patch } from '../../api';
import { isOfficer } from '../../session';
import { Alert, Badge, Facts, Section, humanize } from '../../ui';
import { categoryList, label, RiskBadge, yesNo, type Party } from './common';
import type { SectionProps } from './kit';

export function Overview(props: SectionProps) {
  const { party: p, role, changed } = props;
  const officer = isOfficer(role);
  const showInternal = role !== 'third_party_contact';
  return (
    <Section title="Overview" id="sec-overview" actions={officer && <PartyStatus party={p} changed={changed} />}>
      <Facts
        items={[
          ['Legal name', p.legal_name],
          ['Kind', label(p.kind)],
          ['Status', <Badge value={p.status || 'prospect'} />],
          ...((showInternal
            ? [
                ['Risk tier', <RiskBadge tier={p.risk_tier} />],
                ['Criticality', humanize(p.criticality)],
                ['Access to our systems', humanize(p.access_level)],
                ['Data categories', categoryList(p.data_categories)],
                ['Owner', p.owner],
              ]
            : []) as [string, ComponentChildren][]),
          ['Location', [p.location, p.region].filter(Boolean).join(' · ')],
          [
            'Website',
            p.website && /^https?:\/\//.test(p.website) ? (
              <a href={p.website} rel="noopener noreferrer" target="_blank">
                {p.website}
              </a>
            ) : (
              p.website
            ),
          ],
          ['Purpose', p.purpose],
          ['Public subprocessor', yesNo(p.public_subprocessor)],
        ]}
      />
    </Section>
  );
}

const PARTY_NEXT: Record<string, string[]> = {
  prospect: ['onboarding', 'offboarded'],
  onboarding: ['active', 'offboarded'],
  active: ['offboarded'],
  offboarded: ['onboarding'],
};

function PartyStatus(props: { party: Party; changed: () => void }) {
  const next = PARTY_NEXT[props.party.status || 'prospect'] || [];
  const [err, setErr] = useState('');
  const [busy, setBusy] = useState(false);
  if (!next.length) return null;
  return (
    <div class="row-actions">
      {err && <Alert kind="error">{err}</Alert>}
      {next.map((s) => (
        <button
          type="button"
          class="btn btn-small"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            setErr('');
            try {
              await patch(`/api/v1/parties/${props.party.id}`, { status: s });
              props.changed();
            } catch (e) {
              setErr((e as Error).message);
            } finally {
              setBusy(false);
            }
          }}
        >
          {s === 'offboarded' ? 'Offboard' : `Mark ${humanize(s).toLowerCase()}`}
        </button>
      ))}
    </div>
  );
}
