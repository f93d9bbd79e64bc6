import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { metaT, withSiteName } from "~/i18n/meta";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OfferStatusTag } from "~/components/offer-view";
import type { Language } from "~/i18n/config";
import { getOfferingOrganisation, listOrganisationOffers } from "~/models/offer-views.server";
import offersStyles from "~/styles/offers.css";
import { formatDate } from "~/utils/format";
import { notFound, requireOrgMember } from "~/utils/permissions.server";
import { TableRegion } from "~/components/table-region";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: offersStyles }];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaT(matches);
  return [{ title: withSiteName(t, t("offers.orgOffersTitle", { organisation: data?.organisation.name ?? "" })) }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireOrgMember(request, params.orgId);
  const organisation = await getOfferingOrganisation(params.orgId!);
  if (!organisation) throw notFound();
  return json({ organisation, offers: await listOrganisationOffers(organisation.id) });
}

export default function OrganisationOffers() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const { organisation, offers } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to={`/orgs/${organisation.id}`}>{organisation.name}</Link>
      </p>
      <h1>{t("offers.orgOffersTitle", { organisation: organisation.name })}</h1>
      <p className="lead">{t("offers.orgOffersLead")}</p>
      <p>
        <Link to={`/orgs/${organisation.id}/offers/new`} className="button">
          {t("offers.newOffer")}
        </Link>
      </p>
      {offers.length === 0 ? (
        <p>{t("offers.noOffers")}</p>
      ) : (
        <TableRegion label={t("offers.orgOffersTitle", { organisation: organisation.name })}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("offers.nameColumn")}</th>
                <th scope="col">{t("offers.statusLabel")}</th>
                <th scope="col">{t("offers.updatedColumn")}</th>
              </tr>
            </thead>
            <tbody>
              {offers.map((offer) => (
                <tr key={offer.id}>
                  <td>
                    <Link to={`/orgs/${organisation.id}/offers/${offer.id}`}>{offer.titleVi}</Link>
                  </td>
                  <td>
                    <OfferStatusTag status={offer.status} />
                    {offer.hasPendingRevision ? (
                      <>
                        {" "}
                        <span className="tag">{t("offers.pendingBadge")}</span>
                      </>
                    ) : null}
                    {offer.isStale ? (
                      <>
                        {" "}
                        <span className="tag tag-red">{t("offers.staleShort")}</span>
                      </>
                    ) : null}
                  </td>
                  <td>{formatDate(offer.updatedAt, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </>
  );
}
