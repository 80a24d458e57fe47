import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeDb } from '../db/nodeDb';
import type { SqlRunner } from '../db/sqlRunner';
import { facilitiesInScope, travelFacilitiesQuery, travelPointsQuery, type TravelFacilityRow } from './travelTimeSql';

describe('travel-time input queries', () => {
  let db: SqlRunner;
  beforeAll(async () => {
    db = await createNodeDb();
    await db.rows(`CREATE TABLE facilities AS SELECT * FROM (VALUES
      (1, 30.0, 10.0, 'hospital', 'public', ['surgery', 'emergency']),
      (2, 31.0, 11.0, 'clinic', 'private', ['immunization']),
      (3, 32.0, 12.0, 'hospital', 'private', ['surgery'])) t(facility_id, lon, lat, type, ownership, services)`);
    await db.rows(`CREATE TABLE population AS SELECT * FROM (VALUES
      (1, 'D01', 30.1, 10.1, 100), (2, 'D01', 30.2, 10.2, NULL), (3, 'D02', 31.1, 11.1, 50)) t(cell_id, region_id, lon, lat, population)`);
  });
  it('keeps facilities by the view service and the global filters together', async () => {
    const all = await db.rows<TravelFacilityRow>(travelFacilitiesQuery());
    expect(all[0]).toEqual({ lon: 30, lat: 10, type: 'hospital', ownership: 'public', services: 'surgery|emergency' });
    const q = async (service: string | null, filters = {}) => facilitiesInScope(all, { service, filters });
    expect((await q(null)).map((r) => r.lon)).toEqual([30, 31, 32]);
    expect((await q('surgery')).map((r) => r.lon)).toEqual([30, 32]);
    expect((await q('surgery', { ownership: 'private' })).map((r) => r.lon)).toEqual([32]);
    expect((await q(null, { facilityType: 'clinic' })).map((r) => r.lon)).toEqual([31]);
    expect(await q('surgery', { service: 'immunization' })).toEqual([]);
  });
  it('leaves out points without a population (absent is not zero)', async () => {
    expect(await db.rows(travelPointsQuery())).toEqual([
      { region_id: 'D01', lon: 30.1, lat: 10.1, population: 100 }, { region_id: 'D02', lon: 31.1, lat: 11.1, population: 50 },
    ]);
  });
});
