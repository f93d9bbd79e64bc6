import type { LoaderFunctionArgs } from "@remix-run/node";
import { i18next } from "~/i18n/i18next.server";
import { FORMATS, currentManifest, parseFileName, readDatasetFile } from "~/models/open-data.server";
import { apiError, etagOf, notModified } from "~/utils/api.server";

// /open-data/offers.csv and the like, served from the files the daily build wrote.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const file = parseFileName(params.file ?? "");
  if (!file) {
    const t = await i18next.getFixedT(new URL(request.url).searchParams.get("lng") === "en" ? "en" : "vi");
    return apiError(404, "not_found", t("openData.notFound.dataset"));
  }
  const manifest = await currentManifest();
  const body = await readDatasetFile(file.dataset, file.format);
  // From the bytes served, not the manifest: a rebuild may land between the two reads.
  const etag = etagOf(body);
  const headers = {
    ETag: etag,
    "Cache-Control": "public, max-age=3600",
    "Last-Modified": new Date(manifest.generatedAt).toUTCString(),
    "Access-Control-Allow-Origin": "*",
  };
  if (notModified(request, etag)) return new Response(null, { status: 304, headers });
  return new Response(body, {
    headers: {
      ...headers,
      "Content-Type": FORMATS[file.format],
      "Content-Length": String(body.byteLength),
      "Content-Disposition": `attachment; filename="hanoi-tech-exchange-${file.dataset}.${file.format}"`,
    },
  });
}
