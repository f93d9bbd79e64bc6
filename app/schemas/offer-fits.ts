// The one-click "propose this offer" button on the provider's offer page.
import { z } from "zod";

export const quickProposeSchema = z.object({
  kind: z.enum(["major-problem", "problem-statement"], { errorMap: () => ({ message: "validation.invalidChoice" }) }),
  targetId: z
    .string({ required_error: "validation.invalidChoice" })
    .min(1, "validation.invalidChoice")
    .max(40, "validation.invalidChoice"),
});

export type QuickProposeInput = z.infer<typeof quickProposeSchema>;
