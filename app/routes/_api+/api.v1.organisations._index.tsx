import type { LoaderFunctionArgs } from "@remix-run/node";
import { publicApi } from "~/api/respond.server";
import { listPublicOrganisations } from "~/models/public-api/organisations.server";
import { organisationListQuery } from "~/schemas/open-api";

// The organisations /organisations lists, with the fields their public profile shows.
export const loader = ({ request, context }: LoaderFunctionArgs) =>
  publicApi({ request, context }, { query: organisationListQuery }, ({ lng: _lng, ...query }) =>
    listPublicOrganisations(query),
  );
