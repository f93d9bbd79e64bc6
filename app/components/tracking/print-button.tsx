import { useEffect, useState } from "react";

// Shown only once JavaScript runs, since window.print() needs it; the
// browser's own Print menu works either way.
export function PrintButton({ label }: { label: string }) {
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  return (
    <button type="button" className="button no-print" onClick={() => window.print()}>
      {label}
    </button>
  );
}
