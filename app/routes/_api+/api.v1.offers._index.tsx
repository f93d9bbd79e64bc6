import type { LoaderFunctionArgs } from "@remix-run/node";
import { publicApi } from "~/api/respond.server";
import { listPublicOffers } from "~/models/public-api/offers.server";
import { offerListQuery } from "~/schemas/open-api";

// Published offers only; titles and summaries in the language asked for when the provider wrote one.
export const loader = ({ request, context }: LoaderFunctionArgs) =>
  publicApi({ request, context }, { query: offerListQuery }, ({ lng: _lng, ...query }, { language }) =>
    listPublicOffers(query, language),
  );
