/**
 * Colour and shape of each subgroup, shared by the equiplot and the subgroup bars so that one subgroup
 * looks the same everywhere. Ordered dimensions run from orange (most disadvantaged) to blue (most
 * advantaged), an order readable with the common colour-vision deficiencies; every subgroup also gets its
 * own symbol, so meaning never rests on colour alone.
 */
const DISADVANTAGED = [194, 65, 12];
const MIDDLE = [120, 120, 120];
const ADVANTAGED = [29, 78, 216];
const CATEGORICAL = ['#1b9e77', '#d95f02', '#7570b3', '#e7298a', '#66a61e', '#a6761d', '#1f78b4', '#666666', '#b15928', '#6a3d9a'];
const SYMBOLS = ['circle', 'square', 'triangle', 'diamond', 'star', 'cross', 'wye'];

const hex = (rgb: number[]) => `#${rgb.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
const mix = (a: number[], b: number[], t: number) => a.map((v, i) => v + (b[i] - v) * t);

function orderedColours(n: number): string[] {
  if (n === 1) return [hex(ADVANTAGED)];
  return Array.from({ length: n }, (_, i) => {
    const t = i / (n - 1);
    return hex(t < 0.5 ? mix(DISADVANTAGED, MIDDLE, t * 2) : mix(MIDDLE, ADVANTAGED, (t - 0.5) * 2));
  });
}

export interface SubgroupStyle {
  color: { type: 'ordinal'; domain: string[]; range: string[] };
  symbol: { domain: string[]; range: string[] };
}

/** `names` in display order (ordered dimensions: most disadvantaged first). */
export function subgroupStyle(names: readonly string[], ordered: boolean): SubgroupStyle {
  const domain = [...names];
  const range = ordered ? orderedColours(domain.length) : domain.map((_, i) => CATEGORICAL[i % CATEGORICAL.length]);
  return { color: { type: 'ordinal', domain, range }, symbol: { domain, range: domain.map((_, i) => SYMBOLS[i % SYMBOLS.length]) } };
}
