import type { LoaderFunctionArgs } from "@remix-run/node";
import {
  trackingColumns,
  trackingDownloadName,
  trackingExportRows,
  trackingFilterFrom,
  trackProblems,
} from "~/models/problem-tracking.server";
import { requireStaff } from "~/utils/permissions.server";
import { toXlsx, XLSX_CONTENT_TYPE } from "~/utils/xlsx.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  const now = new Date();
  const rows = await trackProblems(trackingFilterFrom(new URL(request.url)), now);
  const body = await toXlsx(trackingExportRows(rows), [...trackingColumns], "Theo dõi 6 rõ");
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": XLSX_CONTENT_TYPE,
      "Content-Disposition": `attachment; filename="${trackingDownloadName(now, "xlsx")}"`,
      "Cache-Control": "no-store",
    },
  });
}
