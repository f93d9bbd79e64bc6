// Drawn in the browser only: recharts measures the DOM. The table beside
// each chart holds the same figures, so nothing is lost before hydration,
// without JavaScript, or for a screen reader (the chart itself is hidden
// from assistive technology in favour of that table).
import { useEffect, useState } from "react";
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, XAxis, YAxis } from "recharts";

export type ResultBar = { label: string; value: number };

// One colour per measure, distinguishable in colour and in greyscale print.
const COLOURS = ["#0072B2", "#E69F00", "#009E73", "#D55E00"];

function useHydrated() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

export function ResultsChart({ bars, total, label }: { bars: ResultBar[]; total: number; label: string }) {
  const hydrated = useHydrated();
  if (!hydrated) return null;
  const data = bars.map((bar, i) => ({ ...bar, fill: COLOURS[i % COLOURS.length] }));
  return (
    <figure className="results-chart" aria-hidden="true" title={label}>
      <ResponsiveContainer width="100%" height={240}>
        <BarChart data={data} layout="vertical" margin={{ top: 8, right: 40, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" domain={[0, Math.max(total, 1)]} allowDecimals={false} tick={{ fontSize: 12 }} />
          <YAxis type="category" dataKey="label" width={150} tick={{ fontSize: 12 }} />
          <Bar dataKey="value" isAnimationActive={false}>
            <LabelList dataKey="value" position="right" fill="#0b0c0c" />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
