import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import * as Plot from '@observablehq/plot';
import type { DistrictDensityRow } from '../queries/overviewSql';
import type { TrendRow } from '../queries/trendsSql';
import { parseBoundaries } from '../data/boundaries';
import { accessGradientSpec } from './accessGradientSpec';
import { accessMapSpec } from './accessMapSpec';
import { choroplethSpec } from './choroplethSpec';
import { benchmarkSpec } from './benchmarkSpec';
import { coverageBarsSpec } from './coverageBarsSpec';
import { coverageCurveSpec } from './coverageCurveSpec';
import { equiplotSpec } from './equiplotSpec';
import { measureTrendSpec } from './measureTrendSpec';
import { needScatterSpec } from './needScatterSpec';
import { countBarsSpec, partnerFacilityMarks } from './partnershipSpecs';
import { placementCurveSpec } from './placementCurveSpec';
import { planMapSpec } from './planMapSpec';
import { priorityBarsSpec } from './priorityBarsSpec';
import { MEASURE_META } from './measureMeta';
import { rankedBarsSpec } from './rankedBarsSpec';
import { subgroupBarsSpec } from './subgroupBarsSpec';
import { trendSpec } from './trendSpec';
import { districtBarsSpec } from './districtBarsSpec';
import { unservedMapSpec } from './unservedMapSpec';

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

// Three districts as 1-degree squares side by side, and their province.
const square = (x: number) => [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]];
const feature = (region_id: string, level: number, parent_id: string | null, coordinates: number[][][]) => ({ type: 'Feature', properties: { region_id, level, parent_id, name: region_id }, geometry: { type: 'Polygon', coordinates } });
const boundaries = parseBoundaries({
  type: 'FeatureCollection',
  features: [feature('P1', 1, null, [[[0, 0], [3, 0], [3, 1], [0, 1], [0, 0]]]), feature('D1', 2, 'P1', square(0)), feature('D2', 2, 'P1', square(1)), feature('D3', 2, 'P1', square(2))],
}, 'fixture.geojson');

