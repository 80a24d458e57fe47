import { readdirSync, readFileSync, readlinkSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { launchBrowser, openWatched, waitForData } from './browser';
import { DEBIAN_CHROMIUM, findChromium, unpackNpmChromium, type ChromiumSteps, type FoundChromium } from './findChromium';

const npmFound: FoundChromium = { executablePath: '/cache/chromium', source: 'npm', env: { FONTCONFIG_FILE: '/cache/fonts.conf' } };

/** A machine described by a few facts; `calls` records what the search did, in order. */
function machine(facts: { files?: string[]; root?: boolean; aptWorks?: boolean; npm?: boolean }) {
  const files = new Set(facts.files ?? []);
  const calls: string[] = [];
  const steps: ChromiumSteps = {
    exists: (f) => files.has(f),
    canApt: () => facts.root ?? false,
    aptInstall() {
      calls.push('apt');
      if (!facts.aptWorks) throw new Error('apt-get update failed');
      files.add(DEBIAN_CHROMIUM);
    },
    async unpackNpm() {
      calls.push('npm');
      if (!facts.npm) throw new Error('not installed (run npm ci)');
      return npmFound;
    },
    log: () => {},
  };
  return { steps, calls };
}

describe('findChromium: where the browser tests get a browser', () => {
  it('uses the path asked for when it exists, and installs nothing', async () => {
    const m = machine({ files: ['/opt/chrome'], root: true, aptWorks: true, npm: true });
    await expect(findChromium('/opt/chrome', m.steps, { apt: true })).resolves.toEqual({ executablePath: '/opt/chrome', source: 'path', env: {} });
    expect(m.calls).toEqual([]);
  });

  it('as root, installs Debian chromium with apt-get before trying the npm package', async () => {
    const m = machine({ root: true, aptWorks: true, npm: true });
    await expect(findChromium(DEBIAN_CHROMIUM, m.steps, { apt: true })).resolves.toMatchObject({ executablePath: DEBIAN_CHROMIUM, source: 'apt' });
    expect(m.calls).toEqual(['apt']);
  });

  it('falls back to the npm package when not root, when apt fails, or when apt is switched off', async () => {
    for (const [facts, apt, calls] of [
      [{ root: false, npm: true }, true, ['npm']],
      [{ root: true, aptWorks: false, npm: true }, true, ['apt', 'npm']],
      [{ root: true, aptWorks: true, npm: true }, false, ['npm']],
    ] as const) {
      const m = machine(facts);
      await expect(findChromium(DEBIAN_CHROMIUM, m.steps, { apt })).resolves.toEqual(npmFound);
      expect(m.calls).toEqual(calls);
    }
  });

  it('names every step it tried when none gives a browser', async () => {
    const m = machine({ root: true, aptWorks: false, npm: false });
    const err = await findChromium('/nowhere/chromium', m.steps, { apt: true }).catch((e: Error) => e.message);
    expect(err).toContain('/nowhere/chromium: absent');
    expect(err).toContain('apt-get: apt-get update failed');
    expect(err).toContain('@sparticuz/chromium: not installed (run npm ci)');
  });
});

/** Shared objects mapped by running processes started from `exe` (read from /proc, so it sees what the loader really chose). */
function librariesMappedBy(exe: string): string[] {
  const libs = new Set<string>();
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      if (readlinkSync(`/proc/${pid}/exe`) !== realpathSync(exe)) continue;
      for (const line of readFileSync(`/proc/${pid}/maps`, 'utf8').split('\n')) if (line.includes('.so')) libs.add(line.slice(line.indexOf('/')));
    } catch { /* the process ended or is not ours to read */ }
  }
  return [...libs];
}

describe('the Chromium shipped in the npm package (the fallback on a machine without one)', () => {
  it('unpacks, launches headless and runs the dashboard on the demo data', async () => {
    const found = await unpackNpmChromium();
    expect(found.source).toBe('npm');
    const browser = await launchBrowser(found);
    try {
      expect(browser.version()).toMatch(/^\d+\./);
      const w = await openWatched(browser, inject('baseUrl'));
      await waitForData(w.page);
      await w.page.waitForSelector('[data-testid="choropleth"] svg');
      expect(await w.page.locator('[data-testid="kpi-population"]').innerText()).toMatch(/\d/);
      expect(w.consoleErrors).toEqual([]);
      expect(w.foreignRequests).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('runs on the NSS, NSPR and expat libraries it ships, for a machine that lacks them', async () => {
    const found = await unpackNpmChromium({ forceBundledLibs: true });
    const libDir = found.env.LD_LIBRARY_PATH!;
    expect(libDir).toBe(path.join(path.dirname(found.executablePath), 'al2023', 'lib'));
    const browser = await launchBrowser(found);
    try {
      const page = await browser.newPage();
      await page.setContent('<p id="p">مرحبا</p>');
      expect(await page.locator('#p').innerText()).toBe('مرحبا');
      const mapped = librariesMappedBy(found.executablePath);
      expect(mapped.filter((l) => /libnss3\.so$/.test(l))).toEqual([path.join(libDir, 'libnss3.so')]);
    } finally {
      await browser.close();
    }
  });
});
