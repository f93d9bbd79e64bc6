// The settlement period staff pick (whole days in Hanoi time) and the
// ledger as CSV. Amounts stay exact integers of đồng in the file.
import { settlementLedger, type LedgerLine } from "~/models/order.server";
import { toCsv } from "~/models/export.server";
import { ledgerPeriodSchema } from "~/schemas/payments";
import type { ServiceRow } from "~/models/service-purchase.server";

const HANOI = "+07:00";
const day = (date: Date) => new Date(date.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

export type LedgerPeriod = { fromDay: string; toDay: string; from: Date; to: Date };

/** The period in the URL (?from=YYYY-MM-DD&to=YYYY-MM-DD), by default this month so far. */
export function ledgerPeriod(url: URL): { period: LedgerPeriod; error: string | null } {
  const today = day(new Date());
  const fallback = { from: `${today.slice(0, 8)}01`, to: today };
  const parsed = ledgerPeriodSchema.safeParse({ from: url.searchParams.get("from") ?? fallback.from, to: url.searchParams.get("to") ?? fallback.to });
  const chosen = parsed.success ? parsed.data : fallback;
  const from = new Date(`${chosen.from}T00:00:00${HANOI}`);
  const to = new Date(new Date(`${chosen.to}T00:00:00${HANOI}`).getTime() + 86_400_000);
  return {
    period: { fromDay: chosen.from, toDay: chosen.to, from, to },
    error: parsed.success && !Number.isNaN(from.getTime()) && !Number.isNaN(to.getTime()) ? null : "payments.errors.periodInvalid",
  };
}

export const ledgerColumns = ["provider", "providerId", "orders", "grossVnd", "platformFeeVnd", "refundsVnd", "feeReturnedVnd", "netVnd", "from", "to"];

export function ledgerCsv(lines: LedgerLine[], period: LedgerPeriod): string {
  return toCsv(
    lines.map((l) => ({
      provider: l.provider, providerId: l.providerOrganisationId, orders: l.orders, grossVnd: l.grossVnd.toString(),
      platformFeeVnd: l.feeVnd.toString(), refundsVnd: l.refundsVnd.toString(), feeReturnedVnd: l.feeReturnedVnd.toString(),
      netVnd: l.netVnd.toString(), from: period.fromDay, to: period.toDay,
    })),
    ledgerColumns,
  );
}

export { settlementLedger };

export const serviceColumns = ["purchaseId", "organisation", "service", "offer", "days", "status", "paidVnd", "paidAt", "from", "to"];

// The platform's own revenue, apart from what providers are owed.
export function servicesCsv(lines: ServiceRow[], period: LedgerPeriod): string {
  return toCsv(
    lines.map((l) => ({
      purchaseId: l.id, organisation: l.organisation, service: l.kind, offer: l.offerTitle ?? "", days: l.days ?? "", status: l.status,
      paidVnd: String(l.amountPaidVnd ?? 0), paidAt: l.paidAt ? l.paidAt.toISOString() : "", from: period.fromDay, to: period.toDay,
    })),
    serviceColumns,
  );
}
