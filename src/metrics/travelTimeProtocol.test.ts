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
