import { z } from "zod";
import { requiredText } from "./fields";

// A private message on a deal (app/models/message.server.ts). One form for
// proposal and order threads. Messages are i18n keys, as in ./fields.

// Long enough for a considered reply with figures; a contract belongs in the PDF.
export const MAX_MESSAGE = 5000;

export const messageSchema = z.object({
  body: requiredText(MAX_MESSAGE),
  attachment: z.instanceof(File).optional(),
});

export type MessageInput = z.infer<typeof messageSchema>;
