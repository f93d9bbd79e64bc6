import { z } from "zod";
import { MAX_NAME, emailField, existingPasswordField, newPasswordField, requiredText } from "./fields";

export const signUpSchema = z.object({
  name: requiredText(MAX_NAME),
  email: emailField,
  password: newPasswordField,
  redirectTo: z.string().optional(),
});

export const signInSchema = z.object({
  email: emailField,
  password: existingPasswordField,
  redirectTo: z.string().optional(),
});

export const forgotPasswordSchema = z.object({ email: emailField });

export const resetPasswordSchema = z.object({ password: newPasswordField });

export const profileSchema = z.object({
  intent: z.literal("profile"),
  name: requiredText(MAX_NAME),
});

export const changePasswordSchema = z.object({
  intent: z.literal("password"),
  currentPassword: existingPasswordField,
  newPassword: newPasswordField,
});
