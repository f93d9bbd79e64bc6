// One schema per form on the alerts page and the search page's save button.
import { z } from "zod";

export const followSectorSchema = z.object({
  intent: z.literal("follow-sector"),
  sectorSlug: z
    .string({ required_error: "alerts.validation.sectorRequired" })
    .regex(/^[a-z0-9-]{1,64}$/, "alerts.validation.sectorUnknown"),
});

export const saveSearchSchema = z.object({
  intent: z.literal("save-search"),
  // The /search query string ("?q=…&sector=…"); empty saves "everything new".
  query: z.string().max(4000, "alerts.validation.searchInvalid").default(""),
});

export const followMatchesSchema = z.object({
  intent: z.literal("follow-matches"),
  organisationId: z
    .string({ required_error: "alerts.validation.organisationUnknown" })
    .max(100, "alerts.validation.organisationUnknown"),
});

export const deleteAlertSchema = z.object({
  intent: z.literal("delete"),
  id: z.string({ required_error: "alerts.validation.notFound" }).max(100, "alerts.validation.notFound"),
});
