import type { LoaderFunctionArgs } from "@remix-run/node";
import { publicApi } from "~/api/respond.server";
import { listApprovedMatches } from "~/models/public-api/matches.server";
import { approvedMatchListQuery } from "~/schemas/open-api";

// Matches staff approved, with their deployment stage; never the ones still
// being curated or rejected (the ranked suggestions live under each record).
export const loader = ({ request, context }: LoaderFunctionArgs) =>
  publicApi({ request, context }, { query: approvedMatchListQuery }, ({ lng: _lng, ...query }, { language }) =>
    listApprovedMatches(query, language),
  );
