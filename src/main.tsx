import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { Localised } from './components/Localised';
import { startSession } from './state/datasetStore';
import { EMBED_PANELS } from './state/embedPanels';
import { parseEmbedParams } from './state/embedParams';
import { EmbedPage } from './views/EmbedPage';
import './styles.css';

// `?embed=<panel>` shows one panel for an iframe: only its tables are loaded, so it starts sooner.
const embed = parseEmbedParams(window.location.search);
if (embed.requested) {
  const root = document.documentElement;
  root.dataset.embed = '';
  root.dataset.theme = embed.theme;
  root.lang = embed.lang;
  root.dir = embed.lang === 'ar' ? 'rtl' : 'ltr';
  if (embed.panel) startSession({ tables: EMBED_PANELS[embed.panel].tables, boundaries: EMBED_PANELS[embed.panel].boundaries });
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {embed.requested ? <Localised lang={embed.lang}><EmbedPage request={embed} /></Localised> : <App />}
  </StrictMode>,
);
