import { describe, expect, it } from 'vitest';
import { haversineKm } from './access';
import { applyScenario, nearestRegion, normalizeScenario, type FacilityRow, type PopulationPoint } from './scenario';

const facilities: FacilityRow[] = [
  { facility_id: 'h1', region_id: 'r1', lat: 10, lon: 30, type: 'hospital', beds: 40, doctors: 5, nurses: null, midwives: 2, services: ['surgery'] },
  { facility_id: 'c1', region_id: 'r2', lat: 10.5, lon: 30.5, type: 'clinic', beds: null, doctors: 1, nurses: 3, midwives: 0, services: null },
];
const population: PopulationPoint[] = [
  { cell_id: 2, region_id: 'r1', lat: 10.01, lon: 30.01 },
  { cell_id: 1, region_id: 'r2', lat: 10.49, lon: 30.49 },
  { cell_id: 3, region_id: 'r3', lat: 11, lon: 31 },
];

describe('applyScenario', () => {
  it('no edits: the same facilities, marked existing', () => {
    expect(applyScenario(facilities, [])).toEqual(facilities.map((f) => ({ ...f, scenario_change: 'existing' })));
  });

  it('add: a new row with the given capacity; region from regionId or the nearest population point', () => {
    const out = applyScenario(facilities, [
      { kind: 'add', id: 'new1', lat: 10.9, lon: 30.9, type: 'health_centre', doctors: 2, services: ['maternity', 'maternity'] },
      { kind: 'add', id: 'new2', lat: 10, lon: 30, type: 'clinic', regionId: 'rX' },
    ], population);
    expect(out.slice(2)).toEqual([
      { facility_id: 'new1', region_id: 'r3', lat: 10.9, lon: 30.9, type: 'health_centre', beds: null, doctors: 2, nurses: null, midwives: null, services: ['maternity'], scenario_change: 'added' },
      { facility_id: 'new2', region_id: 'rX', lat: 10, lon: 30, type: 'clinic', beds: null, doctors: null, nurses: null, midwives: null, services: [], scenario_change: 'added' },
    ]);
    expect(applyScenario(facilities, [{ kind: 'add', id: 'n', lat: 0, lon: 0, type: 'clinic' }])[2].region_id).toBeNull();
  });

  it('upgrade: amounts add up (NULL counts 0 once something is added), services appended once, others unchanged', () => {
    const out = applyScenario(facilities, [
      { kind: 'upgrade', facilityId: 'c1', beds: 10, nurses: 2, services: ['maternity'] },
      { kind: 'upgrade', facilityId: 'c1', beds: 5, services: ['maternity', 'surgery'] },
      { kind: 'upgrade', facilityId: 'h1', services: ['surgery', 'emergency'] },
    ]);
    expect(out[1]).toEqual({ ...facilities[1], beds: 15, nurses: 5, services: ['maternity', 'surgery'], scenario_change: 'upgraded' });
    expect(out[0]).toEqual({ ...facilities[0], services: ['surgery', 'emergency'], scenario_change: 'upgraded' });
    expect(facilities[1].beds).toBeNull(); // input not mutated
  });

  it('outreach: one stop per population point within the radius, capacity split equally between stops', () => {
    const radiusKm = haversineKm(10.5, 30.5, 10.01, 30.01) + 0.001; // reaches cells 1 and 2, not 3
    const out = applyScenario(facilities, [{ kind: 'outreach', id: 'mc', lat: 10.5, lon: 30.5, radiusKm, doctors: 1, nurses: 4, services: ['immunization'] }], population);
    expect(out.slice(2)).toEqual([
      { facility_id: 'mc@2', region_id: 'r1', lat: 10.01, lon: 30.01, type: 'mobile_unit', beds: null, doctors: 0.5, nurses: 2, midwives: null, services: ['immunization'], scenario_change: 'outreach' },
      { facility_id: 'mc@1', region_id: 'r2', lat: 10.49, lon: 30.49, type: 'mobile_unit', beds: null, doctors: 0.5, nurses: 2, midwives: null, services: ['immunization'], scenario_change: 'outreach' },
    ]);
    expect(applyScenario(facilities, [{ kind: 'outreach', id: 'mc', lat: 0, lon: 0, radiusKm: 5 }], population)).toHaveLength(2);
  });

  it('nearestRegion breaks distance ties by the smallest cell_id', () => {
    const tie: PopulationPoint[] = [{ cell_id: 'b', region_id: 'rb', lat: 0, lon: 1 }, { cell_id: 'a', region_id: 'ra', lat: 0, lon: -1 }];
    expect(nearestRegion(0, 0, tie)).toBe('ra');
  });

  it('bad edits throw a short message naming the bad value', () => {
    expect(() => applyScenario(facilities, [{ kind: 'upgrade', facilityId: 'zz', beds: 1 }])).toThrow('unknown facility id in upgrade: zz');
    expect(() => applyScenario(facilities, [{ kind: 'add', id: 'h1', lat: 0, lon: 0, type: 'clinic' }])).toThrow('scenario id already a facility: h1');
    expect(() => normalizeScenario([{ kind: 'add', id: 'a', lat: 91, lon: 0, type: 'clinic' }])).toThrow('invalid lat for a: 91');
    expect(() => normalizeScenario([{ kind: 'add', id: 'a', lat: 0, lon: 0, type: 'clinic', beds: -1 }])).toThrow('invalid beds for a: -1');
    expect(() => normalizeScenario([{ kind: 'outreach', id: 'm', lat: 0, lon: 0, radiusKm: -5 }])).toThrow('invalid radiusKm for m: -5');
    expect(() => normalizeScenario([{ kind: 'add', id: 'a', lat: 0, lon: 0, type: 'clinic' }, { kind: 'outreach', id: 'a', lat: 0, lon: 0, radiusKm: 1 }])).toThrow('duplicate scenario id: a');
    expect(() => normalizeScenario([{ kind: 'upgrade', facilityId: 'h1', services: [''] }])).toThrow('invalid service for h1: ');
    expect(() => normalizeScenario([{ kind: 'close' } as never])).toThrow('unknown edit kind: close');
  });
});
