import type { LoaderFunctionArgs } from "@remix-run/node";
import { publicApi } from "~/api/respond.server";
import { getPublicStatement } from "~/models/public-api/problem-statements.server";
import { detailQuery } from "~/schemas/open-api";

// Drafts and statements waiting for review are 404 for everyone here, members included.
export const loader = ({ request, params, context }: LoaderFunctionArgs) =>
  publicApi({ request, context }, { query: detailQuery, notFound: "openApi.notFound.problemStatement" }, async () => {
    const problem = await getPublicStatement(params.slug ?? "");
    return problem ? { problem } : null;
  });
