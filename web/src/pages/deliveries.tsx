// Deliveries (issue 26): what became of each notification on each channel — email, text message,
// phone call — and, per channel, the share delivered day by day (uPlot, loaded on demand like the
// dashboard's charts). A message's page shows its status history with the provider's error.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { get, type ApiResponse, type ListPage } from '../api';
import { Link } from '../router';
import { Table } from '../components/table';
import { Alert, Badge, DateText, Empty, Facts, Loading, Page, Section, useLoad } from '../ui';
import type { ChartSpec } from './dashboard-charts';

type Rates = ApiResponse<'/api/v1/outbox/delivery-rates'>;
type Entry = ApiResponse<'/api/v1/outbox/{id}'>;
type Item = Omit<Entry, 'history'>;
type ChartsModule = typeof import('./dashboard-charts');

const CHANNEL_NAMES: Record<string, string> = { email: 'Email', sms: 'Text message', voice: 'Phone call' };
const STATUS_WORDS: Record<string, string> = {
  queued: 'Waiting to be sent',
  retrying: 'Not sent yet, will try again',
  sent: 'Sent',
  delivered: 'Delivered',
  failed: 'Failed',
};
const COLORS: Record<string, [string, 'solid' | 'dashed']> = {
  email: ['#1d4ed8', 'solid'],
  sms: ['#116534', 'dashed'],
  voice: ['#8a4b08', 'solid'],
};
const DAYS = 14;

function channelName(c: string) {
  return CHANNEL_NAMES[c] ?? c;
}

// What a person would call the message's state now: the provider's word once it has one.
function outcome(m: Item): string {
  if (m.status === 'failed') return 'failed';
  if (m.status === 'queued') return m.attempts > 0 ? 'retrying' : 'queued';
  return m.delivery_status ?? 'sent';
}

function tone(s: string) {
  return s === 'delivered' ? 'ok' : s === 'failed' ? 'bad' : s === 'retrying' ? 'warn' : 'muted';
}

function dayLabel(day: string) {
  const d = new Date(day + 'T00:00:00Z');
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
}

function RateChart(props: { rates: Rates }) {
  const [mod, setMod] = useState<ChartsModule | null>(null);
  const [err, setErr] = useState('');
  useEffect(() => {
    import('./dashboard-charts').then(setMod, (e) => setErr((e as Error).message));
  }, []);
  const channels = props.rates.channels as Record<string, { day: string; rate: number | null }[] | undefined>;
  const spec = useMemo<ChartSpec | null>(() => {
    const names = Object.keys(channels).filter((c) => channels[c]?.length);
    if (!names.length) return null;
    const start = new Date(props.rates.since);
    const days = Array.from({ length: DAYS }, (_, i) =>
      new Date(start.getTime() + i * 86400000).toISOString().slice(0, 10),
    );
    return {
      kind: 'lines',
      xTitle: 'Day',
      labels: days.map(dayLabel),
      series: names.map((c) => ({
        label: `${channelName(c)}, % delivered`,
        values: days.map((d) => {
          const r = channels[c]!.find((x) => x.day === d)?.rate;
          return r == null ? (null as unknown as number) : Math.round(r * 100);
        }),
        color: COLORS[c]?.[0] ?? '#4f5b69',
        pattern: COLORS[c]?.[1] ?? 'solid',
      })),
    };
  }, [props.rates]);
  if (!spec) return <Empty>Nothing was sent in the last {DAYS} days.</Empty>;
  if (err) return <Alert kind="error">The chart could not be loaded: {err}</Alert>;
  if (!mod) return <p class="muted">Loading the chart…</p>;
  const parts = spec.series.map((s) => {
    const known = s.values.filter((v) => v != null);
    return known.length
      ? `${s.label.replace(', % delivered', '')} ${known[known.length - 1]}% on the last day with news`
      : '';
  });
  return (
    <mod.Chart
      spec={spec}
      summary={`Share of messages delivered per day and channel over the last ${DAYS} days: ${parts.filter(Boolean).join('; ')}.`}
      caption="Delivered per day"
    />
  );
}

export function Deliveries() {
  const rates = useLoad((signal) => get<Rates>('/api/v1/outbox/delivery-rates', { days: DAYS }, signal), []);
  const list = useLoad((signal) => get<ListPage<Item>>('/api/v1/outbox', { limit: 50 }, signal), []);
  return (
    <Page title="Deliveries" subtitle="Notifications by email, text message and phone call, and whether they arrived">
      <Section title="Delivered per day">
        <Loading state={rates}>{(r) => <RateChart rates={r} />}</Loading>
      </Section>
      <Section title="Latest messages">
        <Loading state={list}>
          {(page) =>
            page.items.length ? (
              <Table
                columns={['Queued', 'Channel', 'To', 'About', 'Status']}
                caption="The latest 50 notifications, newest first"
              >
                {page.items.map((m) => {
                  const s = outcome(m);
                  return (
                    <tr>
                      <td>
                        <Link href={`/deliveries/${m.id}`}>
                          <DateText value={m.created_at} time />
                        </Link>
                      </td>
                      <td>{channelName(m.channel)}</td>
                      <td>{m.recipient}</td>
                      <td>{m.subject}</td>
                      <td>
                        <Badge value={s} tone={tone(s)} label={STATUS_WORDS[s] ?? s} />
                      </td>
                    </tr>
                  );
                })}
              </Table>
            ) : (
              <Empty>No notifications yet.</Empty>
            )
          }
        </Loading>
      </Section>
    </Page>
  );
}

export function DeliveryPage(props: { id: string }) {
  const state = useLoad(
    (signal) => get<Entry>(`/api/v1/outbox/${encodeURIComponent(props.id)}`, undefined, signal),
    [props.id],
  );
  return (
    <Loading state={state}>
      {(m) => {
        const s = outcome(m);
        return (
          <Page title={m.subject} subtitle={`${channelName(m.channel)} to ${m.recipient}`}>
            <p>
              <Link href="/deliveries">All deliveries</Link>
            </p>
            <Section title="Now">
              <Facts
                items={[
                  ['Status', <Badge value={s} tone={tone(s)} label={STATUS_WORDS[s] ?? s} />],
                  ['Channel', channelName(m.channel)],
                  ['To', m.recipient],
                  ['Tries', String(m.attempts)],
                  ...(m.provider_error ? ([['What the provider said', m.provider_error]] as [string, string][]) : []),
                  ...(m.last_error && m.status !== 'sent'
                    ? ([['Last error', m.last_error]] as [string, string][])
                    : []),
                ]}
              />
            </Section>
            <Section title="History">
              <ol class="delivery-history">
                {m.history.map((h) => (
                  <li>
                    <strong>{STATUS_WORDS[h.status] ?? h.status}</strong> <DateText value={h.at} time />
                    {h.detail && <span class="muted"> — {h.detail}</span>}
                  </li>
                ))}
              </ol>
            </Section>
          </Page>
        );
      }}
    </Loading>
  );
}
