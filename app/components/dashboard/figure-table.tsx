import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "~/i18n/config";
import { DashboardChart } from "./chart";
import { formatFigure, queryString, type FilterQuery, type TableView } from "./format";
import { TableRegion } from "~/components/table-region";

// One table of the dashboard: its chart, the same figures as a table (each
// figure a link to the records behind it), and its downloads.
export function FigureTable({ table, filters, caption }: { table: TableView; filters: FilterQuery; caption: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const title = t(`dashboard.tables.${table.key}`);
  const names = table.columns.map((metric) => t(`dashboard.metrics.${metric}` as "dashboard.metrics.offersNew"));
  const empty = t("dashboard.noValue");
  const listHref = (metric: string, period?: string) =>
    `/staff/dashboard/list?${queryString(filters, { metric, ...(period ? { period } : {}) })}`;
  const cell = (metric: string, name: string, periodLabel: string, value: number | null, period?: string) => {
    const shown = formatFigure(value, language, empty);
    return (
      <Link
        to={listHref(metric, period)}
        aria-label={t("dashboard.figureLink", { metric: name, period: periodLabel, value: shown })}
      >
        {shown}
      </Link>
    );
  };
  const totalLabel = table.key === "durations" ? t("dashboard.totalMedian") : t("dashboard.total");
  return (
    <section className="dashboard-table" aria-labelledby={`table-${table.key}`}>
      <h2 id={`table-${table.key}`}>{title}</h2>
      <DashboardChart
        table={table}
        names={names}
        label={t("dashboard.chartLabel", { table: title })}
        loading={t("dashboard.chartLoading")}
      />
      <TableRegion labelledBy={`table-${table.key}`}>
        <table data-table={table.key}>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t("dashboard.period")}</th>
              {names.map((name, i) => (
                <th key={table.columns[i]} scope="col" className="numeric" data-metric={table.columns[i]}>
                  {name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={row.period} data-period={row.period}>
                <th scope="row">{row.label}</th>
                {row.values.map((value, i) => (
                  <td key={table.columns[i]} className="numeric">
                    {cell(table.columns[i]!, names[i]!, row.label, value, row.period)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{totalLabel}</th>
              {table.totals.map((value, i) => (
                <td key={table.columns[i]} className="numeric">
                  {cell(table.columns[i]!, names[i]!, totalLabel, value)}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </TableRegion>
      <p className="dashboard-downloads">
        <a
          href={`/staff/dashboard/export.csv?${queryString(filters, { table: table.key })}`}
          download
          aria-label={t("dashboard.downloadLabel", { format: t("dashboard.downloadCsv"), table: title })}
        >
          {t("dashboard.downloadCsv")}
        </a>
        {" · "}
        <a
          href={`/staff/dashboard/export.xlsx?${queryString(filters, { table: table.key })}`}
          download
          aria-label={t("dashboard.downloadLabel", { format: t("dashboard.downloadXlsx"), table: title })}
        >
          {t("dashboard.downloadXlsx")}
        </a>
      </p>
    </section>
  );
}
