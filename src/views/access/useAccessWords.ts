import { useMemo } from 'react';
import { useSourceLabel } from '../../components/useSourceLabel';
import { useI18n } from '../../i18n/I18nContext';
import { travelMinutes } from '../../metrics/access';
import { LANCET_SURGERY_TARGET } from '../../metrics/accessThresholds';
import type { AccessSettings } from './accessSettings';

export interface AccessWords {
  /** The source line under every chart. */
  source: string;
  /** "within 5 km", "within 60 minutes on foot". */
  threshold: string;
  serviceLabel: string;
  /** "within 5 km of any health facility". */
  what: string;
  /** The Lancet Commission's surgical target applies (service = surgery), and the threshold is exactly its 2 hours. */
  lancetApplies: boolean;
  lancetExact: boolean;
  target: { share: number; label: string } | undefined;
  /** Unit of the catchment accessibility ("health workers per 10,000"). */
  accessUnit: string;
  /** Minutes per straight-line km when the threshold is in minutes. */
  minutesPerKm: number | undefined;
  /** Unit of the coverage curve's x axis. */
  xUnit: string;
}

/** The Access view's shared wording for its settings, in the interface language. */
export function useAccessWords(s: AccessSettings): AccessWords {
  const { t, num } = useI18n();
  const sourceLabel = useSourceLabel();
  const { unit, km, minutes, travel, service, capacity, speedKmh, circuity } = s;
  return useMemo(() => {
    const threshold = unit === 'km'
      ? t('access.thresholdKm', { km: num(km, km % 1 ? 1 : 0) })
      : t(travel === 'walking' ? 'access.thresholdWalk' : 'access.thresholdMotor', { min: num(minutes) });
    const serviceLabel = t(`access.svc.${service}`);
    const lancetApplies = service === 'surgery';
    return {
      source: t('access.caption', { source: sourceLabel }),
      threshold,
      serviceLabel,
      what: t('access.what', { threshold, service: serviceLabel }),
      lancetApplies,
      lancetExact: lancetApplies && unit === 'min' && minutes === LANCET_SURGERY_TARGET.hours * 60,
      target: lancetApplies ? { share: LANCET_SURGERY_TARGET.share, label: t('access.lancetTarget') } : undefined,
      accessUnit: t(`access.capUnit.${capacity}`),
      minutesPerKm: unit === 'min' ? travelMinutes(1, { speedKmh, circuity }) : undefined,
      xUnit: unit === 'km' ? t('access.curveUnitKm') : t('access.curveUnitMin', { travel: t(travel === 'walking' ? 'access.walking' : 'access.motorised') }),
    };
  }, [t, num, sourceLabel, unit, km, minutes, travel, service, capacity, speedKmh, circuity]);
}
