// The settlement period staff pick (whole days in Hanoi time) and the
// ledger as CSV. Amounts stay exact integers of đồng in the file.
import { settlementLedger, type LedgerLine } from "~/models/order.server";
import { toCsv } from "~/models/export.server";
import { ledgerPeriodSchema } from "~/schemas/payments";
import { typedBack } from "~/schemas/query";
import type { ServiceRow } from "~/models/service-purchase.server";

const HANOI = "+07:00";
const day = (date: Date) => new Date(date.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

export type LedgerPeriod = { fromDay: string; toDay: string; from: Date; to: Date };

/**
 * The period in the URL (?from=YYYY-MM-DD&to=YYYY-MM-DD), by default this
 * month so far. The ledger, the service revenue and both CSVs read it here.
 * A bad period is an error with what was typed (for the form) and no period,
 * so no page can query with an impossible date.
 */
export function ledgerPeriod(
  url: URL,
):
  | { period: LedgerPeriod; error: null }
  | { period: null; error: "payments.errors.periodInvalid"; typed: { fromDay: string; toDay: string } } {
  const today = day(new Date());
  const asked = {
    from: url.searchParams.get("from") ?? `${today.slice(0, 8)}01`,
    to: url.searchParams.get("to") ?? today,
  };
  const parsed = ledgerPeriodSchema.safeParse(asked);
  if (!parsed.success)
    return {
      period: null,
      error: "payments.errors.periodInvalid",
      typed: { fromDay: typedBack(asked.from), toDay: typedBack(asked.to) },
    };
  const from = new Date(`${parsed.data.from}T00:00:00${HANOI}`);
  const to = new Date(new Date(`${parsed.data.to}T00:00:00${HANOI}`).getTime() + 86_400_000);
  return { period: { fromDay: parsed.data.from, toDay: parsed.data.to, from, to }, error: null };
}

export const ledgerColumns = [
  "provider",
  "providerId",
  "orders",
  "grossVnd",
  "platformFeeVnd",
  "refundsVnd",
  "feeReturnedVnd",
  "netVnd",
  "from",
  "to",
];

export function ledgerCsv(lines: LedgerLine[], period: LedgerPeriod): string {
  return toCsv(
    lines.map((l) => ({
      provider: l.provider,
      providerId: l.providerOrganisationId,
      orders: l.orders,
      grossVnd: l.grossVnd.toString(),
      platformFeeVnd: l.feeVnd.toString(),
      refundsVnd: l.refundsVnd.toString(),
      feeReturnedVnd: l.feeReturnedVnd.toString(),
      netVnd: l.netVnd.toString(),
      from: period.fromDay,
      to: period.toDay,
    })),
    ledgerColumns,
  );
}

export { settlementLedger };

export const serviceColumns = [
  "purchaseId",
  "organisation",
  "service",
  "offer",
  "days",
  "status",
  "paidVnd",
  "paidAt",
  "from",
  "to",
];

// The platform's own revenue, apart from what providers are owed.
export function servicesCsv(lines: ServiceRow[], period: LedgerPeriod): string {
  return toCsv(
    lines.map((l) => ({
      purchaseId: l.id,
      organisation: l.organisation,
      service: l.kind,
      offer: l.offerTitle ?? "",
      days: l.days ?? "",
      status: l.status,
      paidVnd: String(l.amountPaidVnd ?? 0),
      paidAt: l.paidAt ? l.paidAt.toISOString() : "",
      from: period.fromDay,
      to: period.toDay,
    })),
    serviceColumns,
  );
}
