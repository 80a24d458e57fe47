import * as Plot from '@observablehq/plot';

export interface GradientDistrict {
  name: string;
  population: number;
  povertyRate: number;
  workforcePer10k: number;
}

export interface AccessGradientInput {
  /** Districts ranked from the poorest (first) to the least poor. */
  districts: readonly GradientDistrict[];
  /** Population-weighted mean and slope index (linear, per 10,000) for the fitted line. */
  mean: number;
  sii: number | null;
  /** A reference density, e.g. WHO's 44.5 health workers per 10,000. */
  threshold?: { value: number; label: string };
  width: number;
  caption: string;
}

/**
 * Inequality of access: each district a bar as wide as its population share, placed from the poorest
 * (left) to the least poor (right), as tall as its health workforce per 10,000. The fitted slope-index
 * line (population-weighted least squares on ridit scores) passes through the population mean at the middle rank (ridit 0.5), so y = mean + SII (x - 0.5).
 */
export function accessGradientSpec(p: AccessGradientInput): Plot.PlotOptions {
  const total = p.districts.reduce((s, d) => s + d.population, 0);
  let before = 0;
  const bars = p.districts.map((d) => {
    const x1 = (100 * before) / total;
    before += d.population;
    return { ...d, x1, x2: (100 * before) / total };
  });
  // Drawn only across the ranks that have districts (first to last district's mid-point): the SII itself is
  // the fitted difference between rank 0 and rank 1, which the text reports.
  const ends = bars.length ? [(bars[0].x1 + bars[0].x2) / 2, (bars[bars.length - 1].x1 + bars[bars.length - 1].x2) / 2] : [];
  const line = p.sii === null ? [] : ends.map((x) => ({ x, y: p.mean + p.sii! * (x / 100 - 0.5) }));
  return {
    width: p.width,
    height: 300,
    marginLeft: 50,
    marginRight: 20,
    marginBottom: 44,
    caption: p.caption,
    ariaLabel: 'Bar chart: health workers per 10,000 people in each district, districts ordered from poorest to least poor',
    x: { label: 'Population, from the poorest district (left) to the least poor (right), cumulative %', domain: [0, 100] },
    y: { label: 'Health workers per 10,000', grid: true, nice: true },
    color: { domain: ['District (width = population)', 'Slope index (fitted line)'], range: ['#7fa7c9', '#c2410c'], legend: true },
    marks: [
      Plot.rectY(bars, {
        x1: 'x1', x2: 'x2', y: 'workforcePer10k', fill: () => 'District (width = population)', stroke: 'white', strokeWidth: 0.5, ariaHidden: 'true',
        channels: { District: 'name', 'Poverty rate (%)': 'povertyRate', 'Health workers / 10k': 'workforcePer10k',
          Population: (d: GradientDistrict) => Math.round(d.population).toLocaleString('en') },
        tip: { format: { x1: false, x2: false, y: false, fill: false, 'Health workers / 10k': (v: number) => v.toFixed(1), 'Poverty rate (%)': (v: number) => v.toFixed(1) } },
      }),
      Plot.line(line, { x: 'x', y: 'y', stroke: () => 'Slope index (fitted line)', strokeWidth: 2.5, ariaHidden: 'true' }),
      ...(p.threshold ? [
        Plot.ruleY([p.threshold.value], { stroke: '#1d2733', strokeDasharray: '4,3', ariaHidden: 'true' }),
        Plot.text([p.threshold.value], { y: (d: number) => d, frameAnchor: 'right', dy: -7, textAnchor: 'end', text: () => p.threshold!.label, fontSize: 10, ariaHidden: 'true' }),
      ] : []),
      Plot.ruleY([0]),
    ],
  };
}
