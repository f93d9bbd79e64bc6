import type { Shape } from "../shape";
import type { requestGuardVi } from "./request-guard.vi";

export const requestGuardEn: Shape<typeof requestGuardVi> = {
  tooLarge: "The request is too large: at most {{limit}} MB. Send less data or a smaller file.",
  lengthRequired: "A form must be sent with its length (Content-Length).",
  unsupportedType:
    "This data format is not supported. Forms take application/x-www-form-urlencoded or multipart/form-data.",
  webhookType: "Webhooks must send JSON (application/json).",
  malformed: "The form data is broken or incomplete. Reload the page and send it again.",
  tooManyFields: "The form has too many fields (at most {{limit}}).",
  badFieldName: "The form has a field name that is not allowed: {{name}}",
  nulCharacter: "The form contains a NUL character (code 0), which cannot be saved. Remove it and send the form again.",
  badHost: "The Host header is not valid.",
};
