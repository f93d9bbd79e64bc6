import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { titleMeta } from "~/i18n/meta";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PrintButton } from "~/components/tracking/print-button";
import { groupByList, TrackingTable } from "~/components/tracking/tracking-table";
import type { Language } from "~/i18n/config";
import { monthlyReport, parseReportMonth } from "~/models/monthly-report.server";
import trackingCss from "~/styles/tracking.css";
import { formatDate, formatDateTime, formatNumber } from "~/utils/format";
import { requireStaff } from "~/utils/permissions.server";
import { TableRegion } from "~/components/table-region";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: trackingCss }];

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "tracking.report.staffLink");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  const url = new URL(request.url);
  const asked = url.searchParams.get("month");
  const month = parseReportMonth(asked);
  if (!month) return json({ badMonth: true as const, asked: asked ?? "" }, { status: 400 });
  const report = await monthlyReport(month);
  return json({ badMonth: false as const, month, ...report, origin: url.origin });
}

const label = (key: string) => `${key.slice(5, 7)}/${key.slice(0, 4)}`;

function MonthPicker({ value }: { value: string }) {
  const { t } = useTranslation();
  return (
    <Form method="get" className="filter-bar no-print">
      <label htmlFor="report-month">{t("tracking.report.monthLabel")}</label>
      <input id="report-month" name="month" type="month" defaultValue={value} placeholder="2026-03" />
      <button type="submit" className="button button-secondary button-small">
        {t("tracking.report.show")}
      </button>
    </Form>
  );
}

export default function MonthlyReport() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const data = useLoaderData<typeof loader>();
  if (data.badMonth) {
    return (
      <>
        <p className="no-print">
          <Link to="/staff/tracking">{t("tracking.title")}</Link>
        </p>
        <h1>{t("tracking.report.staffLink")}</h1>
        <div className="notice notice-error" role="alert">
          {t("tracking.report.badMonth")}
        </div>
        <MonthPicker value={data.asked} />
      </>
    );
  }
  const { month, figures, deployments, tracking, at, origin } = data;
  const overdue = tracking.filter((row) => row.overdue);
  const n = (value: number) => formatNumber(value, language);
  const rows = [
    ["offersPublished", figures.offersPublished],
    ["statementsPublished", figures.statementsPublished],
    ["matchesApproved", figures.matchesApproved],
    ["introduced", figures.introduced],
    ["pilots", figures.pilots],
    ["deployments", figures.deployments],
    ["overdueNow", figures.overdueNow],
  ] as const;
  return (
    <article className="monthly-report">
      <p className="no-print">
        <Link to="/staff/tracking">{t("tracking.title")}</Link>
      </p>
      <h1>{t("tracking.report.title", { month: label(month.key) })}</h1>
      <p className="lead">{t("tracking.report.lead")}</p>
      <p className="report-meta">{t("tracking.report.generatedAt", { date: formatDateTime(new Date(), language) })}</p>
      <div className="no-print report-actions">
        <PrintButton label={t("tracking.report.print")} />
        <p>
          <Link to={`?month=${month.previous}`}>{t("tracking.report.previous")}</Link>
          {" · "}
          <Link to={`?month=${month.next}`}>{t("tracking.report.next")}</Link>
        </p>
        <MonthPicker value={month.key} />
      </div>

      <h2>{t("tracking.report.headline")}</h2>
      <TableRegion label={t("tracking.report.headline")}>
        <table className="tracking-table report-figures">
          <thead>
            <tr>
              <th scope="col">{t("tracking.report.measure")}</th>
              <th scope="col">{t("tracking.report.value")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([key, value]) => (
              <tr key={key} data-figure={key}>
                <th scope="row">{t(`tracking.report.${key}`)}</th>
                <td>{n(value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>

      <h2>{t("tracking.report.deploymentsTitle")}</h2>
      {deployments.length === 0 ? (
        <p>{t("tracking.report.noDeployments")}</p>
      ) : (
        <TableRegion label={t("tracking.report.deploymentsTitle")}>
          <table className="tracking-table report-deployments">
            <thead>
              <tr>
                <th scope="col">{t("tracking.report.deployedOn")}</th>
                <th scope="col">{t("tracking.report.solution")}</th>
                <th scope="col">{t("tracking.report.provider")}</th>
                <th scope="col">{t("tracking.report.problem")}</th>
              </tr>
            </thead>
            <tbody>
              {deployments.map((d) => {
                const title = language === "en" && d.offer.titleEn ? d.offer.titleEn : d.offer.titleVi;
                return (
                  <tr key={d.id}>
                    <td>{formatDate(d.deployedAt, language)}</td>
                    <th scope="row">
                      {d.offer.published ? (
                        <a className="print-url" href={`${origin}/offers/${d.offer.slug}`}>
                          {title}
                        </a>
                      ) : (
                        title
                      )}
                    </th>
                    <td>{d.provider}</td>
                    <td>{d.problem}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableRegion>
      )}

      <h2>{t("tracking.report.overdueTitle")}</h2>
      {overdue.length === 0 ? (
        <p>{t("tracking.report.noOverdue")}</p>
      ) : (
        <TrackingTable caption={t("tracking.report.overdueTitle")} captionHidden rows={overdue} showLinks={false} />
      )}

      <h2>{t("tracking.report.trackingTitle")}</h2>
      <p className="hint">{t("tracking.report.statusAt", { date: formatDateTime(at, language) })}</p>
      {groupByList(tracking).map((group) => (
        <section key={group.list.id} className="report-list">
          <TrackingTable caption={group.list.name} rows={group.rows} showLinks={false} />
        </section>
      ))}
    </article>
  );
}
