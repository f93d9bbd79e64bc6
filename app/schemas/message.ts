import { z } from "zod";
import { requiredText } from "./fields";

// A private message on a deal (app/models/message.server.ts). One form for
// proposal and order threads. Messages are i18n keys, as in ./fields.

// Long enough for a considered reply with figures; a contract belongs in the PDF.
export const MAX_MESSAGE = 5000;

// Line breaks are stored as "\n" (browsers send "\r\n"); other control
// characters but tabs are dropped before the checks: they are invisible, and
// PostgreSQL cannot store a NUL at all.
const CONTROL = /(?![\n\r\t])\p{Cc}/gu;

export const messageSchema = z.object({
  body: z
    .string({ required_error: "validation.required" })
    .transform((value) => value.replace(/\r\n?/g, "\n").replace(CONTROL, ""))
    .pipe(requiredText(MAX_MESSAGE)),
  attachment: z.instanceof(File).optional(),
});

export type MessageInput = z.infer<typeof messageSchema>;
