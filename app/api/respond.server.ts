// The one flow every public /api/v1 data endpoint follows: strict query
// parsing, 400 with reasons in the caller's language, 404 for what is not
// published, 503 when the matching service fails, and a short public cache
// for successful answers (they depend on the URL only, never on a session).
import { json } from "@remix-run/node";
import type { TFunction } from "i18next";
import type { z } from "zod";
import type { Language } from "~/i18n/config";
import { i18next } from "~/i18n/i18next.server";
import { MatchingUnavailableError } from "~/models/public-api.server";
import { type ApiQuerySchema, parseApiQuery } from "~/schemas/open-api";
import { apiError, apiValidationError } from "~/utils/api.server";

export const PUBLIC_CACHE = "public, max-age=60";

type NotFoundKey = "openApi.notFound.majorProblem" | "openApi.notFound.problemStatement" | "openApi.notFound.offer";

// The language comes from ?lng only (not the cookie), so a cached answer is
// the same for everyone who asks for that URL.
function requestLanguage(url: URL): Language {
  return url.searchParams.get("lng") === "en" ? "en" : "vi";
}

// Open data: any web page may read it (no cookies are involved in the answer).
export async function publicApi<S extends ApiQuerySchema>(
  request: Request,
  options: { query: S; notFound?: NotFoundKey },
  run: (query: z.infer<S>, context: { language: Language; t: TFunction }) => Promise<object | null>,
): Promise<Response> {
  const response = await answer(request, options, run);
  response.headers.set("Access-Control-Allow-Origin", "*");
  return response;
}

async function answer<S extends ApiQuerySchema>(
  request: Request,
  options: { query: S; notFound?: NotFoundKey },
  run: (query: z.infer<S>, context: { language: Language; t: TFunction }) => Promise<object | null>,
): Promise<Response> {
  const url = new URL(request.url);
  const language = requestLanguage(url);
  const t = await i18next.getFixedT(language);
  const parsed = parseApiQuery(url.searchParams, options.query);
  if (!parsed.ok) return apiValidationError(t, parsed.errors);
  try {
    const body = await run(parsed.query, { language, t });
    if (body === null) return apiError(404, "not_found", t(options.notFound ?? "openApi.notFound.offer"));
    return json(body, { headers: { "Cache-Control": PUBLIC_CACHE } });
  } catch (error) {
    if (error instanceof MatchingUnavailableError) return apiError(503, "matching_unavailable", t("openApi.matchingUnavailable"));
    throw error;
  }
}
