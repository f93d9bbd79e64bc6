import type { LoaderFunctionArgs } from "@remix-run/node";
import { i18next } from "~/i18n/i18next.server";
import { parseSearch, runSearch, SearchUnavailableError, toApiResult } from "~/models/search-request.server";
import { apiError, apiValidationError, jsonWithEtag, limitedApi } from "~/utils/api.server";

// Public search over published listings only: the session is ignored, so a
// signed-in member's drafts never reach a cacheable public response.
export const loader = (args: LoaderFunctionArgs) => limitedApi(args, () => search(args.request));

async function search(request: Request) {
  const t = await i18next.getFixedT(request);
  const parsed = parseSearch(new URL(request.url));
  if (!parsed.ok) return apiValidationError(t, parsed.errors);
  if (parsed.unknown.length) {
    return apiValidationError(
      t,
      parsed.unknown.map((name) => ({ field: name, message: `search.validation.unknownParameter|${name}` })),
    );
  }
  try {
    const result = await runSearch(parsed.params, null);
    return jsonWithEtag(request, toApiResult(result), { "Cache-Control": "public, max-age=30" });
  } catch (error) {
    if (error instanceof SearchUnavailableError) return apiError(503, "search_unavailable", t("search.unavailable"));
    throw error;
  }
}
