import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, inject, it } from 'vitest';
import { ar } from '../i18n/ar';
import { en } from '../i18n/en';
import { download, itLoggedNoErrorAndStayedLocal, openDetails, withDashboard } from './browser';

/** Width and height of a PNG, from its IHDR chunk (bytes 16-23, big-endian). */
const pngSize = (b: Buffer) => ({ width: b.readUInt32BE(16), height: b.readUInt32BE(20) });
const svgSize = (svg: string) => {
  const m = /<svg[^>]*\swidth="(\d+)"[^>]*\sheight="(\d+)"/.exec(svg);
  return { width: Number(m?.[1]), height: Number(m?.[2]) };
};
const unescape = (s: string) => s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"');
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => unescape(m[1]));
/** The lines of one composed text (a wrapped title), joined again. */
const roleText = (svg: string, role: string) => [...svg.matchAll(new RegExp(`<text[^>]*data-role="${role}"[^>]*>([^<]*)</text>`, 'g'))].map((m) => unescape(m[1])).join(' ');

const LANGS = [{ lang: 'en', messages: en }, { lang: 'ar', messages: ar }] as const;
const PANELS = ['overview-map', 'overview-bars'] as const;

describe.each(LANGS)('chart images from the Download menu ($lang)', ({ lang, messages }) => {
  const w = withDashboard(`?lang=${lang}`, { ready: ['[data-testid="choropleth"] svg', '[data-testid="ranked-bars"] svg'] });

  it.each(PANELS)('%s: the SVG shows title, legend, source, synthetic note and dataset; the PNG is the same at 2x', async (id) => {
    const panel = w.page.locator(`[data-panel-id="${id}"]`);
    const title = await panel.locator('h2').innerText();
    const caption = await panel.locator('figcaption').innerText();
    // Legend words as the page shows them: swatch labels, or the ramp legend's label.
    const legendWords = await panel.evaluate((p) => [
      ...[...p.querySelectorAll('[class*="-swatch"] > svg')].map((s) => s.parentElement!.textContent!.trim()),
      ...[...p.querySelectorAll('svg[class*="-ramp"] text[font-weight="bold"]')].map((t) => t.textContent!.trim()),
    ]);
    expect(legendWords.length).toBeGreaterThan(0);
    const menu = panel.getByTestId(`image-${id}`);
    await expect(menu.locator('summary').innerText()).resolves.toBe(messages['image.summary']);

    const svgFile = await download(menu, 'button[data-image="svg"]');
    expect(svgFile.name).toBe(`${id}.svg`);
    const svg = svgFile.bytes.toString('utf8');
    const words = texts(svg);
    expect(roleText(svg, 'title')).toBe(title);
    for (const l of legendWords) expect(words).toContain(l);
    expect(roleText(svg, 'source')).toBe(caption.replace(/\s+/g, ' ').trim());
    expect(words).toContain(messages['app.synthetic']);
    expect(words.some((t) => t.includes('Demo Republic'))).toBe(true);
    if (lang === 'ar') expect(svg).toMatch(/<text[^>]*direction="rtl"[^>]*data-role="title"/);
    // Embedded fonts: Noto Sans always, Noto Sans Arabic when the image has Arabic text; both weights, WOFF2 data.
    const faces = [...svg.matchAll(/@font-face\{font-family:'([^']+)';font-style:normal;font-weight:(\d+);src:url\(data:font\/woff2;base64,/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(faces).toEqual(lang === 'ar' ? ['Noto Sans 400', 'Noto Sans 700', 'Noto Sans Arabic 400', 'Noto Sans Arabic 700'] : ['Noto Sans 400', 'Noto Sans 700']);
    expect(svg).toMatch(/<svg[^>]*font-family="'Noto Sans', 'Noto Sans Arabic', system-ui/);

    const pngFile = await download(menu, 'button[data-image="png"]');
    expect(pngFile.name).toBe(`${id}.png`);
    expect(pngFile.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    const s = svgSize(svg);
    expect(s.width).toBeGreaterThan(300);
    expect(pngSize(pngFile.bytes)).toEqual({ width: 2 * s.width, height: 2 * s.height });
    // Kept for a person to look at (the README says where).
    writeFileSync(path.join(tmpdir(), `care-image-${lang}-${id}.png`), pngFile.bytes);
    writeFileSync(path.join(tmpdir(), `care-image-${lang}-${id}.svg`), svg);
    await expect(menu.locator('.image-status').innerText()).resolves.toBe(messages['image.saved'].replace('{file}', `${id}.png`));
  });

  it('the PNG is drawn with the embedded faces, which the image loads itself (not through the page)', async () => {
    const menu = w.page.getByTestId('image-overview-bars');
    const svg = (await download(menu, 'button[data-image="svg"]')).bytes.toString('utf8');
    const png = (await download(menu, 'button[data-image="png"]')).bytes;
    // Same faces under names no system has (so a locally installed Noto cannot stand in), and the same without them.
    const renamed = svg.replace(/'Noto Sans Arabic'/g, "'Probe Arabic'").replace(/'Noto Sans'/g, "'Probe Latin'");
    const unembedded = renamed.replace(/@font-face\{[^}]*\}/g, '');
    expect(unembedded.length).toBeLessThan(renamed.length);
    const result = await w.page.evaluate(async ({ svgs, png, size }) => {
      const draw = async (src: string, scale: number) => {
        const img = new Image();
        img.src = src;
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = size.width * 2;
        canvas.height = size.height * 2;
        const ctx = canvas.getContext('2d')!;
        ctx.scale(scale, scale);
        ctx.drawImage(img, 0, 0, canvas.width / scale, canvas.height / scale);
        return ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      };
      const svgUrl = (s: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(s)}`;
      const app = await draw(`data:image/png;base64,${png}`, 1);
      const [embedded, fallback] = [await draw(svgUrl(svgs[0]), 2), await draw(svgUrl(svgs[1]), 2)];
      const differing = (a: Uint8ClampedArray, b: Uint8ClampedArray) => {
        let n = 0;
        for (let i = 0; i < a.length; i += 4) if (a[i] !== b[i] || a[i + 1] !== b[i + 1] || a[i + 2] !== b[i + 2]) n++;
        return n;
      };
      return {
        pixels: app.length / 4, vsEmbedded: differing(app, embedded), vsFallback: differing(app, fallback),
        pageFonts: [...document.fonts].map((f) => f.family),
      };
    }, { svgs: [renamed, unembedded], png: png.toString('base64'), size: svgSize(svg) });
    // The app's PNG matches the image drawn with the embedded data (a handful of pixels at most), and differs clearly
    // from the one drawn with the system's fallback fonts: the fonts were in before the canvas was drawn.
    expect(result.vsEmbedded).toBeLessThan(result.pixels * 0.001);
    expect(result.vsFallback).toBeGreaterThan(result.pixels * 0.005);
    // The page itself loads no web font (the CSP has no font-src): the SVG image document loads its own data: fonts.
    expect(result.pageFonts.filter((f) => /Noto|Probe/.test(f))).toEqual([]);
    console.log(`chart image fonts (${lang}): ${svg.length} bytes of SVG; PNG pixels differing from the embedded-font drawing ${result.vsEmbedded}, from the fallback ${result.vsFallback} of ${result.pixels}`);
  });

  it('Copy image puts the same PNG (2x) on the clipboard', async () => {
    await w.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(inject('baseUrl')).origin });
    const menu = w.page.getByTestId('image-overview-bars');
    if (!(await menu.evaluate((d) => (d as HTMLDetailsElement).open))) await menu.locator('summary').click();
    // The clipboard takes writes from a focused document only.
    await w.page.bringToFront();
    await menu.locator('button[data-image="copy"]').click();
    await expect.poll(() => menu.locator('.image-status').innerText(), { timeout: 20_000 }).toBe(messages['image.copied']);
    const pasted = await w.page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      const bitmap = await createImageBitmap(await item.getType('image/png'));
      return { types: item.types, width: bitmap.width, height: bitmap.height };
    });
    const svg = await download(menu, 'button[data-image="svg"]');
    const s = svgSize(svg.bytes.toString('utf8'));
    expect(pasted).toEqual({ types: ['image/png'], width: 2 * s.width, height: 2 * s.height });
  });

  itLoggedNoErrorAndStayedLocal(w);
});

describe('a panel with data and a chart: one Download menu with both, and the ZIP bundle holds chart.svg', () => {
  const w = withDashboard('?view=trends&province=P7&indicator=dtp3', { ready: ['[data-testid="trend-chart"] svg'] });

  it('ZIP: data, metadata, README and the chart as SVG with its title', async () => {
    const menu = w.page.getByTestId('export-trend');
    await openDetails(menu);
    await menu.locator('button[data-image="svg"]').waitFor();
    const title = await w.page.locator('section.panel', { has: menu }).locator('h2').innerText();
    const files = unzipSync(new Uint8Array((await download(menu, 'button[data-format="zip"]')).bytes));
    expect(Object.keys(files).sort()).toEqual(['README.txt', 'chart.svg', 'data.csv', 'data.parquet', 'metadata.json']);
    const svg = strFromU8(files['chart.svg']);
    expect(roleText(svg, 'title')).toBe(title);
    expect(svg).toContain('g aria-label="line"');
    expect(w.consoleErrors).toEqual([]);
  });
});

describe('an embedded panel offers its image too', () => {
  const w = withDashboard('?embed=overview-bars&lang=ar', { allTables: false, ready: ['[data-testid="ranked-bars"] svg'] });
  it('Download menu in the embed, SVG with the title, right to left in Arabic', async () => {
    const svg = (await download(w.page.getByTestId('image-overview-bars'), 'button[data-image="svg"]')).bytes.toString('utf8');
    expect(roleText(svg, 'title')).toBe(await w.page.locator('.panel h2').innerText());
    expect(svg).toMatch(/<text[^>]*direction="rtl"[^>]*data-role="title"/);
    expect(texts(svg)).toContain(ar['app.synthetic']);
    expect(svg).toContain("@font-face{font-family:'Noto Sans Arabic';font-style:normal;font-weight:700;src:url(data:font/woff2;base64,");
    expect(w.consoleErrors).toEqual([]);
  });
});
