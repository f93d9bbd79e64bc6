import { json } from "@remix-run/node";
import type { TFunction } from "i18next";
import { translateError } from "~/components/form";

// Every public API error has one shape, with the message in the caller's
// language (cookie or Accept-Language, Vietnamese by default).
export function apiError(status: number, code: string, message: string, details?: { field: string; message: string }[]) {
  return json({ error: { code, message, ...(details ? { details } : {}) } }, { status, headers: { "Cache-Control": "no-store" } });
}

export function apiValidationError(t: TFunction, errors: { field: string; message: string }[]) {
  const details = errors.map((error) => ({ field: error.field, message: translateError(t, error.message) }));
  return apiError(400, "invalid_parameters", details.map((detail) => `${detail.field}: ${detail.message}`).join(" "), details);
}
