import type { LoaderFunctionArgs } from "@remix-run/node";
import { publicApi } from "~/api/respond.server";
import { offerMatches } from "~/models/public-api/ranked-matches.server";
import { matchesQuery } from "~/schemas/open-api";

// The reverse direction: open needs this offer may fit.
export const loader = ({ request, params, context }: LoaderFunctionArgs) =>
  publicApi(
    { request, context },
    { query: matchesQuery, notFound: "openApi.notFound.offer" },
    (query, { language, t }) => offerMatches(params.slug ?? "", query.limit, language, t),
  );
