/**
 * A chart panel as one standalone SVG image: title, subtitle, each chart with its legends and source line,
 * then the notes (synthetic data, dataset and date). Pure: DOM nodes in, markup out; it only reads the nodes
 * (clones them), so it runs on the live page and in Node with jsdom.
 *
 * Fonts: the faces given in `meta.fonts` (Noto Sans, and Noto Sans Arabic when the text has Arabic) are embedded as
 * @font-face rules with data: URLs and named first, at the root and in each chart Plot drew (its own font-family
 * attribute and style say system-ui), so the SVG renders alike on any machine; the system stack stays as fallback.
 * Text widths are estimated from character counts (there is no layout engine in Node): long titles wrap by words.
 */

import { fontFaceCss, type ImageFont } from './imageFonts';

export interface ChartImageMeta {
  title: string;
  subtitle?: string;
  /** Lines under the charts, in order (e.g. the synthetic-data note, then dataset and date). */
  notes: readonly string[];
  dir: 'ltr' | 'rtl';
  lang: string;
  /** Faces to embed (see imageFonts); without them the image names the font stack only. */
  fonts?: readonly ImageFont[];
}

export interface ComposedImage { svg: string; width: number; height: number }

const SVG_NS = 'http://www.w3.org/2000/svg';
/** The embedded faces first, then system fonts (with an Arabic-capable one) before the generic family. */
export const IMAGE_FONT_STACK = "'Noto Sans', 'Noto Sans Arabic', system-ui, -apple-system, 'Segoe UI', Roboto, Tahoma, Arial, sans-serif";
const PAD = 16;
const INK = '#1d2733';
const MUTED = '#4b5563';
const MIN_WIDTH = 320;

/** Estimated advance of `text` at `size` px: ~0.55 em per character in common sans-serif faces (0.6 bold). */
export function estimateTextWidth(text: string, size: number, bold = false): number {
  return [...text].length * size * (bold ? 0.6 : 0.55);
}

/** Words of `text` in lines no wider than `width` (estimated); a single over-long word keeps its own line. */
export function wrapText(text: string, width: number, size: number, bold = false): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && estimateTextWidth(next, size, bold) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

const numAttr = (el: Element, name: string): number => {
  const v = Number.parseFloat(el.getAttribute(name) ?? '');
  return Number.isFinite(v) ? v : 0;
};
const isSvg = (el: Element) => el.namespaceURI === SVG_NS && el.localName === 'svg';
const isSwatches = (el: Element) => [...el.classList].some((c) => c.endsWith('-swatches'));

/** The parts of one PlotFigure root (a bare `<svg>` or Plot's `<figure>`), in document order. */
function partsOf(figure: Element): Element[] {
  return isSvg(figure) ? [figure] : [...figure.children];
}

function chartWidth(figure: Element): number {
  return Math.max(0, ...partsOf(figure).filter(isSvg).map((s) => numAttr(s, 'width')));
}

