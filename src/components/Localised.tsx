import { useMemo, type ReactNode } from 'react';
import { I18nProvider, type RegionNameRow } from '../i18n/I18nContext';
import type { Lang } from '../i18n/lang';
import { regionNamesQuery } from '../queries/overviewSql';
import { rowsOf, useQuery } from '../state/useQuery';

const NONE: RegionNameRow[] = [];

/** The interface language for everything below, with region names from the regions table once it is loaded. */
export function Localised({ lang, children }: { lang: Lang; children: ReactNode }) {
  const regions = useQuery<RegionNameRow>(useMemo(regionNamesQuery, []), ['regions']);
  return <I18nProvider lang={lang} regions={rowsOf(regions) ?? NONE}>{children}</I18nProvider>;
}
