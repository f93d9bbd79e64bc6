import type { MetaFunction } from "@remix-run/node";
import { metaT, withSiteName } from "~/i18n/meta";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listPublicOrganisations } from "~/models/organisation.server";
import { organisationKinds } from "~/schemas/organisation";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [
    { title: withSiteName(t, t("profiles.directoryTitle")) },
    { name: "description", content: t("meta.descriptions.organisations") },
  ];
};

export async function loader() {
  return json({ organisations: await listPublicOrganisations() });
}

export default function OrganisationDirectory() {
  const { t } = useTranslation();
  const { organisations } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("profiles.directoryTitle")}</h1>
      <p className="lead">{t("profiles.directoryLead")}</p>
      {organisationKinds.map((kind) => {
        const group = organisations.filter((o) => o.kind === kind);
        if (group.length === 0) return null;
        return (
          <section key={kind} aria-labelledby={`kind-${kind}`}>
            <h2 id={`kind-${kind}`}>{t(`organisationKinds.${kind}`)}</h2>
            <ul className="plain-list">
              {group.map((o) => (
                <li key={o.slug}>
                  <Link to={`/organisations/${o.slug}`}>{o.name}</Link>
                  {o.verifiedAt ? (
                    <>
                      {" "}
                      <span className="tag tag-green">{t("organisations.verified")}</span>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}
