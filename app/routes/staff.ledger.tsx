import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PeriodForm } from "~/components/period-form";
import { OrderTable } from "~/components/order-table";
import type { Language } from "~/i18n/config";
import { i18next } from "~/i18n/i18next.server";
import { listOrders } from "~/models/order.server";
import { ledgerPeriod, settlementLedger } from "~/payments/ledger.server";
import { formatVnd } from "~/utils/format";
import { requireStaff } from "~/utils/permissions.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.metaTitle ?? "Đối soát thanh toán" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  const t = await i18next.getFixedT(request);
  const { period, error } = ledgerPeriod(new URL(request.url));
  const [lines, orders] = await Promise.all([settlementLedger(period.from, period.to), listOrders({ all: true })]);
  // Amounts leave the server as numbers for display only; the CSV keeps exact integers.
  const n = (value: bigint) => Number(value);
  return json(
    {
      metaTitle: t("payments.ledger.metaTitle"),
      error,
      fromDay: period.fromDay,
      toDay: period.toDay,
      lines: lines.map((l) => ({ id: l.providerOrganisationId, provider: l.provider, orders: l.orders, gross: n(l.grossVnd), fee: n(l.feeVnd), refunds: n(l.refundsVnd), feeReturned: n(l.feeReturnedVnd), net: n(l.netVnd) })),
      orders: orders.slice(0, 50),
    },
    { status: error ? 400 : 200, headers: { "Cache-Control": "private, no-store" } },
  );
}

export default function Ledger() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const { error, fromDay, toDay, lines, orders } = useLoaderData<typeof loader>();
  const vnd = (amount: number) => formatVnd(amount, language);
  const columns = ["gross", "fee", "refunds", "feeReturned", "net"] as const;
  return (
    <>
      <p><Link to="/staff">{t("layout.staffArea")}</Link></p>
      <h1>{t("payments.ledger.title")}</h1>
      <p className="lead">{t("payments.ledger.lead")}</p>
      <PeriodForm error={error} fromDay={fromDay} toDay={toDay} csvHref="/staff/ledger.csv" csvLabel={t("payments.ledger.exportCsv")} />
      <p><Link to={`/staff/services?from=${fromDay}&to=${toDay}`}>{t("plans.services.staffTitle")}</Link></p>
      {lines.length === 0 ? <p>{t("payments.ledger.none")}</p> : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("payments.ledger.provider")}</th>
                <th scope="col" className="numeric">{t("payments.ledger.orders")}</th>
                {columns.map((c) => <th key={c} scope="col" className="numeric">{t(`payments.ledger.${c}`)}</th>)}
              </tr>
            </thead>
            <tbody>
              {lines.map((l) => (
                <tr key={l.id}>
                  <th scope="row">{l.provider}</th>
                  <td className="numeric">{l.orders}</td>
                  {columns.map((c) => <td key={c} className="numeric">{vnd(l[c])}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t("payments.ledger.recentTitle")}</h2>
      <OrderTable orders={orders} party="both" />
    </>
  );
}
