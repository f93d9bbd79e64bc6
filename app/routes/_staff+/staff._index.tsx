import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { titleMeta } from "~/i18n/meta";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "~/i18n/config";
import { lastJobRuns } from "~/models/scheduler.server";
import { deadLetteredEvents } from "~/models/payment-events.server";
import { formatDateTime } from "~/utils/format";
import { requireStaff } from "~/utils/permissions.server";
import { TableRegion } from "~/components/table-region";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "layout.staffArea");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  // Shown on the ledger's card so a payment event given up on is noticed.
  const [{ count }, jobs] = await Promise.all([deadLetteredEvents(0), lastJobRuns()]);
  return json({ deadLetters: count, jobs });
}

export default function StaffArea() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const { deadLetters, jobs } = useLoaderData<typeof loader>();
  const statusText = (status: string) =>
    status === "running" || status === "ok" || status === "failed" || status === "abandoned"
      ? t(`staff.jobStatus.${status}`)
      : status;
  const tools = [
    { to: "/staff/dashboard", title: t("dashboard.title"), text: t("dashboard.lead") },
    { to: "/staff/organisations", title: t("layout.staffOrganisations"), text: t("staff.organisationsLead") },
    { to: "/staff/offers", title: t("offers.staffTitle"), text: t("offers.staffLead") },
    { to: "/staff/problems", title: t("statements.staff.title"), text: t("statements.staff.lead") },
    { to: "/staff/major-problems", title: t("layout.staffMajorProblems"), text: t("majorProblems.staffLead") },
    { to: "/staff/matches", title: t("curation.title"), text: t("curation.lead") },
    { to: "/staff/tracking", title: t("tracking.title"), text: t("tracking.lead") },
    { to: "/staff/taxonomy", title: t("layout.staffTaxonomy"), text: t("taxonomy.lead") },
    { to: "/staff/audit", title: t("layout.staffAudit"), text: t("audit.lead") },
    {
      to: "/staff/ledger",
      title: t("payments.ledger.title"),
      text: t("payments.ledger.lead"),
      alert: deadLetters > 0 ? t("inputChecks.deadLetters.count", { count: deadLetters }) : null,
    },
    { to: "/staff/import", title: t("import.title"), text: t("import.lead") },
    { to: "/staff/search", title: t("searchAdmin.title"), text: t("searchAdmin.lead") },
  ];
  return (
    <>
      <h1>{t("layout.staffArea")}</h1>
      <p className="lead">{t("layout.staffAreaLead")}</p>
      <ul className="card-list">
        {tools.map((tool) => (
          <li key={tool.to} className="card">
            <h2>
              <Link to={tool.to}>{tool.title}</Link>
            </h2>
            <p>{tool.text}</p>
            {"alert" in tool && tool.alert ? <p className="notice notice-error">{tool.alert}</p> : null}
          </li>
        ))}
      </ul>
      <section aria-labelledby="jobs-title">
        <h2 id="jobs-title">{t("staff.jobsTitle")}</h2>
        <p>{t("staff.jobsLead")}</p>
        {jobs.length === 0 ? (
          <p>{t("staff.jobsEmpty")}</p>
        ) : (
          <TableRegion labelledBy="jobs-title">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("staff.jobsJob")}</th>
                  <th scope="col">{t("staff.jobsStatus")}</th>
                  <th scope="col">{t("staff.jobsStarted")}</th>
                  <th scope="col">{t("staff.jobsHolder")}</th>
                  <th scope="col">{t("staff.jobsError")}</th>
                </tr>
              </thead>
              <tbody>
                {jobs.map((run) => (
                  <tr key={run.job}>
                    <td>
                      <code>{run.job}</code>
                    </td>
                    <td className={run.status === "failed" || run.status === "abandoned" ? "notice-error" : undefined}>
                      {statusText(run.status)}
                    </td>
                    <td>{formatDateTime(run.startedAt, language)}</td>
                    <td>
                      <code>{run.holder}</code>
                    </td>
                    <td>{run.error ?? ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        )}
      </section>
    </>
  );
}
