import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeDb } from '../db/nodeDb';
import type { SqlRunner } from '../db/sqlRunner';
import { analysisFacilitiesQuery, type AnalysisFacilityRow } from './travelAnalysesSql';

describe('analysisFacilitiesQuery', () => {
  let db: SqlRunner;
  beforeAll(async () => {
    db = await createNodeDb();
    await db.rows(`CREATE TABLE facilities AS SELECT * FROM (VALUES
      ('F2', 'Clinic B', 'D02', 31.0, 11.0, 'clinic', 'private', ['immunization'], NULL, 1, NULL, 2),
      ('F1', 'Hospital A', 'D01', 30.0, 10.0, 'hospital', 'public', ['surgery'], 120, 10, 40, 5),
      ('F3', 'No place', 'D01', NULL, 10.0, 'clinic', 'public', NULL, 1, 1, 1, 1))
      t(facility_id, name, region_id, lon, lat, type, ownership, services, beds, doctors, nurses, midwives)`);
  });
  it('keeps unreported capacity as null, in facility order, placed facilities only', async () => {
    expect(await db.rows<AnalysisFacilityRow>(analysisFacilitiesQuery())).toEqual([
      { facility_id: 'F1', name: 'Hospital A', region_id: 'D01', lon: 30, lat: 10, type: 'hospital', ownership: 'public', services: 'surgery', beds: 120, doctors: 10, nurses: 40, midwives: 5 },
      { facility_id: 'F2', name: 'Clinic B', region_id: 'D02', lon: 31, lat: 11, type: 'clinic', ownership: 'private', services: 'immunization', beds: null, doctors: 1, nurses: null, midwives: 2 },
    ]);
  });
});
