import type { Role } from './detectColumns';

export type FileRole = 'boundaries' | 'facilities' | 'census' | 'coverage' | 'socioeconomic' | 'population_raster' | 'parquet' | 'ignore';

/** Columns of an indicator table (coverage or socio-economic by area) beyond the area columns. */
export type IndicatorRole = 'indicator' | 'indicator_name' | 'value' | 'ci_low' | 'ci_high' | 'se' | 'year';

/** What one indicator of a file becomes in indicator_catalog. id null: leave it out (a choice, not listed). */
export interface IndicatorChoice {
  id: string | null;
  name: string;
  unit: string;
  /** Higher is better; null: not known yet (the indicator is left out and listed until it is set). */
  favourable: boolean | null;
  scale: number;
  domain: 'coverage' | 'socioeconomic';
}
export type SavedIndicator = Partial<IndicatorChoice>;

/** How one input file was (or should be) read. Saved in mapping.json, keyed by the file's name. */
export interface FileMapping {
  role: FileRole;
  /** Contract role -> the file's column. */
  columns?: Partial<Record<Role | IndicatorRole, string>>;
  /** Boundary level (0 country, 1 province, 2 district...). */
  level?: number;
  /** XLSX sheet to read. */
  sheet?: string;
  /** Year of an indicator table without a year column. */
  year?: number;
}

/**
 * Everything a person decided while importing, as a small JSON file: next year's files go in with the same
 * choices (`npm run import -- files --mapping mapping.json`). Category maps are keyed by the value as it
 * appears in the file; null means "known, leave empty" (ownership only).
 */
export interface ImportMapping {
  version: 1;
  files: Record<string, FileMapping>;
  facilityType: Record<string, string | null>;
  ownership: Record<string, string | null>;
  /** Indicators of coverage and socio-economic tables, keyed by the indicator as the file names it (code or column). */
  indicators: Record<string, SavedIndicator>;
  /** Census or facility region names (or codes) that do not match a boundary: name -> region_id. */
  regionNames: Record<string, string>;
  /** Population grid cell size in km. */
  gridKm: number;
  /** Points outside every district go to the nearest one within this distance (km); farther ones are listed. */
  nearestKm: number;
  /** Facilities farther than nearestKm from every district: 'ask' lists them (exit 1), 'leave_out' accepts leaving them out. */
  facilitiesOutside: 'ask' | 'leave_out';
  countryName?: string;
}

export const DEFAULT_MAPPING: ImportMapping = {
  version: 1, files: {}, facilityType: {}, ownership: {}, indicators: {}, regionNames: {}, gridKm: 1, nearestKm: 10, facilitiesOutside: 'ask',
};

/** Read a saved mapping; unknown keys are refused so that a typo is not silently ignored. */
export function parseMapping(text: string, file = 'mapping.json'): ImportMapping {
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(`${file}: not valid JSON (${(e as Error).message})`, { cause: e });
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new Error(`${file}: expected a JSON object`);
  const known = new Set(Object.keys(DEFAULT_MAPPING).concat('countryName'));
  const unknown = Object.keys(json).filter((k) => !known.has(k));
  if (unknown.length) throw new Error(`${file}: unknown key ${unknown.join(', ')} (known: ${[...known].join(', ')})`);
  if (json.version !== undefined && json.version !== 1) throw new Error(`${file}: version ${String(json.version)} is not supported (expected 1)`);
  const m = { ...DEFAULT_MAPPING, ...json, version: 1 } as ImportMapping;
  if (!(m.gridKm > 0)) throw new Error(`${file}: gridKm must be a number above 0`);
  if (!(m.nearestKm >= 0)) throw new Error(`${file}: nearestKm must be a number, 0 or more`);
  if (m.facilitiesOutside !== 'ask' && m.facilitiesOutside !== 'leave_out') throw new Error(`${file}: facilitiesOutside must be "ask" or "leave_out"`);
  return m;
}
