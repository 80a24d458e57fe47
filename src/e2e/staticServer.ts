import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/** What a plain static host must send: the right type for .wasm (streaming compilation needs application/wasm). */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.wasm': 'application/wasm', '.json': 'application/json', '.geojson': 'application/geo+json',
  '.parquet': 'application/vnd.apache.parquet', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon',
};

export interface Served { url: string; close: () => Promise<void> }

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
const closer = (server: Server) => () => new Promise<void>((resolve) => {
  server.closeAllConnections();
  server.close(() => resolve());
});

/**
 * Serve `root` under the sub-path `prefix` (e.g. '/ngo/care/') with node:http and nothing else: no special
 * headers, so a test shows the build needs none. Anything outside the prefix is a 404. `override` may answer a
 * file (path relative to `root`) with other bytes, e.g. a new deployment's.
 */
export async function serveFolder(root: string, prefix: string, override?: (file: string) => Buffer | undefined): Promise<Served> {
  const base = path.resolve(root);
  const server = createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.resolve(base, `.${pathname.startsWith(prefix) ? `/${pathname.slice(prefix.length)}` : '/\0'}`);
    const target = file.endsWith(path.sep) || pathname.endsWith('/') ? path.join(file, 'index.html') : file;
    try {
      if (!target.startsWith(base + path.sep) || !pathname.startsWith(prefix)) throw new Error('outside');
      const info = await stat(target);
      if (!info.isFile()) throw new Error('not a file');
      const other = override?.(path.relative(base, target).split(path.sep).join('/'));
      if (other) {
        res.writeHead(200, { 'content-type': TYPES[path.extname(target)] ?? 'application/octet-stream', 'content-length': other.length }).end(other);
        return;
      }
      res.writeHead(200, { 'content-type': TYPES[path.extname(target)] ?? 'application/octet-stream', 'content-length': info.size });
      createReadStream(target).pipe(res);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  const origin = await listen(server);
  return { url: `${origin}${prefix}`, close: closer(server) };
}

/** Serve one HTML page at `/` (a stand-in for another organisation's web page). */
export async function servePage(html: string): Promise<Served> {
  const server = createServer((req, res) => {
    if (req.url === '/' || req.url === '/index.html') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    else res.writeHead(404).end();
  });
  const origin = await listen(server);
  return { url: `${origin}/`, close: closer(server) };
}
