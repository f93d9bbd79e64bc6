// The staff dashboard: weekly and monthly counts, money and median times,
// every period of the range shown (empty ones as zeros). Each metric is a
// few queries over the whole range (see metrics-sources.server.ts), bucketed
// here by Hanoi period, so the cost does not grow with the number of periods.
import { db } from "~/db.server";
import { dashboardFilterSchema, type DashboardFilterInput, type Granularity } from "~/schemas/dashboard";
import { defaultDays, periodIndex, periodsOf, rangeOf, type Period, type Range } from "./metrics-periods.server";
import {
  metrics,
  metricTables,
  type Grouped,
  type ListRow,
  type MetricEvent,
  type MetricFilters,
  type MetricKey,
  type TableKey,
} from "./metrics-sources.server";

export type DashboardFilters = {
  from: string;
  to: string;
  granularity: Granularity;
  sector: { id: string; slug: string } | null;
  agency: { id: string; name: string } | null;
};

export type FilterOutcome =
  | { ok: true; filters: DashboardFilters; input: Required<DashboardFilterInput> }
  | { ok: false; errors: Partial<Record<keyof DashboardFilterInput, string>>; input: Required<DashboardFilterInput> };

/** Reads the filters from a query string; empty dates fall back to the last 12 weeks (or months). */
export async function resolveDashboardFilters(params: URLSearchParams, now = new Date()): Promise<FilterOutcome> {
  const granularityParam = params.get("granularity") || "week";
  const fallback = defaultDays(granularityParam === "month" ? "month" : "week", now);
  const input = {
    from: params.get("from") || fallback.from,
    to: params.get("to") || fallback.to,
    granularity: granularityParam as Granularity,
    sector: params.get("sector") ?? "",
    agency: params.get("agency") ?? "",
  };
  const parsed = dashboardFilterSchema.safeParse(input);
  const errors: Partial<Record<keyof DashboardFilterInput, string>> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as keyof DashboardFilterInput;
      errors[field] ??= issue.message;
    }
  }
  const sectorSlug = parsed.success ? parsed.data.sector : input.sector.trim() || undefined;
  const agencyId = parsed.success ? parsed.data.agency : input.agency.trim() || undefined;
  const [sector, agency] = await Promise.all([
    sectorSlug && !errors.sector
      ? db.taxonomyTerm.findUnique({
          where: { kind_slug: { kind: "SECTOR", slug: sectorSlug } },
          select: { id: true, slug: true },
        })
      : null,
    agencyId && !errors.agency
      ? db.organisation.findFirst({ where: { id: agencyId, kind: "AGENCY" }, select: { id: true, name: true } })
      : null,
  ]);
  if (sectorSlug && !sector) errors.sector ??= "dashboard.errors.unknownSector";
  if (agencyId && !agency) errors.agency ??= "dashboard.errors.unknownAgency";
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors, input };
  return {
    ok: true,
    input,
    filters: { from: parsed.data.from, to: parsed.data.to, granularity: parsed.data.granularity, sector, agency },
  };
}

export async function dashboardChoices() {
  const [sectors, agencies] = await Promise.all([
    db.taxonomyTerm.findMany({
      where: { kind: "SECTOR" },
      orderBy: [{ sortOrder: "asc" }, { nameVi: "asc" }],
      select: { slug: true, nameVi: true, nameEn: true },
    }),
    db.organisation.findMany({ where: { kind: "AGENCY" }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  return { sectors, agencies };
}

const metricFilters = (filters: DashboardFilters): MetricFilters => ({
  sectorId: filters.sector?.id,
  agencyId: filters.agency?.id,
});

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const DAY_MS = 86_400_000;

/** The median in days from the middle millisecond values grouped in SQL: the same arithmetic as median() over days. */
export function medianOfMiddles(middles: number[] | null): number | null {
  if (!middles) return null;
  const [low, high] = middles as [number, number | undefined];
  return high === undefined ? low / DAY_MS : (low / DAY_MS + high / DAY_MS) / 2;
}

// Days to one decimal: what a person reads, and what the exports carry.
const roundDays = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

export type Figure = number | null;
export type DashboardTable = {
  key: TableKey;
  columns: MetricKey[];
  rows: { period: string; values: Figure[] }[];
  totals: Figure[];
};
export type Dashboard = { periods: { key: string; start: Date; end: Date }[]; tables: DashboardTable[] };

function aggregate(metric: MetricKey, values: number[]): Figure {
  const kind = metrics[metric].aggregate;
  if (kind === "median") return roundDays(median(values));
  return values.reduce((sum, v) => sum + v, 0);
}

async function tableFigures(key: TableKey, f: MetricFilters, range: Range, periods: Period[]): Promise<DashboardTable> {
  const columns = [...metricTables[key]] as MetricKey[];
  const byMetric = await Promise.all(
    columns.map(async (metric): Promise<Grouped | { events: MetricEvent[] }> => {
      const { grouped, source } = metrics[metric];
      if (grouped) return grouped(f, range, periods);
      return { events: await source(f, range, false) };
    }),
  );
  const cells = columns.map((metric, c) => {
    const found = byMetric[c]!;
    if ("counts" in found) return { perPeriod: found.counts, total: found.counts.reduce((sum, n) => sum + n, 0) };
    if ("middles" in found) {
      return {
        perPeriod: found.middles.perPeriod.map((m) => roundDays(medianOfMiddles(m))),
        total: roundDays(medianOfMiddles(found.middles.total)),
      };
    }
    const buckets = periods.map(() => [] as number[]);
    for (const event of found.events) {
      const index = periodIndex(periods, event.at);
      if (index >= 0) buckets[index]!.push(event.value);
    }
    return { perPeriod: buckets.map((values) => aggregate(metric, values)), total: aggregate(metric, buckets.flat()) };
  });
  return {
    key,
    columns,
    rows: periods.map((period, p) => ({ period: period.key, values: cells.map((cell) => cell.perPeriod[p]!) })),
    totals: cells.map((cell) => cell.total),
  };
}

export async function dashboardMetrics(filters: DashboardFilters, only?: TableKey[]): Promise<Dashboard> {
  const range = rangeOf(filters.from, filters.to);
  const periods = periodsOf(range, filters.granularity);
  const f = metricFilters(filters);
  const keys = only ?? (Object.keys(metricTables) as TableKey[]);
  // One table at a time: on SQLite the queries share one connection anyway,
  // and PostgreSQL's pool stays free for other requests.
  const tables: DashboardTable[] = [];
  for (const key of keys) tables.push(await tableFigures(key, f, range, periods));
  return { periods, tables };
}

export const LIST_LIMIT = 500;

/** The records behind one figure: the same source as the count, narrowed to one period when given. */
export async function metricRows(filters: DashboardFilters, metric: MetricKey, periodKey: string | null) {
  const range = rangeOf(filters.from, filters.to);
  const periods = periodsOf(range, filters.granularity);
  const period = periodKey ? periods.find((p) => p.key === periodKey) ?? null : null;
  if (periodKey && !period) return null;
  const events = await metrics[metric].source(metricFilters(filters), range, true);
  const chosen = events
    .filter((e) => (period ? e.at >= period.start && e.at < period.end : true))
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  const rows: ListRow[] = chosen.map((e) => e.row!);
  return {
    period,
    figure: aggregate(
      metric,
      chosen.map((e) => e.value),
    ),
    total: rows.length,
    rows: rows.slice(0, LIST_LIMIT),
  };
}
