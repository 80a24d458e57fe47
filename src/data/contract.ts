/**
 * The data contract: every table the dashboard reads, its columns, types, ranges, keys and categories.
 * Loading validates against it (see validateTable.ts); the demo generator writes exactly these columns.
 */
export type ColumnType = 'string' | 'int' | 'double' | 'bool' | 'string[]';

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  required: boolean;
  description: string;
  unit?: string;
  min?: number;
  max?: number;
  /** Allowed values (for 'string' and each element of 'string[]'). */
  categories?: readonly string[];
  /** Null allowed even though the column must be present. */
  nullable?: boolean;
  /** The column may be absent: every row then gets `value()`, and the load says so in a warning naming `why`. */
  whenAbsent?: { value: () => number; why: string };
  /** Foreign key: values must exist in that table's key column. */
  references?: { table: TableName; column: string };
}

export interface TableSpec {
  name: TableName;
  description: string;
  key: readonly string[];
  columns: readonly ColumnSpec[];
}

export const TABLE_NAMES = [
  'regions',
  'facilities',
  'population',
  'coverage',
  'socioeconomic',
  'indicator_catalog',
  'partnerships',
] as const;
export type TableName = (typeof TABLE_NAMES)[number];

export const FACILITY_TYPES = ['hospital', 'health_centre', 'clinic', 'health_post', 'pharmacy', 'mobile_unit'] as const;
export const OWNERSHIPS = ['public', 'private', 'ngo', 'faith_based', 'military'] as const;
export const SERVICES = [
  'emergency', 'maternity', 'immunization', 'surgery', 'outpatient', 'laboratory', 'pharmacy', 'imaging',
] as const;
export const PARTNER_TYPES = ['academic', 'international', 'ngo', 'charity', 'military', 'government', 'private'] as const;
export const PROGRAMMES = ['telemedicine', 'mobile_clinic', 'training', 'supply', 'referral', 'research'] as const;

const ref = (table: TableName, column: string) => ({ table, column });
const YEAR = { min: 1900, max: 2100 };
/**
 * A table without a year (one undated survey, a census extract) is dated the year it is loaded: stated in a warning
 * at load, and every view then shows that one year. Chosen over refusing the file (absent is not zero: a missing
 * year is optional, with a stated default).
 */
const YEAR_WHEN_ABSENT = { value: () => new Date().getUTCFullYear(), why: 'the year it was loaded' };

