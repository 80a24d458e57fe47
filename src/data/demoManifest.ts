import type { TableName } from './contract';
import regions from '../../data/regions.parquet?url';
import facilities from '../../data/facilities.parquet?url';
import population from '../../data/population.parquet?url';
import coverage from '../../data/coverage.parquet?url';
import socioeconomic from '../../data/socioeconomic.parquet?url';
import indicatorCatalog from '../../data/indicator_catalog.parquet?url';
import partnerships from '../../data/partnerships.parquet?url';
import boundaries from '../../data/boundaries.geojson?url';
import firstPage from '../../data/first-page.json?url';
import manifest from '../../data/manifest.json';
import roads from '../../data/roads.geojson?url';
import barriers from '../../data/barriers.geojson?url';
import landcover from '../../data/landcover.geojson?url';

/**
 * The embedded demo dataset, served from our own origin. Order = load order (keys before their users).
 * `trusted`: the files are generated and validated by the test suite (validateTable.test.ts loads each with
 * no issue), so start-up skips re-checking them; the user's files are always checked.
 */
export const DEMO_DATASET = {
  // From data/manifest.json: a deployer who builds with their own country's data/ names it and says it is real there.
  name: typeof manifest.name === 'string' ? manifest.name : 'Built-in dataset',
  synthetic: manifest.synthetic === true,
  tables: [
    { table: 'regions', url: regions, trusted: true },
    { table: 'facilities', url: facilities, trusted: true },
    { table: 'indicator_catalog', url: indicatorCatalog, trusted: true },
    { table: 'population', url: population, trusted: true },
    { table: 'coverage', url: coverage, trusted: true },
    { table: 'socioeconomic', url: socioeconomic, trusted: true },
    { table: 'partnerships', url: partnerships, trusted: true },
  ] satisfies { table: TableName; url: string; trusted: boolean }[],
  boundariesUrl: boundaries,
  /** The optional travel-time layers (roads with a class; water as barriers; land cover), read only when travel time is asked for. */
  roadsUrl: roads,
  barriersUrl: barriers,
  landcoverUrl: landcover,
  /** Answers to the first page's queries over these files, computed at build time (scripts/first-page.ts). */
  firstPageUrl: firstPage,
};
