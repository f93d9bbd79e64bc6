import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { JsonLd } from "~/components/json-ld";
import { OfferView, localised } from "~/components/offer-view";
import { OrderingNote, usePackageOrderAction } from "~/components/order-packages";
import { isLanguage, type Language } from "~/i18n/config";
import { i18next } from "~/i18n/i18next.server";
import { getOfferBySlug } from "~/models/offer-views.server";
import { orderingFor } from "~/models/order.server";
import offersStyles from "~/styles/offers.css";
import { getOptionalUser, notFound } from "~/utils/permissions.server";
import { offerJsonLd } from "~/utils/structured-data";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: offersStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: data.meta.title },
        { name: "description", content: data.meta.description },
        { property: "og:title", content: data.meta.title },
        { property: "og:description", content: data.meta.description },
      ]
    : [];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  const view = await getOfferBySlug(params.slug ?? "", user);
  if (!view) throw notFound();
  const [locale, t] = await Promise.all([i18next.getLocale(request), i18next.getFixedT(request)]);
  const { title, summary } = localised(view, isLanguage(locale) ? locale : "vi");
  return json(
    {
      view,
      ordering: await orderingFor(view.id, user),
      meta: { title: t("offers.metaTitle", { title }), description: summary },
    },
    // The same URL shows a draft to members, so no shared cache may keep it.
    { headers: { "Cache-Control": "private, no-cache" } },
  );
}

export default function OfferPage() {
  const { t, i18n } = useTranslation();
  const { view, ordering } = useLoaderData<typeof loader>();
  const packageAction = usePackageOrderAction(ordering);
  return (
    <>
      <JsonLd data={offerJsonLd(view, i18n.language as Language)} />
      <p>
        <Link to="/search?type=offer">{t("offers.catalogueTitle")}</Link>
      </p>
      {view.status !== "PUBLISHED" ? (
        <p className="notice">{t("offers.notPublicNotice", { status: t(`offers.statuses.${view.status}`) })}</p>
      ) : null}
      <OfferView view={view} packageAction={packageAction} packagesNote={<OrderingNote ordering={ordering} />} />
    </>
  );
}
