import { z } from "zod";

export const MAX_SYNONYM_GROUPS = 500;
export const MAX_SYNONYMS_TEXT = 50_000;

/**
 * One group per line, phrases separated by commas:
 * "ùn tắc, kẹt xe, congestion". A group needs at least two phrases.
 */
export function parseSynonymLines(text: string): string[][] {
  return text
    .normalize("NFC")
    .split(/\r?\n/)
    .map((line) =>
      line
        .split(/[,;]/)
        .map((phrase) => phrase.trim().replace(/\s+/g, " "))
        .filter(Boolean),
    )
    .filter((group) => group.length > 0);
}

export const synonymsFormSchema = z.object({
  synonyms: z
    .string({ required_error: "validation.required" })
    .max(MAX_SYNONYMS_TEXT, `validation.tooLong|${MAX_SYNONYMS_TEXT}`)
    .superRefine((text, ctx) => {
      const groups = parseSynonymLines(text);
      if (groups.length > MAX_SYNONYM_GROUPS)
        ctx.addIssue({ code: "custom", message: `searchAdmin.validation.tooManyGroups|${MAX_SYNONYM_GROUPS}` });
      const single = groups.findIndex((group) => group.length < 2);
      if (single >= 0)
        ctx.addIssue({ code: "custom", message: `searchAdmin.validation.singlePhrase|${groups[single]![0]}` });
      if (groups.some((group) => group.some((phrase) => phrase.length > 80)))
        ctx.addIssue({ code: "custom", message: "searchAdmin.validation.phraseTooLong|80" });
    }),
});

export const reindexFormSchema = z.object({ intent: z.literal("reindex") });
