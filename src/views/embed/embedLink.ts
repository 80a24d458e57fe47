import { EMBED_PANELS, type EmbedPanelId } from '../../state/embedPanels';

/** The link read as a link to the panel's view, whatever its `view` says: an old embed link's view settings then migrate too. */
export function inPanelView(search: string, panel: EmbedPanelId): string {
  const params = new URLSearchParams(search);
  params.set('view', EMBED_PANELS[panel].view);
  return `?${params}`;
}
