import type { LoaderFunctionArgs } from "@remix-run/node";
import { standardPageMeta, StandardPage } from "~/components/standard-page";
import { loadStandardPage } from "~/content/standard-pages/index.server";

export const loader = (args: LoaderFunctionArgs) => loadStandardPage("contact", args);
export const meta = standardPageMeta;
export default StandardPage;