describe('chart specs render to the same SVG', () => {
  it('rankedBarsSpec', async () => {
    const rows = [district('D1', 'Alpha', 'P1', 120_000, 300), district('D2', 'Beta', 'P1', 80_000, 500), district('D3', 'Gamma', 'P2', 50_000, 100)];
    const svg = render(rankedBarsSpec({ rows, meta: MEASURE_META.workforce, width: 640, selected: 'D2', caption: 'Synthetic data.' }));
    expect(svg).toContain('Gamma');
    await expect(svg).toMatchFileSnapshot('./__snapshots__/rankedBars.svg');
  });

  it('trendSpec', async () => {
    const rows: TrendRow[] = [2018, 2019, 2020].flatMap((year, i) => [
      { region_id: 'XX', name: 'Country', level: 0, role: 'country' as const, dimension: null, year, value: 50 + 2 * i },
      { region_id: 'P1', name: 'North', level: 1, role: 'region' as const, dimension: null, year, value: 40 + 3 * i },
      { region_id: 'P2', name: 'South', level: 1, role: 'context' as const, dimension: null, year, value: 60 - i },
    ]);
    const svg = render(trendSpec({ rows, yLabel: 'DTP3 coverage (%)', width: 640, caption: 'Synthetic data.' }));
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

  it('benchmarkSpec', async () => {
    const svg = render(benchmarkSpec({
      points: [{ name: 'Whole country', value: 20, ciLow: 18, ciHigh: 22, kind: 'national' }, { name: 'North', value: 31, ciLow: 27, ciHigh: 35, kind: 'selected' }, { name: 'South', value: 12, kind: 'other' }],
      xLabel: 'Difference (points)', none: 0, width: 640, caption: 'Synthetic data.',
    }));
    expect(svg).toContain('South');
    await expect(svg).toMatchFileSnapshot('./__snapshots__/benchmark.svg');
  });

  it('measureTrendSpec', async () => {
    const points = [2016, 2018, 2020].map((year, i) => ({ year, value: 30 - 4 * i, ciLow: 27 - 4 * i, ciHigh: 33 - 4 * i }));
    const svg = render(measureTrendSpec({ points, yLabel: 'D (points)', none: 0, selectedYear: 2018, width: 640, caption: 'Synthetic data.' }));
    expect(svg).toContain('2018');
    await expect(svg).toMatchFileSnapshot('./__snapshots__/measureTrend.svg');
  });

  it('equiplotSpec', async () => {
    const subgroups = ['Q1', 'Q2', 'Q3'];
    const points = ['2016', '2020'].flatMap((line, k) => subgroups.map((subgroup, i) => ({ line, subgroup, estimate: 40 + 15 * i + 5 * k, ciLow: 37 + 15 * i + 5 * k, ciHigh: 43 + 15 * i + 5 * k, population: 100 })));
    const svg = render(equiplotSpec({ points, lines: ['2016', '2020'], subgroups, ordered: true, xLabel: 'Coverage (%)', lineLabel: 'Year', selected: '2020', width: 640, caption: 'Synthetic data.' }));
    expect(svg).toContain('Q3');
    await expect(svg).toMatchFileSnapshot('./__snapshots__/equiplot.svg');
  });

  it('priorityBarsSpec', async () => {
    const rows = [['Alpha', 0.9, 0.7], ['Beta', 0.4, 0.8], ['Gamma', 0.2, 0.1]].map(([name, accessNeed, povertyNeed]) => ({
      name: name as string, accessNeed: accessNeed as number, povertyNeed: povertyNeed as number, priority: (accessNeed as number) + (povertyNeed as number), accessibility: 1 - (accessNeed as number), poverty: 100 * (povertyNeed as number),
    }));
    const svg = render(priorityBarsSpec({ rows, top: 2, accessUnit: 'beds per 10,000', width: 640, caption: 'Synthetic data.' }));
    expect(svg).toContain('Alpha');
    await expect(svg).toMatchFileSnapshot('./__snapshots__/priorityBars.svg');
    // No poverty figure in the dataset: the legend says the rank is access alone.
    const accessOnly = render(priorityBarsSpec({ rows: rows.map((r) => ({ ...r, povertyNeed: null, poverty: null })), top: 2, accessUnit: 'beds per 10,000', width: 640, caption: 'Synthetic data.' }));
    expect(accessOnly).toContain('Low access (poverty not in this dataset)');
  });

  it('coverageBarsSpec', async () => {
    const rows = [{ region_id: 'D1', name: 'Alpha', population: 1000, share: 0.45 }, { region_id: 'D2', name: 'Beta', population: 3000, share: 0.9 }];
    const svg = render(coverageBarsSpec({ rows, national: 0.79, what: 'within 5 km of any facility', target: { share: 0.8, label: 'Target' }, width: 640, caption: 'Synthetic data.' }));
    expect(svg).toContain('Beta');
    await expect(svg).toMatchFileSnapshot('./__snapshots__/coverageBars.svg');
  });

  it('accessGradientSpec', async () => {
    const districts = [10, 30, 50, 70].map((povertyRate, i) => ({ name: `D${i + 1}`, population: 1000 * (i + 1), povertyRate, workforcePer10k: 60 - 0.6 * povertyRate }));
    const svg = render(accessGradientSpec({ districts, mean: 35, sii: -24, threshold: { value: 44.5, label: 'WHO 44.5' }, width: 640, caption: 'Synthetic data.' }));
    expect(svg).toContain('WHO 44.5');
    await expect(svg).toMatchFileSnapshot('./__snapshots__/accessGradient.svg');
  });

  it('placementCurveSpec', async () => {
    const svg = render(placementCurveSpec({ gains: [5000, 3000, 1200, 400], yLabel: 'People newly within 5 km', width: 640, caption: 'Synthetic data.' }));
    expect(svg).toContain('People newly within 5 km');
    await expect(svg).toMatchFileSnapshot('./__snapshots__/placementCurve.svg');
  });

  it('countBarsSpec', async () => {
    const svg = render(countBarsSpec({ rows: [{ key: 'NGO', n: 12 }, { key: 'Academic', n: 5 }], what: 'type', width: 640, caption: 'Synthetic data.' }));
    expect(svg).toContain('Academic');
    await expect(svg).toMatchFileSnapshot('./__snapshots__/countBars.svg');
  });

  it('needScatterSpec', async () => {
    const rows = [district('D1', 'Alpha', 'P1', 120_000, 300), district('D2', 'Beta', 'P1', 80_000, 500), district('D3', 'Gamma', 'P2', 50_000, 100)]
      .map((r, i) => ({ ...r, need: [30, 55, 70][i], need_year: 2020 }));
    const svg = render(needScatterSpec({
      rows, meta: MEASURE_META.workforce, needLabel: 'Poverty rate (%, 2020)', needIsHigh: true, needCut: 50, accessCut: 40,
      flagged: new Set(['D3']), selected: 'D1', width: 640, caption: 'Synthetic data.',
    }));
    expect(svg).toContain('Poverty rate');
    await expect(svg).toMatchFileSnapshot('./__snapshots__/needScatter.svg');
  });

  it('choroplethSpec', async () => {
    const rows = [district('D1', 'Alpha', 'P1', 120_000, 300), district('D2', 'Beta', 'P1', 80_000, 500), district('D3', 'Gamma', 'P1', 50_000, 100)];
    const svg = render(choroplethSpec({ rows, boundaries, meta: MEASURE_META.workforce, width: 640, selected: 'D2', caption: 'Synthetic data.' }));
    expect(svg.match(/<path/g)?.length ?? 0).toBeGreaterThanOrEqual(3);
    await expect(svg).toMatchFileSnapshot('./__snapshots__/choropleth.svg');
  });

  it('partnerFacilityMarks over the gap map', async () => {
    const rows = [district('D1', 'Alpha', 'P1', 120_000, 300), district('D2', 'Beta', 'P1', 80_000, 500), district('D3', 'Gamma', 'P1', 50_000, 100)];
    const facilities = [
      { facility_id: 'F1', facility_name: 'Alpha hospital', region_id: 'D1', lat: 0.5, lon: 0.5, partnerships: 3, partners: 'A; B; C' },
      { facility_id: 'F2', facility_name: 'Gamma clinic', region_id: 'D3', lat: 0.4, lon: 2.6, partnerships: 1, partners: 'A' },
    ];
    const svg = render(choroplethSpec({ rows, boundaries, meta: MEASURE_META.workforce, width: 640, caption: 'Synthetic data.', overlay: partnerFacilityMarks(facilities) }));
    expect(svg.match(/<circle/g)).toHaveLength(2);
    await expect(svg).toMatchFileSnapshot('./__snapshots__/partnershipMap.svg');
  });

  it('accessMapSpec', async () => {
    const cells = [0, 1, 2].flatMap((i) => [0, 1].map((j) => ({ kind: 'cell' as const, lon: i + 0.25, lat: j * 0.5, deg: 0.5, population: 100 * (i + j + 1), value: i === 2 && j === 1 ? null : 2 + 3 * i + j })));
    const facilities = [{ facility_id: 'F1', name: 'Alpha hospital', type: 'hospital', lat: 0.5, lon: 0.5, beds: 40, workforce: 30 }];
    const svg = render(accessMapSpec({
      cells, facilities, boundaries, districtIds: new Set(['D1', 'D2', 'D3']), colour: 'distance', accessUnit: 'beds per 10,000', width: 640, caption: 'Synthetic data.',
    }));
    expect(svg).toContain('aria-label="dot"');
    await expect(svg).toMatchFileSnapshot('./__snapshots__/accessMap.svg');
    // A facility whose location failed a plausibility check gets a red ring, and the caption counts them.
    const ringed = accessMapSpec({
      cells, facilities, boundaries, districtIds: new Set(['D1', 'D2', 'D3']), colour: 'distance', accessUnit: 'beds per 10,000', width: 640, caption: 'Synthetic data.',
      flagged: new Set(['F1']),
    });
    expect(ringed.caption).toBe('Synthetic data. Red rings: 1 facilities whose location fails a check (outside every boundary or their district; listed in the Data view).');
    const rings = render(ringed);
    expect(rings.match(/stroke="#c51b1b"/g)).toHaveLength(1);
    expect(svg).not.toContain('#c51b1b');
  });

  it('planMapSpec', async () => {
    const svg = render(planMapSpec({
      districts: [{ region_id: 'D1', name: 'Alpha', before: 0.4, after: 0.7 }, { region_id: 'D2', name: 'Beta', before: 0.8, after: 0.8 }, { region_id: 'D3', name: 'Gamma', before: 0.1, after: null }],
      boundaries, facilities: [{ lat: 0.5, lon: 0.5 }], added: [{ lat: 0.5, lon: 2.5, label: 'New clinic' }], upgraded: [], outreach: [{ lat: 0.4, lon: 1.5, label: 'Stop', radiusKm: 10 }],
      proposed: [], selected: 'D1', thresholdKm: 5, width: 640, caption: 'Synthetic data.',
    }));
    expect(svg).toContain('New clinic');
    await expect(svg).toMatchFileSnapshot('./__snapshots__/planMap.svg');
  });

  it('districtBarsSpec (referral minutes, with the 2-hour line)', async () => {
    const rows = [{ label: 'Alpha', value: 95 }, { label: 'Beta', value: 180 }, { label: 'Gamma', value: 40 }];
    const svg = render(districtBarsSpec({ rows, measure: { kind: 'referral' }, width: 640, caption: 'Synthetic data.' }));
    expect(svg).toContain('Median minutes to the nearest hospital');
    await expect(svg).toMatchFileSnapshot('./__snapshots__/districtBarsReferral.svg');
  });

  it('districtBarsSpec (accessibility per 10,000)', async () => {
    const rows = [{ label: 'Alpha', value: 12.5 }, { label: 'Beta', value: 3.25 }];
    const svg = render(districtBarsSpec({ rows, measure: { kind: 'catchment', capacity: 'beds' }, width: 640, caption: 'Synthetic data.' }));
    expect(svg).toContain('beds per 10,000 people');
    await expect(svg).toMatchFileSnapshot('./__snapshots__/districtBarsCatchment.svg');
  });

  it('unservedMapSpec', async () => {
    const grid = { west: 0, north: 1, cellLonDeg: 0.5, cellLatDeg: 0.5, width: 6, height: 2 };
    const residual = Float64Array.of(0, 120, 0, 0, 40, 0, 300, 0, 0, 10, 0, 0);
    const svg = render(unservedMapSpec({ grid, residual, boundaries, districtIds: new Set(['D1', 'D2', 'D3']), width: 640, caption: 'Synthetic data.' }));
    expect(svg).toContain('circle');
    await expect(svg).toMatchFileSnapshot('./__snapshots__/unservedMap.svg');
  });
});
