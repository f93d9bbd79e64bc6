// Form schemas list the values of Prisma enums by hand (zod needs a tuple, and these modules also run in the
// browser, where the generated client must not go). Each copy must keep up with prisma/schema.prisma: a value
// added there and missing here would be refused by every form, one removed would fail at the database.
import { describe, expect, it } from "vitest";
import * as prisma from "~/generated/prisma-sqlite/enums";
import { BILLING_INTERVALS, PAID_TIERS } from "~/payments/plans";
import { deploymentStages, matchRejectReasons, matchStatuses } from "./curation";
import { majorProblemStatuses, priorities, termSchema } from "./major-problem";
import { deploymentModels, evidenceLevels } from "./offer";
import {
  MAJOR_PROBLEM_STATUSES,
  ORGANISATION_KINDS as API_ORGANISATION_KINDS,
  PUBLIC_STATEMENT_STATUSES,
} from "./open-api";
import { memberRoles, organisationKinds, selfServiceKinds } from "./organisation";
import { declineReasons, decisionStatuses } from "./problem-statement";
import { ORGANISATION_KINDS as SEARCH_ORGANISATION_KINDS } from "./search";

const values = (prismaEnum: Record<string, string>) => Object.values(prismaEnum).sort();

// Order is the copy's own (it is the order a form lists them in); the values must be the same.
const sameValues: [string, readonly string[], Record<string, string>][] = [
  ["curation matchStatuses", matchStatuses, prisma.MatchStatus],
  ["curation matchRejectReasons", matchRejectReasons, prisma.MatchRejectReason],
  ["curation deploymentStages", deploymentStages, prisma.DeploymentStage],
  ["major-problem priorities", priorities, prisma.ProblemPriority],
  ["major-problem majorProblemStatuses", majorProblemStatuses, prisma.MajorProblemStatus],
  ["major-problem termSchema kind", termSchema.shape.kind.options, prisma.TermKind],
  ["offer deploymentModels", deploymentModels, prisma.DeploymentModel],
  ["offer evidenceLevels", evidenceLevels, prisma.EvidenceLevel],
  ["open-api MAJOR_PROBLEM_STATUSES", MAJOR_PROBLEM_STATUSES, prisma.MajorProblemStatus],
  ["open-api ORGANISATION_KINDS", API_ORGANISATION_KINDS, prisma.OrganisationKind],
  ["organisation organisationKinds", organisationKinds, prisma.OrganisationKind],
  ["organisation memberRoles", memberRoles, prisma.MembershipRole],
  ["problem-statement declineReasons", declineReasons, prisma.DeclineReason],
  ["search ORGANISATION_KINDS", SEARCH_ORGANISATION_KINDS, prisma.OrganisationKind],
  ["payments/plans BILLING_INTERVALS", BILLING_INTERVALS, prisma.BillingInterval],
];

// Deliberate subsets: each value must still exist in the enum.
const subsets: [string, readonly string[], Record<string, string>][] = [
  ["open-api PUBLIC_STATEMENT_STATUSES", PUBLIC_STATEMENT_STATUSES, prisma.ProblemStatementStatus],
  ["organisation selfServiceKinds", selfServiceKinds, prisma.OrganisationKind],
  ["problem-statement decisionStatuses", decisionStatuses, prisma.ProposalStatus],
  ["payments/plans PAID_TIERS", PAID_TIERS, prisma.PlanTier],
];

describe("enum copies in app/schemas match prisma/schema.prisma", () => {
  it.each(sameValues)("%s has the enum's values", (_name, copy, prismaEnum) => {
    expect([...copy].sort()).toEqual(values(prismaEnum));
  });

  it.each(subsets)("%s is part of the enum", (_name, copy, prismaEnum) => {
    expect(copy.length).toBeGreaterThan(0);
    expect(values(prismaEnum)).toEqual(expect.arrayContaining([...copy]));
  });
});
