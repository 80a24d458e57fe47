/** first-page.json: answers to the first page's queries, computed at build time (scripts/first-page.ts). */
export interface FirstPageFile {
  generator: string;
  /** The files the answers were computed from. */
  sources: { file: string; bytes: number; sha256: string }[];
  /** `key` is `answerKey(query)`: SQL text and parameters. */
  answers: { key: string; rows: Record<string, unknown>[] }[];
}

/** Answers by query key. */
export type Prefetched = ReadonlyMap<string, readonly unknown[]>;

export const NO_ANSWERS: Prefetched = new Map();

/** The answers in a first-page.json; anything malformed counts as no answers (the engine answers instead). */
export function parseFirstPage(json: unknown): Prefetched {
  const answers = (json as Partial<FirstPageFile> | null)?.answers;
  if (!Array.isArray(answers)) return NO_ANSWERS;
  return new Map(answers.filter((a) => typeof a?.key === 'string' && Array.isArray(a.rows)).map((a) => [a.key, a.rows]));
}

/** Fetch the answers; a missing or unreadable file means none. */
export async function fetchFirstPage(url: string): Promise<Prefetched> {
  try {
    const res = await fetch(url);
    return res.ok ? parseFirstPage(await res.json()) : NO_ANSWERS;
  } catch {
    return NO_ANSWERS;
  }
}
