import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';

/**
 * What the page's start script pulls in before the engine can start: the module script of index.html and every chunk
 * it imports statically, transitively. Import's heavy readers (GeoTIFF, proj4's projection tables, the spreadsheet
 * reader) belong in chunks fetched when a person loads files: in the start script they delayed the engine's start by
 * ~180 ms in `npm run bench` (the entry grew from 297 to 482 kB when travel files were imported statically).
 */
function startChunks(dist: string): Map<string, string> {
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const entry = /<script type="module"[^>]*src="\.\/([^"]+)"/.exec(html)?.[1];
  if (!entry) throw new Error('index.html has no module script');
  const chunks = new Map<string, string>();
  const visit = (file: string) => {
    if (chunks.has(file)) return;
    const code = readFileSync(path.join(dist, file), 'utf8');
    chunks.set(file, code);
    // Static imports only (`import … from "./x.js"`, `import "./x.js"`); `import("./x.js")` is fetched on demand.
    for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*["'](\.\/[^"']+\.js)["']/g)) visit(path.posix.join(path.posix.dirname(file), m[1]));
  };
  visit(entry);
  return chunks;
}

/** A string each library's code carries (a TIFF tag name, a projection definition, the workbook class). */
const HEAVY = { geotiff: 'ModelPixelScale', proj4: '+proj=longlat', exceljs: 'ExcelJS' };

describe('the start script', () => {
  const chunks = startChunks(inject('distDir'));

  it('is found with its static imports', () => {
    expect(chunks.size).toBeGreaterThanOrEqual(1);
    expect([...chunks.keys()][0]).toMatch(/^assets\/index-.*\.js$/);
  });

  it.each(Object.entries(HEAVY))('does not carry %s (loaded when a person loads files)', (_, marker) => {
    expect([...chunks].filter(([, code]) => code.includes(marker)).map(([file]) => file)).toEqual([]);
  });

  it('is still what the markers would catch: the travel-file chunk does carry GeoTIFF and proj4', () => {
    const assets = path.join(inject('distDir'), 'assets');
    const travel = readdirSync(assets).find((f) => f.startsWith('travelFiles-') && f.endsWith('.js'));
    expect(travel, 'no travelFiles chunk: is the travel-file reader still loaded on demand?').toBeDefined();
    const code = readFileSync(path.join(assets, travel!), 'utf8');
    expect(code).toContain(HEAVY.geotiff);
    expect(code).toContain(HEAVY.proj4);
  });
});

