// An account's logins on GitHub and GitLab (issue 24): a review done there counts as this
// account's, so separation of duties applies to it. Identity admins set them.
import { put } from '../api';
import { Facts, Form, TextField, useForm } from '../ui';
import type { Account } from './accounts-model';

export function ForgeLogins(props: { account: Account; manages: boolean; onDone: (msg: string) => void }) {
  const logins = props.account.forge_logins || {};
  const form = useForm({ github: logins.github || '', gitlab: logins.gitlab || '' });
  return (
    <>
      <Facts
        items={[
          ['GitHub', logins.github || 'None'],
          ['GitLab', logins.gitlab || 'None'],
        ]}
      />
      {props.manages && (
        <Form
          form={form}
          label="Code review logins"
          submitLabel="Save the logins"
          onSubmit={async () => {
            const saved = await form.submit((v) =>
              put(`/api/v1/users/${props.account.id}/forge-logins`, {
                ...(v.github ? { github: v.github } : {}),
                ...(v.gitlab ? { gitlab: v.gitlab } : {}),
              }),
            );
            if (saved) props.onDone('Code review logins saved.');
          }}
        >
          <div class="form-grid">
            <TextField form={form} name="github" label="GitHub login" />
            <TextField form={form} name="gitlab" label="GitLab username" />
          </div>
        </Form>
      )}
    </>
  );
}
