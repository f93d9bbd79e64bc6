import type { LoaderFunctionArgs } from "@remix-run/node";
import { renderSitemap, sitemapEntries } from "~/models/sitemap.server";
import { publicBaseUrl } from "~/utils/request.server";

export async function loader({ request }: LoaderFunctionArgs) {
  return new Response(renderSitemap(publicBaseUrl(request), await sitemapEntries()), {
    headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=3600" },
  });
}
