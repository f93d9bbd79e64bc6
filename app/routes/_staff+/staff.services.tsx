import { parseWithZod } from "@conform-to/zod";
import { titleMeta } from "~/i18n/meta";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PaymentsModeBanner } from "~/components/payments-mode-banner";
import { PeriodForm } from "~/components/period-form";
import type { Language } from "~/i18n/config";
import { fulfilService, platformServiceRevenue } from "~/models/service-purchase.server";
import { flash } from "~/models/session.server";
import { ledgerPeriod } from "~/models/payment-ledger.server";
import { fulfilServiceSchema } from "~/schemas/service";
import { formatDate, formatVnd } from "~/utils/format";
import { notFound, requireStaff } from "~/utils/permissions.server";
import { TableRegion } from "~/components/table-region";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "plans.services.staffTitle");

// The platform's own revenue (valuations, featured placement), kept apart
// from the settlement ledger of what providers are owed.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  const asked = ledgerPeriod(new URL(request.url));
  const headers = { "Cache-Control": "private, no-store" };
  // As on the ledger: a bad period keeps what was typed and computes nothing.
  if (asked.error)
    return json({ error: asked.error, ...asked.typed, lines: null, totalVnd: null }, { status: 400, headers });
  const { period } = asked;
  const revenue = await platformServiceRevenue(period.from, period.to);
  return json({ error: null, fromDay: period.fromDay, toDay: period.toDay, ...revenue }, { headers });
}

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireStaff(request);
  const submission = parseWithZod(await request.formData(), { schema: fulfilServiceSchema });
  if (submission.status !== "success") throw notFound();
  if (!(await fulfilService(submission.value.purchaseId, staff.id))) throw notFound();
  return flash(request, `/staff/services${new URL(request.url).search}`, { key: "plans.flash.fulfilled" });
}

export default function StaffServices() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const { error, fromDay, toDay, lines, totalVnd } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/staff/ledger">{t("payments.ledger.title")}</Link>
      </p>
      <h1>{t("plans.services.staffTitle")}</h1>
      <PaymentsModeBanner />
      <p className="lead">{t("plans.services.staffLead")}</p>
      <PeriodForm
        error={error}
        fromDay={fromDay}
        toDay={toDay}
        csvHref="/staff/services.csv"
        csvLabel={t("plans.services.exportCsv")}
      />
      {totalVnd === null ? null : (
        <p>
          <strong>
            {t("plans.services.total")}: {formatVnd(totalVnd, language)}
          </strong>
        </p>
      )}
      {lines === null ? null : lines.length === 0 ? (
        <p>{t("plans.services.staffNone")}</p>
      ) : (
        <TableRegion label={t("plans.services.staffTitle")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("plans.services.organisation")}</th>
                <th scope="col">{t("plans.services.service")}</th>
                <th scope="col">{t("plans.services.detail")}</th>
                <th scope="col" className="numeric">
                  {t("plans.services.amount")}
                </th>
                <th scope="col">{t("plans.services.status")}</th>
                <th scope="col">{t("payments.receipt.paidAt")}</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((l) => (
                <tr key={l.id}>
                  <th scope="row">{l.organisation}</th>
                  <td>{t(`plans.services.kinds.${l.kind}`)}</td>
                  <td>
                    {l.offerTitle ? `${l.offerTitle} — ${t("plans.services.daysCount", { count: l.days ?? 0 })}` : "—"}
                  </td>
                  <td className="numeric">{formatVnd(l.amountPaidVnd ?? 0, language)}</td>
                  <td>
                    {t(`payments.statuses.${l.status}`)}
                    {l.kind === "TECHNOLOGY_VALUATION" && l.status === "PAID" ? (
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="fulfil-service" />
                        <input type="hidden" name="purchaseId" value={l.id} />
                        <button type="submit" className="link-button">
                          {t("plans.services.fulfil")}
                        </button>
                      </Form>
                    ) : null}
                  </td>
                  <td>{l.paidAt ? formatDate(l.paidAt, language) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </>
  );
}
