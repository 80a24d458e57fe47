/**
 * The fonts a chart image embeds, as @font-face rules with data: URLs, so that the SVG renders with the same faces on
 * any machine (and in the PNG, where an SVG drawn as an image may load data: fonts only). Noto Sans (Latin subset)
 * and Noto Sans Arabic (Arabic subset), regular and bold, from the OFL-1.1 @fontsource packages. Pure: the bytes are
 * loaded elsewhere (components/loadImageFonts in the browser, node_modules in tests).
 */

export type ImageFontFamily = 'Noto Sans' | 'Noto Sans Arabic';

export interface ImageFont {
  family: ImageFontFamily;
  weight: 400 | 700;
  /** `data:font/woff2;base64,...` */
  dataUrl: string;
}

/** The four faces: file names inside the @fontsource packages (`files/`), for loaders. */
export const IMAGE_FONT_FILES: readonly { family: ImageFontFamily; weight: 400 | 700; file: string }[] = [
  { family: 'Noto Sans', weight: 400, file: '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2' },
  { family: 'Noto Sans', weight: 700, file: '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff2' },
  { family: 'Noto Sans Arabic', weight: 400, file: '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff2' },
  { family: 'Noto Sans Arabic', weight: 700, file: '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-700-normal.woff2' },
];

/** Arabic script blocks (base, supplement, extended-A, presentation forms A and B). */
const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/u;

/**
 * @font-face rules for `fonts`; the Arabic faces only when `text` has Arabic letters (they are about 4x the size of
 * the Latin ones, and an English image does not need them).
 */
export function fontFaceCss(fonts: readonly ImageFont[], text: string): string {
  const arabic = ARABIC.test(text);
  return fonts
    .filter((f) => f.family !== 'Noto Sans Arabic' || arabic)
    .map((f) => `@font-face{font-family:'${f.family}';font-style:normal;font-weight:${f.weight};src:url(${f.dataUrl}) format('woff2')}`)
    .join('\n');
}
