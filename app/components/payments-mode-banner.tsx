import { useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { loader as rootLoader } from "~/root";

// Every page that touches money says how payments stand: in the demo's test
// mode (DEMO_TEST_PAYMENTS) that no real money moves, and when payments are
// not set up that they are off. Pages that already say "not set up" beside
// their buy buttons pass showWhenOff={false}. Live payments need no banner.
export function PaymentsModeBanner({ showWhenOff = true }: { showWhenOff?: boolean }) {
  const { t } = useTranslation();
  const mode = useRouteLoaderData<typeof rootLoader>("root")?.payments;
  if (mode === "test") {
    return (
      <div className="notice notice-test-payments" role="note" data-payments-mode="test">
        <strong>{t("payments.mode.testTitle")}</strong>
        <p>{t("payments.mode.testBody")}</p>
      </div>
    );
  }
  if (mode === "off" && showWhenOff) {
    return (
      <div className="notice" role="note" data-payments-mode="off">
        <strong>{t("payments.mode.offTitle")}</strong>
        <p>{t("payments.mode.offBody")}</p>
      </div>
    );
  }
  return null;
}
