import * as Plot from '@observablehq/plot';
import { brush } from 'd3-brush';
import { select as d3select } from 'd3-selection';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { usePanelCharts } from '../components/panelCharts';

export interface BrushExtent { x: [number, number]; y: [number, number] }

interface PlotFigureProps {
  /**
   * The chart for a given width in pixels (the figure measures its own container and redraws on resize); null draws
   * nothing. Keep it stable (useCallback): a new function redraws the chart.
   */
  spec: (width: number) => Plot.PlotOptions | null;
  testId?: string;
  /** Called with the datum under the pointer when the chart is clicked (marks with `tip` track it). */
  onSelect?: (datum: unknown) => void;
  /** Enables a rectangular brush over the frame; called with the data extent, or null when cleared. */
  onBrush?: (extent: BrushExtent | null) => void;
  /** One generated sentence saying what the chart shows; screen readers read it with the chart (aria-describedby). */
  summary?: string;
}

/** The one thin wrapper around Observable Plot: render the spec in an effect, remove the node on cleanup. */
export function PlotFigure({ spec, testId, onSelect, onBrush, summary }: PlotFigureProps) {
  const ref = useRef<HTMLDivElement>(null);
  const width = useWidth(ref);
  const options = useMemo(() => (width > 0 ? spec(width) : null), [spec, width]);
  const summaryId = useId();
  const select = useRef(onSelect);
  select.current = onSelect;
  const brushed = useRef(onBrush);
  brushed.current = onBrush;
  // The enclosing panel offers this chart as an image (its Download menu reads the drawn node when asked).
  const addChart = usePanelCharts()?.addChart;
  useEffect(() => addChart?.(() => ref.current?.firstElementChild ?? null), [addChart]);
  useEffect(() => {
    if (!options) return;
    const node = Plot.plot(options);
    labelForAssistiveTech(node, summary ? summaryId : null);
    // Plot sets `value` on the figure to the datum its pointer interaction is showing.
    const onClick = () => {
      const datum = (node as unknown as { value?: unknown }).value;
      if (datum !== undefined && datum !== null) select.current?.(datum);
    };
    if (select.current) {
      node.addEventListener('click', onClick);
      node.style.cursor = 'pointer';
    }
    if (brushed.current) attachBrush(node, (e) => brushed.current?.(e));
    ref.current?.append(node);
    // Instrumentation for the cold-start benchmark: when the first chart of the session was drawn.
    if (performance.getEntriesByName('first-chart').length === 0) performance.mark('first-chart');
    return () => {
      node.removeEventListener('click', onClick);
      node.remove();
    };
  }, [options, summary, summaryId]);
  return (
    <>
      <div ref={ref} className="plot-figure" data-testid={testId} />
      {summary && <p id={summaryId} className="visually-hidden" data-testid={testId ? `${testId}-summary` : undefined}>{summary}</p>}
    </>
  );
}

/** The width of the figure's container, followed on resize (charts fit their panel and an iframe). */
function useWidth(ref: React.RefObject<HTMLDivElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry.contentRect.width)));
    observer.observe(el);
    setWidth(Math.floor(el.getBoundingClientRect().width));
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/**
 * The chart as one image for assistive technology: the plot's svg gets role="img", its aria-label and the
 * summary sentence; the marks' and axes' groups (Plot labels them `<g aria-label="bar">` with no role, which
 * axe reports as a prohibited attribute) are hidden from AT — the table alternative carries the data. The
 * labels stay in the DOM for tests and styling. SVG text is laid out left to right even in an RTL page
 * (styles.css): charts mirror through their specs, not through inherited text direction.
 */
function labelForAssistiveTech(node: HTMLElement | SVGSVGElement, describedBy: string | null) {
  const svgs = node.tagName.toLowerCase() === 'svg' ? [node as SVGSVGElement] : [...node.querySelectorAll('svg')];
  const main = svgs.find((s) => s.hasAttribute('aria-label')) ?? svgs[svgs.length - 1];
  if (main) {
    main.setAttribute('role', 'img');
    if (describedBy) main.setAttribute('aria-describedby', describedBy);
  }
  for (const g of node.querySelectorAll('g[aria-label]')) if (!g.hasAttribute('role')) g.setAttribute('aria-hidden', 'true');
  // Legends repeat what the summary and table say; their swatch svgs are decoration.
  for (const s of svgs) if (s !== main && !s.hasAttribute('role')) s.setAttribute('aria-hidden', 'true');
}

/** A d3 brush over the plot frame, reporting the selection in data units through the plot's own scales. */
function attachBrush(node: HTMLElement | SVGSVGElement, report: (e: BrushExtent | null) => void) {
  const svg = node.tagName.toLowerCase() === 'svg' ? (node as SVGSVGElement) : node.querySelector('svg');
  const plot = node as unknown as { scale: (name: string) => { range?: number[]; invert?: (v: number) => number } | undefined };
  const xs = plot.scale('x');
  const ys = plot.scale('y');
  if (!svg || !xs?.range || !ys?.range || !xs.invert || !ys.invert) return;
  const [x0, x1] = [Math.min(...xs.range), Math.max(...xs.range)];
  const [y0, y1] = [Math.min(...ys.range), Math.max(...ys.range)];
  const ix = xs.invert, iy = ys.invert;
  const b = brush<unknown>().extent([[x0, y0], [x1, y1]]).on('end', (event: { selection: [[number, number], [number, number]] | null }) => {
    if (!event.selection) return report(null);
    const [[px0, py0], [px1, py1]] = event.selection;
    const xsel = [ix(px0), ix(px1)].sort((a, b) => a - b) as [number, number];
    const ysel = [iy(py0), iy(py1)].sort((a, b) => a - b) as [number, number];
    report({ x: xsel, y: ysel });
  });
  d3select(svg).append('g').attr('class', 'brush').attr('data-testid', 'brush').call(b as never);
}
