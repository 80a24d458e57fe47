import type { ImageFont } from '../charts/imageFonts';

let loading: Promise<ImageFont[]> | undefined;

/**
 * The embedded faces of chart images as data: URLs. Each file is its own lazily loaded chunk (Vite `?inline`), fetched
 * at the first image export only, so the start-up bundle does not carry them; kept for the next exports.
 */
export function loadImageFonts(): Promise<ImageFont[]> {
  loading ??= Promise.all([
    import('@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?inline'),
    import('@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff2?inline'),
    import('@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff2?inline'),
    import('@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-700-normal.woff2?inline'),
  ]).then(([latin400, latin700, arabic400, arabic700]): ImageFont[] => [
    { family: 'Noto Sans', weight: 400, dataUrl: latin400.default },
    { family: 'Noto Sans', weight: 700, dataUrl: latin700.default },
    { family: 'Noto Sans Arabic', weight: 400, dataUrl: arabic400.default },
    { family: 'Noto Sans Arabic', weight: 700, dataUrl: arabic700.default },
  ]);
  // A failed load (e.g. offline before the chunks were cached) is tried again at the next export.
  loading.catch(() => { loading = undefined; });
  return loading;
}
