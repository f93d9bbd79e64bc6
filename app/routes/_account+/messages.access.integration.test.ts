// Private message threads (issue 14 part 4) on the shared access-matrix
// harness. "own" is a deal the actor's organisation (a provider) is a party
// to; "other" is a deal between the other organisation (an agency) and a
// third provider, which only staff may see. Each kind of thread: a
// proposal on a statement, a proposal on a major problem (staff are the
// other side there), and an order (staff read, only the parties post).
import { db } from "~/db.server";
import { type ThreadRef, postMessage } from "~/models/message.server";
import { type AccessCase, type Target, type World, SIGN_IN, runAccessMatrix } from "~/test-support/access-matrix";
import { makeUser } from "~/test-support/factories";
import {
  makeAgency,
  makeOffer,
  makeProposal,
  makeProvider,
  makePublishedMajorProblem,
  makeStatement,
  pdfBytes,
} from "~/test-support/statement-factories";
import { checkUpload } from "~/utils/uploads.server";

type Kind = "statement" | "major" | "order";
type Deal = { id: string; messageId: string };
const deals = {} as Record<Kind, Record<Target, Deal>>;
const SECRET = `Giá chốt riêng ${Math.floor(Math.random() * 1e6)} đồng`;

const readers = { anonymous: SIGN_IN, outsider: 404, member: 200, owner: 200, staff: 200, admin: 200 };
const proposalWriters = { anonymous: 403, outsider: 404, member: 302, owner: 302, staff: 302, admin: 302 };
// Staff read an order's thread but the conversation is the buyer's and the provider's.
const orderWriters = { anonymous: 403, outsider: 404, member: 302, owner: 302, staff: 403, admin: 403 };
const notParty = { member: 404, owner: 404 };

const base = (kind: Kind, target: Target) =>
  kind === "order" ? `/orders/${deals.order[target].id}/messages` : `/proposals/${deals[kind][target].id}/messages`;
const threadOf = (kind: Kind, target: Target) =>
  kind === "order" ? { orderId: deals.order[target].id } : { proposalId: deals[kind][target].id };
const targetOf = (world: World, organisationId: string): Target => (organisationId === world.own ? "own" : "other");

const cases = (world: World): AccessCase[] =>
  (["statement", "major", "order"] as const).flatMap((kind): AccessCase[] => [
    {
      name: `read a ${kind} thread`,
      method: "GET",
      path: (id) => base(kind, targetOf(world, id)),
      targets: ["own", "other"],
      expected: readers,
      otherExpected: notParty,
      secrets: () => [SECRET],
    },
    {
      name: `post in a ${kind} thread`,
      method: "POST",
      path: (id) => base(kind, targetOf(world, id)),
      targets: ["own", "other"],
      form: async () => ({ body: "Xin hỏi thêm về tiến độ." }),
      expected: kind === "order" ? orderWriters : proposalWriters,
      otherExpected: notParty,
      // No secret here beyond the harness's own: staff's 403 on an order shows the thread, which they may read.
      unchanged: (id) => db.message.count({ where: { thread: threadOf(kind, targetOf(world, id)) } }),
    },
    {
      name: `download a ${kind} thread's attachment`,
      method: "GET",
      path: (id) => `${base(kind, targetOf(world, id))}/${deals[kind][targetOf(world, id)].messageId}/attachment`,
      targets: ["own", "other"],
      expected: readers,
      otherExpected: notParty,
    },
  ]);

runAccessMatrix("private message threads", cases, {
  ownKind: "PROVIDER",
  otherKind: "AGENCY",
  setup: async (world) => {
    // A third provider deals with the other organisation; the own provider deals with a third agency.
    const third = await makeUser({ name: "Bên Thứ Ba" });
    const thirdProvider = await makeProvider(third.id, "Công ty Bên Thứ Ba");
    const thirdAgency = await makeAgency(third.id, "Sở Bên Thứ Ba");
    const ownStatement = await makeStatement(thirdAgency.id, third.id, { status: "PUBLISHED" });
    const otherStatement = await makeStatement(world.other, world.otherOwnerId, { status: "PUBLISHED" });
    const major = await makePublishedMajorProblem(world.ids.staff!);
    const ownOffer = await makeOffer(world.own);
    const thirdOffer = await makeOffer(thirdProvider.id);
    const order = (buyerOrganisationId: string, providerOrganisationId: string) =>
      db.order.create({
        data: {
          buyerOrganisationId,
          providerOrganisationId,
          offerTitle: "Gói thử",
          packageName: "Gói cơ bản",
          packageUnit: "tháng",
          unitPriceVnd: 500_000n,
          amountVnd: 500_000n,
          amountPaidVnd: 500_000n,
          status: "PAID",
          paidAt: new Date(),
        },
      });
    const ids: Record<Kind, Record<Target, string>> = {
      statement: {
        own: (await makeProposal(ownStatement.id, ownOffer)).id,
        other: (await makeProposal(otherStatement.id, thirdOffer)).id,
      },
      major: {
        own: (await makeProposal({ majorProblemId: major.id }, ownOffer)).id,
        other: (await makeProposal({ majorProblemId: major.id }, thirdOffer)).id,
      },
      order: {
        own: (await order(thirdAgency.id, world.own)).id,
        other: (await order(world.other, thirdProvider.id)).id,
      },
    };
    // Each thread starts with a message and a PDF from the deal's provider: the own provider's owner, or the third party.
    for (const kind of ["statement", "major", "order"] as const) {
      deals[kind] = {} as Record<Target, Deal>;
      for (const target of ["own", "other"] as const) {
        const check = await checkUpload(new File([Uint8Array.from(pdfBytes())], "bang-gia.pdf"), "ATTACHMENT");
        if (!check.ok) throw new Error(check.error);
        const author = target === "own" ? world.ownOwnerId : third.id;
        const ref: ThreadRef = { kind: kind === "order" ? "order" : "proposal", id: ids[kind][target] };
        const posted = await postMessage(
          { id: author, isStaff: false },
          ref,
          { body: target === "other" ? SECRET : "Chào anh chị." },
          check,
        );
        if (posted.outcome !== "posted") throw new Error(`could not seed the ${kind} thread: ${posted.outcome}`);
        deals[kind][target] = { id: ids[kind][target], messageId: posted.messageId };
      }
    }
  },
});
