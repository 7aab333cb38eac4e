// The services a party provides to us or uses from us, and whether they touch ePHI.
import { post } from '../../api';
import { CancelButton, Reveal } from '../../components/reveal';
import { Missing, secondary, Table } from '../../components/table';
import { isOfficer } from '../../session';
import {
  Badge,
  CheckboxField,
  Empty,
  Form,
  Loading,
  Section,
  SelectField,
  TextField,
  humanize,
  useForm,
} from '../../ui';
import { bodyOf, categoryList, CheckGroup, DATA_CATEGORIES, type Party } from './common';
import { useList, type SectionProps } from './kit';
import type { Service } from './model';

export function Services(props: SectionProps) {
  const list = useList<Service>(`/api/v1/parties/${props.party.id}/services`, undefined, [props.party.id]);
  const officer = isOfficer(props.role);
  return (
    <Section title="Services" id="sec-services">
      {officer && (
        <Reveal label="Add service">
          {(close) => (
            <ServiceForm
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
      <Loading state={list} label="services">
        {(d) =>
          d.items.length === 0 ? (
            <Empty>No services recorded.</Empty>
          ) : (
            <Table
              columns={['Service', 'Direction', 'Handles ePHI', secondary('Data'), secondary('Environment boundary')]}
            >
              {d.items.map((s) => (
                <tr key={s.id}>
                  <td>
                    {s.name}
                    {s.description && <div class="muted small">{s.description}</div>}
                  </td>
                  <td>{humanize(s.direction) || <Missing />}</td>
                  <td>{s.handles_ephi ? <Badge value="ephi" tone="bad" label="Yes, ePHI" /> : 'No'}</td>
                  <td class="hide-narrow">{categoryList(s.data_categories) || <Missing />}</td>
                  <td class="hide-narrow">{s.environment_boundary || <Missing />}</td>
                </tr>
              ))}
            </Table>
          )
        }
      </Loading>
    </Section>
  );
}

function ServiceForm(props: { party: Party; close: () => void; done: () => void }) {
  const form = useForm({
    name: '',
    description: '',
    direction: 'provides',
    handles_ephi: 'false',
    environment_boundary: '',
    data_categories: '',
  });
  return (
    <>
      <h3>Add a service</h3>
      <Form
        form={form}
        label="Add service"
        submitLabel="Add service"
        secondary={<CancelButton onClick={props.close} />}
        onSubmit={() =>
          form
            .submit((v) => {
              const body = bodyOf(v, { bools: ['handles_ephi'], skip: ['data_categories'] });
              const cats = v.data_categories.split(',').filter(Boolean);
              if (cats.length) body.data_categories = cats;
              return post(`/api/v1/parties/${props.party.id}/services`, body);
            })
            .then((r) => r && props.done())
        }
      >
        <div class="form-grid">
          <TextField form={form} name="name" label="Service name" required />
          <SelectField
            form={form}
            name="direction"
            label="Direction"
            options={[
              { value: 'provides', label: 'Provides to us' },
              { value: 'uses', label: 'Uses our service' },
            ]}
          />
          <TextField
            form={form}
            name="environment_boundary"
            label="Environment boundary"
            hint="Its own account or tenant"
          />
        </div>
        <TextField form={form} name="description" label="Description" multiline rows={2} />
        <CheckGroup form={form} name="data_categories" legend="Data categories" options={DATA_CATEGORIES} />
        <CheckboxField form={form} name="handles_ephi" label="Creates, receives, maintains or transmits ePHI" />
      </Form>
    </>
  );
}
