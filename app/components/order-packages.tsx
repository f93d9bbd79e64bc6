import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { PaymentsModeBanner } from "~/components/payments-mode-banner";

export type Ordering = {
  configured: boolean;
  signedIn: boolean;
  organisations: { id: string; name: string }[];
  packages: { id: string; name: string; unit: string; priceVnd: number; position: number }[];
};

export const reviewPath = (packageId: string) => `/orders/new?package=${encodeURIComponent(packageId)}`;

// "Đặt mua gói này" on each priced package card: a plain link to the review
// step (works without JavaScript; nothing is written until the buyer presses
// "Thanh toán" there). A visitor who is not signed in goes to sign in and
// comes back to the same review.
export function usePackageOrderAction(ordering: Ordering): ((position: number) => ReactNode) | undefined {
  const { t } = useTranslation();
  if (!ordering.configured || (ordering.signedIn && ordering.organisations.length === 0)) return undefined;
  return (position) => {
    const pkg = ordering.packages.find((p) => p.position === position);
    if (!pkg) return null;
    const label = t("payments.order.buttonLabel", { name: pkg.name });
    return ordering.signedIn ? (
      <Link className="button" to={reviewPath(pkg.id)} aria-label={label}>
        {t("payments.order.button")}
      </Link>
    ) : (
      <Link
        className="button button-secondary"
        to={`/login?redirectTo=${encodeURIComponent(reviewPath(pkg.id))}`}
        aria-label={t("payments.order.signInLabel", { name: pkg.name })}
      >
        {t("payments.order.signIn")}
      </Link>
    );
  };
}

// Said once above the package cards: the payments mode, and why there is no button.
export function OrderingNote({ ordering }: { ordering: Ordering }) {
  const { t } = useTranslation();
  if (ordering.packages.length === 0) return null;
  return (
    <>
      <PaymentsModeBanner showWhenOff={false} />
      {!ordering.configured ? (
        <p className="notice">{t("payments.order.notConfigured")}</p>
      ) : ordering.signedIn && ordering.organisations.length === 0 ? (
        <p className="hint">{t("payments.order.noOrganisation")}</p>
      ) : (
        <p className="hint">{t("payments.order.hint")}</p>
      )}
    </>
  );
}
