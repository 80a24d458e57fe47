import { useEffect, useId, useRef, useState } from 'react';

interface Props {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  unit: string;
  /** Called ~250 ms after the user stops moving the slider or typing, with a value inside [min, max]. */
  onCommit: (value: number) => void;
  testId: string;
  delayMs?: number;
}

/**
 * A slider with a number box beside it. Both show the value at once; the change is committed after a pause,
 * so a heavy query runs once per settled value, not once per keystroke or slider step.
 */
export function DebouncedNumber({ label, value, min, max, step, unit, onCommit, testId, delayMs = 250 }: Props) {
  const [text, setText] = useState(String(value));
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const id = useId();
  useEffect(() => setText(String(value)), [value]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const change = (raw: string) => {
    setText(raw);
    clearTimeout(timer.current);
    const x = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(x)) return;
    const snapped = Math.min(max, Math.max(min, Math.round((x - min) / step) * step + min));
    const clean = Number(snapped.toFixed(6));
    if (clean !== value) timer.current = setTimeout(() => onCommit(clean), delayMs);
  };
  const numeric = Number(text);
  return (
    <div className="picker access-range">
      <label htmlFor={id}>{label}</label>
      <div className="access-range-inputs">
        <input id={id} type="range" min={min} max={max} step={step} value={Number.isFinite(numeric) ? numeric : value}
          onChange={(e) => change(e.target.value)} data-testid={`${testId}-slider`} aria-valuetext={`${text} ${unit}`} />
        <input type="number" min={min} max={max} step={step} value={text} onChange={(e) => change(e.target.value)}
          aria-label={`${label} (${unit})`} data-testid={`${testId}-input`} />
        <span>{unit}</span>
      </div>
    </div>
  );
}
