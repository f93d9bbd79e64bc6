import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { i18next } from "~/i18n/i18next.server";
import { publicPath, runSuggest, SearchUnavailableError } from "~/models/search-request.server";
import { apiError } from "~/utils/api.server";
import { SEARCH_DOC_TYPES, type SearchDocType } from "../../../search/types.ts";

const MIN_LENGTH = 2;
const MAX_LENGTH = 100;

// Instant suggestions for the search box. The session is ignored: the engine
// suggests published listings only, so one public cached answer fits everyone.
export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const raw = params.get("q") ?? "";
  if (raw.length > MAX_LENGTH) {
    const t = await i18next.getFixedT(request);
    return apiError(400, "invalid_parameters", t("search.validation.queryTooLong", { max: String(MAX_LENGTH) }), [
      { field: "q", message: t("search.validation.queryTooLong", { max: String(MAX_LENGTH) }) },
    ]);
  }
  const type = params.get("type");
  const types = type && (SEARCH_DOC_TYPES as readonly string[]).includes(type) ? [type as SearchDocType] : undefined;
  const q = raw.trim();
  const cache = { "Cache-Control": "public, max-age=60" };
  if (q.length < MIN_LENGTH) return json({ suggestions: [] }, { headers: cache });
  try {
    const suggestions = await runSuggest(q, types);
    return json(
      {
        suggestions: suggestions.map((suggestion) => ({
          title: suggestion.title,
          type: suggestion.type,
          url: publicPath(suggestion.type, suggestion.slug),
        })),
      },
      { headers: cache },
    );
  } catch (error) {
    if (!(error instanceof SearchUnavailableError)) throw error;
    const t = await i18next.getFixedT(request);
    return apiError(503, "search_unavailable", t("search.unavailable"));
  }
}
