/**
 * The app's handle on the travel-time worker: one promise per request, typed replies, errors as rejected promises
 * carrying the engine's message. The friction surface is transferred to the worker unless `copyInput` is set (then
 * the caller keeps its array at the cost of one copy).
 */
import type { CostDistanceInput } from './travelTime';
import type { CoverageInput } from './capacityCoverage';
import type { ReferralInput } from './referralTime';
import type { TimeCatchmentInput } from './timeCatchment';
import type { TravelTimeReply, TravelTimeRequest } from './travelTimeProtocol';

type Ok<T extends TravelTimeReply extends infer R ? R extends { ok: true; type: infer K } ? K : never : never> = Extract<TravelTimeReply, { ok: true; type: T }>;

export class TravelTimeClient {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: TravelTimeReply) => void; reject: (e: Error) => void }>();

  constructor(worker?: Worker) {
    this.worker = worker ?? new Worker(new URL('./travelTimeWorker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (e: MessageEvent<TravelTimeReply>) => {
      const p = this.pending.get(e.data.id);
      if (!p) return;
      this.pending.delete(e.data.id);
      if (e.data.ok) p.resolve(e.data);
      else p.reject(new Error(e.data.error));
    };
    this.worker.onerror = (e) => {
      const error = new Error(`travel-time worker failed: ${e.message}`);
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
    };
  }

  /** Minutes and nearest source for every cell. `keep` names the surface for later addSource calls. */
  surface(input: CostDistanceInput, o: { keep?: string; copyInput?: boolean } = {}): Promise<Ok<'surface'>> {
    const sent = o.copyInput ? { ...input, minutesPerMetre: input.minutesPerMetre.slice(), sources: input.sources.slice() } : input;
    const buffers = [...new Set([sent.minutesPerMetre.buffer, sent.sources.buffer])] as ArrayBuffer[];
    return this.send({ id: 0, type: 'surface', input: sent, keep: o.keep }, buffers) as Promise<Ok<'surface'>>;
  }

  /** A new facility at `cell` (reported as `index`) on a kept surface: the changed cells and their new values. */
  addSource(keep: string, cell: number, index: number): Promise<Ok<'addSource'>> {
    return this.send({ id: 0, type: 'addSource', keep, cell, index }, []) as Promise<Ok<'addSource'>>;
  }

  /**
   * The analyses over a surface. The friction (and the population, for coverage and catchments) is copied: the
   * caller keeps its arrays, which the map and the next request read.
   */
  coverage(input: CoverageInput): Promise<Ok<'coverage'>> {
    const sent = { ...input, surface: { ...input.surface, minutesPerMetre: input.surface.minutesPerMetre.slice() }, population: input.population.slice() };
    return this.send({ id: 0, type: 'coverage', input: sent }, [sent.surface.minutesPerMetre.buffer as ArrayBuffer, sent.population.buffer as ArrayBuffer]) as Promise<Ok<'coverage'>>;
  }

  referral(input: ReferralInput): Promise<Ok<'referral'>> {
    const sent = { ...input, surface: { ...input.surface, minutesPerMetre: input.surface.minutesPerMetre.slice() } };
    return this.send({ id: 0, type: 'referral', input: sent }, [sent.surface.minutesPerMetre.buffer as ArrayBuffer]) as Promise<Ok<'referral'>>;
  }

  timeCatchment(input: TimeCatchmentInput): Promise<Ok<'timeCatchment'>> {
    const sent = { ...input, surface: { ...input.surface, minutesPerMetre: input.surface.minutesPerMetre.slice() }, population: input.population.slice() };
    return this.send({ id: 0, type: 'timeCatchment', input: sent }, [sent.surface.minutesPerMetre.buffer as ArrayBuffer, sent.population.buffer as ArrayBuffer]) as Promise<Ok<'timeCatchment'>>;
  }

  release(keep: string): Promise<unknown> {
    return this.send({ id: 0, type: 'release', keep }, []);
  }

  terminate(): void {
    this.worker.terminate();
    const error = new Error('travel-time worker terminated');
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }

  private send(req: TravelTimeRequest, transfer: ArrayBuffer[]): Promise<TravelTimeReply> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...req, id }, transfer);
    });
  }
}
