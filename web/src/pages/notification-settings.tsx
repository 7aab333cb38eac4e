// Your account → Notifications (issue 26): a phone number and, per kind of notification, the
// channels it reaches you on (email, text message, phone call); a test message checks a channel.
import { useState } from 'preact/hooks';
import { get, patch, post, type ApiResponse } from '../api';
import { Alert, Form, Loading, TextField, useForm, useLoad } from '../ui';

type Prefs = ApiResponse<'/api/v1/account/notifications'>;
type Channel = 'email' | 'sms' | 'voice';
type Topic = 'reminders' | 'alerts' | 'digest';

const CHANNEL_WORDS: Record<Channel, string> = { email: 'email', sms: 'text message', voice: 'phone call' };
const TOPICS: [Topic, string][] = [
  ['reminders', 'Reminders and notices about your work'],
  ['alerts', 'Alerts'],
  ['digest', 'The daily summary of your work'],
];
const CHANNELS: [Channel, string][] = [
  ['email', 'Email'],
  ['sms', 'Text'],
  ['voice', 'Call'],
];

function Editor(props: { prefs: Prefs }) {
  const initial: Record<string, string> = { phone: props.prefs.phone ?? '' };
  for (const [t] of TOPICS) {
    for (const [c] of CHANNELS) initial[`${t}.${c}`] = props.prefs.channels[t].includes(c) ? 'true' : 'false';
  }
  const form = useForm(initial);
  const [saved, setSaved] = useState<Prefs>(props.prefs);
  const [done, setDone] = useState('');
  const [testState, setTestState] = useState('');
  const hasPhone = !!saved.phone;
  return (
    <>
      <Form
        form={form}
        label="Your notifications"
        submitLabel="Save notifications"
        onSubmit={async () => {
          setDone('');
          const result = await form.submit(
            (v) => {
              const channels: Record<string, Channel[]> = {};
              for (const [t] of TOPICS)
                channels[t] = CHANNELS.filter(([c]) => v[`${t}.${c}`] === 'true').map(([c]) => c);
              return patch<Prefs>('/api/v1/account/notifications', { phone: v.phone.trim() || null, channels });
            },
            { 'channels.reminders': 'reminders.sms', 'channels.alerts': 'alerts.sms', 'channels.digest': 'digest.sms' },
          );
          if (result) {
            setSaved(result);
            setDone('Your notification choices are saved.');
          }
        }}
      >
        {done && <Alert kind="ok">{done}</Alert>}
        <TextField
          form={form}
          name="phone"
          label="Mobile phone number"
          type="tel"
          autocomplete="tel"
          hint="In international form, starting with + and the country code, e.g. +14155550123. Needed for text messages and calls."
        />
        <div class="table-wrap" tabIndex={0} role="group" aria-label="Where each kind of notification reaches you">
          <table class="data notify-table">
            <caption>Where each kind of notification reaches you</caption>
            <thead>
              <tr>
                <th scope="col">Notification</th>
                {CHANNELS.map(([, label]) => (
                  <th scope="col">{label}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {TOPICS.map(([t, topicLabel]) => (
                <tr>
                  <th scope="row">{topicLabel}</th>
                  {CHANNELS.map(([c]) => {
                    const name = `${t}.${c}`;
                    return (
                      <td>
                        <input
                          type="checkbox"
                          aria-label={`${topicLabel} by ${CHANNEL_WORDS[c]}`}
                          checked={form.values[name] === 'true'}
                          aria-invalid={form.errors[name] ? 'true' : undefined}
                          onChange={(e) => form.set(name, (e.target as HTMLInputElement).checked ? 'true' : 'false')}
                        />
                        {form.errors[name] && <p class="field-error">{form.errors[name]}</p>}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Form>
      <p>
        Text messages and calls never carry health information: they say what is due and point to Accord. Reply STOP to
        a text message to stop them.
      </p>
      {hasPhone && (
        <div class="form-actions">
          <button
            type="button"
            class="btn"
            onClick={async () => {
              setTestState('');
              try {
                await post('/api/v1/account/notifications/test', { channel: 'sms' });
                setTestState(`A test text message is on its way to ${saved.phone}.`);
              } catch (e) {
                setTestState((e as Error).message);
              }
            }}
          >
            Send me a test text message
          </button>
        </div>
      )}
      {testState && <Alert kind="info">{testState}</Alert>}
    </>
  );
}

export function NotificationSettings() {
  const state = useLoad((signal) => get<Prefs>('/api/v1/account/notifications', undefined, signal), []);
  return <Loading state={state}>{(prefs) => <Editor prefs={prefs} />}</Loading>;
}
