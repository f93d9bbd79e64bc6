import type { LoaderFunctionArgs } from "@remix-run/node";
import { publicApi } from "~/api/respond.server";
import { getPublicMajorProblem } from "~/models/public-api/major-problems.server";
import { majorProblemQuery } from "~/schemas/open-api";

// A code can repeat across lists: the newest list wins unless ?list= names one.
export const loader = ({ request, params, context }: LoaderFunctionArgs) =>
  publicApi(
    { request, context },
    { query: majorProblemQuery, notFound: "openApi.notFound.majorProblem" },
    async (query) => {
      const problem = await getPublicMajorProblem(params.code ?? "", query.list);
      return problem ? { problem } : null;
    },
  );
