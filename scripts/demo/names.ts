/** Fictional place names (English and Arabic) for the synthetic demonstration country. */
const PREFIXES: readonly [string, string][] = [
  ['Wadi', 'وادي'], ['Jabal', 'جبل'], ['Ras', 'رأس'], ['Bir', 'بئر'], ['Tal', 'تل'], ['Ain', 'عين'],
];
const ROOTS: readonly [string, string][] = [
  ['Noor', 'النور'], ['Tin', 'التين'], ['Zaytun', 'الزيتون'], ['Ramla', 'الرملة'],
  ['Qamar', 'القمر'], ['Nakhil', 'النخيل'], ['Ward', 'الورد'], ['Hajar', 'الحجر'],
];

/** 48 distinct district names, deterministic. */
export function districtNames(count: number): { en: string; ar: string }[] {
  const names: { en: string; ar: string }[] = [];
  for (let r = 0; r < ROOTS.length; r++) {
    for (let p = 0; p < PREFIXES.length; p++) {
      // Interleave so that neighbouring districts do not share a prefix.
      const [pe, pa] = PREFIXES[(p + r) % PREFIXES.length];
      const [re, ra] = ROOTS[r];
      names.push({ en: `${pe} ${re}`, ar: `${pa} ${ra}` });
    }
  }
  if (count > names.length) throw new Error(`only ${names.length} district names, asked for ${count}`);
  return names.slice(0, count);
}

export const COUNTRY = { id: 'XX', en: 'Demo Republic (synthetic)', ar: 'جمهورية العرض (بيانات اصطناعية)' };

export const PROVINCE_NAMES: readonly { en: string; ar: string }[] = [
  { en: 'Western Hills', ar: 'التلال الغربية' },
  { en: 'Southern Savanna', ar: 'السافانا الجنوبية' },
  { en: 'Capital Province', ar: 'محافظة العاصمة' },
  { en: 'River Valley', ar: 'وادي النهر' },
  { en: 'Northern Highlands', ar: 'المرتفعات الشمالية' },
  { en: 'Coastal Plain', ar: 'السهل الساحلي' },
  { en: 'Eastern Desert', ar: 'الصحراء الشرقية' },
];

export const PARTNERS: Record<string, readonly string[]> = {
  academic: ['Capital University Medical School', 'Northern Highlands University', 'College of Nursing and Midwifery', 'Institute of Public Health'],
  international: ['International Health Alliance', 'Global Maternal Health Fund', 'Regional Development Bank Health Programme'],
  ngo: ['Doctors for All', 'Community Health Network', 'Rural Care Initiative', 'Mothers First'],
  charity: ['Hope Foundation', 'Crescent Relief Trust', 'Children’s Health Charity'],
  military: ['Armed Forces Medical Service'],
  government: ['Ministry of Health Outreach Unit', 'Provincial Health Directorate'],
  private: ['MedCorp Group', 'Unity Pharmaceuticals'],
};
