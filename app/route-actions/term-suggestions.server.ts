// The "Gợi ý" (suggest terms) button of the offer and statement forms, for
// their actions: reading what was typed from the form and answering with the
// form as typed plus the suggestions. The suggesting itself is
// app/models/classify.server.ts.
import { parseWithZod } from "@conform-to/zod";
import type { ZodTypeAny } from "zod";
import { MAX_SUGGEST_TEXT, suggestTerms, type TermSuggestions } from "~/models/classify.server";

// The fields each form's suggestions read: the title counts more than the body.
const FORM_TEXT = {
  offer: { title: ["titleVi", "titleEn"], body: ["summaryVi", "summaryEn", "descriptionMd"] },
  statement: { title: ["title"], body: ["context", "targetUsers", "scopeOfWork", "deliverable", "successCriteria"] },
} as const;

/**
 * For the "Gợi ý" button that works without JavaScript: the suggestions for
 * what was typed, and for the offer form the suggested terms added to the
 * ticked boxes (the person unticks what is wrong before saving).
 */
export async function suggestFromForm(kind: keyof typeof FORM_TEXT, formData: FormData): Promise<TermSuggestions> {
  const text = (names: readonly string[]) =>
    names
      .map((name) => formData.get(name))
      .filter((value): value is string => typeof value === "string")
      .join("\n")
      .slice(0, MAX_SUGGEST_TEXT);
  const suggestions = await suggestTerms({ title: text(FORM_TEXT[kind].title), body: text(FORM_TEXT[kind].body) });
  if (kind === "offer") {
    for (const [field, terms] of [
      ["sectorIds", suggestions.sectors],
      ["technologyIds", suggestions.technologies],
    ] as const) {
      const ticked = new Set(formData.getAll(field).map(String));
      for (const term of terms) if (!ticked.has(term.id)) formData.append(field, term.id);
    }
  }
  return suggestions;
}

/**
 * The action's answer to the "Gợi ý" button: the form as typed (plus ticked
 * suggestions) without the errors of a form nobody tried to save yet. The
 * status stays "error" so file inputs, which cannot be re-filled, say so.
 */
export async function suggestReply(kind: keyof typeof FORM_TEXT, formData: FormData, schema: ZodTypeAny) {
  const suggestions = await suggestFromForm(kind, formData);
  formData.delete("intent");
  const reply = parseWithZod(formData, { schema }).reply();
  return { result: { ...reply, status: "error" as const, error: {} }, suggestions };
}
