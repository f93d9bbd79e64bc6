import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { titleMeta } from "~/i18n/meta";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "~/i18n/config";
import {
  listOrganisationsForStaff,
  setOrganisationVerified,
  type VerificationFilter,
} from "~/models/organisation.server";
import { flash } from "~/models/session.server";
import { verifyOrganisationSchema } from "~/schemas/staff";
import { formatDate } from "~/utils/format";
import { notFound, requireStaff } from "~/utils/permissions.server";
import { TableRegion } from "~/components/table-region";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "staff.organisationsTitle");

const filters: VerificationFilter[] = ["all", "unverified", "verified"];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  const requested = new URL(request.url).searchParams.get("status");
  const filter = filters.find((f) => f === requested) ?? "all";
  return json({ filter, organisations: await listOrganisationsForStaff(filter) });
}

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireStaff(request);
  const parsed = verifyOrganisationSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) throw new Response("Bad Request", { status: 400 });
  const organisation = await setOrganisationVerified(staff.id, parsed.data.organisationId, parsed.data.verified).catch(
    () => null,
  );
  if (!organisation) throw notFound();
  const back = new URL(request.url);
  return flash(request, `${back.pathname}${back.search}`, {
    key: parsed.data.verified ? "staff.verifiedDone" : "staff.unverifiedDone",
    params: { name: organisation.name },
  });
}

export default function StaffOrganisations() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const { filter, organisations } = useLoaderData<typeof loader>();
  const filterLabel = {
    all: t("staff.filterAll"),
    unverified: t("staff.filterUnverified"),
    verified: t("staff.filterVerified"),
  };
  return (
    <>
      <h1>{t("staff.organisationsTitle")}</h1>
      <p className="lead">{t("staff.organisationsLead")}</p>
      <Form method="get" className="filter-bar">
        <label htmlFor="status">{t("staff.filterLabel")}</label>
        <select id="status" name="status" defaultValue={filter}>
          {filters.map((f) => (
            <option key={f} value={f}>
              {filterLabel[f]}
            </option>
          ))}
        </select>
        <button type="submit" className="button button-secondary">
          {t("staff.applyFilter")}
        </button>
      </Form>
      <p>{t("staff.count", { count: organisations.length })}</p>
      <TableRegion label={t("staff.organisationsTitle")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("organisations.name")}</th>
              <th scope="col">{t("organisations.kind")}</th>
              <th scope="col">{t("organisations.taxCode")}</th>
              <th scope="col">{t("staff.members")}</th>
              <th scope="col">{t("staff.status")}</th>
              <th scope="col">{t("staff.action")}</th>
            </tr>
          </thead>
          <tbody>
            {organisations.map((o) => (
              <tr key={o.id}>
                <td>{o.name}</td>
                <td>{t(`organisationKinds.${o.kind}`)}</td>
                <td>{o.taxCode ?? "—"}</td>
                <td>{o._count.memberships}</td>
                <td>
                  {o.verifiedAt
                    ? t("organisations.verifiedOn", { date: formatDate(o.verifiedAt, language) })
                    : t("organisations.notVerified")}
                </td>
                <td>
                  <Form method="post">
                    <input type="hidden" name="organisationId" value={o.id} />
                    <input type="hidden" name="verified" value={o.verifiedAt ? "false" : "true"} />
                    <button type="submit" className={o.verifiedAt ? "link-button" : "button button-small"}>
                      {o.verifiedAt ? t("staff.unverify", { name: o.name }) : t("staff.verify", { name: o.name })}
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </>
  );
}
