import { FILTER_SETTINGS } from '../state/facilityFilters';
import { ACCESS_SETTINGS } from './access/settings';
import { EQUITY_SETTINGS } from './equity/settings';
import { NEED_SETTINGS } from './need/settings';
import { TRENDS_SETTINGS } from './trends/settings';
import type { LinkKeys } from '../state/settingsCodec';
import { PLAN_SETTINGS } from './plan/settings';
import { DATA_SETTINGS } from './data/settings';
import { OVERVIEW_SETTINGS } from './overview/settings';
import { PARTNERSHIPS_SETTINGS } from './partnerships/settings';

/**
 * Every setting that travels in the link: the global facility filter and each view's own (src/views/<view>/settings.ts).
 * The link parser migrates legacy keys through them (linkMigration.ts); viewSettings.test.ts checks no two share a key.
 */
export const SETTINGS_CODECS: readonly LinkKeys[] = [
  FILTER_SETTINGS,
  ACCESS_SETTINGS,
  PLAN_SETTINGS,
  EQUITY_SETTINGS,
  NEED_SETTINGS,
  TRENDS_SETTINGS,
  OVERVIEW_SETTINGS,
  PARTNERSHIPS_SETTINGS,
  DATA_SETTINGS,
];
