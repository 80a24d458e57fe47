import { FILTER_SETTINGS } from '../state/facilityFilters';
import type { LinkKeys } from '../state/settingsCodec';
import { ACCESS_SETTINGS } from './access/settings';

/**
 * Every setting that travels in the link: the global facility filter and each view's own (src/views/<view>/settings.ts).
 * The link parser migrates legacy keys through them (linkMigration.ts); viewSettings.test.ts checks no two share a key.
 */
export const SETTINGS_CODECS: readonly LinkKeys[] = [
  FILTER_SETTINGS,
  ACCESS_SETTINGS,
];
