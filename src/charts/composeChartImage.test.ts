import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as Plot from '@observablehq/plot';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { composeChartImage, estimateTextWidth, IMAGE_FONT_STACK, wrapText } from './composeChartImage';
import { coverageBarsSpec } from './coverageBarsSpec';
import { choroplethSpec } from './choroplethSpec';
import { IMAGE_FONT_FILES, type ImageFont } from './imageFonts';
import { translate } from '../i18n/translate';

const { window } = new JSDOM('<!doctype html><html><body></body></html>');
const document = window.document;
const render = (options: Plot.PlotOptions) => Plot.plot({ ...options, document }) as unknown as Element;
// The same WOFF2 files the browser imports, read from node_modules.
const require = createRequire(import.meta.url);
const fonts: ImageFont[] = IMAGE_FONT_FILES.map(({ family, weight, file }) => ({
  family, weight, dataUrl: `data:font/woff2;base64,${readFileSync(require.resolve(file)).toString('base64')}`,
}));
const faces = (svg: string) => [...svg.matchAll(/@font-face\{font-family:'([^']+)';font-style:normal;font-weight:(\d+);src:url\(data:font\/woff2;base64,([A-Za-z0-9+/=]+)\)/g)]
  .map((m) => ({ face: `${m[1]} ${m[2]}`, bytes: Buffer.from(m[3], 'base64') }));
const parse = (svg: string) => new window.DOMParser().parseFromString(svg, 'image/svg+xml');

const rows = [
  { region_id: 'D01', name: 'Alpha', population: 1000, share: 0.4 },
  { region_id: 'D02', name: 'Beta', population: 2000, share: 0.9 },
];
const english = coverageBarsSpec({ rows, national: 0.7, what: 'within 5 km', width: 500, caption: 'Source: synthetic demonstration data (not a real country).' });
const arabic = coverageBarsSpec({
  rows: rows.map((r) => ({ ...r, name: r.name === 'Alpha' ? 'الألف' : 'الباء' })), national: 0.7, what: 'ضمن 5 كم', width: 500,
  caption: 'المصدر: بيانات اصطناعية', loc: { locale: 'ar-u-nu-arab', rtl: true }, t: (key, params) => translate('ar', key, params),
});

describe('composeChartImage: a chart panel as one standalone SVG', () => {
  it('carries title, subtitle, the chart, its legend as SVG text, the source line and the notes, in reading order', () => {
    const { svg, width, height } = composeChartImage([render(english)], {
      title: 'Share of people within 5 km', subtitle: 'Districts, lowest first', notes: ['Synthetic data — not a real country', 'Demo Republic · 6 December 2026'], dir: 'ltr', lang: 'en', fonts,
    });
    const doc = parse(svg);
    expect(doc.querySelector('parsererror')).toBeNull();
    const root = doc.documentElement;
    expect(root.localName).toBe('svg');
    expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(root.getAttribute('font-family')).toBe(IMAGE_FONT_STACK);
    expect(IMAGE_FONT_STACK.startsWith("'Noto Sans', 'Noto Sans Arabic', ")).toBe(true);
    // English text: the Latin faces only, whole WOFF2 files (wOF2 signature), in one <style> right after <title>.
    expect(faces(svg).map((f) => f.face)).toEqual(['Noto Sans 400', 'Noto Sans 700']);
    for (const f of faces(svg)) expect(f.bytes.subarray(0, 4).toString('latin1')).toBe('wOF2');
    expect(faces(svg)[0].bytes.length).toBe(readFileSync(require.resolve(IMAGE_FONT_FILES[0].file)).length);
    expect(root.children[1].localName).toBe('style');
    expect([Number(root.getAttribute('width')), Number(root.getAttribute('height'))]).toEqual([width, height]);
    expect(width).toBe(500 + 32);
    const role = (r: string) => [...doc.querySelectorAll(`[data-role="${r}"]`)];
    expect(role('title').map((t) => t.textContent)).toEqual(['Share of people within 5 km']);
    expect(role('subtitle').map((t) => t.textContent)).toEqual(['Districts, lowest first']);
    // The HTML swatch legend became SVG: two swatches (rect fills) and their labels.
    const legend = role('legend')[0];
    expect([...legend.querySelectorAll('text')].map((t) => t.textContent)).toEqual(['Below national share', 'At or above']);
    expect([...legend.querySelectorAll('svg')].map((s) => s.getAttribute('fill'))).toEqual(['#d95f02', '#1b9e77']);
    expect(role('source').map((t) => t.textContent).join(' ')).toBe('Source: synthetic demonstration data (not a real country).');
    expect(role('note').map((t) => t.textContent)).toEqual(['Synthetic data — not a real country', 'Demo Republic · 6 December 2026']);
    // The chart itself: Plot's svg nested whole (its bars, axis labels and its own <style>), below the legend.
    const chart = [...root.children].find((c) => c.localName === 'svg' && c.querySelector('g[aria-label="bar"]'))!;
    expect(chart.querySelectorAll('g[aria-label="bar"] rect')).toHaveLength(2);
    expect(chart.querySelector('style')).not.toBeNull();
    // In the image, Plot's own font-family (attribute on its svg, and in any style it writes) does not put system-ui first.
    const live = [...render(english).querySelectorAll('svg')].find((e) => e.querySelector('g[aria-label="bar"]'))!;
    expect(live.getAttribute('font-family')).toBe('system-ui, sans-serif');
    expect(chart.getAttribute('font-family')).toBe(IMAGE_FONT_STACK);
    for (const e of doc.querySelectorAll('[font-family]')) expect(e.getAttribute('font-family')).not.toMatch(/^system-ui/);
    for (const st of doc.querySelectorAll('style')) expect(st.textContent).not.toMatch(/font-family:\s*system-ui/);
    expect(Number(chart.getAttribute('y'))).toBeGreaterThan(Number(legend.querySelector('text')!.getAttribute('y')));
    const y = (e: Element) => Number(e.getAttribute('y'));
    expect(y(role('source')[0])).toBeGreaterThan(y(chart) + Number(chart.getAttribute('height')) - 1);
    expect(y(role('note')[1])).toBeLessThan(height);
  });

  it('Arabic: texts anchored at the right margin with direction rtl; the chart keeps its own (mirrored) layout', () => {
    const { svg, width } = composeChartImage([render(arabic)], { title: 'نسبة السكان ضمن 5 كم', notes: ['بيانات اصطناعية'], dir: 'rtl', lang: 'ar', fonts });
    const doc = parse(svg);
    // Arabic text: both families, regular and bold.
    expect(faces(svg).map((f) => f.face)).toEqual(['Noto Sans 400', 'Noto Sans 700', 'Noto Sans Arabic 400', 'Noto Sans Arabic 700']);
    expect(doc.documentElement.getAttribute('font-family')).toBe(IMAGE_FONT_STACK);
    expect(doc.documentElement.getAttribute('lang')).toBe('ar');
    const title = doc.querySelector('[data-role="title"]')!;
    expect(title.getAttribute('direction')).toBe('rtl');
    expect(title.getAttribute('text-anchor')).toBe('start');
    expect(Number(title.getAttribute('x'))).toBe(width - 16);
    const labels = [...doc.querySelectorAll('[data-role="legend"] text')];
    expect(labels.map((t) => t.textContent)).toEqual(['دون النسبة الوطنية', 'عندها أو أعلى']);
    // First swatch at the right edge, the next one to its left.
    const xs = [...doc.querySelectorAll('[data-role="legend"] svg')].map((s) => Number(s.getAttribute('x')));
    expect(xs[0]).toBe(width - 16 - 15);
    expect(xs[1]).toBeLessThan(xs[0]);
    expect(doc.querySelector('[data-role="source"]')!.textContent).toBe('المصدر: بيانات اصطناعية');
    const chart = doc.querySelector('svg > svg[direction="ltr"]')!;
    expect(chart.getAttribute('direction')).toBe('ltr');
  });

  it('a ramp legend (threshold scale) is kept as its own SVG, labelled; a tip being shown and a brush are dropped', () => {
    const fig = render({
      width: 400, caption: 'Source: test', color: { type: 'threshold', domain: [1, 2], scheme: 'YlGnBu', legend: true, label: 'km' },
      marks: [Plot.dot([{ x: 1, y: 1 }], { x: 'x', y: 'y', fill: 'x' })],
    });
    const main = [...fig.querySelectorAll('svg')].pop()!;
    main.append(Object.assign(document.createElementNS('http://www.w3.org/2000/svg', 'g'), {}));
    main.lastElementChild!.setAttribute('aria-label', 'tip');
    main.lastElementChild!.textContent = 'hovered';
    const { svg } = composeChartImage([fig], { title: 'T', notes: [], dir: 'ltr', lang: 'en' });
    const doc = parse(svg);
    const ramp = doc.querySelector('svg[data-role="legend"]')!;
    expect(ramp.textContent).toContain('km');
    expect(ramp.getAttribute('font-family')).toBe(IMAGE_FONT_STACK);
    // Without fonts given, nothing is embedded.
    expect(svg).not.toContain('@font-face');
    expect(svg).not.toContain('hovered');
    // The live figure is untouched.
    expect(main.querySelector('g[aria-label="tip"]')).not.toBeNull();
  });

  it('two charts of one panel stack, and a map (choropleth) composes with its legend', () => {
    const boundaries = [{ type: 'Feature', properties: { region_id: 'D01', level: 2 }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] } }];
    const map = choroplethSpec({
      rows: [{ region_id: 'D01', name: 'Alpha', province: 'P', province_id: 'P1', population: 1, facilities_per_10k: 2 }] as never,
      boundaries: boundaries as never, meta: { column: 'facilities_per_10k', label: 'Facilities per 10,000', short: 'Facilities', digits: 1 } as never,
      width: 300, caption: 'Source: map',
    });
    const { svg, height } = composeChartImage([render(map), render(english)], { title: 'Two', notes: [], dir: 'ltr', lang: 'en' });
    const doc = parse(svg);
    expect([...doc.querySelectorAll('[data-role="source"]')].map((t) => t.textContent)).toEqual(['Source: map', 'Source: synthetic demonstration data (not a real country).']);
    expect(height).toBeGreaterThan(Number(render(english).querySelector('svg:last-of-type')!.getAttribute('height')));
  });

  it('wraps long lines by words on the estimated width, and refuses an empty panel', () => {
    expect(estimateTextWidth('abcd', 10)).toBeCloseTo(22);
    expect(wrapText('one two three four five six', 60, 10)).toEqual(['one two', 'three four', 'five six']);
    expect(wrapText('unbreakable-word-longer-than-the-line', 30, 10)).toEqual(['unbreakable-word-longer-than-the-line']);
    expect(() => composeChartImage([], { title: 'x', notes: [], dir: 'ltr', lang: 'en' })).toThrow(/no chart/);
  });
});
