import type { LoaderFunctionArgs } from "@remix-run/node";
import { publicApi } from "~/api/respond.server";
import { listPublicStatements } from "~/models/public-api/problem-statements.server";
import { statementListQuery } from "~/schemas/open-api";

// Agencies' problem statements once staff published them (open or closed).
export const loader = ({ request, context }: LoaderFunctionArgs) =>
  publicApi({ request, context }, { query: statementListQuery }, (query) => listPublicStatements(query));
