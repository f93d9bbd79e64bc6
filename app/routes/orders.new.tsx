import { parseWithZod } from "@conform-to/zod";
import { titleMeta } from "~/i18n/meta";
import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PaymentsModeBanner } from "~/components/payments-mode-banner";
import { OrderFailure, startOrder } from "~/models/order.server";
import { safeRedirect } from "~/models/session.server";
import { orderSchema } from "~/schemas/payments";
import { requireOrgMember, requireUser } from "~/utils/permissions.server";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "payments.order.title");

// Nothing to show on its own: the page only renders an action's error (a
// redirect here would also swallow that error, as loaders run after actions).
export const loader = () => null;

// Writes the order, asks the provider for a Checkout session and sends the
// buyer there. The same form sent again (its orderKey) lands on the same
// order's payment page, or its order page. Any failure is shown here in the
// buyer's language.
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  const returnTo = safeRedirect(formData.get("returnTo"), "/offers");
  const submission = parseWithZod(formData, { schema: orderSchema });
  if (submission.status !== "success") {
    const first = Object.values(submission.error ?? {}).flat()[0];
    return json({ error: first ?? "payments.errors.offerNotAvailable", returnTo }, { status: 400 });
  }
  // Not a member of the named organisation: 404, as for one that does not exist.
  await requireOrgMember(request, submission.value.organisationId);
  try {
    const { orderId, checkoutUrl } = await startOrder({
      userId: user.id, buyerOrganisationId: submission.value.organisationId, packageId: submission.value.packageId, idempotencyKey: submission.value.orderKey,
    });
    return redirect(checkoutUrl ?? `/orders/${orderId}`, 303);
  } catch (error) {
    if (!(error instanceof OrderFailure)) throw error;
    const status = error.code === "providerUnavailable" || error.code === "notConfigured" ? 503 : error.code === "orderFormUsed" ? 409 : 400;
    return json({ error: `payments.errors.${error.code}`, returnTo }, { status });
  }
}

export default function NewOrder() {
  const { t } = useTranslation();
  const data = useActionData<typeof action>();
  return (
    <div className="narrow">
      <h1>{t("payments.order.failedTitle")}</h1>
      <PaymentsModeBanner />
      {data ? <div className="notice notice-error" role="alert">{t(data.error as "payments.errors.conflict")}</div> : null}
      <p><Link to={data?.returnTo ?? "/offers"}>{t("payments.order.backToOffer")}</Link></p>
    </div>
  );
}
