import type { LoaderFunctionArgs } from "@remix-run/node";
import {
  exportMajorProblems,
  exportOffers,
  flattenForCsv,
  offerColumns,
  problemColumns,
  toCsv,
} from "~/models/export.server";
import { notFound, requireStaff } from "~/utils/permissions.server";

const exporters = {
  offers: { rows: exportOffers, columns: offerColumns },
  "major-problems": { rows: exportMajorProblems, columns: problemColumns },
} as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request);
  const match = /^(offers|major-problems)\.(csv|json)$/.exec(params.file ?? "");
  if (!match) throw notFound();
  const [, kind, format] = match as unknown as [string, keyof typeof exporters, "csv" | "json"];
  const rows = await exporters[kind].rows();
  const stamp = new Date().toISOString().slice(0, 10);
  const body =
    format === "csv" ? toCsv(flattenForCsv(rows), [...exporters[kind].columns]) : JSON.stringify(rows, null, 2);
  return new Response(body, {
    headers: {
      "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${kind}-${stamp}.${format}"`,
      "Cache-Control": "no-store",
    },
  });
}
