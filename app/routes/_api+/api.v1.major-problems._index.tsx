import type { LoaderFunctionArgs } from "@remix-run/node";
import { publicApi } from "~/api/respond.server";
import { listPublicMajorProblems } from "~/models/public-api/major-problems.server";
import { majorProblemListQuery } from "~/schemas/open-api";

// The city's major problems as the latest published version of each list shows them.
export const loader = ({ request, context }: LoaderFunctionArgs) =>
  publicApi({ request, context }, { query: majorProblemListQuery }, (query) => listPublicMajorProblems(query));
