// Problem statements, Q&A and proposals on the shared access-matrix harness,
// from a provider's side: both organisations are providers, proposing to and
// asking about a third party's published statement. The agency's side is in
// problems.access.integration.test.ts.
import { db } from "~/db.server";
import {
  type AccessCase,
  type Actor,
  SIGN_IN,
  orgPageStatus,
  publicPageStatus,
  runAccessMatrix,
  type World,
} from "~/test-support/access-matrix";
import { makeUser } from "~/test-support/factories";
import {
  makeAgency,
  makeOffer,
  makeProposal,
  makeQuestion,
  makeStatement,
  pdfBytes,
} from "~/test-support/statement-factories";
import { checkUpload, writeUpload } from "~/utils/uploads.server";

const only = (overrides: Partial<Record<Actor, number>>, base: Record<Actor, number>) => ({ ...base, ...overrides });
const signedInRefused = { anonymous: 403, outsider: 403, member: 403, owner: 403, staff: 403, admin: 403 };

const provider = {
  statementSlug: "",
  proposalId: {} as Record<string, string>,
  freshOfferTitle: "",
};

const askOrPropose = { anonymous: 403, outsider: 403, member: 302, owner: 302, staff: 403, admin: 403 };

const providerCases = (world: World): AccessCase[] => [
  {
    name: "our proposals",
    method: "GET",
    path: (id) => `/orgs/${id}/proposals`,
    targets: ["own", "other"],
    expected: orgPageStatus,
  },
  {
    name: "agency pages for a provider",
    method: "GET",
    path: (id) => `/orgs/${id}/problems`,
    targets: ["own"],
    expected: only({ member: 404, owner: 404 }, orgPageStatus),
  },
  {
    name: "open the proposal form",
    method: "GET",
    path: () => `/problems/${provider.statementSlug}/propose`,
    targets: ["own"],
    expected: { anonymous: SIGN_IN, outsider: 403, member: 200, owner: 200, staff: 403, admin: 403 },
  },
  {
    name: "propose an offer",
    method: "POST",
    path: () => `/problems/${provider.statementSlug}/propose`,
    targets: ["own", "other"],
    form: async (target) => {
      provider.freshOfferTitle = `Giải pháp riêng ${Math.random()}`;
      const offer = await makeOffer(target === "own" ? world.own : world.other, { title: provider.freshOfferTitle });
      return { offerId: offer.id, pitch: "Đề xuất ngắn." };
    },
    expected: askOrPropose,
    otherExpected: { member: 400, owner: 400 },
    unchanged: (id) => db.proposal.count({ where: { organisationId: id } }),
    secrets: () => [provider.freshOfferTitle],
  },
  {
    name: "download a proposal's attachment",
    method: "GET",
    path: (id) => `/problems/${provider.statementSlug}/proposals/${provider.proposalId[id]}/attachment`,
    targets: ["own", "other"],
    expected: { anonymous: SIGN_IN, outsider: 404, member: 200, owner: 200, staff: 200, admin: 200 },
    otherExpected: { member: 404, owner: 404 },
  },
  {
    name: "ask a question",
    method: "POST",
    path: () => `/problems/${provider.statementSlug}`,
    targets: ["own", "other"],
    form: async (target) => ({
      intent: "ask",
      organisationId: target === "own" ? world.own : world.other,
      body: "Câu hỏi làm rõ?",
    }),
    expected: askOrPropose,
    otherExpected: { member: 400, owner: 400 },
    unchanged: (id) => db.question.count({ where: { askerOrganisationId: id } }),
  },
  {
    name: "public statement page",
    method: "GET",
    path: () => `/problems/${provider.statementSlug}`,
    targets: ["own"],
    expected: publicPageStatus,
  },
  { ...signedInRefusedCase() },
];

// Nobody answers on the agency's behalf: providers, staff and strangers alike.
function signedInRefusedCase(): AccessCase {
  return {
    name: "answer someone else's question",
    method: "POST",
    path: () => `/problems/${provider.statementSlug}`,
    targets: ["own"],
    form: async () => {
      const statement = await db.problemStatement.findUniqueOrThrow({ where: { slug: provider.statementSlug } });
      const question = await db.question.findFirstOrThrow({ where: { problemStatementId: statement.id } });
      return { intent: "answer", questionId: question.id, answer: "Không phải việc của tôi." };
    },
    expected: signedInRefused,
    unchanged: async () => (await db.question.findMany({ select: { answer: true } })).map((q) => q.answer),
  };
}

runAccessMatrix("problem statements: the provider's side", providerCases, {
  ownKind: "PROVIDER",
  otherKind: "PROVIDER",
  setup: async (world) => {
    const agencyOwner = await makeUser({ name: "Chủ Sở Trung lập" });
    const agencyOrg = await makeAgency(agencyOwner.id);
    const statement = await makeStatement(agencyOrg.id, agencyOwner.id, { status: "PUBLISHED" });
    provider.statementSlug = statement.slug;
    for (const orgId of [world.own, world.other]) {
      const check = await checkUpload(new File([Uint8Array.from(pdfBytes())], "ho-so.pdf"), "ATTACHMENT");
      if (!check.ok) throw new Error(check.error);
      await writeUpload(check);
      provider.proposalId[orgId] = (
        await makeProposal(statement.id, await makeOffer(orgId), { attachmentStored: check.upload.storedName })
      ).id;
    }
    await makeQuestion(statement.id, world.other);
  },
});
