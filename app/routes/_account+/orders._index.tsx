import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { titleMeta } from "~/i18n/meta";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PaymentsModeBanner } from "~/components/payments-mode-banner";
import { OrderTable } from "~/components/order-table";
import { i18next } from "~/i18n/i18next.server";
import { listOrders } from "~/models/order.server";
import { listOrganisationsForUser } from "~/models/organisation.server";
import { requireUser } from "~/utils/permissions.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data?.metaTitle ? [{ title: data.metaTitle }] : titleMeta(matches, "payments.list.buyerTitle");

// Orders placed by any organisation the user belongs to.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [t, memberships] = await Promise.all([i18next.getFixedT(request), listOrganisationsForUser(user.id)]);
  const orders = await listOrders({ buyerOrganisationIds: memberships.map((m) => m.organisation.id) });
  return json(
    { metaTitle: t("payments.list.buyerMetaTitle"), orders },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export default function Orders() {
  const { t } = useTranslation();
  const { orders } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("payments.list.buyerTitle")}</h1>
      <PaymentsModeBanner />
      <OrderTable orders={orders} party="buyer" />
    </>
  );
}
