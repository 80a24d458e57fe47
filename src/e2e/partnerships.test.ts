import { describe, expect, it } from 'vitest';
import { districtFacts, readDemoTable } from './demoFacts';
import { itLoggedNoErrorAndStayedLocal, withDashboard } from './browser';

type Partnership = { facility_id: string; partner_type: string; programme: string; start_year: number; end_year: number | null };
const partnerships = readDemoTable<Partnership>('partnerships');
const facilityRegion = new Map(readDemoTable<{ facility_id: string; region_id: string }>('facilities').map((f) => [f.facility_id, f.region_id]));
const districts = districtFacts().map((d) => ({ ...d, access: (1e4 * d.workforce) / d.population }));

/** The worst-served fifth as NTILE(5) defines it: the first ceil(48 / 5) = 10 districts by access, ties by id. */
function headline(filter: (p: Partnership) => boolean) {
  const ranked = [...districts].sort((a, b) => a.access - b.access || a.region_id.localeCompare(b.region_id));
  const under = new Set(ranked.slice(0, Math.ceil(ranked.length / 5)).map((d) => d.region_id));
  const selected = partnerships.filter(filter);
  const share = selected.filter((p) => under.has(facilityRegion.get(p.facility_id)!)).length / selected.length;
  const pop = districts.reduce((s, d) => s + d.population, 0);
  const popShare = districts.filter((d) => under.has(d.region_id)).reduce((s, d) => s + d.population, 0) / pop;
  return `${Math.round(100 * share)}% of these ${selected.length} partnerships reach the fifth of districts with the fewest health workers per 10,000, home to ${Math.round(100 * popShare)}% of the people${share < popShare ? ': partnerships are not going where the gaps are.' : '.'}`;
}

describe('Partnerships view', () => {
  const w = withDashboard('?view=partnerships', { ready: ['[data-testid="partner-map"] svg'] });

  it('says what share of partnerships reaches the worst-served fifth of districts (independent computation)', async () => {
    await expect(w.page.getByTestId('partner-headline').innerText()).resolves.toBe(headline(() => true));
    // The dots arrive with their own query, after the map is first drawn.
    await w.page.waitForFunction((n) => document.querySelectorAll('[data-testid="partner-map"] svg g[aria-label="dot"] circle').length === n,
      new Set(partnerships.map((p) => p.facility_id)).size);
  });

  it('filters by partner type and active year', async () => {
    await w.page.getByTestId('partner-type').selectOption('ngo');
    await w.page.getByTestId('partner-year').selectOption('2020');
    const expected = headline((p) => p.partner_type === 'ngo' && p.start_year <= 2020 && (p.end_year === null || p.end_year >= 2020));
    await w.page.waitForFunction((t) => document.querySelector('[data-testid="partner-headline"]')?.textContent === t, expected);
    const url = new URL(w.page.url());
    expect([url.searchParams.get('partnerships.partner'), url.searchParams.get('partnerships.year')]).toEqual(['ngo', '2020']);
  });

  itLoggedNoErrorAndStayedLocal(w);
});
