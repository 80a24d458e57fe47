import { useI18n } from '../i18n/I18nContext';
import { LANG_NAMES, LANGS, type Lang } from '../i18n/lang';

/** The interface language; each option is written in its own language (and tagged so screen readers say it right). */
export function LanguagePicker({ value, onChange }: { value: Lang; onChange: (lang: Lang) => void }) {
  const { t } = useI18n();
  return (
    <label className="picker language-picker">
      {t('app.language')}
      <select value={value} onChange={(e) => onChange(e.target.value as Lang)} data-testid="language">
        {LANGS.map((l) => <option key={l} value={l} lang={l}>{LANG_NAMES[l]}</option>)}
      </select>
    </label>
  );
}
