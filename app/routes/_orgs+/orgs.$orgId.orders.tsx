import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { titleMeta } from "~/i18n/meta";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PaymentsModeBanner } from "~/components/payments-mode-banner";
import { OrderTable } from "~/components/order-table";
import { listOrders } from "~/models/order.server";
import { requireOrgMember } from "~/utils/permissions.server";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "payments.list.providerTitle");

// Orders of this provider's offers that reached the payment stage.
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireOrgMember(request, params.orgId);
  const orders = await listOrders({ providerOrganisationId: params.orgId! });
  return json({ orgId: params.orgId!, orders }, { headers: { "Cache-Control": "private, no-store" } });
}

export default function ProviderOrders() {
  const { t } = useTranslation();
  const { orgId, orders } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to={`/orgs/${orgId}`}>{t("layout.myOrganisations")}</Link>
      </p>
      <h1>{t("payments.list.providerTitle")}</h1>
      <PaymentsModeBanner />
      <OrderTable orders={orders} party="provider" />
    </>
  );
}
