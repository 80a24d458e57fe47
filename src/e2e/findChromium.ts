import { execFileSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { brotliDecompressSync, createBrotliDecompress } from 'node:zlib';

/** Where Debian's package puts the browser, and what the tests look for unless CHROMIUM_PATH says otherwise. */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export type ChromiumSource = 'path' | 'apt' | 'npm';

/** A browser the tests can launch: its executable and the environment variables it needs beyond the process's own. */
export interface FoundChromium {
  executablePath: string;
  source: ChromiumSource;
  env: Record<string, string>;
}

/** The machine, as far as finding a browser goes; injected so that the order can be tested without touching the system. */
export interface ChromiumSteps {
  exists(file: string): boolean;
  /** Running as root with apt-get on the PATH: the rights and the tool to install Debian's chromium. */
  canApt(): boolean;
  /** `apt-get update` then `apt-get install -y chromium`; throws when either fails. */
  aptInstall(): void;
  /** Unpack the Chromium shipped inside the npm package @sparticuz/chromium; throws when it is not installed or not usable. */
  unpackNpm(): Promise<FoundChromium>;
  log(message: string): void;
}

/**
 * Find a Chromium for the browser tests, in this order:
 * 1. the path asked for (CHROMIUM_PATH, else Debian's /usr/bin/chromium);
 * 2. as root with apt-get (unless `apt` is false): install Debian's chromium. It comes with every system library it
 *    needs and a font covering Arabic (DejaVu, through fontconfig), gets security updates, and is the browser every
 *    timing in this project was measured in; it needs the network at test time, hence second;
 * 3. the Chromium inside the npm package @sparticuz/chromium, already on disk after `npm ci`: needs neither rights
 *    nor network, so it is the fallback for non-root users and machines where apt fails. It is a headless shell built
 *    for Linux x64 servers, with only Open Sans of its own (it also reads the system's fonts).
 * Fails with a message naming every step tried and why it did not give a browser.
 */
export async function findChromium(wanted: string, steps: ChromiumSteps, options: { apt: boolean }): Promise<FoundChromium> {
  if (steps.exists(wanted)) return { executablePath: wanted, source: 'path', env: {} };
  const tried = [`${wanted}: absent`];
  if (!options.apt) tried.push('apt-get: skipped (CHROMIUM_APT=0)');
  else if (!steps.canApt()) tried.push('apt-get: not running as root, or apt-get absent');
  else {
    steps.log(`No Chromium at ${wanted}: installing Debian's chromium with apt-get (CHROMIUM_APT=0 skips this step)…`);
    try {
      steps.aptInstall();
      if (steps.exists(DEBIAN_CHROMIUM)) {
        steps.log(`Browser tests use Debian's chromium, installed with apt-get (${DEBIAN_CHROMIUM}).`);
        return { executablePath: DEBIAN_CHROMIUM, source: 'apt', env: {} };
      }
      tried.push(`apt-get: installed, but ${DEBIAN_CHROMIUM} is still absent`);
    } catch (e) {
      tried.push(`apt-get: ${(e as Error).message}`);
    }
  }
  try {
    const found = await steps.unpackNpm();
    steps.log(`Browser tests use the Chromium shipped in the npm package @sparticuz/chromium (${found.executablePath}).`);
    return found;
  } catch (e) {
    tried.push(`@sparticuz/chromium: ${(e as Error).message}`);
  }
  throw new Error(`The browser tests found no Chromium. Tried:\n- ${tried.join('\n- ')}\n`
    + `Fix one of them: set CHROMIUM_PATH to a Chromium, run as root on Debian (the tests then run apt-get install -y chromium), `
    + `or run npm ci on Linux x64 so that @sparticuz/chromium is installed.`);
}

/** The real machine. */
export function systemSteps(): ChromiumSteps {
  return {
    exists: existsSync,
    canApt: () => process.getuid?.() === 0 && ['/usr/bin/apt-get', '/bin/apt-get'].some(existsSync),
    aptInstall() {
      const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
      // Without a fresh package list apt may find no chromium at all; the lock timeout waits for another apt instead of failing.
      for (const args of [['update'], ['install', '-y', 'chromium']]) {
        execFileSync('apt-get', ['-o', 'DPkg::Lock::Timeout=300', ...args], { stdio: 'inherit', env });
      }
    },
    unpackNpm: () => unpackNpmChromium(),
    log: (m) => console.log(m),
  };
}

/**
 * Unpack @sparticuz/chromium's brotli-compressed files into node_modules/.cache (once per package version) and return
 * the browser with the environment it needs. Only its bin/ files are used, not its code: the package's own
 * `executablePath()` unpacks into the shared /tmp and reuses whatever /tmp/chromium it finds there.
 * `forceBundledLibs` uses the NSS/NSPR/expat libraries shipped in the package even when the system has its own
 * (the tests use it to check them on a machine that has them).
 */
export async function unpackNpmChromium(options: { forceBundledLibs?: boolean } = {}): Promise<FoundChromium> {
  if (process.platform !== 'linux' || process.arch !== 'x64') throw new Error(`ships a Linux x64 browser only (this is ${process.platform} ${process.arch})`);
  const pkgJson = packageJsonPath();
  const { version } = JSON.parse(readFileSync(pkgJson, 'utf8')) as { version: string };
  const bin = path.join(path.dirname(pkgJson), 'bin');
  const dir = path.resolve('node_modules/.cache/sparticuz-chromium', version);
  const executablePath = path.join(dir, 'chromium');
  if (!existsSync(path.join(dir, 'complete'))) {
    // Unpack into a fresh folder and rename it into place, so an interrupted run never leaves half a browser behind.
    const tmp = `${dir}.${process.pid}`;
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp, { recursive: true });
    await pipeline(createReadStream(path.join(bin, 'chromium.br')), createBrotliDecompress(), createWriteStream(path.join(tmp, 'chromium'), { mode: 0o755 }));
    untarBrotli(path.join(bin, 'swiftshader.tar.br'), tmp);
    untarBrotli(path.join(bin, 'fonts.tar.br'), path.join(tmp, 'fonts'));
    untarBrotli(path.join(bin, 'al2023.tar.br'), path.join(tmp, 'al2023'));
    writeFileSync(path.join(tmp, 'complete'), `${version}\n`);
    rmSync(dir, { recursive: true, force: true });
    renameSync(tmp, dir);
  }
  // The package's fonts.conf points at /tmp/fonts (its serverless layout): ours points at the unpacked fonts and the system's.
  const fontsConf = path.join(dir, 'fonts', 'fonts.conf');
  writeFileSync(fontsConf, `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n`
    + `  <dir>${path.join(dir, 'fonts', 'fonts')}</dir>\n  <dir>/usr/share/fonts</dir>\n  <dir>/usr/local/share/fonts</dir>\n`
    + `  <cachedir>${path.join(dir, 'fonts-cache')}</cachedir>\n</fontconfig>\n`);
  const env: Record<string, string> = { FONTCONFIG_FILE: fontsConf };
  // The binary links the system's NSS, NSPR and expat (libnss3, libnspr4, libexpat1 on Debian); a bare machine may lack them.
  if (options.forceBundledLibs || missingLibraries(executablePath).length > 0) env.LD_LIBRARY_PATH = path.join(dir, 'al2023', 'lib');
  const stillMissing = missingLibraries(executablePath, env);
  if (stillMissing.length > 0) throw new Error(`${executablePath} needs shared libraries this machine lacks: ${stillMissing.join(', ')}`);
  return { executablePath, source: 'npm', env };
}

