import type { LoaderFunctionArgs } from "@remix-run/node";
import { publicApi } from "~/api/respond.server";
import { majorProblemMatches } from "~/models/public-api/ranked-matches.server";
import { majorProblemMatchesQuery } from "~/schemas/open-api";

export const loader = ({ request, params, context }: LoaderFunctionArgs) =>
  publicApi(
    { request, context },
    { query: majorProblemMatchesQuery, notFound: "openApi.notFound.majorProblem" },
    (query, { language, t }) => majorProblemMatches(params.code ?? "", query.list, query.limit, language, t),
  );
