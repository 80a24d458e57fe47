/**
 * The Plan view's named scenarios, as they travel in the link (`plan.scenarios`, settings.ts).
 *
 * The value is base64url(JSON) of a compact positional form, so two or three scenarios fit a shareable link:
 *   [[name, [edit, ...]], ...] with edit =
 *     ['a', id, lat, lon, type, beds, doctors, nurses, midwives, services]      (added facility)
 *     ['u', facilityId, beds, doctors, nurses, midwives, services]              (upgrade: amounts ADDED)
 *     ['o', id, lat, lon, radiusKm, beds, doctors, nurses, midwives, services]  (mobile clinic / outreach)
 * Missing amounts are 0 (JSON has no undefined); services is a comma-separated string.
 * Parsing is strict: a bad scenario is dropped with a notice naming it, the others are kept.
 */
import { FACILITY_TYPES, SERVICES } from '../../data/contract';
import type { MessageKey } from '../../i18n/en';
import { formatNumber } from '../../i18n/format';
import type { I18n } from '../../i18n/I18nContext';
import { translate, translateDynamic, type Params } from '../../i18n/translate';
import { normalizeScenario, OUTREACH_TYPE, type ScenarioEdit, type Staffing } from '../../metrics/scenario';
import { LONG_VALUE_BUDGET } from '../../state/settingsCodec';

export interface PlanScenario {
  name: string;
  edits: ScenarioEdit[];
}

export const MAX_SCENARIOS = 4;
export const MAX_EDITS = 12;
export const NAME_MAX = 40;
/** Longest scenarios value accepted from a link: the link's budget for a long setting. */
export const SC_MAX_CHARS = LONG_VALUE_BUDGET;

const STAFF = ['beds', 'doctors', 'nurses', 'midwives'] as const;

/** Words and numbers for notices and descriptions: the interface language's, English by default (tests, exports). */
export type PlanText = Pick<I18n, 't' | 'num' | 'tx'>;
export const EN_TEXT: PlanText = {
  t: (key, params) => translate('en', key, params),
  num: (x, d = 0) => formatNumber(x, d, 'en'),
  tx: (key, fallback, params) => translateDynamic('en', key, fallback, params),
};

/** A problem in a link, as a catalogue key (translated where it is shown). */
class LinkError extends Error {
  constructor(readonly key: MessageKey, readonly params: Params = {}) {
    super(translate('en', key, params));
  }
}
// The field a link problem names, as the catalogue words it.
const WHAT: Readonly<Record<string, MessageKey>> = {
  id: 'plan.what.id', 'facility id': 'plan.what.facilityId', 'facility type': 'plan.what.type', latitude: 'plan.what.lat', longitude: 'plan.what.lon',
  'outreach radius': 'plan.what.radius', services: 'plan.what.services', beds: 'plan.staff.beds', doctors: 'plan.staff.doctors', nurses: 'plan.staff.nurses', midwives: 'plan.staff.midwives',
};
function reason(e: unknown, t: PlanText['t']): string {
  if (!(e instanceof LinkError)) return (e as Error).message;
  const what = e.params.what;
  return t(e.key, typeof what === 'string' && WHAT[what] ? { ...e.params, what: t(WHAT[what]) } : e.params);
}

type Packed = (string | number)[];

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
const staff = (s: Staffing) => STAFF.map((k) => s[k] ?? 0);
const services = (s: Staffing) => (s.services ?? []).join(',');

function pack(e: ScenarioEdit): Packed {
  if (e.kind === 'add') return ['a', e.id, round(e.lat, 5), round(e.lon, 5), e.type, ...staff(e), services(e)];
  if (e.kind === 'upgrade') return ['u', e.facilityId, ...staff(e), services(e)];
  return ['o', e.id, round(e.lat, 5), round(e.lon, 5), e.radiusKm, ...staff(e), services(e)];
}

function unpackStaff(v: unknown[], where: string): Staffing {
  const out: Staffing = {};
  STAFF.forEach((k, i) => {
    const x = v[i];
    if (typeof x !== 'number' || !Number.isFinite(x) || x < 0 || x > 1e5) throw new LinkError('plan.link.invalidFor', { where, what: k, value: String(x) });
    if (x > 0) out[k] = x;
  });
  const s = v[4];
  if (typeof s !== 'string') throw new LinkError('plan.link.invalidFor', { where, what: 'services', value: '' });
  const list = s === '' ? [] : s.split(',');
  for (const x of list) if (!(SERVICES as readonly string[]).includes(x)) throw new LinkError('plan.link.unknownService', { where, value: x.slice(0, 20) });
  if (list.length) out.services = list;
  return out;
}

