import { describe, expect, it } from 'vitest';
import { tableToIPC } from 'apache-arrow';
import { Table as WasmTable, writeParquet, WriterPropertiesBuilder } from 'parquet-wasm';
import { arrowTableFromColumns } from '../data/arrowTable';
import { CONTRACT, type TableName } from '../data/contract';
import { districtFacts, fmt } from './demoFacts';
import { chooseFiles, itLoggedNoErrorAndStayedLocal, withDashboard } from './browser';

const parquet = (table: TableName, cols: Record<string, unknown[]>) =>
  Buffer.from(writeParquet(WasmTable.fromIPCStream(tableToIPC(arrowTableFromColumns(CONTRACT[table], cols), 'stream'))));
const facilitiesFile = (regions: string[]) => parquet('facilities', {
  facility_id: regions.map((_, i) => `U${i}`), name: regions.map((_, i) => `Upload ${i}`), region_id: regions,
  lat: regions.map(() => 12), lon: regions.map(() => 33), type: regions.map(() => 'clinic'), beds: regions.map(() => 5),
});

describe('an analyst loads their own Parquet files', () => {
  const w = withDashboard('', { ready: ['[data-testid="kpi-facilities"]'] });
  const kpi = (id: string) => w.page.getByTestId(`kpi-${id}`).innerText();
  const upload = async (files: { name: string; buffer: Buffer }[], mode?: 'keep-demo') => {
    // The previous report stays on the page until this load starts (it is unmounted while busy): mark it, then wait
    // for a report that is not the marked one.
    await w.page.evaluate(() => document.querySelector('[data-testid="load-report"]')?.setAttribute('data-stale', ''));
    await chooseFiles(w.page, files, mode);
    await w.page.waitForSelector('[data-testid="load-report"]:not([data-stale])', { timeout: 90_000 });
  };

  it('a valid facilities file replaces the demo facilities: the KPI and table show its values', async () => {
    // Keeping the demo's other tables is an explicit choice (without it the user's files start their own dataset).
    await upload([{ name: 'facilities_2024.parquet', buffer: facilitiesFile(['D01', 'D01', 'D02']) }], 'keep-demo');
    await expect(w.page.getByTestId('load-report').innerText()).resolves.toContain('facilities_2024.parquet: loaded as facilities (3 rows)');
    await w.page.waitForFunction(() => document.querySelector('[data-testid="kpi-facilities"]')?.textContent === '3');
    const pop = districtFacts().reduce((s, d) => s + d.population, 0);
    expect(await kpi('beds')).toBe(fmt((1e4 * 15) / pop, 1));
    await expect(w.page.getByTestId('dataset-name').innerText()).resolves.toBe('Demo Republic (synthetic) + your files');
  });

  it('a broken file is refused with file, column, rule and examples, and the data already loaded stay', async () => {
    await upload([{ name: 'facilities.parquet', buffer: facilitiesFile(['D01', 'ATLANTIS']) }]);
    const report = await w.page.getByTestId('load-report').innerText();
    expect(report).toContain('facilities.parquet: 1 problem(s); facilities not loaded, the data already loaded are unchanged');
    expect(report).toContain('column region_id, rule “key resolves”: 1 value(s) not found in regions.region_id — e.g. row 2: ATLANTIS');
    expect(await kpi('facilities')).toBe('3');
  });

  it('a file that is not Parquet is refused with its name; nothing changes', async () => {
    await upload([{ name: 'facilities.parquet', buffer: Buffer.from('this is not parquet') }]);
    await expect(w.page.getByTestId('load-report').innerText()).resolves.toMatch(/^facilities\.parquet: /);
    expect(await kpi('facilities')).toBe('3');
  });

  it('a file larger than one decoding batch (1.2M rows in two row groups) is decoded and staged batch by batch', async () => {
    const n = 1_200_000;
    const cols = {
      cell_id: Int32Array.from({ length: n }, (_, i) => i), region_id: Array.from({ length: n }, (_, i) => (i % 2 ? 'D01' : 'D02')),
      lat: new Float64Array(n).fill(12), lon: new Float64Array(n).fill(33), population: new Float64Array(n).fill(1),
    };
    const props = new WriterPropertiesBuilder().setMaxRowGroupSize(n / 2).build();
    const buffer = Buffer.from(writeParquet(WasmTable.fromIPCStream(tableToIPC(arrowTableFromColumns(CONTRACT.population, cols), 'stream')), props));
    await upload([{ name: 'population.parquet', buffer }]);
    await expect(w.page.getByTestId('load-report').innerText()).resolves.toContain('population.parquet: loaded as population (1200000 rows)');
  });

  it('replacing with a tiny country of one’s own: the synthetic label goes, the views show the new country', async () => {
    await w.page.getByTestId('mode-replace').check();
    await upload([
      { name: 'regions.parquet', buffer: parquet('regions', { region_id: ['C', 'A', 'B'], name: ['Country', 'Alpha', 'Beta'], level: [0, 2, 2], parent_id: [null, 'C', 'C'], population: [30000, 10000, 20000] }) },
      { name: 'facilities.parquet', buffer: facilitiesFile(['A', 'B']) },
    ]);
    await w.page.waitForFunction(() => document.querySelector('[data-testid="kpi-population"]')?.textContent === '30,000');
    await expect(w.page.getByTestId('dataset-name').innerText()).resolves.toBe('Your data (regions.parquet, facilities.parquet)');
    expect(await w.page.locator('.badge-synthetic').count()).toBe(0);
    await w.page.waitForFunction(() => document.querySelectorAll('[data-testid="district-table"] tbody tr').length === 2);
    await expect(w.page.getByTestId('map-panel').innerText()).resolves.toContain('No boundaries loaded');
    await expect(w.page.getByTestId('load-progress').textContent()).resolves.toContain('population: not in this dataset');
    await expect(w.page.getByTestId('load-progress').locator('summary').innerText()).resolves.toBe('2 of 2 tables loaded (5 not in this dataset)');
  });

  itLoggedNoErrorAndStayedLocal(w);
});
