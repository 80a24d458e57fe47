import * as Plot from '@observablehq/plot';
import { useEffect, useRef } from 'react';

/** The one thin wrapper around Observable Plot: render the spec in an effect, remove the node on cleanup. */
export function PlotFigure({ options, testId }: { options: Plot.PlotOptions; testId?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const node = Plot.plot(options);
    node.setAttribute('role', 'img');
    ref.current?.append(node);
    // Instrumentation for the cold-start benchmark: when the first chart of the session was drawn.
    if (performance.getEntriesByName('first-chart').length === 0) performance.mark('first-chart');
    return () => node.remove();
  }, [options]);
  return <div ref={ref} className="plot-figure" data-testid={testId} />;
}
