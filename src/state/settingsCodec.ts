/**
 * Typed settings in the link. Each view (and the global facility filter) declares its settings once, as fields with a
 * reader, a writer and a default; the codec reads them from `view.extra` and writes a patch back. Keys are namespaced
 * (`access.km`, `plan.radius`, `filter.facility_type`), so no two views or filters share a key.
 */

/** The link's length budget, defined here once: a setting's value, and a long one (the Plan's scenarios). */
export const VALUE_BUDGET = 200;
export const LONG_VALUE_BUDGET = 2000;

export interface Field<T> {
  /** The value a link's text stands for; undefined when it is not a valid value (the default applies, with a notice). */
  read(text: string): T | undefined;
  write(value: T): string;
  /** May use LONG_VALUE_BUDGET instead of VALUE_BUDGET. */
  long?: boolean;
  /** The key this setting had in links made before keys were namespaced (linkMigration.ts). */
  legacy?: string;
}

export interface SettingsCodec<S> {
  /** The view it belongs to (legacy keys are migrated for that view only); none for the global filter. */
  view?: string;
  namespace: string;
  fields: { readonly [K in keyof S]-?: Field<S[K]> };
  /** The link key of a setting. */
  key(name: keyof S): string;
  /** Every setting, with defaults for the absent and the invalid; `invalid` names the link keys that were dropped. */
  read(extra: Readonly<Record<string, string>>): { settings: S; invalid: string[] };
  /** `extra` with `patch` written in; a setting equal to its default leaves the link (undefined removes it too). */
  write(extra: Readonly<Record<string, string>>, patch: { [K in keyof S]?: S[K] | undefined }): Record<string, string>;
}

/** What the link parser and its tests need of any codec: the keys it owns and their legacy names. */
export interface LinkKeys {
  view?: string;
  namespace: string;
  fields: Readonly<Record<string, { legacy?: string }>>;
  key(name: string): string;
}

/**
 * A codec for `namespace`. `defaults` fills what the link does not set, given what it does (a default may depend on
 * another setting, e.g. the walking speed on the travel mode).
 */
export function settingsCodec<S extends object>(
  namespace: string,
  fields: { readonly [K in keyof S]-?: Field<S[K]> },
  defaults: (given: Partial<S>) => S,
  view?: string,
): SettingsCodec<S> {
  const names = Object.keys(fields) as (keyof S & string)[];
  // Link keys are lower case: `facilityType` travels as `filter.facility_type`.
  const key = (name: keyof S) => `${namespace}.${String(name).replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`;
  const parse = (extra: Readonly<Record<string, string>>) => {
    const given: Partial<S> = {};
    const invalid: string[] = [];
    for (const n of names) {
      const text = extra[key(n)];
      if (text === undefined) continue;
      const f = fields[n];
      const v = text.length <= (f.long ? LONG_VALUE_BUDGET : VALUE_BUDGET) ? f.read(text) : undefined;
      if (v === undefined) invalid.push(key(n));
      else given[n] = v;
    }
    return { given, invalid };
  };
  return {
    view, namespace, fields, key,
    read(extra) {
      const { given, invalid } = parse(extra);
      return { settings: defaults(given), invalid };
    },
    write(extra, patch) {
      const { given } = parse(extra);
      for (const n of names) {
        if (!(n in patch)) continue;
        if (patch[n] === undefined) delete given[n];
        else given[n] = patch[n];
      }
      const out: Record<string, string> = {};
      for (const [k, v] of Object.entries(extra)) if (!k.startsWith(`${namespace}.`)) out[k] = v;
      for (const n of names) {
        if (given[n] === undefined) continue;
        const text = fields[n].write(given[n]!);
        // Compared with the default it would have without it, given the others: a dependent default (sigma =
        // catchment / 2) stays out of the link too.
        const without = { ...given };
        delete without[n];
        if (text !== fields[n].write(defaults(without)[n])) out[key(n)] = text;
      }
      return out;
    },
  };
}

/** One of a fixed list of words. */
export function oneOf<T extends string>(allowed: readonly T[], legacy?: string): Field<T> {
  return { read: (t) => ((allowed as readonly string[]).includes(t) ? (t as T) : undefined), write: (v) => v, legacy };
}

/** A number within [min, max], on the step grid counted from min when a step is given. */
export function numberIn(r: { min: number; max: number; step?: number }, legacy?: string): Field<number> {
  return {
    read(t) {
      if (t.trim() === '') return undefined;
      const x = Number(t);
      if (!Number.isFinite(x) || x < r.min || x > r.max) return undefined;
      if (r.step && Math.abs((x - r.min) / r.step - Math.round((x - r.min) / r.step)) > 1e-9) return undefined;
      return x;
    },
    write: (v) => String(v),
    legacy,
  };
}

/** A whole number within [min, max]. */
export const intIn = (min: number, max: number, legacy?: string): Field<number> => {
  const f = numberIn({ min, max }, legacy);
  return { ...f, read: (t) => (/^-?\d+$/.test(t) ? f.read(t) : undefined) };
};

/** On or off: `1` in the link, absent when off. */
export const flag = (legacy?: string): Field<boolean> => ({ read: (t) => (t === '1' ? true : t === '0' ? false : undefined), write: (v) => (v ? '1' : '0'), legacy });

/** Free text matching `pattern` (ids, codes). */
export const textLike = (pattern: RegExp, legacy?: string, long?: boolean): Field<string> => ({ read: (t) => (pattern.test(t) ? t : undefined), write: (v) => v, legacy, long });

/** A setting that may be unset (null: the view chooses from the data); null leaves the link. */
export const nullable = <T>(f: Field<T>): Field<T | null> => ({ ...f, write: (v) => (v === null ? '' : f.write(v)) });
