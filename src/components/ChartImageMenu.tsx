import { useState } from 'react';
import { saveFile } from '../data/exportQuery';
import { useI18n } from '../i18n/I18nContext';
import { useDataset } from '../state/useDataset';
import { canCopyImage, copyPng, panelImage, svgToPng } from './chartImage';
import type { PanelCharts } from './panelCharts';

/** SVG, PNG (2x) and "Copy image" (where the browser allows it) of the panel's charts: the buttons, for a menu's list. */
export function ChartImageButtons({ panel, onStatus }: { panel: PanelCharts; onStatus: (status: string) => void }) {
  const { name, synthetic } = useDataset('name', 'synthetic');
  const i18n = useI18n();
  const { t } = i18n;
  const image = () => panelImage(panel, i18n, { name, synthetic });
  const act = async (what: 'svg' | 'png' | 'copy') => {
    try {
      if (what === 'svg') {
        saveFile(`${panel.fileBase}.svg`, new Blob([(await image()).svg], { type: 'image/svg+xml' }));
        onStatus(t('image.saved', { file: `${panel.fileBase}.svg` }));
      } else if (what === 'png') {
        saveFile(`${panel.fileBase}.png`, await svgToPng(await image(), 2));
        onStatus(t('image.saved', { file: `${panel.fileBase}.png` }));
      } else {
        await copyPng(image().then((i) => svgToPng(i, 2)));
        onStatus(t('image.copied'));
      }
    } catch (e) {
      onStatus(t('image.failed', { message: e instanceof Error ? e.message : String(e) }));
    }
  };
  return (
    <>
      <button type="button" onClick={() => act('svg')} data-image="svg">{t('image.svg')}</button>
      <button type="button" onClick={() => act('png')} data-image="png">{t('image.png')}</button>
      {canCopyImage() && <button type="button" onClick={() => act('copy')} data-image="copy">{t('image.copy')}</button>}
    </>
  );
}

/** A panel's "Download" menu when it has charts but no data menu (maps, charts, embeds). */
export function ChartImageMenu({ panel }: { panel: PanelCharts }) {
  const { t } = useI18n();
  const [status, setStatus] = useState('');
  return (
    <details className="export-menu" data-testid={`image-${panel.fileBase}`}>
      <summary>{t('image.summary')}</summary>
      <div className="export-options" role="group" aria-label={t('image.group', { title: panel.title })}>
        <ChartImageButtons panel={panel} onStatus={setStatus} />
      </div>
      <p className="image-status" role="status" aria-live="polite">{status}</p>
    </details>
  );
}
