import type { ReactNode } from 'react';

/**
 * A district name that selects the district: a real button, so Tab reaches it and Enter or Space selects it
 * (the keyboard alternative to clicking the map). aria-pressed says whether it is the selected one.
 */
export function SelectCell({ selected, onToggle, children }: { selected: boolean; onToggle: () => void; children: ReactNode }) {
  return (
    <button type="button" className="row-select" aria-pressed={selected}
      onClick={(e) => { e.stopPropagation(); onToggle(); }}>
      {children}
    </button>
  );
}
