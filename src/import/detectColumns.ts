import { numberReader } from './parseNumber';

/** What a column is for, as far as import needs to know. */
export type Role = 'lat' | 'lon' | 'name' | 'id' | 'type' | 'ownership' | 'region' | 'pcode' | 'population' | 'beds' | 'doctors' | 'nurses' | 'midwives';

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');

/** Name patterns per role, most specific first. Tested against the lower-cased, underscored column name. */
const NAME_RULES: Record<Role, RegExp> = {
  lat: /^(lat|latitude|y|lat_dd|latitude_dd|gps_lat(itude)?|y_coord(inate)?|point_y|decimallatitude)$/,
  lon: /^(lon|long|lng|longitude|x|lon_dd|longitude_dd|gps_lon(g|gitude)?|x_coord(inate)?|point_x|decimallongitude)$/,
  name: /^(name|nom|nombre|nome|facility_?n(ame)?|facility|hf_name|health_?facility(_name)?|site_?name|fac_name|etablissement|shape_?name|adm\d_(en|fr|name)|admin\d_?name)$/,
  id: /^(id|uid|uuid|code|facility_?id|facility_?code|hf_?code|mfl_?code|dhis2_?id|osm_id|fid|objectid|shape_?id)$/,
  type: /^(type|facility_?t(ype)?|facility_?category|category|nature(_of_facility)?|hf_?type|level|type_etablissement|amenity|healthcare)$/,
  ownership: /^(owner(ship)?|managing_?authority|authority|managed_?by|operator(_type)?|sector|secteur|gestion)$/,
  region: /^(district|region|province|county|state|adm\d(_name)?|admin\d?(_name)?|admin\dname|zone|lga|department|departement|commune)$/,
  pcode: /^(adm\d_pcode|admin\d_?pcod(e)?|admin\dpcod|pcode|p_code|adm\d_code|admin\d_code|shapeid|geocode)$/,
  population: /^(population|pop|total(_population)?|pop_total|all_residence|t_tl|both_sexes|total_pop(ulation)?|population_\d{4}|pop_?\d{4})$/,
  beds: /^(beds|bed_?count|nb_lits|lits|total_beds|bed_capacity)$/,
  doctors: /^(doctors|physicians|medecins|md_count)$/,
  nurses: /^(nurses|infirmiers|nurse_count)$/,
  midwives: /^(midwives|sages_femmes|midwife_count)$/,
};

/**
 * Guess each role's column from names, then confirm with values: a latitude column must hold numbers within
 * ±90 (and not all zero), a longitude within ±180. `Latitude` full of zeros beside a good `Lat` loses.
 */
export function detectColumns(columns: readonly string[], rows: readonly Record<string, unknown>[]): Partial<Record<Role, string>> {
  const found: Partial<Record<Role, string>> = {};
  const taken = new Set<string>();
  for (const role of Object.keys(NAME_RULES) as Role[]) {
    const candidates = columns.filter((c) => !taken.has(c) && NAME_RULES[role].test(norm(c)));
    const ok = candidates.filter((c) => valuesFit(role, c, rows));
    if (ok.length) {
      found[role] = ok[0];
      taken.add(ok[0]);
    }
  }
  return found;
}

function valuesFit(role: Role, column: string, rows: readonly Record<string, unknown>[]): boolean {
  if (role !== 'lat' && role !== 'lon' && role !== 'population') return true;
  const limit = role === 'lat' ? 90 : role === 'lon' ? 180 : Infinity;
  let numbers = 0;
  let nonZero = 0;
  let bad = 0;
  const sample = rows.slice(0, 2000);
  const read = numberReader(sample.map((r) => r[column]));
  for (const r of sample) {
    const v = read(r[column]);
    if (v === null) continue;
    if (Number.isNaN(v) || Math.abs(v) > limit) bad++;
    else {
      numbers++;
      if (v !== 0) nonZero++;
    }
  }
  if (role === 'population') return numbers > 0 && numbers >= bad;
  return nonZero > 0 && bad <= numbers * 0.01;
}

/** A loose key for names: `Port Loko District`, `PORT LOKO` and `Port-Loko` all meet at `portloko`. */
export function nameKey(s: unknown): string {
  return String(s ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\b(district|province|region|county|prefecture|department|city council|municipality)\b/g, '')
    .replace(/[^a-z0-9]/g, '');
}
