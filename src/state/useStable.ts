import { useMemo } from 'react';

/**
 * `value` with the same identity for as long as its JSON is the same: for plain data built afresh on every render
 * (filters read from the URL, chart points) that a memo or a query depends on. The value itself is returned, not its
 * JSON copy, so numbers JSON cannot hold (NaN, Infinity) pass through; two values that JSON writes alike count as one.
 */
export function useStable<T>(value: T): T {
  const key = JSON.stringify(value);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by the value's JSON on purpose: same data, same identity
  return useMemo(() => value, [key]);
}