/** Compose the panel's charts (the PlotFigure roots, top to bottom) and its texts into one SVG document. */
export function composeChartImage(figures: readonly Element[], meta: ChartImageMeta): ComposedImage {
  if (figures.length === 0) throw new Error('composeChartImage: no chart to compose');
  const doc = figures[0].ownerDocument;
  const rtl = meta.dir === 'rtl';
  const width = Math.ceil(Math.max(MIN_WIDTH, ...figures.map(chartWidth)) + 2 * PAD);
  const inner = width - 2 * PAD;
  const el = (name: string, attrs: Record<string, string | number> = {}) => {
    const e = doc.createElementNS(SVG_NS, name);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    return e;
  };
  const root = el('svg', { lang: meta.lang, color: INK, 'font-family': IMAGE_FONT_STACK });
  const title = el('title');
  title.textContent = meta.title;
  root.append(title);
  const background = el('rect', { width: '100%', height: '100%', fill: 'white' });
  root.append(background);
  let y = PAD;

  /** One text line on the reading side: left in LTR; in RTL its right end at the right margin (direction rtl, anchor start). */
  const line = (text: string, size: number, attrs: Record<string, string | number> = {}) => {
    const t = el('text', {
      x: rtl ? width - PAD : PAD, y: y + size * 0.8, 'font-size': size, fill: INK,
      'text-anchor': 'start', direction: rtl ? 'rtl' : 'ltr', ...attrs,
    });
    t.textContent = text;
    root.append(t);
    return t;
  };
  const paragraph = (text: string, size: number, attrs: Record<string, string | number> = {}, bold = false) => {
    for (const l of wrapText(text, inner, size, bold)) {
      line(l, size, attrs);
      y += Math.round(size * 1.35);
    }
  };

  paragraph(meta.title, 16, { 'font-weight': 'bold', 'data-role': 'title' }, true);
  if (meta.subtitle) paragraph(meta.subtitle, 12, { fill: MUTED, 'data-role': 'subtitle' });
  y += 8;

  for (const figure of figures) {
    for (const part of partsOf(figure)) {
      if (isSvg(part)) {
        const w = numAttr(part, 'width'), h = numAttr(part, 'height');
        const ramp = [...part.classList].some((c) => c.endsWith('-ramp'));
        const copy = cleanChart(part.cloneNode(true) as Element);
        // Legends sit on the reading side; the chart itself is already mirrored by its spec.
        copy.setAttribute('x', String(rtl && ramp ? width - PAD - w : PAD));
        copy.setAttribute('y', String(y));
        copy.setAttribute('overflow', 'visible');
        copy.setAttribute('direction', 'ltr');
        if (ramp) copy.setAttribute('data-role', 'legend');
        root.append(copy);
        y += h + (ramp ? 6 : 4);
      } else if (isSwatches(part)) {
        y = swatches(part, y);
      } else if (part.localName === 'figcaption') {
        y += 4;
        paragraph(part.textContent?.trim() ?? '', 11, { fill: MUTED, 'data-role': 'source' });
      } else if (part.textContent?.trim()) {
        paragraph(part.textContent.trim(), 12);
      }
    }
    y += 8;
  }

  for (const note of meta.notes) paragraph(note, 10, { fill: MUTED, 'data-role': 'note' });
  if (meta.fonts?.length) {
    const style = el('style');
    style.textContent = fontFaceCss(meta.fonts, root.textContent ?? '');
    title.after(style);
  }
  const height = Math.ceil(y + PAD - 4);
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  return { svg: serialize(root), width, height };

  /** Plot's HTML swatch legend as SVG: each swatch's own svg, then its label, wrapping on the reading side. */
  function swatches(div: Element, top: number): number {
    const g = el('g', { 'data-role': 'legend', 'font-size': 10 });
    root.append(g);
    const rowHeight = 20;
    let x = 0, row = top;
    for (const swatch of div.querySelectorAll(':scope > span')) {
      const icon = [...swatch.children].find(isSvg);
      const label = [...swatch.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent ?? '').join('').trim();
      const iw = icon ? numAttr(icon, 'width') || 15 : 0, ih = icon ? numAttr(icon, 'height') || 15 : 0;
      const span = iw + 6 + estimateTextWidth(label, 10) + 14;
      if (x > 0 && x + span > inner) {
        x = 0;
        row += rowHeight;
      }
      if (icon) {
        const copy = withImageFonts(icon.cloneNode(true) as Element);
        copy.setAttribute('x', String(rtl ? width - PAD - x - iw : PAD + x));
        copy.setAttribute('y', String(row + (rowHeight - ih) / 2));
        copy.setAttribute('overflow', 'visible');
        g.append(copy);
      }
      const t = el('text', {
        x: rtl ? width - PAD - x - iw - 6 : PAD + x + iw + 6, y: row + rowHeight / 2, dy: '0.32em', fill: INK,
        'text-anchor': 'start', direction: rtl ? 'rtl' : 'ltr',
      });
      t.textContent = label;
      g.append(t);
      x += span;
    }
    return row + rowHeight + 6;
  }
}

/** The live chart minus what only the page needs: a tooltip being shown, the brush, a link to an off-image summary. */
function cleanChart(svg: Element): Element {
  for (const e of svg.querySelectorAll('g[aria-label="tip"], g.brush')) e.remove();
  for (const a of ['aria-describedby', 'style']) svg.removeAttribute(a);
  return withImageFonts(svg);
}

/** Plot names `system-ui, sans-serif` on its svg (attribute) and legends (style); the image's stack goes first instead. */
function withImageFonts(svg: Element): Element {
  for (const e of [svg, ...svg.querySelectorAll('[font-family]')]) {
    if (e.hasAttribute('font-family')) e.setAttribute('font-family', IMAGE_FONT_STACK);
  }
  for (const style of svg.querySelectorAll('style')) {
    style.textContent = (style.textContent ?? '').replace(/font-family:\s*system-ui[^;}]*/g, `font-family: ${IMAGE_FONT_STACK}`);
  }
  return svg;
}

function serialize(root: Element): string {
  const view = root.ownerDocument.defaultView as (Window & { XMLSerializer?: typeof XMLSerializer }) | null;
  const Serializer = view?.XMLSerializer ?? globalThis.XMLSerializer;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new Serializer().serializeToString(root)}`;
}
