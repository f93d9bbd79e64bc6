// Proposals to major problems on the shared access-matrix harness: both
// organisations are providers; the major problem belongs to the city's list,
// and only staff decide.
import { db } from "~/db.server";
import {
  type AccessCase,
  type Target,
  type World,
  SIGN_IN,
  orgPageStatus,
  runAccessMatrix,
  staffActionStatus,
  staffPageStatus,
} from "~/test-support/access-matrix";
import { makeOffer, makeProposal, makePublishedMajorProblem, pdfBytes } from "~/test-support/statement-factories";
import { checkUpload, writeUpload } from "~/utils/uploads.server";

const state = {
  open: { listSlug: "", code: "", id: "" },
  withdrawn: { listSlug: "", code: "", id: "" },
  proposalId: {} as Record<string, string>,
  // A fresh proposal per attempt, so one actor's permitted decision does not spoil the next attempt.
  fresh: {} as Record<string, string>,
  freshOfferTitle: "",
};

const askOrPropose = { anonymous: 403, outsider: 403, member: 302, owner: 302, staff: 403, admin: 403 };
const proposePage = () => `/major-problems/${state.open.listSlug}/${state.open.code}/propose`;
const orgOf = (world: World, target: Target) => (target === "own" ? world.own : world.other);

async function freshProposals(world: World) {
  for (const orgId of [world.own, world.other]) {
    state.fresh[orgId] = (await makeProposal({ majorProblemId: state.open.id }, await makeOffer(orgId))).id;
  }
}
const freshStatus = async (orgId: string) =>
  (await db.proposal.findUniqueOrThrow({ where: { id: state.fresh[orgId]! } })).status;

const cases = (world: World): AccessCase[] => [
  {
    name: "our proposals",
    method: "GET",
    path: (id) => `/orgs/${id}/proposals`,
    targets: ["own", "other"],
    expected: orgPageStatus,
  },
  {
    name: "open the proposal form",
    method: "GET",
    path: proposePage,
    targets: ["own"],
    expected: { anonymous: SIGN_IN, outsider: 403, member: 200, owner: 200, staff: 403, admin: 403 },
  },
  {
    name: "propose an offer",
    method: "POST",
    path: proposePage,
    targets: ["own", "other"],
    form: async (target) => {
      state.freshOfferTitle = `Giải pháp riêng ${Math.random()}`;
      const offer = await makeOffer(orgOf(world, target), { title: state.freshOfferTitle });
      return { offerId: offer.id, pitch: "Đề xuất ngắn." };
    },
    expected: askOrPropose,
    otherExpected: { member: 400, owner: 400 },
    unchanged: (id) => db.proposal.count({ where: { organisationId: id } }),
    secrets: () => [state.freshOfferTitle],
  },
  {
    name: "propose to a withdrawn problem",
    method: "POST",
    path: () => `/major-problems/${state.withdrawn.listSlug}/${state.withdrawn.code}/propose`,
    targets: ["own"],
    form: async () => ({ offerId: (await makeOffer(world.own)).id, pitch: "Đề xuất muộn." }),
    expected: { anonymous: 403, outsider: 404, member: 404, owner: 404, staff: 404, admin: 404 },
    unchanged: () => db.proposal.count({ where: { majorProblemId: state.withdrawn.id } }),
  },
  {
    name: "download a proposal's attachment",
    method: "GET",
    path: (id) =>
      `/major-problems/${state.open.listSlug}/${state.open.code}/proposals/${state.proposalId[id]}/attachment`,
    targets: ["own", "other"],
    expected: { anonymous: SIGN_IN, outsider: 404, member: 200, owner: 200, staff: 200, admin: 200 },
    otherExpected: { member: 404, owner: 404 },
  },
  {
    name: "staff list",
    method: "GET",
    path: () => "/staff/major-problems/proposals",
    targets: ["own"],
    expected: staffPageStatus,
  },
  {
    name: "staff shortlist",
    method: "POST",
    path: () => "/staff/major-problems/proposals",
    targets: ["own", "other"],
    form: async (target) => {
      await freshProposals(world);
      return { intent: "decide", proposalId: state.fresh[orgOf(world, target)]!, status: "SHORTLISTED" };
    },
    expected: staffActionStatus,
    otherExpected: staffActionStatus,
    unchanged: freshStatus,
  },
  {
    name: "staff decline with a reason",
    method: "POST",
    path: () => "/staff/major-problems/proposals",
    targets: ["own", "other"],
    form: async (target) => {
      await freshProposals(world);
      return {
        intent: "decide",
        proposalId: state.fresh[orgOf(world, target)]!,
        status: "DECLINED",
        declineReason: "OUT_OF_SCOPE",
        declineNote: "Ngoài phạm vi.",
      };
    },
    expected: staffActionStatus,
    otherExpected: staffActionStatus,
    unchanged: freshStatus,
  },
];

runAccessMatrix("proposals to major problems", cases, {
  ownKind: "PROVIDER",
  otherKind: "PROVIDER",
  setup: async (world) => {
    const curatorId = world.ids.staff!;
    const open = await makePublishedMajorProblem(curatorId);
    state.open = { listSlug: open.listSlug, code: open.code, id: open.id };
    state.withdrawn = await makePublishedMajorProblem(curatorId, "WITHDRAWN");
    for (const orgId of [world.own, world.other]) {
      const check = await checkUpload(new File([Uint8Array.from(pdfBytes())], "ho-so.pdf"), "ATTACHMENT");
      if (!check.ok) throw new Error(check.error);
      await writeUpload(check);
      state.proposalId[orgId] = (
        await makeProposal({ majorProblemId: open.id }, await makeOffer(orgId), {
          attachmentStored: check.upload.storedName,
        })
      ).id;
    }
  },
});
