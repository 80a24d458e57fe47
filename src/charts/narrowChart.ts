/**
 * Below this chart width (a phone: 360-414 px screens give charts ~340-400 px) specs that lay out labels for a wide
 * frame switch to a narrow layout. Wide charts are drawn as before.
 */
export const NARROW_CHART_PX = 520;

export const isNarrowChart = (width: number): boolean => width < NARROW_CHART_PX;
