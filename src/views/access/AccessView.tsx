import { useI18n } from '../../i18n/I18nContext';
import { LANCET_SURGERY_TARGET } from '../../metrics/accessThresholds';
import { facilityFiltersOf } from '../../state/facilityFilters';
import { useDataHolds } from '../../state/useDataHolds';
import { useStable } from '../../state/useStable';
import type { ViewProps } from '../viewRegistry';
import { AccessBarsPanel } from './AccessBarsPanel';
import { AccessControls } from './AccessControls';
import { AccessCurvePanel } from './AccessCurvePanel';
import { AccessKpiPanel } from './AccessKpiPanel';
import { AccessMapPanel } from './AccessMapPanel';
import { AccessMethodNote } from './AccessMethodNote';
import { heldSettings } from './accessModel';
import { AccessPriorityPanel } from './AccessPriorityPanel';
import { AccessReachBy } from './AccessReachBy';
import { AccessTablePanel } from './AccessTablePanel';
import { AccessTravelTime } from './AccessTravelTime';
import { ACCESS_SETTINGS, readAccessSettings, type AccessPatch } from './settings';
import { useAccessData } from './useAccessData';
import { useAccessWords } from './useAccessWords';
import './access.css';

/** Who can reach care: distance to the nearest facility, share within a threshold, catchment accessibility, priority. */
export function AccessView({ view, scope, onChange }: ViewProps) {
  const { t, num, pct, lang } = useI18n();
  // A setting the data do not hold falls back, and the view says so.
  const held = heldSettings(readAccessSettings(view.extra), useDataHolds());
  const { settings: s, unheldService, unheldCapacity } = held;
  const set = (patch: AccessPatch) => onChange({ extra: ACCESS_SETTINGS.write(view.extra, patch) });
  const filters = useStable(facilityFiltersOf(view));
  const data = useAccessData(view.province, filters, s);
  const words = useAccessWords(s);
  const { what } = words;

  const nat = data.model.coverage?.national;
  const coverageSummary = nat && nat.share != null
    ? t('access.coverageSummary', {
      share: pct(100 * nat.share, 1), within: num(nat.within), population: num(nat.population), what,
      list: data.model.worst.map((d) => `${d.name} (${pct(100 * d.share, 0)})`).join(lang === 'ar' ? '، ' : ', '),
    }) + (words.lancetApplies
      ? `${t('access.lancetSentence')}${words.lancetExact ? t(nat.share >= LANCET_SURGERY_TARGET.share ? 'access.lancetMet' : 'access.lancetNotMet') : t('access.lancetSet')}.`
      : '')
    : '';

  return (
    <>
      <p className="summary access-lead">
        {t('access.lead')}
      </p>
      <AccessControls settings={s} set={set} services={held.services} capacities={held.capacities} />
      {(unheldService || unheldCapacity) && (
        <p className="muted small not-in-data" data-testid="access-unheld">
          {unheldService ? t('known.serviceUnheld', { service: t(`access.svc.${unheldService}`) }) : ''}
          {unheldService && unheldCapacity ? ' ' : ''}
          {unheldCapacity ? t('known.capacityUnheld', { capacity: t(`access.cap.${unheldCapacity}`), shown: t(`access.cap.${s.capacity}`) }) : ''}
        </p>
      )}
      <AccessReachBy reach={s.reach} set={set} />

      <AccessKpiPanel s={s} scope={scope} words={words} data={data} />
      {coverageSummary && <p className="summary" data-testid="coverage-summary" aria-live="polite">{coverageSummary}</p>}
      {s.reach === 'time' && <AccessTravelTime settings={s} filters={filters} districts={data.model.districts} scope={scope} caption={words.source} />}

      <div className="grid-2">
        <AccessMapPanel s={s} words={words} data={data} set={set} />
        <AccessBarsPanel words={words} data={data} summary={coverageSummary} />
      </div>

      <div className="grid-2">
        <AccessCurvePanel s={s} scope={scope} inProvince={Boolean(view.province)} words={words} data={data} />
        <AccessPriorityPanel words={words} data={data} />
      </div>

      <AccessTablePanel scope={scope} what={what} data={data} selected={view.district} onSelect={(district) => onChange({ district })} />

      <AccessMethodNote settings={s} lancetApplies={words.lancetApplies} plan={data.acc.key} />
    </>
  );
}
