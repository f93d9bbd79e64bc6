import type { TFunction } from "i18next";
import { translateError } from "~/components/form";

// "import.field|title|validation.tooLong|200" → "title: Quá dài: tối đa 200 ký tự."
export function describeReason(t: TFunction, reason: string): string {
  if (reason.startsWith("import.field|")) {
    const [, field = "", ...message] = reason.split("|");
    return t("import.field", { field, message: translateError(t, message.join("|")) });
  }
  return translateError(t, reason);
}
