import { describe, expect, it } from 'vitest';
import { districtFacts, readDemoTable } from './demoFacts';
import { itLoggedNoErrorAndStayedLocal, withDashboard } from './browser';

const poverty = new Map(readDemoTable<{ indicator_id: string; region_id: string; year: number; value: number }>('socioeconomic')
  .filter((s) => s.indicator_id === 'poverty_rate' && s.year === 2024).map((s) => [s.region_id, s.value]));
const districts = districtFacts().map((d) => ({ ...d, need: poverty.get(d.region_id)!, access: (1e4 * d.workforce) / d.population }));

// Independent computations: least squares and medians written out again here.
function fit(pts: { need: number; access: number }[]) {
  const n = pts.length, mx = pts.reduce((s, p) => s + p.need, 0) / n, my = pts.reduce((s, p) => s + p.access, 0) / n;
  const sxy = pts.reduce((s, p) => s + (p.need - mx) * (p.access - my), 0);
  const sxx = pts.reduce((s, p) => s + (p.need - mx) ** 2, 0), syy = pts.reduce((s, p) => s + (p.access - my) ** 2, 0);
  return { slope: sxy / sxx, r: sxy / Math.sqrt(sxx * syy) };
}
const med = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };

describe('Need vs access view', () => {
  const w = withDashboard('?view=need', { ready: ['[data-testid="need-scatter"] svg'] });

  it('states the relation between poverty and health workers, as computed independently', async () => {
    const f = fit(districts);
    const text = await w.page.getByTestId('need-headline').innerText();
    expect(text).toBe(`Districts in greater need are worse served: each 10 points more population below the national poverty line goes with ${Math.abs(f.slope * 10).toFixed(1)} fewer health workers per 10,000 (r = ${f.r.toFixed(2)}).`);
  });

  it('names the high-need, low-access districts: above the median poverty and below the median workforce', async () => {
    const needCut = med(districts.map((d) => d.need)), accessCut = med(districts.map((d) => d.access));
    const flagged = districts.filter((d) => d.need > needCut && d.access < accessCut).sort((a, b) => a.access - b.access);
    const text = await w.page.getByTestId('need-flagged').innerText();
    expect(text).toContain(`(${flagged.length} districts, ${flagged.reduce((s, d) => s + d.population, 0).toLocaleString('en')} people)`);
    expect(text).toContain(flagged.map((d) => d.name).join(', '));
  });

  it('brushing the scatter filters the table to the districts inside the rectangle', async () => {
    const box = (await w.page.locator('[data-testid="need-scatter"] svg').first().boundingBox())!;
    const from = { x: box.x + box.width * 0.45, y: box.y + box.height * 0.55 };
    const to = { x: box.x + box.width * 0.95, y: box.y + box.height * 0.95 };
    await w.page.mouse.move(from.x, from.y);
    await w.page.mouse.down();
    await w.page.mouse.move(to.x, to.y, { steps: 5 });
    await w.page.mouse.up();
    await w.page.getByTestId('clear-brush').waitFor();
    // The data extent of the rectangle, through the chart's own scales.
    const extent = await w.page.evaluate(({ from, to }) => {
      const svg = document.querySelector('[data-testid="need-scatter"] svg')!;
      const plot = document.querySelector('[data-testid="need-scatter"] > *') as unknown as { scale: (n: string) => { invert: (v: number) => number } };
      const r = svg.getBoundingClientRect();
      const xs = [from.x, to.x].map((x) => plot.scale('x').invert(x - r.left)).sort((a, b) => a - b);
      const ys = [from.y, to.y].map((y) => plot.scale('y').invert(y - r.top)).sort((a, b) => a - b);
      return { xs, ys };
    }, { from, to });
    const inside = districts.filter((d) => d.need >= extent.xs[0] && d.need <= extent.xs[1] && d.access >= extent.ys[0] && d.access <= extent.ys[1]);
    const shown = await w.page.$$eval('[data-testid="need-table"] tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-region')));
    expect(shown.sort()).toEqual(inside.map((d) => d.region_id).sort());
    expect(inside.length).toBeGreaterThan(0);
    expect(inside.length).toBeLessThan(48);
    await w.page.getByTestId('clear-brush').click();
    await expect(w.page.locator('[data-testid="need-table"] tbody tr').count()).resolves.toBe(48);
  });

  it('selecting a district in the table selects it everywhere, with one visible clear-selection', async () => {
    await w.page.locator('[data-testid="need-table"] tbody tr').first().click();
    await w.page.getByTestId('selection-bar').waitFor();
    const id = new URL(w.page.url()).searchParams.get('district');
    expect(id).toBe(districts.sort((a, b) => a.access - b.access)[0].region_id);
    await w.page.getByTestId('tab-overview').click();
    await w.page.waitForSelector(`[data-testid="district-table"] tr[data-region="${id}"][aria-selected="true"]`);
    await w.page.getByTestId('clear-selection').click();
    await expect(w.page.getByTestId('selection-bar').count()).resolves.toBe(0);
  });

  itLoggedNoErrorAndStayedLocal(w);
});
