/// <reference lib="webworker" />
// The travel-time engine off the main thread: a module worker (new Worker(url, { type: 'module' })) speaking
// travelTimeProtocol.ts. A 4 M-cell surface takes seconds; the page stays responsive meanwhile.
import { handleTravelTime, type Kept, type TravelTimeRequest } from './travelTimeProtocol';

const kept = new Map<string, Kept>();
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (e: MessageEvent<TravelTimeRequest>) => {
  const { reply, transfer } = handleTravelTime(kept, e.data);
  scope.postMessage(reply, transfer);
};
