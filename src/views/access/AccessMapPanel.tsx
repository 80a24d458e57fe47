import { useCallback, useMemo } from 'react';
import { accessMapSpec } from '../../charts/accessMapSpec';
import { PlotFigure } from '../../charts/PlotFigure';
import { Panel } from '../../components/Panel';
import { useI18n } from '../../i18n/I18nContext';
import type { MapCell } from '../../queries/accessViewSql';
import { useDataset } from '../../state/useDataset';
import type { AccessSettings } from './accessSettings';
import type { AccessPatch } from './settings';
import type { AccessData } from './useAccessData';
import type { AccessWords } from './useAccessWords';

/** Population on a grid coloured by distance to the nearest facility or by catchment accessibility, facilities on top. */
export function AccessMapPanel({ s, words, data, set }: { s: AccessSettings; words: AccessWords; data: AccessData; set: (patch: AccessPatch) => void }) {
  const { t, num, locale, dir } = useI18n();
  const { boundaries } = useDataset('boundaries');
  const { source, accessUnit, minutesPerKm, serviceLabel } = words;
  const { facilities, misplaced } = data;
  const shown = s.colour === 'access' ? data.acc : data.dist;
  const districtIds = useMemo(() => new Set(data.model.districts.map((d) => d.region_id)), [data.model.districts]);
  const ready = shown.rows !== null && facilities.status === 'ready';
  const spec = useCallback((width: number) => {
    if (!shown.rows || facilities.status !== 'ready') return null;
    const cells = shown.rows.filter((r): r is MapCell => r.kind === 'cell');
    return accessMapSpec({
      cells, facilities: facilities.rows, boundaries, districtIds, colour: s.colour, minutesPerKm, accessUnit, width,
      caption: `${source} ${t('access.gridCaption', { km: num((cells[0]?.deg ?? 0) * 111, 0) })}`, loc: { locale, rtl: dir === 'rtl' }, t, flagged: misplaced,
    });
  }, [shown.rows, facilities, boundaries, districtIds, s.colour, minutesPerKm, accessUnit, source, locale, dir, num, t, misplaced]);
  const summary = t('access.mapSummary', {
    cells: num(shown.rows?.filter((r) => r.kind === 'cell').length ?? 0), facilities: num(facilities.status === 'ready' ? facilities.rows.length : 0), service: serviceLabel,
  });
  return (
    <Panel
      title={s.colour === 'access' ? t('access.mapTitleAccess', { unit: accessUnit }) : t('access.mapTitleDistance', { service: s.service === 'any' ? t('access.facility') : serviceLabel })}
      subtitle={s.colour === 'access' ? t('access.mapSubtitleAccess') : t(s.unit === 'min' ? 'access.mapSubtitleMin' : 'access.mapSubtitleKm')}
      state={s.colour === 'access' ? data.catchment : data.distance}
      testId="access-map-panel" id="access-map"
      actions={
        <label className="picker">
          {t('access.colourBy')}
          <select value={s.colour} onChange={(e) => set({ map: e.target.value === 'access' ? 'access' : 'distance' })} data-testid="access-map-colour">
            <option value="distance">{t('access.colourDistance')}</option>
            <option value="access">{t('access.colourAccess')}</option>
          </select>
        </label>
      }
    >
      <div className={shown.updating && shown.rows ? 'access-updating' : undefined}>
        {ready && <PlotFigure spec={spec} testId="access-map" summary={summary} />}
      </div>
      <p className="access-note">{summary}</p>
    </Panel>
  );
}
