// The date range above the settlement ledger and the platform's service
// revenue: one form, so both pages read and validate a period the same way.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export function PeriodForm({
  error,
  fromDay,
  toDay,
  csvHref,
  csvLabel,
}: {
  error: string | null | undefined;
  fromDay: string;
  toDay: string;
  csvHref: string;
  csvLabel: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      {error ? (
        <div className="notice notice-error" role="alert">
          {t(error as "payments.errors.periodInvalid")}
        </div>
      ) : null}
      <Form method="get" className="inline-form">
        <label>
          {t("payments.ledger.from")} <input type="date" name="from" defaultValue={fromDay} />
        </label>{" "}
        <label>
          {t("payments.ledger.to")} <input type="date" name="to" defaultValue={toDay} />
        </label>{" "}
        <button type="submit" className="button button-secondary">
          {t("payments.ledger.show")}
        </button>
      </Form>
      {/* After a bad period the days are what was typed: encoded, and no CSV of a period that is not one. */}
      {error ? null : (
        <p>
          <a href={`${csvHref}?${new URLSearchParams({ from: fromDay, to: toDay })}`} download>
            {csvLabel}
          </a>
        </p>
      )}
    </>
  );
}
