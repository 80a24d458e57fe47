/**
 * Messages between the app and the travel-time worker, and the worker's handler as a plain function (tested in Node;
 * travelTimeWorker.ts only wires it to `self`). Typed arrays cross by transfer, never by copy, except where a
 * surface is kept in the worker for later incremental updates: then the caller gets a copy and the worker keeps its own.
 */
import { addSource, costDistance, type CostDistanceInput, type CostDistanceResult } from './travelTime';
import { capacityCoverage, type CoverageInput, type CoverageResult } from './capacityCoverage';
import { referralTimes, type ReferralInput, type ReferralResult } from './referralTime';
import { timeCatchment, type TimeCatchmentInput, type TimeCatchmentResult } from './timeCatchment';

export type TravelTimeRequest =
  /** A full surface. `keep`: a name under which the worker keeps the input and result for addSource. */
  | { id: number; type: 'surface'; input: CostDistanceInput; keep?: string }
  /** Add a facility to a kept surface; the reply lists the cells that changed and their new values. */
  | { id: number; type: 'addSource'; keep: string; cell: number; index: number }
  | { id: number; type: 'release'; keep: string }
  /** The analyses over a surface (issue 17): each runs its searches here, off the main thread. */
  | { id: number; type: 'coverage'; input: CoverageInput }
  | { id: number; type: 'referral'; input: ReferralInput }
  | { id: number; type: 'timeCatchment'; input: TimeCatchmentInput };

export type TravelTimeReply =
  | { id: number; ok: true; type: 'surface'; minutes: Float32Array; nearest: Int32Array; computeMs: number }
  | { id: number; ok: true; type: 'addSource'; changed: Int32Array; minutes: Float32Array; nearest: Int32Array; computeMs: number }
  | { id: number; ok: true; type: 'release' }
  | { id: number; ok: true; type: 'coverage'; result: CoverageResult; computeMs: number }
  | { id: number; ok: true; type: 'referral'; result: ReferralResult; computeMs: number }
  | { id: number; ok: true; type: 'timeCatchment'; result: TimeCatchmentResult; computeMs: number }
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
    if (req.type === 'coverage' || req.type === 'referral' || req.type === 'timeCatchment') return analysis(req, now);
    kept.delete(req.keep);
    return { reply: { id: req.id, ok: true, type: 'release' }, transfer: [] };
  } catch (e) {
    return { reply: { id: req.id, ok: false, error: e instanceof Error ? e.message : String(e) }, transfer: [] };
  }
}

type AnalysisRequest = Extract<TravelTimeRequest, { type: 'coverage' | 'referral' | 'timeCatchment' }>;

function analysis(req: AnalysisRequest, now: () => number): { reply: TravelTimeReply; transfer: ArrayBuffer[] } {
  const t = now();
  if (req.type === 'coverage') {
    const result = capacityCoverage(req.input);
    return { reply: { id: req.id, ok: true, type: 'coverage', result, computeMs: now() - t }, transfer: [result.residual.buffer as ArrayBuffer] };
  }
  if (req.type === 'referral') {
    const result = referralTimes(req.input);
    return { reply: { id: req.id, ok: true, type: 'referral', result, computeMs: now() - t }, transfer: [result.minutes.buffer as ArrayBuffer, result.hospital.buffer as ArrayBuffer] };
  }
  const result = timeCatchment(req.input);
  return { reply: { id: req.id, ok: true, type: 'timeCatchment', result, computeMs: now() - t }, transfer: [result.accessibility.buffer as ArrayBuffer] };
}
