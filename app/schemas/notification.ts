import { z } from "zod";

// One notice (its id), or every unread one when no id is given.
export const markReadSchema = z.object({
  id: z.string().min(1).max(40).optional(),
});
