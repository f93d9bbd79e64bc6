import { parseWithZod } from "@conform-to/zod";
import { titleMeta } from "~/i18n/meta";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PaymentsModeBanner } from "~/components/payments-mode-banner";
import { PeriodForm } from "~/components/period-form";
import { OrderTable } from "~/components/order-table";
import type { Language } from "~/i18n/config";
import { i18next } from "~/i18n/i18next.server";
import { listOrders } from "~/models/order.server";
import { flash } from "~/models/session.server";
import { deadLetteredEvents, MAX_ATTEMPTS, retryDeadLetteredEvent } from "~/models/payment-events.server";
import { ledgerPeriod, settlementLedger } from "~/models/payment-ledger.server";
import { retryEventSchema } from "~/schemas/payments";
import { formatDateTime, formatVnd } from "~/utils/format";
import { notFound, requireStaff } from "~/utils/permissions.server";
import { TableRegion } from "~/components/table-region";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data?.metaTitle ? [{ title: data.metaTitle }] : titleMeta(matches, "payments.ledger.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  const t = await i18next.getFixedT(request);
  const asked = ledgerPeriod(new URL(request.url));
  const headers = { "Cache-Control": "private, no-store" };
  const [orders, deadLetters] = await Promise.all([listOrders({ all: true }), deadLetteredEvents()]);
  // A bad period shows the form with what was typed and the message, and no
  // figures: nothing is computed for a period nobody asked for.
  if (asked.error) {
    return json(
      {
        metaTitle: t("payments.ledger.metaTitle"),
        error: asked.error,
        ...asked.typed,
        lines: null,
        orders: orders.slice(0, 50),
        deadLetters,
      },
      { status: 400, headers },
    );
  }
  const { period } = asked;
  const lines = await settlementLedger(period.from, period.to);
  // Amounts leave the server as numbers for display only; the CSV keeps exact integers.
  const n = (value: bigint) => Number(value);
  return json(
    {
      metaTitle: t("payments.ledger.metaTitle"),
      error: null,
      fromDay: period.fromDay,
      toDay: period.toDay,
      lines: lines.map((l) => ({
        id: l.providerOrganisationId,
        provider: l.provider,
        orders: l.orders,
        gross: n(l.grossVnd),
        fee: n(l.feeVnd),
        refunds: n(l.refundsVnd),
        feeReturned: n(l.feeReturnedVnd),
        net: n(l.netVnd),
      })),
      orders: orders.slice(0, 50),
      deadLetters,
    },
    { headers },
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireStaff(request);
  const submission = parseWithZod(await request.formData(), { schema: retryEventSchema });
  if (submission.status !== "success") throw notFound();
  if (!(await retryDeadLetteredEvent(submission.value.eventId, staff.id))) throw notFound();
  return flash(request, `/staff/ledger${new URL(request.url).search}`, { key: "inputChecks.deadLetters.retried" });
}

// Webhook events the worker gave up on (models/payment-events.server.ts): each
// may be a payment the ledger is missing, so staff see them beside it.
function DeadLetters({
  count,
  events,
}: {
  count: number;
  events: { id: string; type: string; attempts: number; lastError: string | null; deadLetteredAt: string | null }[];
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  return (
    <section aria-labelledby="dead-letters">
      <h2 id="dead-letters">{t("inputChecks.deadLetters.title")}</h2>
      <p className="lead">{t("inputChecks.deadLetters.lead", { attempts: MAX_ATTEMPTS })}</p>
      {count === 0 ? (
        <p>{t("inputChecks.deadLetters.none")}</p>
      ) : (
        <>
          <p>
            <strong>{t("inputChecks.deadLetters.count", { count })}</strong>
          </p>
          <TableRegion labelledBy="dead-letters">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("inputChecks.deadLetters.eventId")}</th>
                  <th scope="col">{t("inputChecks.deadLetters.type")}</th>
                  <th scope="col" className="numeric">
                    {t("inputChecks.deadLetters.attempts")}
                  </th>
                  <th scope="col">{t("inputChecks.deadLetters.lastError")}</th>
                  <th scope="col">{t("inputChecks.deadLetters.deadAt")}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t("inputChecks.deadLetters.retry")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {events.map((e) => (
                  <tr key={e.id}>
                    <td>
                      <code>{e.id}</code>
                    </td>
                    <td>
                      <code>{e.type}</code>
                    </td>
                    <td className="numeric">{e.attempts}</td>
                    <td>{e.lastError ?? "—"}</td>
                    <td>{e.deadLetteredAt ? formatDateTime(e.deadLetteredAt, language) : "—"}</td>
                    <td>
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="retry-event" />
                        <input type="hidden" name="eventId" value={e.id} />
                        <button type="submit" className="link-button">
                          {t("inputChecks.deadLetters.retry")}
                        </button>
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        </>
      )}
    </section>
  );
}

export default function Ledger() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const { error, fromDay, toDay, lines, orders, deadLetters } = useLoaderData<typeof loader>();
  const vnd = (amount: number) => formatVnd(amount, language);
  const columns = ["gross", "fee", "refunds", "feeReturned", "net"] as const;
  return (
    <>
      <p>
        <Link to="/staff">{t("layout.staffArea")}</Link>
      </p>
      <h1>{t("payments.ledger.title")}</h1>
      <PaymentsModeBanner />
      <p className="lead">{t("payments.ledger.lead")}</p>
      <PeriodForm
        error={error}
        fromDay={fromDay}
        toDay={toDay}
        csvHref="/staff/ledger.csv"
        csvLabel={t("payments.ledger.exportCsv")}
      />
      <p>
        <Link to={`/staff/services?${new URLSearchParams({ from: fromDay, to: toDay })}`}>
          {t("plans.services.staffTitle")}
        </Link>
      </p>
      {lines === null ? null : lines.length === 0 ? (
        <p>{t("payments.ledger.none")}</p>
      ) : (
        <TableRegion label={t("payments.ledger.title")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("payments.ledger.provider")}</th>
                <th scope="col" className="numeric">
                  {t("payments.ledger.orders")}
                </th>
                {columns.map((c) => (
                  <th key={c} scope="col" className="numeric">
                    {t(`payments.ledger.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {lines.map((l) => (
                <tr key={l.id}>
                  <th scope="row">{l.provider}</th>
                  <td className="numeric">{l.orders}</td>
                  {columns.map((c) => (
                    <td key={c} className="numeric">
                      {vnd(l[c])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      <DeadLetters count={deadLetters.count} events={deadLetters.events} />
      <h2>{t("payments.ledger.recentTitle")}</h2>
      <OrderTable orders={orders} party="both" />
    </>
  );
}