const ID = /^[A-Za-z0-9_.-]{1,40}$/;
function str(v: unknown, what: string, re = ID): string {
  if (typeof v !== 'string' || !re.test(v)) throw new LinkError('plan.link.invalid', { what, value: String(JSON.stringify(v)?.slice(0, 30)) });
  return v;
}
function coord(v: unknown, max: number, what: string): number {
  if (typeof v !== 'number' || !(Math.abs(v) <= max)) throw new LinkError('plan.link.invalid', { what, value: String(v) });
  return v;
}

function unpack(v: unknown): ScenarioEdit {
  if (!Array.isArray(v)) throw new LinkError('plan.link.editNotList');
  const [kind, id] = v;
  if (kind === 'a') {
    if (v.length !== 10) throw new LinkError('plan.link.fieldsAdd');
    const type = str(v[4], 'facility type');
    if (!(FACILITY_TYPES as readonly string[]).includes(type)) throw new LinkError('plan.link.unknownType', { value: type });
    return { kind: 'add', id: str(id, 'id'), lat: coord(v[2], 90, 'latitude'), lon: coord(v[3], 180, 'longitude'), type, ...unpackStaff(v.slice(5), str(id, 'id')) };
  }
  if (kind === 'u') {
    if (v.length !== 7) throw new LinkError('plan.link.fieldsUpgrade');
    return { kind: 'upgrade', facilityId: str(id, 'facility id'), ...unpackStaff(v.slice(2), str(id, 'facility id')) };
  }
  if (kind === 'o') {
    if (v.length !== 10) throw new LinkError('plan.link.fieldsOutreach');
    const radius = v[4];
    if (typeof radius !== 'number' || !(radius > 0 && radius <= 50)) throw new LinkError('plan.link.invalid', { what: 'outreach radius', value: String(radius) });
    return { kind: 'outreach', id: str(id, 'id'), lat: coord(v[2], 90, 'latitude'), lon: coord(v[3], 180, 'longitude'), radiusKm: radius, type: OUTREACH_TYPE, ...unpackStaff(v.slice(5), str(id, 'id')) };
  }
  throw new LinkError('plan.link.unknownKind', { value: String(JSON.stringify(kind)?.slice(0, 10)) });
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(s)) throw new Error('not base64url');
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((s.length + 3) % 4));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
}

export function encodeScenarios(scenarios: readonly PlanScenario[]): string {
  return scenarios.length ? toBase64Url(JSON.stringify(scenarios.map((s) => [s.name, s.edits.map(pack)]))) : '';
}

/** Scenarios from the link; each bad one is dropped with a notice, never an error page. */
export function decodeScenarios(sc: string | undefined, t: PlanText['t'] = EN_TEXT.t): { scenarios: PlanScenario[]; notices: string[] } {
  if (sc === undefined || sc === '') return { scenarios: [], notices: [] };
  let raw: unknown;
  try {
    if (sc.length > SC_MAX_CHARS) throw new LinkError('plan.link.tooLong', { max: SC_MAX_CHARS });
    raw = JSON.parse(fromBase64Url(sc));
    if (!Array.isArray(raw)) throw new LinkError('plan.link.notList');
  } catch (e) {
    return { scenarios: [], notices: [t('plan.link.unreadable', { reason: reason(e, t) })] };
  }
  const scenarios: PlanScenario[] = [];
  const notices: string[] = [];
  raw.slice(0, MAX_SCENARIOS).forEach((item, k) => {
    try {
      if (!Array.isArray(item) || item.length !== 2 || typeof item[0] !== 'string' || !Array.isArray(item[1])) throw new LinkError('plan.link.notPair');
      const name = item[0].trim().slice(0, NAME_MAX) || `Scenario ${k + 1}`;
      if (item[1].length > MAX_EDITS) throw new LinkError('plan.link.tooManyEdits', { max: MAX_EDITS });
      const edits = item[1].map(unpack);
      normalizeScenario(edits); // duplicate ids, bad numbers: the library's own checks
      if (scenarios.some((s) => s.name === name)) throw new LinkError('plan.link.duplicateName', { name });
      scenarios.push({ name, edits });
    } catch (e) {
      notices.push(t('plan.link.ignored', { n: k + 1, reason: reason(e, t) }));
    }
  });
  if (raw.length > MAX_SCENARIOS) notices.push(t('plan.link.onlyFirst', { max: MAX_SCENARIOS }));
  return { scenarios, notices };
}

