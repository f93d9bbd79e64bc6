import type { LoaderFunctionArgs } from "@remix-run/node";
import { toCsv } from "~/models/export.server";
import {
  trackingColumns,
  trackingDownloadName,
  trackingExportRows,
  trackingFilterFrom,
  trackProblems,
} from "~/models/problem-tracking.server";
import { requireStaff } from "~/utils/permissions.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  const now = new Date();
  const rows = await trackProblems(trackingFilterFrom(new URL(request.url)), now);
  return new Response(toCsv(trackingExportRows(rows), [...trackingColumns]), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${trackingDownloadName(now, "csv")}"`,
      "Cache-Control": "no-store",
    },
  });
}
