import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { Localised } from './components/Localised';
import type { EmbedRequest } from './state/embedParams';
import { EmbedPage } from './views/embed/EmbedPage';
import './styles.css';
import './phones.css';

/** Render the dashboard, or the one embedded panel asked for. */
export function renderUi(embed: EmbedRequest): void {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      {embed.requested ? <Localised lang={embed.lang}><EmbedPage request={embed} /></Localised> : <App />}
    </StrictMode>,
  );
}
