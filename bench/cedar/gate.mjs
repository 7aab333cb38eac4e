// The access gate's decision expressed as Cedar policies, evaluated by cedar-wasm with a
// pre-parsed policy set, for bench/run.sh's side-by-side with accord_bench.
//
//   node gate.mjs [--cases FILE] [--seconds S] [--warmup S]
//
// Prints one JSON object: decisions/s per profile on the "bench" case, and every case's
// decision with the ids of the policies that denied it (compared with accord's gate by
// run.sh). Runs on Node 18 and later.
//
// How the gate maps onto Cedar:
// - one Cedar request per requested system (principal Party, action request_access,
//   resource System, context = the grant's times and the line's permission and
//   justification); a gate decision is a deny if any of them is denied;
// - each gate rule is a forbid policy whose id is the rule id, plus one permit;
// - Cedar has no quantifiers over sets, so the entity loader does what a Cedar
//   application would do when storing entities: the latest executed agreement per type
//   (exact while a party has one executed agreement per type, as in cases.json), the
//   earliest passed due-diligence and controls dates, and infrastructure permissions as
//   entity tags keyed by system id;
// - an unknown system or a pattern becomes a System with known = false (a missing entity
//   would make the forbid error, and Cedar skips erroring policies: that fails open);
// - Cedar answers allow or deny; every request the gate lets through needs the Security
//   Officer's approval in both profiles, so Cedar's allow is reported as needs_approval.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const cedar = require('@cedar-policy/cedar-wasm/nodejs');

const DAY_MS = 86_400_000;
const NO_EXPIRY = 8_640_000_000_000_000; // the largest JavaScript date, in ms

function parseArgs(argv) {
  const here = dirname(fileURLToPath(import.meta.url));
  const args = { cases: join(here, 'cases.json'), seconds: 3, warmup: 2 };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--cases') args.cases = argv[++i];
    else if (argv[i] === '--seconds') args.seconds = Number(argv[++i]);
    else if (argv[i] === '--warmup') args.warmup = Number(argv[++i]);
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return args;
}

// --- policies ------------------------------------------------------------------------------

const inForce = (type) =>
  `(principal.agreements has ${type} && principal.agreements.${type}.effective <= context.start` +
  ` && principal.agreements.${type}.expires >= context.end)`;
const changes = `(context.permission == "write" || context.permission == "admin")`;
const isDeveloper = `principal.kind == "contracted_developer"`;

const shared = {
  permit: `permit (principal is Party, action == Action::"request_access", resource is System);`,
  currentParty: `forbid (principal, action, resource)
    unless { principal.status == "active" || principal.status == "onboarding" };`,
  minimumNecessary: `forbid (principal, action, resource)
    when { !resource.known || context.justification == "" };`,
  timeBound: (maxDays) => `forbid (principal, action, resource)
    when { context.end <= context.start || context.end - context.start > ${maxDays * DAY_MS}
           || context.start < context.now - ${DAY_MS} || context.end <= context.now };`,
  developmentContract: `forbid (principal, action, resource)
    when { ${isDeveloper} && !${inForce('dev_contract')} };`,
  // TP-5: the cases' systems declare no endpoints, so only the fail-closed half applies: a
  // pattern or an unknown system, whose transport cannot be known.
  encryptedTransit: `forbid (principal, action, resource) when { !resource.known };`,
};

const POLICIES = {
  luma: {
    permit: shared.permit,
    'tp1.current_party': shared.currentParty,
    'tp4.no_production_ephi': `forbid (principal, action, resource)
      when { !resource.known || (resource.environment == "production" && resource.contains_ephi) };`,
    'tp5.encrypted_transit': shared.encryptedTransit,
    'tp6.baa_customers_partners': `forbid (principal, action, resource)
      when { (principal.kind == "customer" || principal.kind == "partner") && !${inForce('baa')} };`,
    'tp6.sla_subcontractors': `forbid (principal, action, resource)
      when { principal.kind == "subcontractor"
             && (!${inForce('sla')} || (principal.handles_ephi && !${inForce('baa')})) };`,
    'tp8.development_contract': shared.developmentContract,
    'tr3.least_privilege': shared.minimumNecessary,
    'tr3.entitlement_review_period': shared.timeBound(90),
  },
  bloomapi: {
    permit: shared.permit,
    'tp1.current_party': shared.currentParty,
    'tp2.due_diligence': `forbid (principal, action, resource)
      unless { principal has dd_passed_at && principal.dd_passed_at <= context.start
               && principal.dd_passed_at <= context.now };`,
    'tp2.controls': `forbid (principal, action, resource)
      unless { principal has controls_passed_at && principal.controls_passed_at <= context.start
               && principal.controls_passed_at <= context.now };`,
    'tp2.agreement_in_force': `forbid (principal, action, resource)
      when { ((principal.kind == "customer" || principal.kind == "partner") && !${inForce('baa')})
             || (principal.kind == "subcontractor"
                 && (!${inForce('sla')} || (principal.handles_ephi && !${inForce('baa')}))) };`,
    'tp3.minimum_necessary': shared.minimumNecessary,
    'tp5.encrypted_transit': shared.encryptedTransit,
    'tp3.time_bound': shared.timeBound(90),
    'tp8.infrastructure_permission': `forbid (principal, action, resource)
      when { ${changes} && (!resource.known || (resource.infrastructure
             && !(principal.hasTag(resource.sid)
                  && principal.getTag(resource.sid).from <= context.start
                  && principal.getTag(resource.sid).until >= context.end))) };`,
    'tp8.workforce_only_production_changes': `forbid (principal, action, resource)
      when { ${isDeveloper} && ${changes}
             && (!resource.known || resource.environment == "production") };`,
    'tp8.development_contract': shared.developmentContract,
  },
};

