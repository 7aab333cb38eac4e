// The party's contacts; officers and the party's own contact add them.
import { post } from '../../api';
import { CancelButton, Reveal } from '../../components/reveal';
import { Missing, secondary, Table } from '../../components/table';
import { isOfficer } from '../../session';
import { Badge, CheckboxField, Empty, Form, Loading, Section, TextField, useForm } from '../../ui';
import { bodyOf, type Party } from './common';
import { useList, type SectionProps } from './kit';
import type { Contact } from './model';

export function Contacts(props: SectionProps) {
  const list = useList<Contact>(`/api/v1/parties/${props.party.id}/contacts`, undefined, [props.party.id]);
  const canAdd = isOfficer(props.role) || props.role === 'third_party_contact';
  return (
    <Section title="Contacts" id="sec-contacts">
      {canAdd && (
        <Reveal label="Add contact">
          {(close) => (
            <ContactForm
              party={props.party}
              close={close}
              done={() => {
                list.reload();
                props.changed();
                close();
              }}
            />
          )}
        </Reveal>
      )}
      <Loading state={list} label="contacts">
        {(d) =>
          d.items.length === 0 ? (
            <Empty>No contacts recorded.</Empty>
          ) : (
            <Table columns={['Name', 'Role', 'Email', secondary('Phone')]}>
              {d.items.map((c) => (
                <tr key={c.id}>
                  <td>
                    {c.name} {c.primary && <Badge value="primary" tone="info" label="Primary" />}
                  </td>
                  <td>{c.role || <Missing />}</td>
                  <td>
                    <a href={`mailto:${c.email}`}>{c.email}</a>
                  </td>
                  <td class="hide-narrow">{c.phone || <Missing />}</td>
                </tr>
              ))}
            </Table>
          )
        }
      </Loading>
    </Section>
  );
}

function ContactForm(props: { party: Party; close: () => void; done: () => void }) {
  const form = useForm({ name: '', email: '', phone: '', role: '', primary: 'false' });
  return (
    <>
      <h3>Add a contact</h3>
      <Form
        form={form}
        label="Add contact"
        submitLabel="Add contact"
        secondary={<CancelButton onClick={props.close} />}
        onSubmit={() =>
          form
            .submit((v) => post(`/api/v1/parties/${props.party.id}/contacts`, bodyOf(v, { bools: ['primary'] })))
            .then((r) => r && props.done())
        }
      >
        <div class="form-grid">
          <TextField form={form} name="name" label="Name" required />
          <TextField form={form} name="email" label="Email" type="email" required autocomplete="off" />
          <TextField form={form} name="phone" label="Phone" type="tel" hint="International format, e.g. +14155550100" />
          <TextField form={form} name="role" label="Role" hint="e.g. security, account manager, incident contact" />
        </div>
        <CheckboxField form={form} name="primary" label="Primary contact" />
      </Form>
    </>
  );
}
