// Problem statements, Q&A and proposals on the shared access-matrix harness,
// from an agency's side (both organisations are agencies). The provider's side
// is in problems.provider-access.integration.test.ts.
import { db } from "~/db.server";
import {
  type AccessCase,
  type Target,
  type World,
  memberActionStatus,
  orgPageStatus,
  publicPageStatus,
  runAccessMatrix,
  staffActionStatus,
  staffPageStatus,
} from "~/test-support/access-matrix";
import { makeUser } from "~/test-support/factories";
import {
  makeOffer,
  makeProposal,
  makeQuestion,
  makeStatement,
  statementForm,
} from "~/test-support/statement-factories";

// ---------------------------------------------------------------- agency side
type PerOrg<T> = Record<string, T>;
const agency = {
  draft: {} as PerOrg<{ id: string; slug: string; title: string }>,
  published: {} as PerOrg<{ id: string; slug: string }>,
  // Fresh records per attempt, so one actor's permitted write does not spoil the next attempt.
  fresh: {} as PerOrg<{ id: string; slug: string; proposalId?: string; questionId?: string }>,
  providerOrgId: "",
};
const targetOf = (world: World, id: string): Target => (id === world.own ? "own" : "other");

async function freshStatements(
  world: World,
  status: "DRAFT" | "SUBMITTED" | "PUBLISHED",
  extra?: "proposal" | "question",
) {
  for (const orgId of [world.own, world.other]) {
    const ownerId = orgId === world.own ? world.ownOwnerId : world.otherOwnerId;
    const statement = await makeStatement(orgId, ownerId, { status });
    const record: { id: string; slug: string; proposalId?: string; questionId?: string } = {
      id: statement.id,
      slug: statement.slug,
    };
    if (extra === "proposal")
      record.proposalId = (await makeProposal(statement.id, await makeOffer(agency.providerOrgId))).id;
    if (extra === "question") record.questionId = (await makeQuestion(statement.id, agency.providerOrgId)).id;
    agency.fresh[orgId] = record;
  }
}

const statusOf = async (orgId: string) =>
  (await db.problemStatement.findUniqueOrThrow({ where: { id: agency.fresh[orgId]!.id } })).status;
const answerRefused = { anonymous: 403, outsider: 403, member: 302, owner: 302, staff: 403, admin: 403 };
const draftPage = { anonymous: 404, outsider: 404, member: 200, owner: 200, staff: 200, admin: 200 };

