import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { titleMeta } from "~/i18n/meta";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { downloadQuery, TrackingFilters } from "~/components/tracking/tracking-filters";
import { groupByList, TrackingTable } from "~/components/tracking/tracking-table";
import { listStaffUsers, listTrackedLists, trackingFilterFrom, trackProblems } from "~/models/problem-tracking.server";
import { requireStaff } from "~/utils/permissions.server";
import trackingCss from "~/styles/tracking.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: trackingCss }];

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "tracking.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  const filter = trackingFilterFrom(new URL(request.url));
  const [rows, lists, owners] = await Promise.all([trackProblems(filter), listTrackedLists(), listStaffUsers()]);
  return json({ filter, rows, lists, owners });
}

export default function StaffTracking() {
  const { t } = useTranslation();
  const { filter, rows, lists, owners } = useLoaderData<typeof loader>();
  const query = downloadQuery(filter);
  return (
    <>
      <p>
        <Link to="/staff">{t("layout.staffArea")}</Link>
      </p>
      <h1>{t("tracking.title")}</h1>
      <p className="lead">{t("tracking.lead")}</p>
      <TrackingFilters filter={filter} lists={lists} owners={owners} />
      <p className="tracking-downloads">
        <a href={`/staff/tracking.csv${query}`} download>
          {t("tracking.downloadCsv")}
        </a>
        {" · "}
        <a href={`/staff/tracking.xlsx${query}`} download>
          {t("tracking.downloadXlsx")}
        </a>
        {" · "}
        <Link to="/staff/reports/monthly">{t("tracking.report.staffLink")}</Link>
      </p>
      <p role="status">
        {t("tracking.summary", { count: rows.length, overdue: rows.filter((r) => r.overdue).length })}
      </p>
      {rows.length === 0 ? (
        <p>{t("tracking.none")}</p>
      ) : (
        groupByList(rows).map((group) => (
          <section key={group.list.id}>
            <h2>{group.list.name}</h2>
            <TrackingTable caption={group.list.name} captionHidden rows={group.rows} />
          </section>
        ))
      )}
    </>
  );
}
