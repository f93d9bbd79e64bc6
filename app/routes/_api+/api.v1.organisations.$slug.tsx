import type { LoaderFunctionArgs } from "@remix-run/node";
import { publicApi } from "~/api/respond.server";
import { getPublicOrganisation } from "~/models/public-api/organisations.server";
import { detailQuery } from "~/schemas/open-api";

export const loader = ({ request, params, context }: LoaderFunctionArgs) =>
  publicApi({ request, context }, { query: detailQuery, notFound: "openData.notFound.organisation" }, async () => {
    const organisation = await getPublicOrganisation(params.slug ?? "");
    return organisation ? { organisation } : null;
  });
