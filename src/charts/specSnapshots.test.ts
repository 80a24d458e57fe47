import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import * as Plot from '@observablehq/plot';
import type { DistrictDensityRow } from '../queries/overviewSql';
import type { TrendRow } from '../queries/trendsSql';
import { coverageCurveSpec } from './coverageCurveSpec';
import { MEASURE_META } from './measureMeta';
import { rankedBarsSpec } from './rankedBarsSpec';
import { subgroupBarsSpec } from './subgroupBarsSpec';
import { trendSpec } from './trendSpec';

// Each spec builder drawn by Plot in Node on a DOM implementation (as Plot's own tests do: `{...options, document}`),
// on small fixed rows; the SVG is compared with the file under __snapshots__/ (`vitest -u` rewrites it on purpose).
const { document } = new JSDOM('<!doctype html><html><body></body></html>').window;

function render(options: Plot.PlotOptions): string {
  const node = Plot.plot({ ...options, document } as Plot.PlotOptions & { document: Document });
  // One element per line, so that a change shows as a readable diff.
  return `${node.outerHTML.replace(/></g, '>\n<')}\n`;
}

const district = (id: string, name: string, province: string, population: number, workforce: number): DistrictDensityRow => ({
  region_id: id, name, name_ar: null, province_id: province, province: `Province ${province}`, population,
  facilities: 4, beds: 60, doctors: workforce / 4, nurses: workforce / 2, midwives: workforce / 4, workforce,
  facilities_per_10k: (4 * 1e4) / population, beds_per_10k: (60 * 1e4) / population, doctors_per_10k: (workforce / 4) * 1e4 / population,
  workforce_per_10k: (workforce * 1e4) / population,
} as DistrictDensityRow);

describe('chart specs render to the same SVG', () => {
  it('rankedBarsSpec', async () => {
    const rows = [district('D1', 'Alpha', 'P1', 120_000, 300), district('D2', 'Beta', 'P1', 80_000, 500), district('D3', 'Gamma', 'P2', 50_000, 100)];
    const svg = render(rankedBarsSpec({ rows, meta: MEASURE_META.workforce, width: 640, selected: 'D2', caption: 'Synthetic data.' }));
    expect(svg).toContain('Gamma');
    await expect(svg).toMatchFileSnapshot('./__snapshots__/rankedBars.svg');
  });

  it('trendSpec', async () => {
    const rows: TrendRow[] = [2018, 2019, 2020].flatMap((year, i) => [
      { region_id: 'XX', name: 'Country', level: 0, role: 'country' as const, year, value: 50 + 2 * i },
      { region_id: 'P1', name: 'North', level: 1, role: 'region' as const, year, value: 40 + 3 * i },
      { region_id: 'P2', name: 'South', level: 1, role: 'context' as const, year, value: 60 - i },
    ]);
    const svg = render(trendSpec(rows, 'DTP3 coverage (%)', 640, 'Synthetic data.'));
    expect(svg).toContain('North');
    await expect(svg).toMatchFileSnapshot('./__snapshots__/trend.svg');
  });

  it('coverageCurveSpec', async () => {
    const points = [0, 1, 2, 3, 4, 5].map((x) => ({ x, share: 1 - 0.8 ** (x + 1) }));
    const svg = render(coverageCurveSpec({ points, selected: points[2], xLabel: 'Distance (km)', target: { share: 0.8, label: 'Target' }, width: 640, caption: 'Synthetic data.' }));
    expect(svg).toContain('Target');
    await expect(svg).toMatchFileSnapshot('./__snapshots__/coverageCurve.svg');
  });

  it('subgroupBarsSpec', async () => {
    const bars = ['Q1', 'Q2', 'Q3', 'Q4', 'Q5'].map((subgroup, i) => ({ subgroup, estimate: 40 + 12 * i, ciLow: 36 + 12 * i, ciHigh: 44 + 12 * i, population: 1000 }));
    const svg = render(subgroupBarsSpec({ bars, ordered: true, xLabel: 'Skilled birth attendance (%)', average: 64, max: 100, width: 640, caption: 'Synthetic data.' }));
    expect(svg).toContain('Q5');
    await expect(svg).toMatchFileSnapshot('./__snapshots__/subgroupBars.svg');
  });
});
