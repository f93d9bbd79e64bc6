import type { LoaderFunctionArgs } from "@remix-run/node";
import { platformServiceRevenue } from "~/models/service-purchase.server";
import { ledgerPeriod, servicesCsv } from "~/models/payment-ledger.server";
import { requireStaff } from "~/utils/permissions.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  const { period } = ledgerPeriod(new URL(request.url));
  if (!period)
    return new Response("Khoảng thời gian không hợp lệ. / Invalid period.", {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  const { lines } = await platformServiceRevenue(period.from, period.to);
  return new Response(servicesCsv(lines, period), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="platform-services-${period.fromDay}-${period.toDay}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
