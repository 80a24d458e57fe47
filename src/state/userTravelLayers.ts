/**
 * The travel-time files the user loaded (roads, barriers, friction GeoTIFFs; src/import/travelFiles.ts), outside React
 * like the dataset session: datasetStore's loadFiles sets them, useTravelTime reads them. A kind the user did not load
 * stays the demo's (over the demo's population) or absent.
 */
import { useSyncExternalStore } from 'react';
import type { UserTravelLayers } from '../import/travelFiles';

export const NO_USER_LAYERS: UserTravelLayers = { roads: null, barriers: null, landCover: null, friction: {} };
let layers: UserTravelLayers = NO_USER_LAYERS;
const listeners = new Set<() => void>();

/** Merge a batch's layers in (each kind it holds replaces the one before); `reset` first drops them all (a dataset replaced). */
export function setUserTravelLayers(batch: UserTravelLayers, reset = false): void {
  const base = reset ? NO_USER_LAYERS : layers;
  const hasFriction = Object.keys(batch.friction).length > 0;
  if (!reset && !batch.roads && !batch.barriers && !batch.landCover && !hasFriction && !batch.surface) return;
  layers = { roads: batch.roads ?? base.roads, barriers: batch.barriers ?? base.barriers, landCover: batch.landCover ?? base.landCover, friction: hasFriction ? batch.friction : base.friction, surface: batch.surface ?? base.surface ?? null };
  listeners.forEach((l) => l());
}

export const hasUserTravelLayers = (l: UserTravelLayers): boolean => Boolean(l.roads || l.barriers || l.landCover || Object.keys(l.friction).length || l.surface);

export function useUserTravelLayers(): UserTravelLayers {
  return useSyncExternalStore((l) => {
    listeners.add(l);
    return () => listeners.delete(l);
  }, () => layers);
}
