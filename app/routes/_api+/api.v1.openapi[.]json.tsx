import type { LoaderFunctionArgs } from "@remix-run/node";
import { openApiDocument } from "~/api/openapi";
import { jsonWithEtag, limitedApi } from "~/utils/api.server";

// CORS is open (limitedApi) so browser tools (Swagger UI, Postman web) on other origins can load it.
export const loader = (args: LoaderFunctionArgs) =>
  limitedApi(args, async () => jsonWithEtag(args.request, openApiDocument, { "Cache-Control": "public, max-age=300" }));
