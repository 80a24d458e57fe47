import { useCallback, useEffect, useState } from 'react';

/** Width of an element, updated on resize: charts fit their container (and an iframe). A callback ref, so an
 *  element that mounts later (after a panel's loading state) is still measured. */
export function useElementWidth<T extends HTMLElement>(): [(el: T | null) => void, number] {
  const [el, setEl] = useState<T | null>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry.contentRect.width)));
    observer.observe(el);
    setWidth(Math.floor(el.getBoundingClientRect().width));
    return () => observer.disconnect();
  }, [el]);
  return [useCallback((node: T | null) => setEl(node), []), width];
}
