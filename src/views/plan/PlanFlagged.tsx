import { LOCATION_FLAGS } from '../../data/plausibilitySql';
import { useI18n } from '../../i18n/I18nContext';
import { useDataset } from '../../state/useDataset';

/**
 * Facilities whose location is implausible (plausibility checks) are left out of the recommendations unless the
 * user keeps them; says how many, with the switch. Nothing when none is flagged.
 */
export function PlanFlagged({ included, onChange }: { included: boolean; onChange: (included: boolean) => void }) {
  const { t, num } = useI18n();
  const { plausibility } = useDataset('plausibility');
  const leftOut = plausibility?.findings.filter((f) => (LOCATION_FLAGS as readonly string[]).includes(f.id)).reduce((n, f) => n + f.count, 0) ?? 0;
  if (leftOut === 0) return null;
  return (
    <div className="notice" data-testid="plan-flagged" data-count={leftOut} data-included={included}>
      <p>{t(included ? 'plan.flagged.kept' : 'plan.flagged.left', { n: num(leftOut) })}</p>
      <label className="plan-check"><input type="checkbox" checked={included} data-testid="plan-include-flagged"
        onChange={(e) => onChange(e.target.checked)} /> {t('plan.flagged.include')}</label>
    </div>
  );
}
