import { describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import * as parquet from 'parquet-wasm';
import { decodeParquet, ipcBatches, openParquet, planBatches, readFooterFacts } from './decodeParquet';
import { damagedLastGroup, populationInGroups } from './rowGroupFixtures';

describe('planBatches', () => {
  const groups = (...rows: number[]) => rows.map((r) => ({ rows: r, bytes: r * 10 }));

  it('puts consecutive row groups together up to the row and byte limits', () => {
    expect(planBatches(groups(4, 4, 4, 4, 4), { rows: 8, bytes: 1000 })).toEqual([[0, 1], [2, 3], [4]]);
    expect(planBatches(groups(4, 4, 4, 4, 4), { rows: 100, bytes: 120 })).toEqual([[0, 1, 2], [3, 4]]);
  });

  it('gives a group larger than the limits a batch of its own', () => {
    expect(planBatches(groups(2, 50, 2, 2), { rows: 10, bytes: 1000 })).toEqual([[0], [1], [2, 3]]);
  });

  it('reads the whole file at once ([[]]) when it has at most one group or everything fits', () => {
    expect(planBatches([], { rows: 10, bytes: 10 })).toEqual([[]]);
    expect(planBatches(groups(50), { rows: 10, bytes: 10 })).toEqual([[]]);
    expect(planBatches(groups(1, 2, 3), { rows: 10, bytes: 1000 })).toEqual([[]]);
  });
});

describe('openParquet', () => {
  const file = populationInGroups();

  it('reads each row group from the footer', () => {
    const facts = readFooterFacts(file)!;
    expect(facts.rowGroups.map((g) => g.rows)).toEqual(Array(10).fill(10_000));
    expect(facts.rowGroups.reduce((s, g) => s + g.bytes, 0)).toBe(facts.declaredBytes);
  });

  it('decodes a multi-row-group file in batches whose rows, in order, are the one-shot decode', async () => {
    const opened = await openParquet(file, parquet, undefined, { rows: 25_000, bytes: Infinity });
    if (!opened.ok) throw new Error(opened.message);
    expect(opened.plan).toEqual([[0, 1], [2, 3], [4, 5], [6, 7], [8, 9]]);
    const batches = [...ipcBatches(opened)].map((ipc) => tableFromIPC(ipc));
    expect(batches.map((t) => t.numRows)).toEqual(Array(5).fill(20_000));
    const whole = await decodeParquet(file, parquet);
    if (!whole.ok) throw new Error(whole.message);
    const all = tableFromIPC(whole.ipc);
    const ids = batches.flatMap((t) => [...t.getChild('cell_id')!]);
    expect(ids).toEqual([...all.getChild('cell_id')!]);
    expect(batches[4].get(19_999)!.toJSON()).toEqual(all.get(99_999)!.toJSON());
  });

  it('drops columns outside the list from every batch', async () => {
    const opened = await openParquet(file, parquet, ['cell_id', 'population'], { rows: 50_000, bytes: Infinity });
    if (!opened.ok) throw new Error(opened.message);
    for (const ipc of ipcBatches(opened)) expect(tableFromIPC(ipc).schema.fields.map((f) => f.name)).toEqual(['cell_id', 'population']);
  });

  it('throws a DecodeError naming the problem when a later batch is damaged', async () => {
    const opened = await openParquet(damagedLastGroup(file), parquet, undefined, { rows: 10_000, bytes: Infinity });
    if (!opened.ok) throw new Error(opened.message);
    const read: number[] = [];
    const run = () => { for (const ipc of ipcBatches(opened)) read.push(tableFromIPC(ipc).numRows); };
    expect(run).toThrow(/damaged|decoder failed/);
    expect(read.length).toBeGreaterThan(0);
  });
});
