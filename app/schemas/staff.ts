import { z } from "zod";

export const verifyOrganisationSchema = z.object({
  organisationId: z.string().min(1),
  verified: z.enum(["true", "false"]).transform((value) => value === "true"),
});

export const platformRoles = ["USER", "STAFF", "ADMIN"] as const;

export const setRoleSchema = z.object({
  userId: z.string().min(1),
  role: z.enum(platformRoles, { errorMap: () => ({ message: "validation.invalidChoice" }) }),
});

export const languageSchema = z.object({
  language: z.enum(["vi", "en"]),
  redirectTo: z.string().optional(),
});
