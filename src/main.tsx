import { getSnapshot, startSession, subscribe } from './state/datasetStore';
import { EMBED_PANELS } from './state/embedPanels';
import { parseEmbedParams } from './state/embedParams';
import { registerServiceWorker } from './offline/registerServiceWorker';

// The engine and the data start first, from this small entry; the interface (React, Plot, the views) is a separate
// chunk that downloads and parses while DuckDB-WASM compiles in its worker.
// `?embed=<panel>` shows one panel for an iframe: only its tables are loaded, so it starts sooner.
const embed = parseEmbedParams(window.location.search);
if (embed.requested) {
  const root = document.documentElement;
  root.dataset.embed = '';
  root.dataset.theme = embed.theme;
  root.lang = embed.lang;
  root.dir = embed.lang === 'ar' ? 'rtl' : 'ltr';
  if (embed.panel) startSession({ tables: EMBED_PANELS[embed.panel].tables, boundaries: EMBED_PANELS[embed.panel].boundaries });
} else {
  startSession();
}
void import('./ui').then(({ renderUi }) => renderUi(embed));
// Offline use after the first visit (a service worker caching this deployment); silent where it cannot register.
// Not from an embed: a panel on another organisation's page should not download the whole dashboard (~45 MB).
if (!embed.requested) registerServiceWorker(dataSettled());

/** Resolves when the engine and every table have finished loading (or failed). */
function dataSettled(): Promise<void> {
  return new Promise((resolve) => {
    let unsubscribe = () => {};
    const check = () => {
      const s = getSnapshot();
      const busy = s.engine.state === 'loading' || Object.values(s.tables).some((t) => t.state === 'waiting' || t.state === 'loading');
      if (busy) return;
      unsubscribe();
      resolve();
    };
    unsubscribe = subscribe(check);
    check();
  });
}