// --- entities and requests -----------------------------------------------------------------

function partyEntity(party, now) {
  const at = (days) => Math.round(now + days * DAY_MS);
  const agreements = {};
  for (const a of party.agreements) {
    if (a.status !== 'executed') continue;
    const window = {
      effective: at(a.effective_days),
      expires: a.expires_days === null ? NO_EXPIRY : at(a.expires_days),
    };
    if (!agreements[a.type] || agreements[a.type].effective < window.effective) {
      agreements[a.type] = window;
    }
  }
  const earliestPassed = (records) => {
    const dates = records.filter((r) => r.passed).map((r) => at(r.days));
    return dates.length ? Math.min(...dates) : undefined;
  };
  const attrs = { kind: party.kind, status: party.status, handles_ephi: party.handles_ephi, agreements };
  const dd = earliestPassed(party.due_diligence);
  const controls = earliestPassed(party.controls);
  if (dd !== undefined) attrs.dd_passed_at = dd;
  if (controls !== undefined) attrs.controls_passed_at = controls;
  const tags = {};
  for (const p of party.permissions) {
    tags[p.system_id] = {
      from: at(p.from_days),
      until: p.until_days === null ? NO_EXPIRY : at(p.until_days),
    };
  }
  return { uid: { type: 'Party', id: party.id }, attrs, parents: [], tags };
}

function systemEntity(ref, systems) {
  const s = systems.get(ref);
  const attrs = s
    ? {
        known: true,
        sid: s.id,
        environment: s.environment,
        contains_ephi: s.contains_ephi,
        infrastructure: s.infrastructure,
      }
    : { known: false, sid: ref, environment: 'unknown', contains_ephi: false, infrastructure: false };
  return { uid: { type: 'System', id: ref }, attrs, parents: [] };
}

// Everything Cedar needs for one gate request: one authorization call per line.
function buildCalls(doc, c, systems, policySetId) {
  const now = doc.now_ms;
  const party = doc.parties[c.party];
  const entities = [partyEntity(party, now)];
  for (const [ref] of c.lines) {
    if (!entities.some((e) => e.uid.type === 'System' && e.uid.id === ref)) {
      entities.push(systemEntity(ref, systems));
    }
  }
  const start = Math.round(now + c.start_days * DAY_MS);
  const end = Math.round(now + c.end_days * DAY_MS);
  return c.lines.map(([ref, permission, justification]) => ({
    principal: { type: 'Party', id: party.id },
    action: { type: 'Action', id: 'request_access' },
    resource: { type: 'System', id: ref },
    context: { start, end, now, permission, justification },
    preparsedPolicySetId: policySetId,
    entities,
  }));
}

function decide(calls) {
  const denied = new Set();
  let deny = false;
  for (const call of calls) {
    const answer = cedar.statefulIsAuthorized(call);
    if (answer.type !== 'success') {
      throw new Error(`cedar: ${JSON.stringify(answer.errors)}`);
    }
    const { decision, diagnostics } = answer.response;
    if (diagnostics.errors.length) {
      throw new Error(`cedar policy errors: ${JSON.stringify(diagnostics.errors)}`);
    }
    if (decision === 'deny') {
      deny = true;
      for (const id of diagnostics.reason) denied.add(id);
    }
  }
  return { decision: deny ? 'deny' : 'needs_approval', denied: [...denied].sort() };
}

// Runs for a fixed time rather than a fixed count: V8 compiles the wasm with its baseline
// tier first, so the first second or two are several times slower than the steady state.
function runFor(calls, seconds) {
  const t0 = process.hrtime.bigint();
  const limit = BigInt(Math.round(seconds * 1e9));
  let n = 0;
  while (process.hrtime.bigint() - t0 < limit) {
    for (let i = 0; i < 100; i++) decide(calls);
    n += 100;
  }
  return { n, seconds: Number(process.hrtime.bigint() - t0) / 1e9 };
}

function benchmark(calls, args) {
  runFor(calls, args.warmup);
  const { n, seconds } = runFor(calls, args.seconds);
  return {
    decisions: n,
    seconds,
    decisions_per_second: n / seconds,
    authorizations_per_second: (n * calls.length) / seconds,
    systems_per_decision: calls.length,
  };
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const doc = JSON.parse(readFileSync(args.cases, 'utf8'));
  const systems = new Map(doc.systems.map((s) => [s.id, s]));
  for (const [profile, policies] of Object.entries(POLICIES)) {
    const parsed = cedar.preparsePolicySet(profile, { staticPolicies: policies });
    if (parsed.type !== 'success') {
      throw new Error(`${profile}: ${JSON.stringify(parsed.errors)}`);
    }
  }
  const results = [];
  for (const c of doc.cases) {
    for (const profile of Object.keys(c.expect)) {
      results.push({ name: c.name, profile, ...decide(buildCalls(doc, c, systems, profile)) });
    }
  }
  const bench = doc.cases.find((c) => c.name === 'bench');
  const profiles = {};
  for (const profile of Object.keys(bench.expect)) {
    profiles[profile] = benchmark(buildCalls(doc, bench, systems, profile), args);
  }
  const version = cedar.getCedarVersion();
  console.log(JSON.stringify({ cedar: version, node: process.version, profiles, results }, null, 1));
}

main();
