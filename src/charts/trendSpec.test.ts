import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/translate';
import type { TrendRow } from '../queries/trendsSql';
import { trendSpec } from './trendSpec';

const years = Array.from({ length: 10 }, (_, k) => 2015 + k);
const rows: TrendRow[] = years.map((year, k) => ({ region_id: 'C', name: 'Demo', level: 0, role: 'country', dimension: null, year, value: 60 + k }));
const endLabel = (width: number) => {
  const text = trendSpec({ rows, yLabel: '%', width, caption: '' }).marks!.at(-1) as unknown as { channels: { text: { value: (r: TrendRow) => string } } };
  return text.channels.text.value(rows.at(-1)!);
};

describe('trendSpec width', () => {
  it('a wide chart ticks every year and labels the line end on one line', () => {
    const s = trendSpec({ rows, yLabel: '%', width: 1300, caption: '' });
    expect((s.x as { ticks: number[] }).ticks).toEqual(years);
    expect(s.marginRight).toBe(150);
    expect(endLabel(1300)).toBe('Whole country: 69.0');
  });

  it('a phone-width chart ticks every other year (10 labels of ~36 px do not fit in 212 px) and keeps a narrower margin', () => {
    const s = trendSpec({ rows, yLabel: '%', width: 352, caption: '' });
    expect((s.x as { ticks: number[] }).ticks).toEqual([2015, 2017, 2019, 2021, 2023]);
    expect(s.marginRight).toBe(100);
    expect(endLabel(352)).toBe('Whole country:\n69.0');
  });
});

describe('trendSpec in the interface language', () => {
  it('names the country and writes its numbers as the locale does', () => {
    const s = trendSpec({ rows, yLabel: '%', width: 1300, caption: '', loc: { locale: 'ar-u-nu-arab', rtl: true }, t: (k, p) => translate('ar', k, p) });
    expect(s.ariaLabel).toBe('مخطط خطي: البلد كله عبر السنوات');
    const text = s.marks!.at(-1) as unknown as { channels: { text: { value: (r: TrendRow) => string } } };
    expect(text.channels.text.value(rows.at(-1)!)).toBe('البلد كله: ٦٩٫٠');
  });
});
