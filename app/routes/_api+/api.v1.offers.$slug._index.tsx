import type { LoaderFunctionArgs } from "@remix-run/node";
import { publicApi } from "~/api/respond.server";
import { getPublicOffer } from "~/models/public-api/offers.server";
import { detailQuery } from "~/schemas/open-api";

export const loader = ({ request, params, context }: LoaderFunctionArgs) =>
  publicApi(
    { request, context },
    { query: detailQuery, notFound: "openApi.notFound.offer" },
    async (_query, { language }) => {
      const offer = await getPublicOffer(params.slug ?? "", language);
      return offer ? { offer } : null;
    },
  );
