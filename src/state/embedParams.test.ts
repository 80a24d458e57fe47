import { describe, expect, it } from 'vitest';
import { dashboardSearch, embedSnippet, embedUrl, parseEmbedParams } from './embedParams';

describe('embed parameters', () => {
  it('builds the embed address from the page address, keeping the filters', () => {
    const url = embedUrl('https://ngo.example/care/index.html?province=P3&measure=beds&embed=x&lang=fr', 'overview-map', { theme: 'dark', lang: 'ar' });
    expect(url).toBe('https://ngo.example/care/index.html?embed=overview-map&view=overview&province=P3&measure=beds&theme=dark&lang=ar');
    expect(embedUrl('http://127.0.0.1:9000/?view=equity&indicator=sba', 'equity-equiplot', { theme: 'light', lang: 'en' }))
      .toBe('http://127.0.0.1:9000/?embed=equity-equiplot&view=equity&indicator=sba');
  });
  it('reads an embed request, with notices for unknown values', () => {
    expect(parseEmbedParams('?embed=overview-bars&theme=dark&lang=ar')).toEqual({ requested: true, panel: 'overview-bars', theme: 'dark', lang: 'ar', notices: [] });
    expect(parseEmbedParams('?province=P3')).toMatchObject({ requested: false, panel: null, theme: 'light', lang: 'en', notices: [] });
    expect(parseEmbedParams('?embed=toString&theme=neon&lang=xx')).toEqual({
      requested: true, panel: null, theme: 'light', lang: 'en',
      notices: ['There is no embeddable panel “toString”.', 'Unknown theme “neon” was ignored.', 'Unknown language “xx” was ignored.'],
    });
  });
  it('links to the full dashboard without the embed-only parameters, keeping the language', () => {
    expect(dashboardSearch('?embed=overview-map&view=overview&province=P3&theme=dark&lang=fr')).toBe('?view=overview&province=P3&lang=fr');
    expect(dashboardSearch('?embed=overview-map')).toBe('');
  });
  it('gives a snippet with an escaped iframe and a listener that checks the origin', () => {
    const s = embedSnippet({ url: 'https://h.example/d/?embed=overview-map&province=P3', title: 'Gap "map" <P3>' });
    expect(s).toContain('<iframe src="https://h.example/d/?embed=overview-map&amp;province=P3" title="Gap &quot;map&quot; &lt;P3&gt;" data-care-embed');
    expect(s).toContain('e.origin !== "https://h.example"');
    expect(s).toContain("d.type !== 'care-dashboard:height'");
  });
});
