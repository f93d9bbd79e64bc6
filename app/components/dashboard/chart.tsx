// Drawn in the browser only: recharts measures the DOM, so the server sends
// the table (which holds every figure) and the chart appears after hydration.
import { useEffect, useState } from "react";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { TableView } from "./format";

// Distinguishable in colour and in print (Okabe–Ito palette).
const COLOURS = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"];

function useHydrated() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

export function DashboardChart({
  table,
  names,
  label,
  loading,
}: {
  table: TableView;
  names: string[];
  label: string;
  loading: string;
}) {
  const hydrated = useHydrated();
  if (!hydrated) return <p className="hint">{loading}</p>;
  const data = table.rows.map((row) =>
    Object.fromEntries([["period", row.label], ...row.values.map((v, i) => [`c${i}`, v])]),
  );
  // Counts of things moving through stages read best as bars; times and money as lines.
  const bars = table.key === "matches";
  const series = names.map((name, i) =>
    bars ? (
      <Bar key={name} dataKey={`c${i}`} name={name} fill={COLOURS[i % COLOURS.length]} isAnimationActive={false} />
    ) : (
      <Line
        key={name}
        dataKey={`c${i}`}
        name={name}
        stroke={COLOURS[i % COLOURS.length]}
        dot={false}
        connectNulls
        isAnimationActive={false}
      />
    ),
  );
  const Chart = bars ? BarChart : LineChart;
  return (
    <figure className="dashboard-chart" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height={280}>
        <Chart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="period" tick={{ fontSize: 12 }} />
          <YAxis tick={{ fontSize: 12 }} allowDecimals={table.key === "durations" || table.key === "orders"} />
          <Tooltip />
          <Legend />
          {series}
        </Chart>
      </ResponsiveContainer>
    </figure>
  );
}
