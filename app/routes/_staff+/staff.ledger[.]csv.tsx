import type { LoaderFunctionArgs } from "@remix-run/node";
import { ledgerCsv, ledgerPeriod, settlementLedger } from "~/models/payment-ledger.server";
import { requireStaff } from "~/utils/permissions.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  const { period } = ledgerPeriod(new URL(request.url));
  if (!period)
    return new Response("Khoảng thời gian không hợp lệ. / Invalid period.", {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  const body = ledgerCsv(await settlementLedger(period.from, period.to), period);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="settlement-${period.fromDay}-${period.toDay}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
