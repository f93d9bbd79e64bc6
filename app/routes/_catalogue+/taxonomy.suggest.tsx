import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { i18next } from "~/i18n/i18next.server";
import { MAX_SUGGEST_TEXT, suggestTerms } from "~/models/classify.server";
import { apiError } from "~/utils/api.server";

// Sectors and technologies for a text being written (the offer and problem
// forms call it as the person types) or sent by another tool. GET with
// ?title=&text= for short texts, POST (form or JSON body) for long ones.
// The text is only classified, never stored, so no sign-in is needed.

async function answer(request: Request, title: string, text: string) {
  if (title.length + text.length > MAX_SUGGEST_TEXT) {
    const t = await i18next.getFixedT(request);
    const message = t("classify.apiTextTooLong", { max: String(MAX_SUGGEST_TEXT) });
    return apiError(400, "invalid_parameters", message, [{ field: "text", message }]);
  }
  if (!title.trim() && !text.trim()) {
    const t = await i18next.getFixedT(request);
    const message = t("classify.apiTextRequired");
    return apiError(400, "invalid_parameters", message, [{ field: "text", message }]);
  }
  const suggestions = await suggestTerms({ title, body: text });
  const shape = (list: typeof suggestions.sectors) =>
    list.map(({ id, slug, nameVi, nameEn, score, evidence }) => ({ id, slug, nameVi, nameEn, score, evidence }));
  return json(
    { sectors: shape(suggestions.sectors), technologies: shape(suggestions.technologies) },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  return answer(request, params.get("title") ?? "", params.get("text") ?? "");
}

export async function action({ request }: ActionFunctionArgs) {
  if (request.headers.get("content-type")?.includes("application/json")) {
    const body = (await request.json().catch(() => ({}))) as { title?: unknown; text?: unknown };
    return answer(
      request,
      typeof body.title === "string" ? body.title : "",
      typeof body.text === "string" ? body.text : "",
    );
  }
  const form = await request.formData();
  const value = (name: string) => {
    const field = form.get(name);
    return typeof field === "string" ? field : "";
  };
  return answer(request, value("title"), value("text"));
}
