import { describe, expect, it } from 'vitest';
import { withNodeDb } from '../db/withNodeDb';
import { demoDb } from '../queries/demoDb';
import { dropDanglingRows, KEY_LINKS } from './danglingKeys';

const db = withNodeDb(() => demoDb(['regions', 'facilities', 'coverage', 'indicator_catalog', 'partnerships']), 60_000);

const count = async (sql: string) => Number((await db.rows<{ n: number }>(`SELECT count(*) AS n FROM ${sql}`))[0].n);

describe('dangling keys: reported with counts, and taken out of the tables', () => {
  it('lists every foreign key between two tables of the contract', () => {
    expect(KEY_LINKS.map((l) => `${l.table}.${l.column}->${l.target}`)).toEqual([
      'facilities.region_id->regions', 'population.region_id->regions', 'coverage.indicator_id->indicator_catalog', 'coverage.region_id->regions',
      'socioeconomic.indicator_id->indicator_catalog', 'socioeconomic.region_id->regions', 'partnerships.facility_id->facilities',
    ]);
  });

  it('finds nothing in the demo', async () => {
    expect(await dropDanglingRows(db, new Set(['regions', 'facilities', 'coverage', 'indicator_catalog', 'partnerships']))).toEqual([]);
  });

  it('removes partnerships of unknown facilities, facilities and coverage in unknown regions, and says how many', async () => {
    // As when a user's facilities replace the demo's while the demo's partnerships stay: most ids point nowhere.
    const partnerships = await count('partnerships');
    const facilitiesInD05 = await count(`facilities WHERE region_id = 'D05'`);
    const partnershipsInD05 = await count(`partnerships WHERE facility_id IN (SELECT facility_id FROM facilities WHERE region_id = 'D05')`);
    const [{ region_id: covered }] = await db.rows<{ region_id: string }>('SELECT min(region_id) AS region_id FROM coverage');
    const coverageLost = await count(`coverage WHERE region_id = '${covered}'`);
    expect(coverageLost).toBeGreaterThan(0);
    await db.rows(`DELETE FROM facilities WHERE facility_id IN (SELECT facility_id FROM partnerships ORDER BY partnership_id LIMIT 3)`);
    const orphaned = await count(`partnerships WHERE facility_id NOT IN (SELECT facility_id FROM facilities)`);
    await db.rows(`UPDATE facilities SET region_id = 'NOPE' WHERE region_id = 'D05'`);
    await db.rows(`UPDATE coverage SET region_id = 'GONE' WHERE region_id = '${covered}'`);
    const found = await dropDanglingRows(db, new Set(['regions', 'facilities', 'coverage', 'indicator_catalog', 'partnerships']));
    expect(found.map((f) => [`${f.table}.${f.column}`, f.rows, f.examples])).toEqual([
      ['facilities.region_id', facilitiesInD05, ['NOPE']],
      ['coverage.region_id', coverageLost, ['GONE']],
      ['partnerships.facility_id', orphaned + partnershipsInD05, expect.any(Array)],
    ]);
    expect(found[2].examples.length).toBeLessThanOrEqual(5);
    expect(await count('partnerships')).toBe(partnerships - orphaned - partnershipsInD05);
    expect(await count(`partnerships WHERE facility_id NOT IN (SELECT facility_id FROM facilities)`)).toBe(0);
    expect(await dropDanglingRows(db, new Set(['regions', 'facilities', 'coverage', 'indicator_catalog', 'partnerships']))).toEqual([]);
  });
});
