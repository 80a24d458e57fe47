/** The built-in dataset's fingerprint: fixed, so links made on it never warn (the deployer's data included). */
export const BUILT_IN_FINGERPRINT = 'demo';

const hex = (buf: ArrayBuffer) => Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join('');

export async function sha256Hex(bytes: Uint8Array | string): Promise<string> {
  const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  return hex(await crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>));
}

/**
 * A short name for a dataset, carried in links (`?ds=`): the first 8 hex digits of SHA-256 over the lines
 * "<table>:<SHA-256 of its file>" in table order (a built-in table counts as "<table>:demo"). Same files, same
 * fingerprint, in any browser.
 */
export async function datasetFingerprint(tables: Readonly<Record<string, Uint8Array | 'demo'>>): Promise<string> {
  const names = Object.keys(tables).sort();
  if (names.every((t) => tables[t] === 'demo')) return BUILT_IN_FINGERPRINT;
  const lines = await Promise.all(names.map(async (t) => `${t}:${tables[t] === 'demo' ? 'demo' : await sha256Hex(tables[t] as Uint8Array)}`));
  return (await sha256Hex(lines.join('\n'))).slice(0, 8);
}
