import { createContext } from 'react';
import type { EmbedPanelId } from '../state/embedPanels';

/** The panel shown alone on an embedded page; null in the full dashboard. Panels with another id render nothing. */
export const EmbedContext = createContext<EmbedPanelId | null>(null);
