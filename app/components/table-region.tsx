import type { ReactNode } from "react";

type Name = { label: string; labelledBy?: never } | { labelledBy: string; label?: never };

// Every table sits in one of these. A table wider than the screen then scrolls
// sideways inside its own box, never the page (WCAG 1.4.10, reflow at 320 px).
// The box is a named region with tabindex=0, the pattern GOV.UK accepts for
// wide tables: keyboard users can focus it and scroll it with the arrow keys,
// and screen readers announce it by the table's name. Without the tab stop a
// scrolled-away column would be out of reach for anyone without a mouse.
export function TableRegion({ children, ...name }: Name & { children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" tabIndex={0} aria-label={name.label} aria-labelledby={name.labelledBy}>
      {children}
    </div>
  );
}
