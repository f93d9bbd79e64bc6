import type { LoaderFunctionArgs } from "@remix-run/node";
import { i18next } from "~/i18n/i18next.server";
import { apiError, limitedApi } from "~/utils/api.server";

// A mistyped API address answers in JSON like the rest of the API, not with
// the site's HTML error page, and points to the document that lists them all.
const unknownEndpoint = (args: LoaderFunctionArgs) => limitedApi(args, () => notFound(args.request));

async function notFound(request: Request) {
  const t = await i18next.getFixedT(new URL(request.url).searchParams.get("lng") === "en" ? "en" : "vi");
  return apiError(404, "not_found", t("openApi.notFound.endpoint"));
}

export const loader = unknownEndpoint;
export const action = unknownEndpoint;
