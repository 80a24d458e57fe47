import { describe, expect, it } from 'vitest';
import { costDistance, type CostDistanceInput } from './travelTime';
import { handleTravelTime, type Kept } from './travelTimeProtocol';

const input = (): CostDistanceInput => ({
  width: 6, height: 5, minutesPerMetre: Float32Array.from({ length: 30 }, (_, i) => (i === 14 ? NaN : 0.01 + (i % 7) * 0.002)),
  cellSizeM: 100, sources: Int32Array.of(0),
});

describe('travel-time worker protocol', () => {
  it('a surface: the result buffers are transferred, not copied', () => {
    const { reply, transfer } = handleTravelTime(new Map(), { id: 3, type: 'surface', input: input() });
    expect(reply.ok && reply.type === 'surface').toBe(true);
    if (!reply.ok || reply.type !== 'surface') return;
    expect(reply.id).toBe(3);
    expect([...reply.minutes]).toEqual([...costDistance(input()).minutes]);
    expect(transfer).toEqual([reply.minutes.buffer, reply.nearest.buffer]);
  });

  it('a kept surface: the caller gets copies; addSource replies with the changed cells and their new values', () => {
    const kept = new Map<string, Kept>();
    const first = handleTravelTime(kept, { id: 1, type: 'surface', input: input(), keep: 'walk' }).reply;
    if (!first.ok || first.type !== 'surface') throw new Error('surface failed');
    expect(kept.get('walk')!.result.minutes).not.toBe(first.minutes);
    const { reply } = handleTravelTime(kept, { id: 2, type: 'addSource', keep: 'walk', cell: 29, index: 1 });
    if (!reply.ok || reply.type !== 'addSource') throw new Error('addSource failed');
    const full = costDistance({ ...input(), sources: Int32Array.of(0, 29) });
    expect(reply.changed.length).toBeGreaterThan(0);
    reply.changed.forEach((cell, i) => {
      expect(reply.minutes[i]).toBeCloseTo(full.minutes[cell], 6);
      expect(reply.nearest[i]).toBe(1);
      expect(first.minutes[cell]).toBeGreaterThan(reply.minutes[i]);
    });
    // Cells not listed kept their value.
    for (let c = 0; c < 30; c++) if (!reply.changed.includes(c)) expect(full.minutes[c]).toBeCloseTo(first.minutes[c], 6);
    expect(handleTravelTime(kept, { id: 4, type: 'release', keep: 'walk' }).reply.ok).toBe(true);
    expect(kept.size).toBe(0);
  });

  it('errors come back as messages naming the problem', () => {
    const bad = handleTravelTime(new Map(), { id: 5, type: 'surface', input: { ...input(), sources: Int32Array.of(99) } }).reply;
    expect(bad).toEqual({ id: 5, ok: false, error: "sources[0] is cell 99, outside the grid's 30 cells" });
    const missing = handleTravelTime(new Map(), { id: 6, type: 'addSource', keep: 'drive', cell: 1, index: 1 }).reply;
    expect(missing).toEqual({ id: 6, ok: false, error: 'no travel-time surface kept as "drive"' });
  });
});

describe('travel-time worker protocol: the analyses (issue 17)', () => {
  const surface = { width: 6, height: 5, minutesPerMetre: input().minutesPerMetre, cellSizeM: 100 };
  it('coverage, referral and catchments reply with the pure functions\' results, arrays transferred', () => {
    const population = Float64Array.from({ length: 30 }, (_, i) => i);
    const cov = handleTravelTime(new Map(), { id: 7, type: 'coverage', input: { surface, population, facilities: [{ cell: 0, capacity: 50 }], maxMinutes: 10, order: 'given' } });
    if (!cov.reply.ok || cov.reply.type !== 'coverage') throw new Error('coverage failed');
    expect(cov.reply.result.served).toBe(50);
    expect(cov.transfer).toEqual([cov.reply.result.residual.buffer]);
    const ref = handleTravelTime(new Map(), { id: 8, type: 'referral', input: { surface, hospitalCells: Int32Array.of(0), centreCells: Int32Array.of(29) } });
    if (!ref.reply.ok || ref.reply.type !== 'referral') throw new Error('referral failed');
    expect(ref.reply.result.minutes[0]).toBeCloseTo(costDistance({ ...input(), sources: Int32Array.of(0) }).minutes[29], 6);
    const fca = handleTravelTime(new Map(), { id: 9, type: 'timeCatchment', input: { surface, population, facilities: [{ cell: 0, capacity: 3 }], catchmentMinutes: 1e9, decay: { kind: 'none' } } });
    if (!fca.reply.ok || fca.reply.type !== 'timeCatchment') throw new Error('catchment failed');
    // 2SFCA with one facility reaching every cell but the water on cell 14: 3 / the people it reaches (435 - 14).
    expect(fca.reply.result.accessibility[1]).toBeCloseTo(3 / 421, 12);
    expect(fca.reply.result.accessibility[14]).toBe(0);
    const bad = handleTravelTime(new Map(), { id: 10, type: 'coverage', input: { surface, population: new Float64Array(2), facilities: [], maxMinutes: 10, order: 'given' } }).reply;
    expect(bad).toEqual({ id: 10, ok: false, error: 'population has 2 cells, the grid 30' });
  });
});
