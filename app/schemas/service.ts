// The services page's forms, shared by the browser and the server.
import { z } from "zod";
import { FEATURED_DAYS } from "~/payments/plans";

const offerId = z
  .string({ required_error: "plans.errors.offerNotAvailable" })
  .min(1, "plans.errors.offerNotAvailable")
  .max(100, "plans.errors.offerNotAvailable");

export const serviceSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("valuation") }),
  z.object({
    intent: z.literal("featured"),
    offerId,
    days: z.coerce
      .number({ invalid_type_error: "plans.errors.serviceInvalid" })
      .refine((days) => (FEATURED_DAYS as readonly number[]).includes(days), "plans.errors.serviceInvalid"),
  }),
  z.object({ intent: z.literal("included"), offerId }),
]);

export const fulfilServiceSchema = z.object({
  intent: z.literal("fulfil-service"),
  purchaseId: z.string().min(1).max(100),
});
