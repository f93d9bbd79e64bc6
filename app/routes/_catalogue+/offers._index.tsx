import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { deploymentModels } from "~/schemas/offer";
import { MAX_QUERY_LENGTH, TRL_BANDS } from "~/schemas/search";

const SLUG = /^[a-z0-9-]{1,64}$/;

// The old catalogue's filters, as the search page's: bookmarks and links to
// /offers keep working. Values the search page would reject are dropped,
// as the catalogue used to ignore them.
function catalogueToSearch(from: URLSearchParams): URLSearchParams {
  const to = new URLSearchParams({ type: "offer" });
  const q = from.get("q")?.trim();
  if (q) to.set("q", q.slice(0, MAX_QUERY_LENGTH));
  for (const field of ["sector", "technology"]) {
    for (const value of new Set(from.getAll(field))) if (SLUG.test(value)) to.append(field, value);
  }
  for (const value of new Set(from.getAll("deployment"))) {
    if ((deploymentModels as readonly string[]).includes(value)) to.append("deployment", value);
  }
  // "TRL at least N" becomes every band that reaches N.
  const trlMin = Number(from.get("trlMin"));
  if (Number.isInteger(trlMin) && trlMin >= 1 && trlMin <= 9) {
    for (const band of TRL_BANDS) if (Number(band.split("-")[1]) >= trlMin) to.append("trlBand", band);
  }
  return to;
}

export function loader({ request }: LoaderFunctionArgs) {
  return redirect(`/search?${catalogueToSearch(new URL(request.url).searchParams)}`, 302);
}
