import type { LoaderFunctionArgs } from "@remix-run/node";
import { i18next } from "~/i18n/i18next.server";
import { dashboardCsv } from "~/models/metrics-export.server";
import { exportFileName, tableOrResponse } from "~/route-actions/metrics-request.server";
import { requireStaff } from "~/utils/permissions.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  const t = await i18next.getFixedT(request);
  const result = await tableOrResponse(new URL(request.url), t);
  if (result instanceof Response) return result;
  return new Response(dashboardCsv(result.table, t), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exportFileName(result.table, result.filters, "csv")}"`,
      "Cache-Control": "no-store",
    },
  });
}
