import { createContext, useContext } from 'react';

/** The root node (Plot's figure or svg) of one chart drawn in a panel, read when an image is made. */
export type ChartNode = () => Element | null;

export interface PanelCharts {
  /** A chart in the panel; returns its unregister. Stable for the panel's life. */
  addChart: (node: ChartNode) => () => void;
  /** A data "Download" menu in the panel (it then carries the image formats too); returns its unregister. */
  addDataMenu: () => () => void;
  /** The panel's charts now, in document order. */
  charts: () => Element[];
  hasCharts: boolean;
  title: string;
  subtitle?: string;
  /** File name of its images, without extension (the panel's embed id or test id). */
  fileBase: string;
}

/** Set by each Panel: its charts register here so that the panel can offer them as images. */
export const PanelChartsContext = createContext<PanelCharts | null>(null);

export const usePanelCharts = (): PanelCharts | null => useContext(PanelChartsContext);
