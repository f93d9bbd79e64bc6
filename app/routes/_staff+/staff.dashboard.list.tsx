import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { titleMeta } from "~/i18n/meta";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatFigure, queryString } from "~/components/dashboard/format";
import type { Language } from "~/i18n/config";
import { i18next } from "~/i18n/i18next.server";
import { periodLabel } from "~/models/metrics-periods.server";
import { isMetricKey, metrics } from "~/models/metrics-sources.server";
import { metricRows, resolveDashboardFilters } from "~/models/metrics.server";
import { pickText } from "~/utils/bilingual";
import { formatDate, formatDateTime } from "~/utils/format";
import { requireStaff } from "~/utils/permissions.server";
import { TableRegion } from "~/components/table-region";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data?.metaTitle ? [{ title: data.metaTitle }] : titleMeta(matches, "dashboard.title");

// The records behind one figure of the dashboard: the same source and
// filters as the count, so the number of rows here is the figure there.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  const t = await i18next.getFixedT(request);
  const params = new URL(request.url).searchParams;
  const metric = params.get("metric") ?? "";
  const outcome = await resolveDashboardFilters(params);
  const back = queryString({ ...outcome.input, granularity: outcome.input.granularity });
  const base = { metaTitle: t("dashboard.list.metaTitle"), back, values: outcome.input };
  const headers = { "Cache-Control": "private, no-store" };
  const fail = (error: string) =>
    json({ ...base, error, metric: null, aggregate: null, result: null, periodName: null }, { status: 400, headers });
  if (!isMetricKey(metric)) return fail(t("dashboard.errors.unknownMetric"));
  if (!outcome.ok)
    return fail(
      Object.values(outcome.errors)
        .map((key) => t(key as "dashboard.errors.dateInvalid"))
        .join(" "),
    );
  const result = await metricRows(outcome.filters, metric, params.get("period") || null);
  if (!result) return fail(t("dashboard.errors.unknownPeriod"));
  const periodName = result.period ? periodLabel(result.period.key, outcome.filters.granularity, t) : null;
  return json({ ...base, error: null, metric, aggregate: metrics[metric].aggregate, result, periodName }, { headers });
}

export default function DashboardList() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const { error, metric, aggregate, result, periodName, back, values } = useLoaderData<typeof loader>();
  const backLink = (
    <p>
      <Link to={`/staff/dashboard?${back}`}>{t("dashboard.list.back")}</Link>
    </p>
  );
  if (error || !metric || !result) {
    return (
      <>
        {backLink}
        <h1>{t("dashboard.title")}</h1>
        <div className="notice notice-error" role="alert">
          {error}
        </div>
      </>
    );
  }
  const empty = t("dashboard.noValue");
  const valueText = (value: number | null) =>
    aggregate === "median" && value !== null
      ? t("dashboard.days", { value: formatFigure(value, language, empty) })
      : formatFigure(value, language, empty);
  const day = (value: string) => formatDate(`${value}T00:00:00+07:00`, language);
  return (
    <>
      {backLink}
      <h1>{t(`dashboard.metrics.${metric}`)}</h1>
      <p className="lead">
        {periodName
          ? t("dashboard.list.leadPeriod", { period: periodName })
          : t("dashboard.list.lead", { from: day(values.from), to: day(values.to) })}
      </p>
      <p>
        <strong>{t("dashboard.list.figure", { value: valueText(result.figure) })}</strong>
      </p>
      {result.rows.length === 0 ? (
        <p>{t("dashboard.list.none")}</p>
      ) : (
        <TableRegion label={t(`dashboard.metrics.${metric}`)}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("dashboard.list.when")}</th>
                <th scope="col">{t("dashboard.list.record")}</th>
                <th scope="col">{t("dashboard.list.detail")}</th>
                {aggregate === "count" ? null : (
                  <th scope="col" className="numeric">
                    {t("dashboard.list.value")}
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {result.rows.map((row) => {
                // An English title where the offer has one; other text stays Vietnamese, marked as such.
                const title = pickText(language, row.title, row.titleEn);
                return (
                  <tr key={`${row.id}-${row.at}`}>
                    <td>{formatDateTime(row.at, language)}</td>
                    <td>
                      <Link to={row.href} lang={title.lang}>
                        {title.text}
                      </Link>
                    </td>
                    <td>{row.detail ?? empty}</td>
                    {aggregate === "count" ? null : (
                      <td className="numeric">
                        {valueText(row.value === null ? null : Math.round(row.value * 10) / 10)}
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableRegion>
      )}
      {result.total > result.rows.length ? (
        <p>{t("dashboard.list.truncated", { shown: result.rows.length, total: result.total })}</p>
      ) : null}
    </>
  );
}
