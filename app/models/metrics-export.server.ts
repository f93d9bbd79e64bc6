// Dashboard tables as files: the same figures as the page, one row per
// period, headed in the reader's language. CSV through toCsv (UTF-8 BOM,
// formula-safe), XLSX through toXlsx (numbers stay numbers).
import type { TFunction } from "i18next";
import { toCsv } from "./export.server";
import type { DashboardTable } from "./metrics.server";
import { toXlsx } from "~/utils/xlsx.server";

// A period with no activity at all is exported as the header row alone:
// a file of zeros would read as "we counted and found nothing" for every
// column, while an empty file says plainly there was nothing to count.
export function exportRows(table: DashboardTable, t: TFunction) {
  // Keys built from a union go through a plain signature: resolving i18next's
  // overloads for them inside an array literal crashes tsc 5.9.
  const label = t as unknown as (key: string) => string;
  const periodHeader = label("dashboard.period");
  const metricHeaders = table.columns.map((metric) => label(`dashboard.metrics.${metric}`));
  const headers = [periodHeader, ...metricHeaders];
  const empty = table.rows.every((row) => row.values.every((value) => value === null || value === 0));
  const rows = empty
    ? []
    : table.rows.map((row) =>
        Object.fromEntries([[periodHeader, row.period], ...row.values.map((value, i) => [headers[i + 1]!, value])]),
      );
  return { headers, rows };
}

export function dashboardCsv(table: DashboardTable, t: TFunction): string {
  const { headers, rows } = exportRows(table, t);
  return toCsv(rows, headers);
}

export async function dashboardXlsx(table: DashboardTable, t: TFunction): Promise<Buffer> {
  const { headers, rows } = exportRows(table, t);
  return toXlsx(rows, headers, (t as unknown as (key: string) => string)(`dashboard.tables.${table.key}`));
}
