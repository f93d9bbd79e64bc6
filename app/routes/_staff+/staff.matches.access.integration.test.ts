// The curation board on the shared access-matrix harness: only staff and
// admins see boards and move cards; the notification centre is for anyone
// signed in. Cards hold offers of both organisations.
import { db } from "~/db.server";
import {
  type AccessCase,
  type World,
  SIGN_IN,
  runAccessMatrix,
  staffActionStatus,
  staffPageStatus,
} from "~/test-support/access-matrix";
import { cardRef, makeMatch } from "~/test-support/match-factories";
import { makeOffer, makePublishedMajorProblem } from "~/test-support/statement-factories";

const state = { problemId: "", fresh: "" };
const board = () => `/staff/matches/major/${state.problemId}`;

// A new card per attempt, so one actor's permitted move does not spoil the next attempt.
async function freshCard(world: World, status: "SUGGESTED" | "APPROVED" = "SUGGESTED") {
  const card = await makeMatch({ majorProblemId: state.problemId }, (await makeOffer(world.other)).id, { status });
  state.fresh = card.id;
  return card;
}
const freshCardState = async () =>
  db.match.findUniqueOrThrow({
    where: { id: state.fresh },
    select: { status: true, stage: true, assigneeId: true, version: true, _count: { select: { notes: true } } },
  });

const cases = (world: World): AccessCase[] => [
  {
    name: "the boards' index",
    method: "GET",
    path: () => "/staff/matches",
    targets: ["own"],
    expected: staffPageStatus,
  },
  { name: "a board", method: "GET", path: board, targets: ["own"], expected: staffPageStatus },
  {
    name: "shortlist a card",
    method: "POST",
    path: board,
    targets: ["own"],
    form: async () => ({ intent: "move", match: cardRef(await freshCard(world)), to: "SHORTLISTED" }),
    expected: staffActionStatus,
    unchanged: freshCardState,
  },
  {
    name: "add a note",
    method: "POST",
    path: board,
    targets: ["own"],
    form: async () => ({ intent: "note", matchId: (await freshCard(world)).id, body: "Ghi chú nội bộ." }),
    expected: staffActionStatus,
    unchanged: freshCardState,
  },
  {
    name: "assign a card",
    method: "POST",
    path: board,
    targets: ["own"],
    form: async () => ({ intent: "assign", matchId: (await freshCard(world)).id, assigneeId: world.ids.staff! }),
    expected: staffActionStatus,
    unchanged: freshCardState,
  },
  {
    name: "introduce an approved match",
    method: "POST",
    path: board,
    targets: ["own"],
    form: async () => ({
      intent: "stage",
      match: cardRef(await freshCard(world, "APPROVED")),
      stage: "INTRODUCED",
      date: "2026-01-02",
    }),
    expected: staffActionStatus,
    unchanged: freshCardState,
  },
  {
    name: "the notification centre",
    method: "GET",
    path: () => "/notifications",
    targets: ["own"],
    expected: { anonymous: SIGN_IN, outsider: 200, member: 200, owner: 200, staff: 200, admin: 200 },
  },
];

runAccessMatrix("curation board", cases, {
  ownKind: "PROVIDER",
  otherKind: "PROVIDER",
  setup: async (world) => {
    state.problemId = (await makePublishedMajorProblem(world.ids.staff!)).id;
  },
});
