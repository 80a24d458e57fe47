import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm',
  '.json': 'application/json', '.geojson': 'application/geo+json', '.parquet': 'application/vnd.apache.parquet', '.svg': 'image/svg+xml',
};

/** `urlPath` inside `root`, or null when it escapes it (../) or is not a file. */
export function resolveStatic(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]);
  } catch {
    return null;
  }
  const file = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  return file.endsWith(path.sep) || decoded.endsWith('/') ? path.join(file, 'index.html') : file;
}

export interface BenchServer { url: string; /** Folder served at /bench-data/ (data/ or data/scale-N/). */ setData(dir: string): void; close(): Promise<void> }

/**
 * A plain static server on loopback for the built site, plus /bench-data/ mapped to the current demo data folder.
 * No compression (as a plain file server); no caching headers (each measurement uses a fresh browser context).
 */
export async function serveBench(siteDir: string, dataDir: string): Promise<BenchServer> {
  let data = path.resolve(dataDir);
  const site = path.resolve(siteDir);
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    const file = url.startsWith('/bench-data/') ? resolveStatic(data, url.slice('/bench-data'.length)) : resolveStatic(site, url);
    let size = -1;
    try {
      if (file) size = statSync(file).isFile() ? statSync(file).size : -1;
    } catch {
      size = -1;
    }
    if (!file || size < 0) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'content-length': size, 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    setData: (dir) => void (data = path.resolve(dir)),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