export const CONTRACT: Record<TableName, TableSpec> = {
  regions: {
    name: 'regions',
    description: 'Administrative areas: the country (level 0), provinces (level 1) and districts (level 2).',
    key: ['region_id'],
    columns: [
      { name: 'region_id', type: 'string', required: true, description: 'Unique region code' },
      { name: 'name', type: 'string', required: true, description: 'Region name' },
      { name: 'name_ar', type: 'string', required: false, nullable: true, description: 'Region name in Arabic' },
      { name: 'name_fr', type: 'string', required: false, nullable: true, description: 'Region name in French' },
      { name: 'level', type: 'int', required: true, min: 0, max: 5, description: '0 country, 1 province, 2 district' },
      { name: 'parent_id', type: 'string', required: true, nullable: true, references: ref('regions', 'region_id'), description: 'Enclosing region (null for the country)' },
      { name: 'population', type: 'double', required: true, min: 0, unit: 'people', description: 'Resident population' },
      { name: 'area_km2', type: 'double', required: false, nullable: true, min: 0, unit: 'km²', description: 'Land area' },
    ],
  },
  facilities: {
    name: 'facilities',
    description: 'Health facilities with location, type, ownership, capacity, staff and services.',
    key: ['facility_id'],
    columns: [
      { name: 'facility_id', type: 'string', required: true, description: 'Unique facility code' },
      { name: 'name', type: 'string', required: true, description: 'Facility name' },
      { name: 'region_id', type: 'string', required: true, references: ref('regions', 'region_id'), description: 'District the facility is in' },
      // No foreign key on purpose: a stated district that names no region must not drop the facility (danglingKeys).
      { name: 'stated_region_id', type: 'string', required: false, nullable: true, description: 'District the source list states, when it gives one (the plausibility check compares it with where the point lies)' },
      { name: 'lat', type: 'double', required: true, min: -90, max: 90, unit: '°', description: 'Latitude (WGS84)' },
      { name: 'lon', type: 'double', required: true, min: -180, max: 180, unit: '°', description: 'Longitude (WGS84)' },
      { name: 'type', type: 'string', required: true, categories: FACILITY_TYPES, description: 'Facility type' },
      { name: 'ownership', type: 'string', required: false, nullable: true, categories: OWNERSHIPS, description: 'Managing authority' },
      { name: 'beds', type: 'int', required: false, nullable: true, min: 0, unit: 'beds', description: 'Inpatient beds' },
      { name: 'doctors', type: 'int', required: false, nullable: true, min: 0, unit: 'FTE', description: 'Medical doctors' },
      { name: 'nurses', type: 'int', required: false, nullable: true, min: 0, unit: 'FTE', description: 'Nurses' },
      { name: 'midwives', type: 'int', required: false, nullable: true, min: 0, unit: 'FTE', description: 'Midwives' },
      { name: 'services', type: 'string[]', required: false, nullable: true, categories: SERVICES, description: 'Services offered' },
      { name: 'open_year', type: 'int', required: false, nullable: true, ...YEAR, description: 'Year opened' },
    ],
  },
  population: {
    name: 'population',
    description: 'Population demand points (grid cells or settlements) for distance and catchment measures.',
    key: ['cell_id'],
    columns: [
      { name: 'cell_id', type: 'int', required: true, min: 0, description: 'Unique point id' },
      { name: 'region_id', type: 'string', required: true, references: ref('regions', 'region_id'), description: 'District of the point' },
      { name: 'lat', type: 'double', required: true, min: -90, max: 90, unit: '°', description: 'Latitude (WGS84)' },
      { name: 'lon', type: 'double', required: true, min: -180, max: 180, unit: '°', description: 'Longitude (WGS84)' },
      { name: 'population', type: 'double', required: true, min: 0, unit: 'people', description: 'People living at the point' },
      { name: 'wealth_quintile', type: 'int', required: false, nullable: true, min: 1, max: 5, description: '1 poorest to 5 richest' },
      { name: 'urban', type: 'bool', required: false, nullable: true, description: 'Urban (true) or rural (false)' },
    ],
  },
  coverage: {
    name: 'coverage',
    description: 'Service coverage estimates disaggregated by equity dimension (survey style, with uncertainty).',
    key: ['indicator_id', 'region_id', 'year', 'dimension', 'subgroup'],
    columns: [
      { name: 'indicator_id', type: 'string', required: true, references: ref('indicator_catalog', 'indicator_id'), description: 'Indicator code' },
      { name: 'region_id', type: 'string', required: true, references: ref('regions', 'region_id'), description: 'Setting the estimate is for' },
      { name: 'year', type: 'int', required: false, whenAbsent: YEAR_WHEN_ABSENT, ...YEAR, description: 'Survey year' },
      { name: 'dimension', type: 'string', required: true, description: 'Inequality dimension (e.g. wealth quintile)' },
      { name: 'subgroup', type: 'string', required: true, description: 'Subgroup within the dimension' },
      { name: 'subgroup_order', type: 'int', required: true, nullable: true, min: 1, description: 'Order for ordered dimensions (1 most disadvantaged); null if not ordered' },
      { name: 'estimate', type: 'double', required: true, nullable: true, min: 0, description: 'Estimate, on the indicator scale' },
      { name: 'se', type: 'double', required: false, nullable: true, min: 0, description: 'Standard error' },
      { name: 'ci_low', type: 'double', required: false, nullable: true, description: '95% CI lower bound' },
      { name: 'ci_high', type: 'double', required: false, nullable: true, description: '95% CI upper bound' },
      { name: 'population', type: 'double', required: false, nullable: true, min: 0, unit: 'people', description: 'Subgroup population share basis' },
      { name: 'reference', type: 'bool', required: false, nullable: true, description: 'Reference subgroup for the dimension' },
    ],
  },
  socioeconomic: {
    name: 'socioeconomic',
    description: 'Socio-economic indicators per region and year.',
    key: ['indicator_id', 'region_id', 'year'],
    columns: [
      { name: 'indicator_id', type: 'string', required: true, references: ref('indicator_catalog', 'indicator_id'), description: 'Indicator code' },
      { name: 'region_id', type: 'string', required: true, references: ref('regions', 'region_id'), description: 'Region' },
      { name: 'year', type: 'int', required: false, whenAbsent: YEAR_WHEN_ABSENT, ...YEAR, description: 'Year' },
      { name: 'value', type: 'double', required: true, nullable: true, description: 'Value, in the indicator unit' },
    ],
  },
  indicator_catalog: {
    name: 'indicator_catalog',
    description: 'What each indicator means, its unit, scale and direction.',
    key: ['indicator_id'],
    columns: [
      { name: 'indicator_id', type: 'string', required: true, description: 'Indicator code' },
      { name: 'name', type: 'string', required: true, description: 'Indicator name' },
      { name: 'unit', type: 'string', required: true, description: 'Unit (e.g. %)' },
      { name: 'favourable', type: 'bool', required: true, description: 'Higher is better' },
      { name: 'scale', type: 'double', required: true, min: 0, description: '100 for percentages, 1 otherwise' },
      { name: 'domain', type: 'string', required: false, nullable: true, description: 'Domain (coverage, socioeconomic...)' },
      { name: 'source', type: 'string', required: false, nullable: true, description: 'Where the data come from' },
      { name: 'description', type: 'string', required: false, nullable: true, description: 'Definition' },
    ],
  },
  partnerships: {
    name: 'partnerships',
    description: 'Partnerships between facilities and universities, NGOs, charities, international organisations...',
    key: ['partnership_id'],
    columns: [
      { name: 'partnership_id', type: 'string', required: true, description: 'Unique partnership code' },
      { name: 'facility_id', type: 'string', required: true, references: ref('facilities', 'facility_id'), description: 'Partner facility' },
      { name: 'partner_name', type: 'string', required: true, description: 'Partner organisation' },
      { name: 'partner_type', type: 'string', required: true, categories: PARTNER_TYPES, description: 'Kind of partner' },
      { name: 'programme', type: 'string', required: true, categories: PROGRAMMES, description: 'Programme' },
      { name: 'start_year', type: 'int', required: true, ...YEAR, description: 'First year' },
      { name: 'end_year', type: 'int', required: false, nullable: true, ...YEAR, description: 'Last year (null: ongoing)' },
    ],
  },
};