/**
 * Upgrades of facilities the data does not have (a hand-edited or stale link, another dataset) are ignored with
 * a notice naming the scenario and the id; the rest of the scenario is kept. Run before any scenario reaches the
 * database, whose scenario table would otherwise fail on the unknown id.
 */
export function dropUnknownUpgrades(scenarios: readonly PlanScenario[], known: ReadonlySet<string>, t: PlanText['t'] = EN_TEXT.t): { scenarios: PlanScenario[]; notices: string[] } {
  const notices: string[] = [];
  const out = scenarios.map((s) => {
    const unknown = s.edits.filter((e) => e.kind === 'upgrade' && !known.has(e.facilityId));
    if (!unknown.length) return s;
    const ids = [...new Set(unknown.map((e) => (e.kind === 'upgrade' ? e.facilityId : '')))];
    notices.push(t(ids.length === 1 ? 'plan.link.unknownFacility' : 'plan.link.unknownFacilities', { name: s.name, ids: ids.map((id) => `“${id}”`).join(', ') }));
    return { ...s, edits: s.edits.filter((e) => !unknown.includes(e)) };
  });
  return { scenarios: out, notices };
}

/** A fresh id for a new facility or outreach, unique in the scenario (never a real facility id: those start with F). */
export function nextId(s: PlanScenario, prefix: 'NEW' | 'MOB'): string {
  const used = new Set(s.edits.map((e) => (e.kind === 'upgrade' ? e.facilityId : e.id)));
  for (let k = 1; ; k++) if (!used.has(`${prefix}${k}`)) return `${prefix}${k}`;
}

/** One line a reader understands, for the list of changes. */
export function describeEdit(e: ScenarioEdit, facilityName?: string, f: PlanText = EN_TEXT): string {
  const { t, num, tx } = f;
  const parts = (s: Staffing, upgrade = false) => {
    const p = STAFF.filter((k) => s[k]).map((k) => `${upgrade ? '+' : ''}${num(s[k]!)} ${t(`plan.staff.${k}`)}`);
    const services = s.services?.map((v) => tx(`service.${v}`, v)).join(', ');
    if (services) p.push(upgrade ? t('plan.edit.addsServices', { list: services }) : services);
    return p.length ? ` (${p.join(', ')})` : '';
  };
  const at = (lat: number, lon: number) => ({ lat: num(lat, 3), lon: num(lon, 3) });
  if (e.kind === 'add') return t('plan.edit.add', { type: tx(`ftype.${e.type}`, e.type.replace(/_/g, ' ')), id: e.id, ...at(e.lat, e.lon), details: parts(e) });
  if (e.kind === 'upgrade') return t('plan.edit.upgrade', { name: facilityName ?? e.facilityId, details: parts(e, true) });
  return t('plan.edit.outreach', { id: e.id, km: num(e.radiusKm), ...at(e.lat, e.lon), details: parts(e) });
}

/** A scenario that opens a health centre at each proposed site, named so that it does not clash with the others. */
export function bestSitesScenario(sites: readonly { lat: number; lon: number }[], existing: readonly PlanScenario[], f: Pick<PlanText, 't' | 'num'> = EN_TEXT): PlanScenario {
  const { t, num } = f;
  let name = t('plan.bestSites', { n: num(sites.length) });
  for (let n = 2; existing.some((s) => s.name === name); n++) name = t('plan.bestSitesAgain', { n: num(sites.length), k: num(n) });
  return {
    name,
    edits: sites.map((s, k) => ({
      kind: 'add', id: `NEW${k + 1}`, lat: s.lat, lon: s.lon, type: 'health_centre', beds: 10, doctors: 2, nurses: 6, midwives: 2, services: ['outpatient', 'maternity', 'immunization'],
    })),
  };
}