function packageJsonPath(): string {
  try {
    return createRequire(path.resolve('package.json')).resolve('@sparticuz/chromium/package.json');
  } catch {
    // Its package.json is not among its exports: find the folder from the entry point instead.
    let entry: string;
    try {
      entry = createRequire(path.resolve('package.json')).resolve('@sparticuz/chromium');
    } catch {
      throw new Error('not installed (run npm ci)');
    }
    const root = entry.slice(0, entry.lastIndexOf(`${path.sep}build${path.sep}`));
    return path.join(root, 'package.json');
  }
}

/** Brotli-decompress a tar (a few MB) into `dir` with the system's tar (essential on every Debian), so no unpacking library is needed. */
function untarBrotli(file: string, dir: string): void {
  mkdirSync(dir, { recursive: true });
  execFileSync('tar', ['-x', '-C', dir], { input: brotliDecompressSync(readFileSync(file)), stdio: ['pipe', 'inherit', 'inherit'] });
}

/** Shared libraries the dynamic loader cannot find for `file` (empty when ldd itself is unavailable: then launching will tell). */
function missingLibraries(file: string, env: Record<string, string> = {}): string[] {
  let out: string;
  try {
    out = execFileSync('ldd', [file], { encoding: 'utf8', env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return [];
  }
  return out.split('\n').filter((l) => l.includes('not found')).map((l) => l.trim().split(/\s+/)[0]!);
}
