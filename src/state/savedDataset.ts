import { createStore, del, get, set, type UseStore } from 'idb-keyval';

/**
 * The user's dataset kept in this browser (IndexedDB through idb-keyval): the original bytes of each loaded file and
 * of the boundaries, the dataset's name and when it was loaded. Restored at the next visit; "Forget this data"
 * deletes it. Storing can fail (quota, private mode, a store damaged or blocked): every function here reports a
 * failure as a value and never throws, so the page and the session in memory carry on.
 */
export interface SavedDataset {
  version: 1;
  name: string;
  loadedAt: string;
  /** Files of the tables, as loaded (their names say which table they are). */
  files: { name: string; bytes: Uint8Array }[];
  boundaries: { name: string; bytes: Uint8Array } | null;
  /** The user chose to keep the demo's other tables beside theirs. */
  keepDemo: boolean;
}

export type StoreResult<T> = { ok: true; value: T } | { ok: false; message: string; damaged?: boolean };

const KEY = 'dataset';
let store: UseStore | null = null;
// IndexedDB can hang (a blocked upgrade, a browser setting): never wait on it for long.
const TIMEOUT_MS = 5000;

function withTimeout<T>(p: Promise<T>): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`the browser's storage did not answer within ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS))]);
}

async function attempt<T>(run: (s: UseStore) => Promise<T>): Promise<StoreResult<T>> {
  try {
    if (typeof indexedDB === 'undefined') return { ok: false, message: 'this browser offers no storage (IndexedDB) here' };
    store ??= createStore('care-access-dashboard', 'datasets');
    return { ok: true, value: await withTimeout(run(store)) };
  } catch (e) {
    const name = e instanceof DOMException ? e.name : '';
    const why = name === 'QuotaExceededError' ? 'the browser has no room left for it (storage quota)' : e instanceof Error ? e.message : String(e);
    return { ok: false, message: why };
  }
}

export const saveDataset = (d: SavedDataset): Promise<StoreResult<void>> => attempt((s) => set(KEY, d, s));

/** The saved dataset, null when there is none; a damaged record counts as a failure (and is left for Forget to clear). */
export async function readSavedDataset(): Promise<StoreResult<SavedDataset | null>> {
  const r = await attempt((s) => get<SavedDataset>(KEY, s));
  if (!r.ok || r.value === undefined || r.value === null) return r.ok ? { ok: true, value: null } : r;
  const d = r.value;
  const isBytes = (x: unknown) => x instanceof Uint8Array;
  const valid = d && d.version === 1 && typeof d.name === 'string' && Array.isArray(d.files)
    && d.files.every((f) => typeof f?.name === 'string' && isBytes(f.bytes)) && (d.boundaries === null || isBytes(d.boundaries?.bytes));
  return valid ? { ok: true, value: d } : { ok: false, message: 'the saved dataset is damaged and could not be read', damaged: true };
}

export const forgetDataset = (): Promise<StoreResult<void>> => attempt((s) => del(KEY, s));
