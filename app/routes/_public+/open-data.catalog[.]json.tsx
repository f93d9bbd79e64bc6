import type { LoaderFunctionArgs } from "@remix-run/node";
import { i18next } from "~/i18n/i18next.server";
import { currentManifest, dcatCatalogue } from "~/models/open-data.server";
import { jsonWithEtag } from "~/utils/api.server";

// The machine-readable catalogue (DCAT-AP-style JSON-LD), for portals that harvest it.
export async function loader({ request }: LoaderFunctionArgs) {
  const [manifest, vi, en] = await Promise.all([currentManifest(), i18next.getFixedT("vi"), i18next.getFixedT("en")]);
  const origin = new URL(request.url).origin;
  const catalogue = dcatCatalogue(
    manifest,
    origin,
    vi as unknown as (key: string) => string,
    en as unknown as (key: string) => string,
  );
  const response = jsonWithEtag(request, catalogue, {
    "Cache-Control": "public, max-age=300",
    "Access-Control-Allow-Origin": "*",
  });
  if (response.status === 200) response.headers.set("Content-Type", "application/ld+json; charset=utf-8");
  return response;
}
