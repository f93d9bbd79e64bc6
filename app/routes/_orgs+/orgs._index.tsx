import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { titleMeta } from "~/i18n/meta";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listOrganisationsForUser } from "~/models/organisation.server";
import { requireUser } from "~/utils/permissions.server";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "organisations.myTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({ memberships: await listOrganisationsForUser(user.id) });
}

export default function MyOrganisations() {
  const { t } = useTranslation();
  const { memberships } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("organisations.myTitle")}</h1>
      {memberships.length === 0 ? (
        <p>{t("organisations.none")}</p>
      ) : (
        <ul className="card-list">
          {memberships.map(({ organisation, role }) => (
            <li key={organisation.id} className="card">
              <h2>
                <Link to={`/orgs/${organisation.id}`}>{organisation.name}</Link>
              </h2>
              <p>{t(`organisationKinds.${organisation.kind}`)}</p>
              <p>
                <span className={organisation.verifiedAt ? "tag tag-green" : "tag"}>
                  {organisation.verifiedAt ? t("organisations.verified") : t("organisations.notVerified")}
                </span>{" "}
                {t("organisations.yourRole", { role: t(`roles.${role}`) })}
              </p>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/orgs/new" className="button">
          {t("organisations.create")}
        </Link>
      </p>
    </>
  );
}
