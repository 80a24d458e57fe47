/**
 * Messages between the app and the travel-time worker, and the worker's handler as a plain function (tested in Node;
 * travelTimeWorker.ts only wires it to `self`). Typed arrays cross by transfer, never by copy, except where a
 * surface is kept in the worker for later incremental updates: then the caller gets a copy and the worker keeps its own.
 */
import { addSource, costDistance, type CostDistanceInput, type CostDistanceResult } from './travelTime';

export type TravelTimeRequest =
  /** A full surface. `keep`: a name under which the worker keeps the input and result for addSource. */
  | { id: number; type: 'surface'; input: CostDistanceInput; keep?: string }
  /** Add a facility to a kept surface; the reply lists the cells that changed and their new values. */
  | { id: number; type: 'addSource'; keep: string; cell: number; index: number }
  | { id: number; type: 'release'; keep: string };

export type TravelTimeReply =
  | { id: number; ok: true; type: 'surface'; minutes: Float32Array; nearest: Int32Array; computeMs: number }
  | { id: number; ok: true; type: 'addSource'; changed: Int32Array; minutes: Float32Array; nearest: Int32Array; computeMs: number }
  | { id: number; ok: true; type: 'release' }
  | { id: number; ok: false; error: string };

export interface Kept { input: CostDistanceInput; result: CostDistanceResult }

/** Handles one request against the worker's kept surfaces; returns the reply and the buffers to transfer with it. */
export function handleTravelTime(kept: Map<string, Kept>, req: TravelTimeRequest, now: () => number = () => performance.now()): { reply: TravelTimeReply; transfer: ArrayBuffer[] } {
  try {
    if (req.type === 'surface') {
      const t = now();
      const result = costDistance(req.input);
      const computeMs = now() - t;
      if (req.keep) {
        kept.set(req.keep, { input: req.input, result });
        const minutes = result.minutes.slice();
        const nearest = result.nearest.slice();
        return { reply: { id: req.id, ok: true, type: 'surface', minutes, nearest, computeMs }, transfer: [minutes.buffer as ArrayBuffer, nearest.buffer as ArrayBuffer] };
      }
      return { reply: { id: req.id, ok: true, type: 'surface', ...result, computeMs }, transfer: [result.minutes.buffer as ArrayBuffer, result.nearest.buffer as ArrayBuffer] };
    }
    if (req.type === 'addSource') {
      const k = kept.get(req.keep);
      if (!k) throw new Error(`no travel-time surface kept as "${req.keep}"`);
      const t = now();
      const { changed } = addSource(k.result, k.input, req.cell, req.index);
      const minutes = new Float32Array(changed.length);
      const nearest = new Int32Array(changed.length);
      changed.forEach((cell, i) => {
        minutes[i] = k.result.minutes[cell];
        nearest[i] = k.result.nearest[cell];
      });
      const computeMs = now() - t;
      return { reply: { id: req.id, ok: true, type: 'addSource', changed, minutes, nearest, computeMs }, transfer: [changed.buffer as ArrayBuffer, minutes.buffer as ArrayBuffer, nearest.buffer as ArrayBuffer] };
    }
    kept.delete(req.keep);
    return { reply: { id: req.id, ok: true, type: 'release' }, transfer: [] };
  } catch (e) {
    return { reply: { id: req.id, ok: false, error: e instanceof Error ? e.message : String(e) }, transfer: [] };
  }
}
