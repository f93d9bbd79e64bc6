import { z } from "zod";

// Error messages are i18n keys (optionally "key|max"), translated where they
// are shown, so one schema serves the browser and the server in both languages.
export const MAX_NAME = 120;
export const MAX_EMAIL = 254;
export const MIN_PASSWORD = 8;
export const MAX_PASSWORD = 256;
export const MAX_ADDRESS = 300;
export const MAX_WEBSITE = 300;
export const MAX_DESCRIPTION = 2000;

export const tooLong = (max: number) => `validation.tooLong|${max}`;

export function requiredText(max: number) {
  return z
    .string({ required_error: "validation.required" })
    .trim()
    .min(1, "validation.required")
    .max(max, tooLong(max));
}

export function optionalText(max: number) {
  return z.string().trim().max(max, tooLong(max)).optional();
}

export const emailField = z
  .string({ required_error: "validation.required" })
  .trim()
  .min(1, "validation.required")
  .max(MAX_EMAIL, tooLong(MAX_EMAIL))
  .email("validation.email")
  .transform((value) => value.toLowerCase());

export const newPasswordField = z
  .string({ required_error: "validation.required" })
  .min(MIN_PASSWORD, "validation.passwordTooShort")
  .max(MAX_PASSWORD, `validation.passwordTooLong|${MAX_PASSWORD}`);

// Signing in checks only presence: rules may have changed since sign-up.
export const existingPasswordField = z
  .string({ required_error: "validation.required" })
  .min(1, "validation.required")
  .max(MAX_PASSWORD, `validation.passwordTooLong|${MAX_PASSWORD}`);

// Mã số thuế: 10 digits for an enterprise, plus "-" and 3 digits for a branch.
export const TAX_CODE_PATTERN = /^\d{10}(-\d{3})?$/;
export const taxCodeField = z
  .string()
  .trim()
  .max(14, "validation.taxCode")
  .regex(TAX_CODE_PATTERN, "validation.taxCode")
  .optional();

export const websiteField = z
  .string()
  .trim()
  .max(MAX_WEBSITE, tooLong(MAX_WEBSITE))
  .regex(/^https?:\/\/[^\s]+\.[^\s]+$/i, "validation.url")
  .optional();
