import type { Region } from './hierarchy';
import type { Columns, Unmapped } from './importDataset';
import type { ImportMapping, IndicatorChoice, SavedIndicator } from './importMapping';
import { numberReader } from './parseNumber';
import type { RawTable } from './readTable';

/** The dimension a table by area becomes in `coverage`: its areas are the subgroups of their parent setting (as in HEAT). */
export const SUBNATIONAL = 'Subnational region';

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
const INDICATOR_ID_COL = /^(indicator_?id|indicator_?code|series_?code|indicatorcode)$/;
const INDICATOR_NAME_COL = /^(indicator|indicator_?name|indicator_?label|series|series_?name|variable)$/;
const VALUE_COL = /^(value|estimate|val|obs_value|point_estimate)$/;
const CI_LOW_COL = /^(ci_?low|lower|lower_ci|ci_lower|lb|low)$/;
const CI_HIGH_COL = /^(ci_?high|upper|upper_ci|ci_upper|ub|high)$/;
const SE_COL = /^(se|std_?err(or)?|standard_error)$/;
const YEAR_COL = /^(year|survey_?year|annee|ano|period|time_?period|ref_?year)$/;
const AREA_COL = /^(adm\d_(pcode|en|fr|name)|admin\d_?(pcode|name)|pcode|p_code|district|region|province|county|area|location|characteristic_?label|characteristiclabel|name|nom)$/;
/** Columns that describe a row rather than measure something: never an indicator of a wide table. */
const NOT_INDICATOR = /^(adm\d_\w+|admin\d\w*|pcode|p_code|iso3?|country\w*|district|region|province|year|survey\w*|date|id|code|name|nom|.*_id|.*_code|lat|lon|population|pop)$/;

/** Is this table a table of indicators by area (and not a census or a facility list)? */
export function looksLikeIndicators(t: RawTable): boolean {
  const cols = t.columns.map(norm);
  const area = cols.some((c) => AREA_COL.test(c));
  const long = cols.some((c) => VALUE_COL.test(c)) && cols.some((c) => INDICATOR_ID_COL.test(c) || INDICATOR_NAME_COL.test(c));
  return area && (long || wideColumns(t).length > 0);
}

/** A table with CI or SE columns, or coverage-like indicator names, goes to `coverage`; others to `socioeconomic`. */
export function guessIndicatorRole(t: RawTable): 'coverage' | 'socioeconomic' {
  const cols = t.columns.map(norm);
  if (cols.some((c) => CI_LOW_COL.test(c) || SE_COL.test(c))) return 'coverage';
  const names = long(t) ? t.rows.slice(0, 200).map((r) => String(r[long(t)!.name ?? long(t)!.id!] ?? '')) : wideColumns(t);
  return names.some((n) => COVERAGE_WORDS.test(n)) && !names.some((n) => SOCIO_WORDS.test(n)) ? 'coverage' : 'socioeconomic';
}

const COVERAGE_WORDS = /coverage|vaccin|immuni[sz]|dtp|dpt|measles|antenatal|\banc\d?\b|skilled|delivery|births? attended|institutional|contracepti|bed ?net|\bitn\b|treat|care seeking|visit/i;
const SOCIO_WORDS = /poverty|poor|literacy|income|gdp|wealth|unemploy|education|urban/i;
/** Lower is better: a burden, not a service. */
const UNFAVOURABLE = /poverty|poor|mortality|death|stunt|wast|underweight|anaemi|anemi|malaria prevalence|unmet need|out[- ]of[- ]pocket|unemploy|illitera|incidence|fertility|dropout|zero[- ]dose/i;
const FAVOURABLE = /coverage|vaccin|immuni[sz]|dtp|dpt|measles|antenatal|skilled|delivery|attended|institutional|contracepti|bed ?net|treat|literacy|access|improved|insurance|income|gdp|enrol|visit|care seeking|births? in a health facility/i;

function long(t: RawTable): { id?: string; name?: string; value: string } | null {
  const find = (re: RegExp) => t.columns.find((c) => re.test(norm(c)));
  const value = find(VALUE_COL);
  const id = find(INDICATOR_ID_COL);
  const name = find(INDICATOR_NAME_COL);
  return value && (id || name) ? { id, name, value } : null;
}

