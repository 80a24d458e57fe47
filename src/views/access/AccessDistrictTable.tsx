import {
  createColumnHelper, createSortedRowModel, rowSortingFeature, sortFn_alphanumeric, tableFeatures, useTable, type SortingState,
} from '@tanstack/react-table';
import { useState } from 'react';
import { DistrictRows } from '../../components/DistrictRows';
import type { MessageKey } from '../../i18n/en';
import { useI18n } from '../../i18n/I18nContext';
import { SortableHead } from '../../components/SortableHead';
import type { KnownMeasure } from '../../metrics/knownShare';

export interface AccessDistrictRow {
  region_id: string;
  name: string;
  province: string;
  population: number;
  /** Share of people within the threshold, 0..1. */
  share: number | null;
  accessibility: number | null;
  poverty: number | null;
  priority: number | null;
  /** The two halves of the priority score (percentile ranks, 0..1). */
  accessNeed?: number;
  povertyNeed?: number;
  workforce_per_10k: number | null;
  whoShortage: boolean;
  peoplePerDoctor: number | null;
  hpsaShortage: boolean;
  beds_per_10k: number | null;
  /** Why a density is blank (not in this dataset, known for too few facilities) or how much of it is known; none when all is. */
  notes?: Partial<Record<'workforce' | 'doctors' | 'beds', KnownMeasure>>;
}

const features = tableFeatures({ rowSortingFeature, sortedRowModel: createSortedRowModel(), sortFns: { alphanumeric: sortFn_alphanumeric } });
const helper = createColumnHelper<typeof features, AccessDistrictRow>();

/** Headers and cells render as components, so the module-scope columns follow the interface language. */
function Head({ k }: { k: MessageKey }) {
  return <>{useI18n().t(k)}</>;
}
function Num({ value, digits, scale = 1 }: { value: unknown; digits: number; scale?: number }) {
  return <>{useI18n().num(value == null ? null : (value as number) * scale, digits)}</>;
}
/** A figure under a shortage line, with the word "short" beside it (never colour alone); a missing one says why. */
function Flagged({ value, digits, short, known }: { value: unknown; digits: number; short: boolean; known?: KnownMeasure }) {
  const { t, num, pct } = useI18n();
  // The reason is said once, above the table (tableSubtitleNoStaff, known.noShortageFlags); a cell stays short.
  const note = !known || known.status === 'known' ? undefined
    : known.status === 'absent' ? t('known.notInDataShort') : t('known.shareShort', { share: pct(100 * known.share!, 0) });
  if (value == null && note) return <span className="not-in-data">{note}</span>;
  const text = num(value as number | null, digits);
  const share = note ? <span className="muted small"> ({note})</span> : null;
  return short ? <span className="access-short">{text} <span className="access-short-tag">{t('access.short')}</span>{share}</span> : <>{text}{share}</>;
}
const numeric = { meta: { numeric: true } };
const fmt = (digits: number, scale = 1) => (c: { getValue: () => unknown }) => <Num value={c.getValue()} digits={digits} scale={scale} />;
const flagged = (digits: number, flag: (r: AccessDistrictRow) => boolean, measure: 'workforce' | 'doctors' | 'beds') =>
  (c: { getValue: () => unknown; row: { original: AccessDistrictRow } }) =>
    <Flagged value={c.getValue()} digits={digits} short={flag(c.row.original)} known={c.row.original.notes?.[measure]} />;

const columns = helper.columns([
  helper.accessor('name', { header: () => <Head k="col.district" />, sortFn: 'alphanumeric', meta: { select: true } }),
  helper.accessor('province', { header: () => <Head k="col.province" />, sortFn: 'alphanumeric' }),
  helper.accessor('population', { header: () => <Head k="col.population" />, cell: fmt(0), ...numeric }),
  helper.accessor('share', { header: () => <Head k="access.colWithin" />, cell: fmt(1, 100), ...numeric }),
  helper.accessor('accessibility', { header: () => <Head k="access.colAccess" />, cell: fmt(1), ...numeric }),
  helper.accessor('poverty', { header: () => <Head k="access.colPoverty" />, cell: fmt(1), ...numeric }),
  helper.accessor('priority', { header: () => <Head k="access.colPriority" />, cell: fmt(2), ...numeric }),
  helper.accessor('workforce_per_10k', { header: () => <Head k="measure.workforce.short" />, cell: flagged(1, (r) => r.whoShortage, 'workforce'), ...numeric }),
  helper.accessor('peoplePerDoctor', { header: () => <Head k="access.colPeoplePerDoctor" />, cell: flagged(0, (r) => r.hpsaShortage, 'doctors'), ...numeric }),
  helper.accessor('beds_per_10k', { header: () => <Head k="measure.beds.short" />, cell: flagged(1, () => false, 'beds'), ...numeric }),
]);

/**
 * Every district in scope with its access figures; sorted by priority (highest first) until a header is clicked.
 * A district's name is a button (Tab, then Enter or Space) that selects it everywhere, as in the Overview table.
 */
export function AccessDistrictTable({ rows, selected = null, onSelect }: { rows: AccessDistrictRow[]; selected?: string | null; onSelect?: (id: string | null) => void }) {
  const [sorting, setSorting] = useState<SortingState>([{ id: 'priority', desc: true }]);
  const table = useTable({ features, columns, data: rows, state: { sorting }, onSortingChange: setSorting });
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="access-table">
        <SortableHead groups={table.getHeaderGroups()} />
        <DistrictRows rows={table.getRowModel().rows} selected={selected} onSelect={onSelect} name={(r) => r.name}
          cell={(c) => <table.FlexRender cell={c} />} />
      </table>
    </div>
  );
}
