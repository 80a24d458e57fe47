import { composeChartImage, type ComposedImage } from '../charts/composeChartImage';
import type { I18n } from '../i18n/I18nContext';
import { loadImageFonts } from './loadImageFonts';
import type { PanelCharts } from './panelCharts';

/**
 * The panel's charts as one SVG with its title, subtitle, legends, source, the synthetic-data note, dataset and date,
 * and the embedded fonts (loaded at the first export, not at start-up).
 */
export async function panelImage(panel: PanelCharts, { t, dir, lang, locale }: I18n, dataset: { name: string; synthetic: boolean }, now = new Date()): Promise<ComposedImage> {
  const fonts = await loadImageFonts();
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(now);
  const notes = [
    ...(dataset.synthetic ? [t('app.synthetic')] : []),
    t('image.footer', { dataset: dataset.name, date, app: t('app.title') }),
  ];
  return composeChartImage(panel.charts(), { title: panel.title, subtitle: panel.subtitle, notes, dir, lang, fonts });
}

/**
 * PNG pixels at `scale` x the SVG's size, drawn by the browser on a canvas (a data: URL: same origin, no taint).
 * The image document loads its own data: fonts (not the page's, and not through document.fonts); decode() resolves
 * once they are in, so the canvas gets the embedded faces (checked in src/e2e/chartImage.test.ts).
 */
export async function svgToPng(image: ComposedImage, scale = 2): Promise<Blob> {
  const img = new Image();
  // data: rather than blob:, which the page's CSP (img-src 'self' data:) would refuse.
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(image.svg)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(image.width * scale);
  canvas.height = Math.round(image.height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas in this browser');
  ctx.scale(scale, scale);
  ctx.drawImage(img, 0, 0, image.width, image.height);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
}

/** Whether "Copy image" can work here: the async clipboard with PNG items (secure contexts, recent browsers). */
export function canCopyImage(): boolean {
  if (typeof window === 'undefined' || !window.isSecureContext || typeof ClipboardItem !== 'function' || !navigator.clipboard?.write) return false;
  const supports = (ClipboardItem as unknown as { supports?: (type: string) => boolean }).supports;
  return typeof supports !== 'function' || supports('image/png');
}

/** Put the PNG on the clipboard; the promise goes straight into the item so Safari keeps the user's gesture. */
export function copyPng(png: Promise<Blob>): Promise<void> {
  return navigator.clipboard.write([new ClipboardItem({ 'image/png': png })]);
}
