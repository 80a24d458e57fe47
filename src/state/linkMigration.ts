import type { LinkKeys } from './settingsCodec';

/**
 * Links made before settings were namespaced keep working: `?view=access&km=8&ftype=clinic` becomes
 * `?view=access&access.km=8&filter.type=clinic`. The open view's own settings claim a legacy key first (the Access
 * view's service picker and the global facility filter both wrote `service`), then the global ones. A key the new
 * link already has is left as it is.
 */
export function migrateLegacyKeys(params: URLSearchParams, codecs: readonly LinkKeys[]): URLSearchParams {
  const view = params.get('view') ?? 'overview';
  const out = new URLSearchParams(params);
  const ordered = [...codecs.filter((c) => c.view === view), ...codecs.filter((c) => c.view === undefined)];
  for (const codec of ordered) {
    for (const [name, field] of Object.entries(codec.fields)) {
      const old = field.legacy;
      if (!old || !out.has(old)) continue;
      const key = codec.key(name);
      if (!out.has(key)) out.set(key, out.get(old)!);
      out.delete(old);
    }
  }
  return out;
}
