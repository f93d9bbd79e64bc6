import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { titleMeta } from "~/i18n/meta";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "~/i18n/config";
import { listReviewQueue } from "~/models/offer-views.server";
import { formatDateTime } from "~/utils/format";
import { requireStaff } from "~/utils/permissions.server";
import { TableRegion } from "~/components/table-region";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "offers.staffTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  return json({ queue: await listReviewQueue() });
}

export default function StaffOfferQueue() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const { queue } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("offers.staffTitle")}</h1>
      <p className="lead">{t("offers.staffLead")}</p>
      {queue.length === 0 ? (
        <p>{t("offers.queueEmpty")}</p>
      ) : (
        <TableRegion label={t("offers.staffTitle")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("offers.nameColumn")}</th>
                <th scope="col">{t("offers.organisation")}</th>
                <th scope="col">{t("offers.queueKind")}</th>
                <th scope="col">{t("offers.waitingSince")}</th>
              </tr>
            </thead>
            <tbody>
              {queue.map((item) => (
                <tr key={item.id}>
                  <td>
                    <Link to={`/staff/offers/${item.id}`}>{item.titleVi}</Link>
                  </td>
                  <td>{item.organisation.name}</td>
                  <td>{item.kind === "revision" ? t("offers.queueRevision") : t("offers.queueNew")}</td>
                  <td>{item.waitingSince ? formatDateTime(item.waitingSince, language) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </>
  );
}