/** Numeric columns that are not about the area or the year: each one indicator. */
function wideColumns(t: RawTable): string[] {
  return t.columns.filter((c) => {
    if (NOT_INDICATOR.test(norm(c)) || AREA_COL.test(norm(c)) || YEAR_COL.test(norm(c))) return false;
    const read = numberReader(t.rows.slice(0, 500).map((r) => r[c]));
    let numbers = 0, text = 0;
    for (const r of t.rows.slice(0, 500)) {
      const v = read(r[c]);
      if (v === null) continue;
      if (Number.isNaN(v)) text++;
      else numbers++;
    }
    return numbers > 0 && text === 0;
  });
}

const NATIONAL = /^(total|national|national total|all|country|ensemble|total country)$/i;
const slug = (s: string) => s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '').slice(0, 48);
const isPercent = (name: string) => /%|percent|percentage|\brate\b|coverage|share|proportion|vaccination received|assistance during/i.test(name);

/** The catalogue entry for one indicator: the saved choice, else guesses from its name (the direction only when the name says it). */
function choose(key: string, name: string, saved: SavedIndicator | undefined, role: 'coverage' | 'socioeconomic'): IndicatorChoice {
  const percent = isPercent(name);
  const guessedId = /poverty|poor/i.test(name) && percent ? 'poverty_rate' : slug(key);
  const favourable = UNFAVOURABLE.test(name) ? false : FAVOURABLE.test(name) ? true : null;
  return {
    id: saved?.id !== undefined ? saved.id : guessedId,
    name: saved?.name ?? name,
    unit: saved?.unit ?? (percent ? '%' : /per 1,?000/i.test(name) ? 'per 1,000' : 'value'),
    favourable: saved && saved.favourable !== undefined ? saved.favourable : favourable,
    scale: saved?.scale ?? (percent ? 100 : 1),
    domain: saved?.domain ?? role,
  };
}

export interface IndicatorOutput {
  coverage: Columns;
  socioeconomic: Columns;
  /** indicator_id -> catalogue entry (from the mapping or guessed). */
  catalog: Map<string, IndicatorChoice & { source: string }>;
}

export const emptyIndicatorOutput = (): IndicatorOutput => ({
  coverage: { indicator_id: [], region_id: [], year: [], dimension: [], subgroup: [], subgroup_order: [], estimate: [], se: [], ci_low: [], ci_high: [], population: [] },
  socioeconomic: { indicator_id: [], region_id: [], year: [], value: [] },
  catalog: new Map(),
});

/** Per indicator of one file: the rows it gave, and what it maps to (for the Import panel's table). */
export interface IndicatorCount { file: string; key: string; name: string; rows: number; id: string | null; favourable: boolean | null; domain: 'coverage' | 'socioeconomic' }

/**
 * One table of indicators by area (HDX / DHS long format: an indicator column and a value column, CI columns
 * optional; or wide: one column per indicator) into `coverage` or `socioeconomic` rows. Areas are joined by
 * P-code or name like the census (`regionNames` aliases; DHS's leading dots of sub-levels are dropped). In
 * `coverage` an area's estimate becomes a subgroup of its parent setting, dimension "Subnational region",
 * weighted by the area's population. Every row or value left out is listed in `unmapped`.
 */
