import { randomUUID } from "node:crypto";
import { db } from "~/db.server";
import { addItem, createList, publishVersion, updateItem } from "~/models/major-problem.server";

type Status = "OPEN" | "IN_PROGRESS" | "SOLVED" | "WITHDRAWN";

export async function makeList(actorId: string, name = `Danh mục theo dõi ${randomUUID().slice(0, 6)}`) {
  return createList(actorId, {
    name,
    decisionNumber: "7/QĐ-UBND",
    decisionDate: new Date("2026-01-10"),
    periodStart: 2026,
    periodEnd: 2030,
  });
}

// A problem in the working copy, with owner and deadline set the way the
// staff form sets them (through updateItem).
export async function makeProblem(
  actorId: string,
  listId: string,
  code: string,
  options: { title?: string; ownerId?: string; deadline?: string; status?: Status } = {},
) {
  const input = {
    code,
    title: options.title ?? `Bài toán ${code} ${randomUUID().slice(0, 6)}`,
    description: "Mô tả bài toán.",
    leadAgency: `Sở chủ trì ${code}`,
    priority: "HIGH" as const,
    status: options.status ?? "OPEN",
  };
  const item = await addItem(actorId, listId, input);
  if (options.ownerId || options.deadline) {
    await updateItem(actorId, listId, item.id, {
      ...input,
      ownerId: options.ownerId ?? null,
      deadline: options.deadline ?? null,
    });
  }
  return db.majorProblem.findUniqueOrThrow({ where: { id: item.id } });
}

export const publish = (actorId: string, listId: string) => publishVersion(actorId, listId, "Công bố.");

type Link = {
  status: "SUGGESTED" | "SHORTLISTED" | "APPROVED" | "REJECTED";
  stage?: "INTRODUCED" | "PILOT" | "PROCUREMENT" | "DEPLOYED" | "DROPPED";
  // Dates of the steps reached, as the curation board records them: a bare
  // day means 09:00 in Hanoi that day; a full timestamp is taken as given.
  on?: Partial<Record<"introducedAt" | "pilotAt" | "procurementAt" | "deployedAt" | "droppedAt", string>>;
};

export async function link(majorProblemId: string, offerId: string, { status, stage, on = {} }: Link) {
  const dates = Object.entries(on).map(
    ([key, day]) => [key, new Date(day.includes("T") ? day : `${day}T09:00:00+07:00`)] as const,
  );
  // A card exists before its first recorded step.
  const first = Math.min(...dates.map(([, date]) => date.getTime()));
  return db.match.create({
    data: {
      ...(dates.length ? { createdAt: new Date(first - 86_400_000) } : {}),
      majorProblemId,
      offerId,
      status,
      stage: stage ?? null,
      rejectReason: status === "REJECTED" ? "OUT_OF_SCOPE" : null,
      ...Object.fromEntries(dates),
    },
  });
}
