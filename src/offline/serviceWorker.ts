// The offline service worker (a classic script; the build bundles it to sw.js beside index.html and prepends the
// manifest). It caches one deployment whole, serves it cache-first, and waits to take over until the page says so:
// a tab never runs a mix of two deployments.
import { cacheName, isContentHashed, precacheList, staleCaches, WASM_EXCEPTIONS_PROBE, type PrecacheManifest } from './precache';

const sw = globalThis as unknown as ServiceWorkerGlobalScope & { __CARE_PRECACHE: PrecacheManifest };
const manifest = sw.__CARE_PRECACHE;
const CURRENT = cacheName(manifest.version);
/** A cache entry holding when this version was installed (orders versions for staleCaches). */
const META = '__care-offline-meta';
const scoped = (path: string) => new URL(path, sw.registration.scope).href;

sw.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CURRENT);
    const paths = precacheList(manifest, WebAssembly.validate(new Uint8Array(WASM_EXCEPTIONS_PROBE)));
    // One at a time: the engine is 34 MB, and the page is using the same connection for its own start.
    for (const path of paths) {
      const url = scoped(path);
      const kept = isContentHashed(path) ? await caches.match(url) : undefined;
      if (kept) {
        await cache.put(url, kept);
        continue;
      }
      // Hashed files may come from the HTTP cache (the page just downloaded them); index.html must be this deployment's.
      const response = await fetch(url, { cache: isContentHashed(path) ? 'default' : 'reload' });
      if (!response.ok) throw new Error(`offline cache: ${path} answered ${response.status}`);
      await cache.put(url, response);
    }
    await cache.put(scoped(META), new Response(String(Date.now())));
  })());
});

sw.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const found = [];
    for (const name of await caches.keys()) {
      const meta = await (await caches.open(name)).match(scoped(META));
      found.push({ name, installedAt: meta ? Number(await meta.text()) : 0 });
    }
    for (const name of staleCaches(found, CURRENT)) await caches.delete(name);
    // The first install takes the open page at once (it loaded this same deployment); updates wait for "reload".
    await sw.clients.claim();
  })());
});

sw.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') void sw.skipWaiting();
});

sw.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== sw.location.origin || !url.href.startsWith(sw.registration.scope)) return;
  event.respondWith((async () => {
    const cache = await caches.open(CURRENT);
    // Any page of the app (?view=…, ?embed=…) is index.html: the URL's parameters are read by the app.
    if (request.mode === 'navigate') {
      return (await cache.match(scoped('index.html'))) ?? (await cache.match(scoped('./'))) ?? fetch(request);
    }
    return (await cache.match(request)) ?? (await caches.match(request)) ?? fetch(request);
  })());
});
