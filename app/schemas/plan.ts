// The plan page's forms, shared by the browser and the server.
import { z } from "zod";
import { BILLING_INTERVALS, PAID_TIERS } from "~/payments/plans";

const choice = { errorMap: () => ({ message: "plans.errors.choiceInvalid" }) };

export const planActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("choose"),
    tier: z.enum(PAID_TIERS, choice),
    interval: z.enum(BILLING_INTERVALS, choice),
  }),
  z.object({ intent: z.literal("cancel") }),
  z.object({ intent: z.literal("resume") }),
]);
