import { memo, type ComponentType } from 'react';
import type { ViewId, ViewState } from '../state/urlState';
import { AccessView } from './access/AccessView';
import { EquityView } from './equity/EquityView';
import { DataView } from './data/DataView';
import { NeedView } from './need/NeedView';
import { OverviewView } from './overview/OverviewView';
import { PartnershipsView } from './partnerships/PartnershipsView';
import { PlanView } from './plan/PlanView';
import { TrendsView } from './trends/TrendsView';

export interface ViewProps {
  view: ViewState;
  /** "whole country" or the province name: for titles. */
  scope: string;
  onChange: (patch: Partial<ViewState>) => void;
}

type Page = { id: ViewId; label: string; component: ComponentType<ViewProps> };

/**
 * The dashboard's pages, in tab order. Each id must also be listed in VIEW_IDS (state/urlState.ts). Memoised: the
 * header re-renders as tables load, and a page full of charts should re-render only for its own props and queries.
 */
export const VIEWS: readonly Page[] = ([
  { id: 'overview', label: 'Overview', component: OverviewView },
  { id: 'equity', label: 'Equity', component: EquityView },
  { id: 'need', label: 'Need vs access', component: NeedView },
  { id: 'partnerships', label: 'Partnerships', component: PartnershipsView },
  { id: 'trends', label: 'Trends', component: TrendsView },
  { id: 'data', label: 'Data', component: DataView },
  { id: 'access', label: 'Access', component: AccessView },
  { id: 'plan', label: 'Plan', component: PlanView },
] satisfies Page[]).map((v) => ({ ...v, component: memo(v.component) }));
