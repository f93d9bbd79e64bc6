import type { Shape } from "../shape";
import type { inputChecksVi } from "./input-checks.vi";

export const inputChecksEn: Shape<typeof inputChecksVi> = {
  pageInvalid: "Invalid page number: use a whole number from 1 up.",
  dayInvalid: "Invalid date: choose a real date (years 1900 to 2999).",
  uploadUnreadable: "The uploaded file could not be read. Choose the file again and resend the form.",
  storageUnavailable:
    "File storage is not answering right now. If you just sent a form, its file was not saved and nothing was changed. Try again in a few minutes.",
  deadLetters: {
    title: "Payment events that could not be applied",
    lead: "These webhook events were tried {{attempts}} times and still could not be applied. The system has stopped trying; read the last error and check them against Stripe.",
    count: "{{count}} events could not be applied",
    none: "No events have been given up on.",
    eventId: "Event id",
    type: "Type",
    attempts: "Attempts",
    lastError: "Last error",
    deadAt: "Given up at",
    retry: "Retry",
    retried: "The event will be applied again now.",
  },
};
