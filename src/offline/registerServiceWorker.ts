// Registers the offline service worker (built as sw.js beside index.html; see serviceWorker.ts) and tells the
// interface when a new deployment is ready. Never throws: without a worker the app works as before, online.

type Listener = () => void;
let updateReady = false;
let reloading = false;
const listeners = new Set<Listener>();
let waiting: ServiceWorker | null = null;

function announce(worker: ServiceWorker | null) {
  waiting = worker;
  updateReady = true;
  for (const l of listeners) l();
}

/** For useSyncExternalStore: whether a new version waits for a reload. */
export const updateIsReady = () => updateReady;
export function onUpdateReady(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Let the waiting version take over, then reload into it (the page then runs that version only). */
export function applyUpdate(): void {
  reloading = true;
  if (waiting) waiting.postMessage('skip-waiting');
  else window.location.reload();
}

/**
 * Register once the page has loaded and `idle` resolves (main.tsx: the data are in), so that the precache's downloads
 * do not compete with start-up. Not in `vite dev`; on file://, in private modes or where the browser refuses, one
 * console.info and nothing else.
 */
export function registerServiceWorker(idle: Promise<void> = Promise.resolve()): void {
  if (import.meta.env.DEV || !('serviceWorker' in navigator)) return;
  const start = async () => {
    try {
      const container = navigator.serviceWorker;
      let controlled = Boolean(container.controller);
      container.addEventListener('controllerchange', () => {
        // Our "reload" click, or a first install claiming the page (same deployment: nothing to do), or another tab
        // updating: this page's code is then older than its worker, so offer the reload.
        if (reloading) window.location.reload();
        else if (controlled) announce(null);
        controlled = true;
      });
      const registration = await container.register('./sw.js', { scope: './' });
      if (!registration) return; // a browser (or test harness) that blocks service workers
      const watch = (worker: ServiceWorker | null) => {
        worker?.addEventListener('statechange', () => {
          if (worker.state === 'installed' && container.controller) announce(worker);
        });
      };
      if (registration.waiting && container.controller) announce(registration.waiting);
      watch(registration.installing);
      registration.addEventListener('updatefound', () => watch(registration.installing));
    } catch (e) {
      console.info(`Offline use is not available here (${e instanceof Error ? e.message : String(e)}); the dashboard works online as usual.`);
    }
  };
  const loaded = document.readyState === 'complete' ? Promise.resolve() : new Promise((resolve) => window.addEventListener('load', resolve, { once: true }));
  void Promise.all([loaded, idle]).then(start);
}
