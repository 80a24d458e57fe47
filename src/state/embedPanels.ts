import type { TableName } from '../data/contract';
import type { ViewId } from './urlState';

/**
 * The panels another site can embed (`?embed=<id>`): the view each lives in, and what the embedded page
 * loads for it. Tables their keys point to are added by the session (sessionTables.ts); boundaries only for maps.
 */
export const EMBED_PANELS = {
  'overview-map': { view: 'overview', tables: ['regions', 'facilities'], boundaries: true },
  'overview-bars': { view: 'overview', tables: ['regions', 'facilities'], boundaries: false },
  'equity-equiplot': { view: 'equity', tables: ['regions', 'indicator_catalog', 'coverage'], boundaries: false },
  'equity-subgroups': { view: 'equity', tables: ['regions', 'indicator_catalog', 'coverage'], boundaries: false },
  'equity-trend': { view: 'equity', tables: ['regions', 'indicator_catalog', 'coverage'], boundaries: false },
  'equity-benchmark': { view: 'equity', tables: ['regions', 'indicator_catalog', 'coverage'], boundaries: false },
  'equity-access': { view: 'equity', tables: ['regions', 'facilities', 'socioeconomic'], boundaries: false },
  'access-map': { view: 'access', tables: ['regions', 'facilities', 'population'], boundaries: true },
  'access-bars': { view: 'access', tables: ['regions', 'facilities', 'population'], boundaries: false },
  'access-curve': { view: 'access', tables: ['regions', 'facilities', 'population'], boundaries: false },
  'access-priority': { view: 'access', tables: ['regions', 'facilities', 'population', 'socioeconomic'], boundaries: false },
  // Plan: scenarios come from the link (sc); poverty (socioeconomic) feeds the priority rank and concentration indices.
  'plan-comparison': { view: 'plan', tables: ['regions', 'facilities', 'population', 'socioeconomic'], boundaries: false },
  'plan-map': { view: 'plan', tables: ['regions', 'facilities', 'population'], boundaries: true },
  'plan-districts': { view: 'plan', tables: ['regions', 'facilities', 'population', 'socioeconomic'], boundaries: false },
  'plan-placement': { view: 'plan', tables: ['regions', 'facilities', 'population'], boundaries: false },
} as const satisfies Record<string, { view: ViewId; tables: readonly TableName[]; boundaries: boolean }>;

export type EmbedPanelId = keyof typeof EMBED_PANELS;

export const isEmbedPanel = (id: string): id is EmbedPanelId => Object.hasOwn(EMBED_PANELS, id);
