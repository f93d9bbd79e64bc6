import type { LoaderFunctionArgs } from "@remix-run/node";
import { publicApi } from "~/api/respond.server";
import { statementMatches } from "~/models/public-api/ranked-matches.server";
import { matchesQuery } from "~/schemas/open-api";

export const loader = ({ request, params, context }: LoaderFunctionArgs) =>
  publicApi(
    { request, context },
    { query: matchesQuery, notFound: "openApi.notFound.problemStatement" },
    (query, { language, t }) => statementMatches(params.slug ?? "", query.limit, language, t),
  );
