import { z } from "zod";
import {
  MAX_ADDRESS,
  MAX_DESCRIPTION,
  MAX_NAME,
  emailField,
  optionalText,
  requiredText,
  taxCodeField,
  websiteField,
} from "./fields";

export const organisationKinds = ["PROVIDER", "RESEARCH", "AGENCY", "INNOVATION_CENTRE"] as const;
// Only staff may make an organisation an innovation centre; others pick from these.
export const selfServiceKinds = ["PROVIDER", "RESEARCH", "AGENCY"] as const;

export function kindsAllowed(isStaff: boolean, currentKind?: (typeof organisationKinds)[number]) {
  return isStaff || currentKind === "INNOVATION_CENTRE" ? organisationKinds : selfServiceKinds;
}

export const organisationSchema = z.object({
  name: requiredText(MAX_NAME),
  kind: z.enum(organisationKinds, { errorMap: () => ({ message: "validation.requiredChoice" }) }),
  taxCode: taxCodeField,
  website: websiteField,
  address: optionalText(MAX_ADDRESS),
  description: optionalText(MAX_DESCRIPTION),
});

export const memberRoles = ["MEMBER", "OWNER"] as const;

export const inviteSchema = z.object({
  intent: z.literal("invite"),
  email: emailField,
  role: z.enum(memberRoles, { errorMap: () => ({ message: "validation.requiredChoice" }) }),
});

export const removeMemberSchema = z.object({
  intent: z.literal("remove-member"),
  membershipId: z.string().min(1),
});

export const changeRoleSchema = z.object({
  intent: z.literal("change-role"),
  membershipId: z.string().min(1),
  role: z.enum(memberRoles),
});

export const cancelInvitationSchema = z.object({
  intent: z.literal("cancel-invitation"),
  invitationId: z.string().min(1),
});
