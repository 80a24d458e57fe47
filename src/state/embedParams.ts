import { EMBED_PANELS, isEmbedPanel, type EmbedPanelId } from './embedPanels';

export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
/** Passed through for now: the page's `lang` (and `dir` for Arabic); translations come later. */
export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'ar', label: 'العربية' },
  { code: 'fr', label: 'Français' },
] as const;
export type Lang = (typeof LANGUAGES)[number]['code'];

/** Parameters that only concern the embedded page; the full dashboard link drops them. */
const EMBED_ONLY = ['embed', 'theme'];
/** The message the embedded page posts to its parent whenever its height changes. */
export const HEIGHT_MESSAGE = 'care-dashboard:height';

export interface EmbedRequest {
  /** An `embed` parameter was given (even an unknown one): show the embed page, not the dashboard. */
  requested: boolean;
  panel: EmbedPanelId | null;
  theme: Theme;
  lang: Lang;
  notices: string[];
}

const isLang = (v: string): v is Lang => LANGUAGES.some((l) => l.code === v);

/** Read `embed`, `theme` and `lang`; unknown values fall back to the default with a notice. */
export function parseEmbedParams(search: string): EmbedRequest {
  const params = new URLSearchParams(search);
  const notices: string[] = [];
  const raw = params.get('embed');
  const panel = raw !== null && isEmbedPanel(raw) ? raw : null;
  if (raw !== null && !panel) notices.push(`There is no embeddable panel “${raw.slice(0, 40)}”.`);
  const theme = params.get('theme') ?? 'light';
  const lang = params.get('lang') ?? 'en';
  if (!(THEMES as readonly string[]).includes(theme)) notices.push(`Unknown theme “${theme.slice(0, 20)}” was ignored.`);
  if (!isLang(lang)) notices.push(`Unknown language “${lang.slice(0, 20)}” was ignored.`);
  return {
    requested: raw !== null, panel, notices,
    theme: (THEMES as readonly string[]).includes(theme) ? (theme as Theme) : 'light',
    lang: isLang(lang) ? lang : 'en',
  };
}

/**
 * The address of `panel` embedded alone, with the filters of the page at `pageHref`:
 * `<page>?embed=<panel>&view=<view>&<filters>[&theme=dark][&lang=ar|fr]`.
 */
export function embedUrl(pageHref: string, panel: EmbedPanelId, options: { theme: Theme; lang: Lang }): string {
  const page = new URL(pageHref);
  const params = new URLSearchParams({ embed: panel, view: EMBED_PANELS[panel].view });
  for (const [k, v] of page.searchParams) if (!['embed', 'view', 'theme', 'lang'].includes(k)) params.append(k, v);
  if (options.theme !== 'light') params.set('theme', options.theme);
  if (options.lang !== 'en') params.set('lang', options.lang);
  return `${page.origin}${page.pathname}?${params}`;
}

/** The full dashboard at the same state: the query string without the embed-only parameters. */
export function dashboardSearch(search: string): string {
  const params = new URLSearchParams(search);
  for (const k of EMBED_ONLY) params.delete(k);
  const s = params.toString();
  return s ? `?${s}` : '';
}

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The HTML an NGO pastes into its page: the iframe, and a listener that sets the iframe's height from the
 * embedded page's messages (checked by origin and by the sending window, so several embeds can coexist).
 */
export function embedSnippet({ url, title, height = 520 }: { url: string; title: string; height?: number }): string {
  const origin = new URL(url).origin;
  return `<iframe src="${attr(url)}" title="${attr(title)}" data-care-embed
  style="width:100%;height:${height}px;border:0" loading="lazy"></iframe>
<script>
window.addEventListener('message', function (e) {
  var d = e.data;
  if (e.origin !== ${JSON.stringify(origin)} || !d || d.type !== '${HEIGHT_MESSAGE}') return;
  document.querySelectorAll('iframe[data-care-embed]').forEach(function (f) {
    if (f.contentWindow === e.source) f.style.height = d.height + 'px';
  });
});
</script>`;
}
