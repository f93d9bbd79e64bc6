import type { LoaderFunctionArgs } from "@remix-run/node";
import { publicBaseUrl } from "~/utils/request.server";

// Served by a route because the Sitemap line must be an absolute URL.
export async function loader({ request }: LoaderFunctionArgs) {
  const body = [
    "User-agent: *",
    "Disallow: /orgs/",
    "Disallow: /staff",
    "Disallow: /admin/",
    "Disallow: /account",
    "Disallow: /market/compare",
    "Disallow: /search/suggest",
    `Sitemap: ${new URL("/sitemap.xml", publicBaseUrl(request))}`,
    "",
  ].join("\n");
  return new Response(body, {
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=86400" },
  });
}
