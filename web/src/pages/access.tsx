// Access (TP-2 … TP-4, TR-3): request access for a third party with the gate's decision shown
// live as the form is filled in (access-request.tsx), and the grants with approve / deny /
// revoke (access-grants.tsx).
import { useState } from 'preact/hooks';
import { listAll } from '../api';
import { RequirementTags } from '../components/requirement-tag';
import { isWorkforce, useSession } from '../session';
import { Loading, Page, Section, useLoad } from '../ui';
import { Grants } from './access-grants';
import type { Party, System } from './access-model';
import { RequestForm } from './access-request';
import './access.css';

export function AccessPage() {
  const { user } = useSession().info;
  const mayRequest = isWorkforce(user.role);
  const refs = useLoad(
    async (signal) => {
      const [parties, systems] = await Promise.all([
        listAll<Party>('/api/v1/parties', {}, signal),
        mayRequest ? listAll<System>('/api/v1/systems', {}, signal) : Promise.resolve([] as System[]),
      ]);
      parties.sort((a, b) => a.name.localeCompare(b.name));
      systems.sort((a, b) => a.name.localeCompare(b.name));
      return { parties, systems };
    },
    [mayRequest],
  );
  const [reloadKey, setReloadKey] = useState(0);
  const [notice, setNotice] = useState('');
  return (
    <Page
      title="Access"
      subtitle={
        <>
          Third-party access: every request passes the access rules and is recorded with its decision.
          <RequirementTags codes={['TP-2', 'TP-3', 'TP-4', 'TR-3']} />
        </>
      }
    >
      <Loading state={refs} label="parties and systems">
        {(r) => (
          <>
            {mayRequest && (
              <Section title="Request access" id="request">
                <RequestForm
                  parties={r.parties}
                  systems={r.systems}
                  onRecorded={() => {
                    // The result shows beside the submit button (RequestForm); the list reloads.
                    setNotice('');
                    setReloadKey((k) => k + 1);
                  }}
                />
              </Section>
            )}
            <Grants parties={r.parties} reloadKey={reloadKey} notice={notice} setNotice={setNotice} />
          </>
        )}
      </Loading>
    </Page>
  );
}
