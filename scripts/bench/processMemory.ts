import { readdirSync, readFileSync } from 'node:fs';

/** kB fields of /proc/PID/status (VmRSS, VmHWM...) in bytes. */
export function parseProcStatus(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const line of text.split('\n')) {
    const m = /^(\w+):\s+(\d+) kB$/.exec(line.trim());
    if (m) out[m[1]] = Number(m[2]) * 1024;
  }
  return out;
}

export interface RendererMemory { pid: number; rssBytes: number; peakRssBytes: number }

/** Parent pid from /proc/PID/stat (the field after the parenthesised command name, which may contain spaces). */
export function parsePpid(stat: string): number {
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}

/**
 * Chromium renderer processes descending from the browser started with `--care-bench-id=<id>`, with their resident
 * memory now and at its peak (VmHWM). The page, its DuckDB worker and decoder worker live in one renderer.
 * Linux only; elsewhere returns [].
 */
export function rendererMemory(id: string): RendererMemory[] {
  let pids: number[];
  try {
    pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p)).map(Number);
  } catch {
    return [];
  }
  const read = (pid: number, file: string) => {
    try {
      return readFileSync(`/proc/${pid}/${file}`, 'latin1');
    } catch {
      return ''; // The process ended while we looked.
    }
  };
  const children = new Map<number, number[]>();
  for (const pid of pids) {
    const stat = read(pid, 'stat');
    if (!stat) continue;
    const ppid = parsePpid(stat);
    children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
  const roots = pids.filter((pid) => read(pid, 'cmdline').split('\0').includes(`--care-bench-id=${id}`));
  const out: RendererMemory[] = [];
  const seen = new Set<number>();
  const stack = [...roots];
  while (stack.length) {
    const pid = stack.pop()!;
    if (seen.has(pid)) continue;
    seen.add(pid);
    stack.push(...(children.get(pid) ?? []));
    if (!read(pid, 'cmdline').includes('--type=renderer')) continue;
    const s = parseProcStatus(read(pid, 'status'));
    out.push({ pid, rssBytes: s.VmRSS ?? 0, peakRssBytes: s.VmHWM ?? 0 });
  }
  return out;
}
