import type { TableName } from './contract';
import regions from '../../data/regions.parquet?url';
import facilities from '../../data/facilities.parquet?url';
import population from '../../data/population.parquet?url';
import coverage from '../../data/coverage.parquet?url';
import socioeconomic from '../../data/socioeconomic.parquet?url';
import indicatorCatalog from '../../data/indicator_catalog.parquet?url';
import partnerships from '../../data/partnerships.parquet?url';
import boundaries from '../../data/boundaries.geojson?url';

/** The embedded demo dataset, served from our own origin. Order = load order (keys before their users). */
export const DEMO_DATASET = {
  name: 'Demo Republic (synthetic)',
  synthetic: true,
  tables: [
    { table: 'regions', url: regions },
    { table: 'facilities', url: facilities },
    { table: 'indicator_catalog', url: indicatorCatalog },
    { table: 'population', url: population },
    { table: 'coverage', url: coverage },
    { table: 'socioeconomic', url: socioeconomic },
    { table: 'partnerships', url: partnerships },
  ] satisfies { table: TableName; url: string }[],
  boundariesUrl: boundaries,
};