const agencyCases = (world: World): AccessCase[] => [
  {
    name: "list statements",
    method: "GET",
    path: (id) => `/orgs/${id}/problems`,
    targets: ["own", "other"],
    expected: orgPageStatus,
  },
  {
    name: "new statement form",
    method: "GET",
    path: (id) => `/orgs/${id}/problems/new`,
    targets: ["own", "other"],
    expected: orgPageStatus,
  },
  {
    name: "create a statement",
    method: "POST",
    path: (id) => `/orgs/${id}/problems/new`,
    targets: ["own", "other"],
    form: async () => statementForm(),
    expected: memberActionStatus,
    unchanged: (id) => db.problemStatement.count({ where: { organisationId: id } }),
  },
  {
    name: "view a statement",
    method: "GET",
    path: (id) => `/orgs/${id}/problems/${agency.draft[id]?.id}`,
    targets: ["own", "other"],
    expected: orgPageStatus,
    secrets: () => [agency.draft[world.other]!.title],
  },
  {
    name: "edit form",
    method: "GET",
    path: (id) => `/orgs/${id}/problems/${agency.draft[id]?.id}/edit`,
    targets: ["own", "other"],
    expected: orgPageStatus,
  },
  {
    name: "save a draft",
    method: "POST",
    path: (id) => `/orgs/${id}/problems/${agency.draft[id]?.id}/edit`,
    targets: ["own", "other"],
    form: async () => statementForm(),
    expected: memberActionStatus,
    unchanged: async (id) =>
      (await db.problemStatement.findUniqueOrThrow({ where: { id: agency.draft[id]!.id } })).title,
  },
  {
    name: "submit for review",
    method: "POST",
    path: (id) => `/orgs/${id}/problems/${agency.fresh[id]?.id}`,
    targets: ["own", "other"],
    form: async () => {
      await freshStatements(world, "DRAFT");
      return { intent: "submit" };
    },
    expected: memberActionStatus,
    unchanged: statusOf,
  },
  {
    name: "close a statement",
    method: "POST",
    path: (id) => `/orgs/${id}/problems/${agency.fresh[id]?.id}`,
    targets: ["own", "other"],
    form: async () => {
      await freshStatements(world, "PUBLISHED");
      return { intent: "close", outcome: "Đã chọn giải pháp." };
    },
    expected: memberActionStatus,
    unchanged: statusOf,
  },
  {
    name: "shortlist a proposal",
    method: "POST",
    path: (id) => `/orgs/${id}/problems/${agency.fresh[id]?.id}`,
    targets: ["own", "other"],
    form: async (target) => {
      await freshStatements(world, "PUBLISHED", "proposal");
      return {
        intent: "decide",
        status: "SHORTLISTED",
        proposalId: agency.fresh[target === "own" ? world.own : world.other]!.proposalId!,
      };
    },
    expected: memberActionStatus,
    unchanged: async (id) =>
      (await db.proposal.findUniqueOrThrow({ where: { id: agency.fresh[id]!.proposalId! } })).status,
  },
  {
    name: "answer a question",
    method: "POST",
    path: (id) => `/problems/${agency.fresh[id]?.slug}`,
    targets: ["own", "other"],
    form: async (target) => {
      await freshStatements(world, "PUBLISHED", "question");
      return {
        intent: "answer",
        answer: "Trả lời công khai.",
        questionId: agency.fresh[target === "own" ? world.own : world.other]!.questionId!,
      };
    },
    expected: answerRefused,
    otherExpected: { member: 403, owner: 403 },
    unchanged: async (id) =>
      (await db.question.findUniqueOrThrow({ where: { id: agency.fresh[id]!.questionId! } })).answer,
  },
  { name: "public list", method: "GET", path: () => "/problems", targets: ["own"], expected: publicPageStatus },
  {
    name: "public page of a published statement",
    method: "GET",
    path: (id) => `/problems/${agency.published[id]?.slug}`,
    targets: ["own", "other"],
    expected: publicPageStatus,
  },
  {
    name: "public page of a draft",
    method: "GET",
    path: (id) => `/problems/${agency.draft[id]?.slug}`,
    targets: ["own", "other"],
    expected: draftPage,
    otherExpected: { member: 404, owner: 404 },
    secrets: () => [agency.draft[world.own]!.title, agency.draft[world.other]!.title],
  },
  {
    name: "staff queue",
    method: "GET",
    path: () => "/staff/problems?status=DRAFT",
    targets: ["own"],
    expected: staffPageStatus,
  },
  {
    name: "staff review page",
    method: "GET",
    path: (id) => `/staff/problems/${agency.draft[id]?.id}`,
    targets: ["own", "other"],
    expected: staffPageStatus,
  },
  {
    name: "staff publish",
    method: "POST",
    path: (id) => `/staff/problems/${agency.fresh[id]?.id}`,
    targets: ["own", "other"],
    form: async () => {
      await freshStatements(world, "SUBMITTED");
      return { intent: "publish" };
    },
    expected: staffActionStatus,
    unchanged: statusOf,
  },
  {
    name: "staff send back",
    method: "POST",
    path: (id) => `/staff/problems/${agency.fresh[id]?.id}`,
    targets: ["own", "other"],
    form: async () => {
      await freshStatements(world, "SUBMITTED");
      return { intent: "return", note: "Bổ sung tiêu chí." };
    },
    expected: staffActionStatus,
    unchanged: statusOf,
  },
];

runAccessMatrix("problem statements: the agency's side", agencyCases, {
  ownKind: "AGENCY",
  otherKind: "AGENCY",
  setup: async (world) => {
    const providerOwner = await makeUser({ name: "Chủ Nhà cung cấp" });
    agency.providerOrgId = (
      await db.organisation.create({
        data: {
          name: "Nhà cung cấp Trung lập",
          kind: "PROVIDER",
          memberships: { create: { userId: providerOwner.id, role: "OWNER" } },
        },
      })
    ).id;
    for (const [orgId, ownerId] of [
      [world.own, world.ownOwnerId],
      [world.other, world.otherOwnerId],
    ] as const) {
      const draft = await makeStatement(orgId, ownerId, {
        form: { title: `Bản nháp mật ${targetOf(world, orgId)} ${Math.random()}` },
      });
      agency.draft[orgId] = { id: draft.id, slug: draft.slug, title: draft.title };
      agency.published[orgId] = await makeStatement(orgId, ownerId, { status: "PUBLISHED" });
    }
  },
});