export function importIndicators(
  file: string, table: RawTable, role: 'coverage' | 'socioeconomic', mapping: ImportMapping,
  resolveRegion: (v: unknown) => Region | null, country: Region | null, population: ReadonlyMap<string, number | null>,
  out: IndicatorOutput, notes: string[], unmapped: Unmapped[],
): IndicatorCount[] {
  // A "Total" or "National" row is the country's.
  const resolve = (v: string) => resolveRegion(v) ?? (NATIONAL.test(v) ? country : null);
  // HDX files carry a second header row of HXL hashtags (#loc+name, #indicator+value+num): not data.
  let rows = table.rows;
  const hxl = rows.length > 0 && Object.values(rows[0]).every((v) => v === null || String(v).trim().startsWith('#'));
  if (hxl) rows = rows.slice(1);
  const saved = mapping.files[file]?.columns ?? {};
  const find = (re: RegExp) => table.columns.find((c) => re.test(norm(c)));
  const lf = long(table);
  const areaCols = saved.pcode || saved.region ? [saved.pcode, saved.region].filter((x): x is string => !!x) : table.columns.filter((c) => AREA_COL.test(norm(c)));
  const yearCol = saved.year ?? find(YEAR_COL);
  const cols = {
    indicator: saved.indicator ?? lf?.id ?? lf?.name, indicatorName: saved.indicator_name ?? lf?.name, value: saved.value ?? lf?.value,
    ciLow: saved.ci_low ?? find(CI_LOW_COL), ciHigh: saved.ci_high ?? find(CI_HIGH_COL), se: saved.se ?? find(SE_COL),
  };
  mapping.files[file].columns = Object.fromEntries(Object.entries({
    ...(saved.pcode ? { pcode: saved.pcode } : {}), ...(saved.region ? { region: saved.region } : {}), year: yearCol,
    ...(cols.value ? { indicator: cols.indicator, indicator_name: cols.indicatorName, value: cols.value } : {}),
    ...(role === 'coverage' ? { ci_low: cols.ciLow, ci_high: cols.ciHigh, se: cols.se } : {}),
  }).filter(([, v]) => v));
  if (areaCols.length === 0) {
    unmapped.push({ file, what: 'no area column (P-code or name) found', rows: rows.length, values: table.columns.slice(0, 15), fix: 'set "pcode" or "region" under this file\'s "columns" in mapping.json' });
    return [];
  }
  // (indicator key, indicator name, value column) per cell to read.
  const cells: { key: string; name: string; column: string }[] = [];
  const rowKeys = (row: Record<string, unknown>) => (cols.value
    ? [{ key: String(row[cols.indicator!] ?? '').trim(), name: String(row[cols.indicatorName ?? cols.indicator!] ?? '').trim(), column: cols.value }]
    : cells);
  if (!cols.value) for (const c of wideColumns({ columns: table.columns, rows })) cells.push({ key: c, name: c, column: c });
  const readers = new Map<string, (v: unknown) => number | null>();
  const reader = (c: string) => readers.get(c) ?? readers.set(c, numberReader(rows.map((r) => r[c]))).get(c)!;
  const readYear = (v: unknown): number | null => {
    const m = /(1[89]\d\d|20\d\d)/.exec(String(v ?? ''));
    return m ? Number(m[1]) : null;
  };
  const fixedYear = mapping.files[file]?.year ?? null;

  const counts = new Map<string, IndicatorCount>();
  const unresolved = new Map<string, number>();
  const seen = new Set<string>();
  let noNumber = 0, noYear = 0, national = 0, duplicate = 0, leftOut = 0, written = 0;
  const dupExamples: string[] = [];
  for (const row of rows) {
    let area: Region | null = null;
    let label = '';
    for (const c of areaCols) {
      const raw = String(row[c] ?? '').trim();
      const r = resolve(raw.replace(/^\.+/, ''));
      if (raw && !label) label = raw;
      if (r && (!area || r.level > area.level)) area = r;
    }
    for (const k of rowKeys(row)) {
      if (!k.key) continue;
      const count = counts.get(k.key) ?? counts.set(k.key, { file, key: k.key, name: k.name || k.key, rows: 0, id: null, favourable: null, domain: role }).get(k.key)!;
      count.rows++;
      if (!area) {
        if (label) unresolved.set(label, (unresolved.get(label) ?? 0) + 1);
        continue;
      }
      const choice = choose(k.key, k.name || k.key, mapping.indicators[k.key], role);
      count.id = choice.id;
      count.favourable = choice.favourable;
      if (!choice.id || choice.favourable === null) {
        leftOut++;
        continue;
      }
      const year = yearCol ? readYear(row[yearCol]) : fixedYear;
      if (yearCol && year === null) {
        noYear++;
        continue;
      }
      const v = reader(k.column)(row[k.column]);
      const value = v === null || Number.isNaN(v) ? null : v;
      if (value === null) noNumber++;
      if (role === 'coverage' && area.parent_id === null) {
        national++; // the country's own figure is no subgroup of anything
        continue;
      }
      const key = `${choice.id}|${area.region_id}|${year}`;
      if (seen.has(key)) {
        duplicate++;
        if (dupExamples.length < 5) dupExamples.push(`${k.key} ${area.name}${year ? ` ${year}` : ''}`);
        continue;
      }
      seen.add(key);
      out.catalog.set(choice.id, { ...choice, source: file });
      written++;
      if (role === 'socioeconomic') {
        out.socioeconomic.indicator_id.push(choice.id);
        out.socioeconomic.region_id.push(area.region_id);
        out.socioeconomic.year.push(year);
        out.socioeconomic.value.push(value);
      } else {
        const num = (c: string | undefined) => {
          if (!c) return null;
          const x = reader(c)(row[c]);
          return x === null || Number.isNaN(x) ? null : x;
        };
        const c = out.coverage;
        c.indicator_id.push(choice.id);
        c.region_id.push(area.parent_id);
        c.year.push(year);
        c.dimension.push(SUBNATIONAL);
        c.subgroup.push(area.name);
        c.subgroup_order.push(null);
        c.estimate.push(value);
        c.se.push(num(cols.se));
        c.ci_low.push(num(cols.ciLow));
        c.ci_high.push(num(cols.ciHigh));
        c.population.push(population.get(area.region_id) ?? null);
      }
    }
  }
  for (const c of counts.values()) {
    const choice = choose(c.key, c.name, mapping.indicators[c.key], role);
    mapping.indicators[c.key] = { id: choice.id, name: choice.name, unit: choice.unit, favourable: choice.favourable, scale: choice.scale, domain: choice.domain };
  }

  const list = [...counts.values()];
  notes.push(`${file}: ${role} by area${hxl ? ' (HXL tag row skipped)' : ''}; ${cols.value ? `long format (indicator ${cols.indicator}, value ${cols.value})` : `wide format (${cells.length} indicator columns)`}; area by ${areaCols.join(', ')}; ${yearCol ? `year ${yearCol}` : fixedYear ? `year ${fixedYear} (mapping)` : 'no year (dated the load year)'}; ${written} ${role} rows${role === 'coverage' ? ` (each area a subgroup of its parent, dimension "${SUBNATIONAL}")` : ''}${national ? `; ${national} national rows not used (the country is no subgroup)` : ''}${noNumber ? `; ${noNumber} cells without a number kept as absent` : ''}`);
  const noChoice = list.filter((c) => !c.id || c.favourable === null);
  if (noChoice.length) {
    unmapped.push({
      file, what: 'indicators without an id or a direction (left out: is a higher value better or worse?)', rows: leftOut,
      values: noChoice.map((c) => `${c.key} x${c.rows}`),
      fix: 'set "favourable" (true when higher is better) and "id" for each under "indicators" in mapping.json',
    });
  }
  if (unresolved.size) unmapped.push({ file, what: 'area names or codes that name no area (rows left out)', rows: [...unresolved.values()].reduce((a, b) => a + b, 0), values: [...unresolved].slice(0, 20).map(([v, n]) => `${v} x${n}`), fix: 'add each spelling to "regionNames" in mapping.json, e.g. "Western Rural": "<region_id>"' });
  if (noYear) unmapped.push({ file, what: `rows whose ${yearCol} holds no year (left out)`, rows: noYear, values: [], fix: `fill ${yearCol}, or drop the column and set "year" for this file in mapping.json` });
  if (duplicate) unmapped.push({ file, what: 'rows repeating an indicator, area and year already given (left out)', rows: duplicate, values: dupExamples, fix: 'keep one row per indicator, area and year (e.g. filter the file to the preferred estimates)' });
  if (role === 'coverage' && written && !out.coverage.population.some((p) => p !== null)) notes.push(`${file}: no area population known: coverage subgroups carry no population (add a census or a raster)`);
  return list;
}

/** The indicator_catalog table for the indicators written. */
export function catalogColumns(catalog: IndicatorOutput['catalog']): Columns {
  const c: Columns = { indicator_id: [], name: [], unit: [], favourable: [], scale: [], domain: [], source: [] };
  for (const [id, e] of catalog) {
    c.indicator_id.push(id);
    c.name.push(e.name);
    c.unit.push(e.unit);
    c.favourable.push(e.favourable);
    c.scale.push(e.scale);
    c.domain.push(e.domain);
    c.source.push(`imported from ${e.source}`);
  }
  return c;
}
