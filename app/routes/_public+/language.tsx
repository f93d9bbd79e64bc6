import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { languageCookie } from "~/i18n/i18next.server";
import { safeRedirect } from "~/models/session.server";
import { languageSchema } from "~/schemas/staff";

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const parsed = languageSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return redirect("/");
  return redirect(safeRedirect(parsed.data.redirectTo), {
    headers: { "Set-Cookie": await languageCookie.serialize(parsed.data.language) },
  });
}
