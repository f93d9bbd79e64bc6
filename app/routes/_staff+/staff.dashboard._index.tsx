import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { titleMeta } from "~/i18n/meta";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DashboardFilterForm } from "~/components/dashboard/filter-form";
import { FigureTable } from "~/components/dashboard/figure-table";
import type { TableView } from "~/components/dashboard/format";
import { i18next } from "~/i18n/i18next.server";
import { periodLabel } from "~/models/metrics-periods.server";
import { dashboardChoices, dashboardMetrics, resolveDashboardFilters } from "~/models/metrics.server";
import { formatDate } from "~/utils/format";
import { requireStaff } from "~/utils/permissions.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data?.metaTitle ? [{ title: data.metaTitle }] : titleMeta(matches, "dashboard.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  const t = await i18next.getFixedT(request);
  const [outcome, choices] = await Promise.all([
    resolveDashboardFilters(new URL(request.url).searchParams),
    dashboardChoices(),
  ]);
  const base = { metaTitle: t("dashboard.metaTitle"), values: outcome.input, choices };
  const headers = { "Cache-Control": "private, no-store" };
  if (!outcome.ok)
    return json(
      { ...base, errors: outcome.errors, tables: [] as TableView[], agencyFiltered: false },
      { status: 400, headers },
    );
  const { filters } = outcome;
  const dashboard = await dashboardMetrics(filters);
  const labels = new Map(dashboard.periods.map((p) => [p.key, periodLabel(p.key, filters.granularity, t)]));
  const tables: TableView[] = dashboard.tables.map((table) => ({
    key: table.key,
    columns: table.columns,
    rows: table.rows.map((row) => ({ ...row, label: labels.get(row.period)! })),
    totals: table.totals,
  }));
  return json({ ...base, errors: {}, tables, agencyFiltered: Boolean(filters.agency) }, { headers });
}

export default function Dashboard() {
  const { t, i18n } = useTranslation();
  const { values, errors, choices, tables, agencyFiltered } = useLoaderData<typeof loader>();
  const day = (value: string) => formatDate(`${value}T00:00:00+07:00`, i18n.language as "vi" | "en");
  return (
    <>
      <p>
        <Link to="/staff">{t("layout.staffArea")}</Link>
      </p>
      <h1>{t("dashboard.title")}</h1>
      <p className="lead">{t("dashboard.lead")}</p>
      <DashboardFilterForm values={values} errors={errors} choices={choices} />
      {agencyFiltered ? <p className="notice">{t("dashboard.filters.agencyNote")}</p> : null}
      {tables.map((table) => (
        <FigureTable
          key={table.key}
          table={table}
          filters={values}
          caption={t(`dashboard.captions.${table.key}`, { from: day(values.from), to: day(values.to) })}
        />
      ))}
    </>
  );
}
