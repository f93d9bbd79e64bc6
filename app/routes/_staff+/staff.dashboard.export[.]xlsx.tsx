import type { LoaderFunctionArgs } from "@remix-run/node";
import { i18next } from "~/i18n/i18next.server";
import { dashboardXlsx } from "~/models/metrics-export.server";
import { exportFileName, tableOrResponse } from "~/route-actions/metrics-request.server";
import { requireStaff } from "~/utils/permissions.server";
import { XLSX_CONTENT_TYPE } from "~/utils/xlsx.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  const t = await i18next.getFixedT(request);
  const result = await tableOrResponse(new URL(request.url), t);
  if (result instanceof Response) return result;
  // A Buffer is not a BodyInit in the DOM typings; its bytes are.
  return new Response(new Uint8Array(await dashboardXlsx(result.table, t)), {
    headers: {
      "Content-Type": XLSX_CONTENT_TYPE,
      "Content-Disposition": `attachment; filename="${exportFileName(result.table, result.filters, "xlsx")}"`,
      "Cache-Control": "no-store",
    },
  });
}
