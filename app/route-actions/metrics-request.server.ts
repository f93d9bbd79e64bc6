// What the dashboard's download and list routes share: the filters from the
// URL (the same rules as the page) and one of the tables, or a plain-text
// 400 in the reader's language when the URL asks for something invalid.
import type { TFunction } from "i18next";
import { isTableKey, type TableKey } from "~/models/metrics-sources.server";
import {
  dashboardMetrics,
  resolveDashboardFilters,
  type DashboardFilters,
  type DashboardTable,
} from "~/models/metrics.server";

export function badRequest(message: string): Response {
  return new Response(message, {
    status: 400,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

export async function filtersOrResponse(url: URL, t: TFunction): Promise<DashboardFilters | Response> {
  const outcome = await resolveDashboardFilters(url.searchParams);
  if (!outcome.ok)
    return badRequest(
      Object.values(outcome.errors)
        .map((key) => t(key as "dashboard.errors.dateInvalid"))
        .join(" "),
    );
  return outcome.filters;
}

export async function tableOrResponse(
  url: URL,
  t: TFunction,
): Promise<{ table: DashboardTable; filters: DashboardFilters } | Response> {
  const key = url.searchParams.get("table") ?? "";
  if (!isTableKey(key)) return badRequest(t("dashboard.errors.unknownTable"));
  const filters = await filtersOrResponse(url, t);
  if (filters instanceof Response) return filters;
  const { tables } = await dashboardMetrics(filters, [key as TableKey]);
  return { table: tables[0]!, filters };
}

export const exportFileName = (table: DashboardTable, filters: DashboardFilters, extension: string) =>
  `dashboard-${table.key}-${filters.granularity}-${filters.from}-${filters.to}.${extension}`;
