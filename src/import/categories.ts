import { FACILITY_TYPES, OWNERSHIPS } from '../data/contract';

export type FacilityType = (typeof FACILITY_TYPES)[number];
export type Ownership = (typeof OWNERSHIPS)[number];

/**
 * First guesses for the free text in facility lists (English, French, Portuguese, Spanish), tried in order.
 * The user edits the result; these only save typing. Acronyms are those of West and East African registries
 * (CHC community health centre, CHP/MCHP health posts, PHU peripheral health unit, CSPS, PMI).
 */
const TYPE_RULES: readonly [RegExp, FacilityType][] = [
  [/mobile|itinerant|outreach/i, 'mobile_unit'],
  [/pharmac|drug ?(shop|store)|chemist|dispensing|officine/i, 'pharmacy'],
  [/hospital|h[oô]pital|hospitalar|hospital|referral|teaching|\bchu\b|\bchr\b/i, 'hospital'],
  [/health ?cent(re|er)|centre de sant[ée]|centro de sa[uú]de|centro de salud|\bchc\b|\bcsps?\b|\bcsi\b|\bcsb\b|\bphc\b|polyclinic/i, 'health_centre'],
  [/health ?post|poste de sant[ée]|posto de sa[uú]de|puesto de salud|\bm?chp\b|\bphu\b|dispensar|\bhp\b|case de sant[ée]|sub[- ]?cent/i, 'health_post'],
  [/clinic|clinique|cl[ií]nica|maternit|\bpmi\b|cabinet/i, 'clinic'],
];

const OWNERSHIP_RULES: readonly [RegExp, Ownership][] = [
  [/military|army|armed forces|militaire|defen[cs]e|police|\bmod\b/i, 'military'],
  [/faith|mission|church|christian|catholic|methodist|adventist|islamic|muslim|\bfbo\b|\bcham\b|confession|religious/i, 'faith_based'],
  [/\bngo\b|\bnon[- ]?gov|\bong\b|charit|\bcso\b|non[- ]?profit|association/i, 'ngo'],
  [/government|gouvernement|public|\bgov\b|\bmoh\b|ministry|minist[eè]re|state|district council|parastatal|local authority|\bpub\b/i, 'public'],
  [/private|priv[ée]|for[- ]profit|commercial|company|corporate/i, 'private'],
];

export function guessFacilityType(value: string): FacilityType | null {
  return TYPE_RULES.find(([re]) => re.test(value))?.[1] ?? null;
}

export function guessOwnership(value: string): Ownership | null {
  return OWNERSHIP_RULES.find(([re]) => re.test(value))?.[1] ?? null;
}

/** One distinct value of a category column, how many rows hold it, and what it maps to (null: unmapped). */
export interface CategoryCount {
  value: string;
  rows: number;
  mapsTo: string | null;
  /** 'mapping' when the saved mapping decided, 'guess' when the rules above did. */
  by: 'mapping' | 'guess' | 'none';
}

/** Count the values of a column and map each, saved choices first, then guesses. Blank cells count as '' (absent). */
export function mapCategories(
  values: readonly unknown[],
  saved: Readonly<Record<string, string | null>> | undefined,
  guess: (v: string) => string | null,
  allowed: readonly string[],
): CategoryCount[] {
  const counts = new Map<string, number>();
  for (const v of values) {
    const key = v === null || v === undefined ? '' : String(v).trim();
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([value, rows]) => {
    if (saved && value in saved) {
      const to = saved[value];
      if (to !== null && !allowed.includes(to)) throw new Error(`mapping: "${value}" maps to "${to}", which is not one of ${allowed.join(', ')}`);
      return { value, rows, mapsTo: to, by: 'mapping' as const };
    }
    const exact = allowed.find((a) => a === value.toLowerCase().replace(/[\s-]+/g, '_'));
    const g = value === '' ? null : exact ?? guess(value);
    return { value, rows, mapsTo: g, by: g === null ? ('none' as const) : ('guess' as const) };
  });
}
