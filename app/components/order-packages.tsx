import { Form, Link, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PaymentsModeBanner } from "~/components/payments-mode-banner";
import type { Language } from "~/i18n/config";
import { formatVnd } from "~/utils/format";

export type Ordering = {
  configured: boolean;
  signedIn: boolean;
  organisations: { id: string; name: string }[];
  packages: { id: string; name: string; unit: string; priceVnd: number; orderKey: string }[];
};

// "Đặt mua" for each priced package. A plain form post: works without
// JavaScript, and the server redirects to the payment page. Each form
// carries its own order key, so sending it twice gives one order; with
// JavaScript the button also stays disabled while the order is sent.
export function OrderPackages({ ordering, returnTo }: { ordering: Ordering; returnTo: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const navigation = useNavigation();
  const sending = navigation.state === "submitting" && navigation.formAction === "/orders/new" ? navigation.formData?.get("packageId") : null;
  if (ordering.packages.length === 0) return null;
  let body;
  if (!ordering.configured) body = <p className="notice">{t("payments.order.notConfigured")}</p>;
  else if (!ordering.signedIn) body = <p><Link to={`/login?redirectTo=${encodeURIComponent(returnTo)}`}>{t("payments.order.signIn")}</Link></p>;
  else if (ordering.organisations.length === 0) body = <p>{t("payments.order.noOrganisation")}</p>;
  else {
    body = (
      <>
        <p className="hint">{t("payments.order.hint")}</p>
        <ul className="plain-list">
          {ordering.packages.map((p) => (
            <li key={p.id}>
              <Form method="post" action="/orders/new" className="inline-form">
                <input type="hidden" name="packageId" value={p.id} />
                <input type="hidden" name="orderKey" value={p.orderKey} />
                <input type="hidden" name="returnTo" value={returnTo} />
                {ordering.organisations.length === 1 ? (
                  <input type="hidden" name="organisationId" value={ordering.organisations[0]!.id} />
                ) : (
                  <label>
                    {t("payments.order.organisation")}{" "}
                    <select name="organisationId">
                      {ordering.organisations.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
                    </select>
                  </label>
                )}
                <span>{`${p.name}: ${formatVnd(p.priceVnd, language)} / ${p.unit}`}</span>{" "}
                <button type="submit" className="button" disabled={sending === p.id} aria-label={t("payments.order.buttonLabel", { name: p.name })}>{t("payments.order.button")}</button>
              </Form>
            </li>
          ))}
        </ul>
      </>
    );
  }
  return (
    <section aria-labelledby="order-title">
      <h2 id="order-title">{t("payments.order.title")}</h2>
      <PaymentsModeBanner showWhenOff={false} />
      {body}
    </section>
  );
}
