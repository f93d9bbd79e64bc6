import { db, type MajorProblemStatus, type ProblemPriority } from "~/db.server";
import { uniqueSlug } from "~/utils/slug.server";
import { changedFields, recordAudit } from "./audit.server";
import { fillBoardsLater, openListTargets } from "./curation-board.server";
import { dateInputFromDeadline, deadlineFromDateInput } from "./problem-tracking.server";
import { enqueueSearchSync, majorProblemRefsOfList } from "./search-index.server";
import { withSearchNotify } from "~/search-service.server";

export type ListInput = {
  name: string;
  decisionNumber: string;
  decisionDate: Date;
  periodStart: number;
  periodEnd: number;
  // Optional; empty or missing means "only in Vietnamese" (stored as null).
  summary?: string | null;
  nameEn?: string | null;
  summaryEn?: string | null;
};

export type ItemInput = {
  code: string;
  title: string;
  description: string;
  sectorId?: string | null;
  leadAgency: string;
  // English title and summary; empty or missing means "only in Vietnamese".
  titleEn?: string | null;
  summaryEn?: string | null;
  priority: ProblemPriority;
  status: MajorProblemStatus;
  // Only the edit form sends these: undefined leaves them as they are,
  // null clears them. The deadline is the Hanoi calendar day (YYYY-MM-DD).
  ownerId?: string | null;
  deadline?: string | null;
};

function uniqueListSlug(name: string): Promise<string> {
  return uniqueSlug(
    name,
    async (slug) => Boolean(await db.majorProblemList.findUnique({ where: { slug }, select: { id: true } })),
    "danh-muc",
  );
}

/** Optional free text as stored: NFC, trimmed, and null when empty. */
export function optionalStored(value: string | null | undefined): string | null {
  const text = value?.normalize("NFC").trim();
  return text ? text : null;
}

function listData(input: ListInput) {
  return {
    name: input.name.normalize("NFC").trim(),
    decisionNumber: input.decisionNumber.trim(),
    decisionDate: input.decisionDate,
    periodStart: input.periodStart,
    periodEnd: input.periodEnd,
    summary: optionalStored(input.summary),
    nameEn: optionalStored(input.nameEn),
    summaryEn: optionalStored(input.summaryEn),
  };
}

export async function createList(actorId: string, input: ListInput & { slug?: string }) {
  const data = listData(input);
  const slug = input.slug ?? (await uniqueListSlug(data.name));
  return db.$transaction(async (tx) => {
    const list = await tx.majorProblemList.create({ data: { ...data, slug } });
    await recordAudit(tx, {
      actorId,
      action: "major_problem_list.created",
      entityType: "MajorProblemList",
      entityId: list.id,
      after: { ...data, slug },
    });
    return list;
  });
}

// The list's own details (names, summaries, decision) are shown as they are
// now, not per version: they describe the list, not its problems. The slug
// stays, so public links keep working after a rename.
export async function updateList(actorId: string, listId: string, input: ListInput) {
  return withSearchNotify(
    db.$transaction(async (tx) => {
      const current = await tx.majorProblemList.findUnique({ where: { id: listId } });
      if (!current) return null;
      const data = listData(input);
      const list = await tx.majorProblemList.update({ where: { id: listId }, data });
      const changes = changedFields(current, data);
      if (Object.keys(changes.after).length) {
        await recordAudit(tx, {
          actorId,
          action: "major_problem_list.updated",
          entityType: "MajorProblemList",
          entityId: listId,
          ...changes,
        });
        // Search documents of the list's problems carry the list's name.
        await enqueueSearchSync(tx, await majorProblemRefsOfList(tx, listId));
      }
      return list;
    }),
  );
}

export async function listListsForStaff() {
  return db.majorProblemList.findMany({
    orderBy: { createdAt: "desc" },
    include: {
      _count: { select: { items: true, versions: true } },
      versions: { orderBy: { number: "desc" }, take: 1, select: { number: true, publishedAt: true } },
    },
  });
}

export async function isItemCodeTaken(listId: string, code: string, exceptId?: string) {
  const existing = await db.majorProblem.findUnique({ where: { listId_code: { listId, code } }, select: { id: true } });
  return Boolean(existing && existing.id !== exceptId);
}

function itemData(input: ItemInput) {
  return {
    code: input.code.trim(),
    title: input.title.normalize("NFC").trim(),
    description: input.description.normalize("NFC").trim(),
    titleEn: optionalStored(input.titleEn),
    summaryEn: optionalStored(input.summaryEn),
    sectorId: input.sectorId || null,
    leadAgency: input.leadAgency.normalize("NFC").trim(),
    priority: input.priority,
    status: input.status,
    ...(input.ownerId !== undefined ? { ownerId: input.ownerId || null } : {}),
    ...(input.deadline !== undefined
      ? { deadline: input.deadline ? deadlineFromDateInput(input.deadline) : null }
      : {}),
  };
}

export async function addItem(actorId: string, listId: string, input: ItemInput) {
  return db.$transaction(async (tx) => {
    const count = await tx.majorProblem.count({ where: { listId } });
    const item = await tx.majorProblem.create({ data: { ...itemData(input), listId, sortOrder: count } });
    await recordAudit(tx, {
      actorId,
      action: "major_problem.created",
      entityType: "MajorProblem",
      entityId: item.id,
      after: itemData(input),
    });
    return item;
  });
}

export async function updateItem(actorId: string, listId: string, itemId: string, input: ItemInput) {
  return db.$transaction(async (tx) => {
    const current = await tx.majorProblem.findFirst({ where: { id: itemId, listId } });
    if (!current) return null;
    const data = itemData(input);
    const item = await tx.majorProblem.update({ where: { id: itemId }, data });
    await recordAudit(tx, {
      actorId,
      action: "major_problem.updated",
      entityType: "MajorProblem",
      entityId: itemId,
      ...changedFields(current, data),
    });
    return item;
  });
}

// A problem that was ever published stays in the record: it can be
// withdrawn (status) but not deleted, or old versions would lose meaning.
export async function deleteItem(
  actorId: string,
  listId: string,
  itemId: string,
): Promise<"deleted" | "not-found" | "published"> {
  return db.$transaction(async (tx) => {
    const current = await tx.majorProblem.findFirst({ where: { id: itemId, listId } });
    if (!current) return "not-found";
    if (await tx.majorProblemVersionItem.count({ where: { majorProblemId: itemId } })) return "published";
    await tx.majorProblem.delete({ where: { id: itemId } });
    await recordAudit(tx, {
      actorId,
      action: "major_problem.deleted",
      entityType: "MajorProblem",
      entityId: itemId,
      before: itemData({ ...current, deadline: current.deadline && dateInputFromDeadline(current.deadline) }),
    });
    return "deleted";
  });
}

const comparable = (item: {
  code: string;
  title: string;
  description: string;
  titleEn: string | null;
  summaryEn: string | null;
  sectorId?: string | null;
  sectorSlug?: string | null;
  leadAgency: string;
  priority: string;
  status: string;
}) =>
  JSON.stringify([
    item.code,
    item.title,
    item.description,
    item.titleEn,
    item.summaryEn,
    item.leadAgency,
    item.priority,
    item.status,
  ]);

export type PendingChanges = { added: string[]; changed: string[]; removed: string[] };

// What publishing now would change compared with the latest version.
export async function pendingChanges(listId: string): Promise<PendingChanges> {
  const [items, latest] = await Promise.all([
    db.majorProblem.findMany({ where: { listId }, include: { sector: { select: { slug: true } } } }),
    db.majorProblemListVersion.findFirst({ where: { listId }, orderBy: { number: "desc" }, include: { items: true } }),
  ]);
  const published = new Map((latest?.items ?? []).map((item) => [item.majorProblemId, item]));
  const added: string[] = [];
  const changed: string[] = [];
  for (const item of items) {
    const before = published.get(item.id);
    if (!before) added.push(item.code);
    else if (comparable(before) !== comparable(item) || before.sectorSlug !== (item.sector?.slug ?? null))
      changed.push(item.code);
    published.delete(item.id);
  }
  return { added, changed, removed: [...published.values()].map((item) => item.code) };
}

export async function getWorkingList(listId: string) {
  const list = await db.majorProblemList.findUnique({
    where: { id: listId },
    include: {
      items: { orderBy: [{ sortOrder: "asc" }, { code: "asc" }], include: { sector: true } },
      versions: { orderBy: { number: "desc" }, select: { number: true, publishedAt: true, changelog: true } },
    },
  });
  if (!list) return null;
  return { list, pending: await pendingChanges(listId) };
}

export async function publishVersion(
  actorId: string,
  listId: string,
  changelog: string,
): Promise<{ status: "published"; number: number } | { status: "nothing-to-publish" } | { status: "not-found" }> {
  const pending = await pendingChanges(listId);
  if (!pending.added.length && !pending.changed.length && !pending.removed.length)
    return { status: "nothing-to-publish" };
  return withSearchNotify(
    db.$transaction(async (tx) => {
      const list = await tx.majorProblemList.findUnique({ where: { id: listId } });
      if (!list) return { status: "not-found" as const };
      const latest = await tx.majorProblemListVersion.findFirst({ where: { listId }, orderBy: { number: "desc" } });
      const number = (latest?.number ?? 0) + 1;
      const items = await tx.majorProblem.findMany({ where: { listId }, include: { sector: true } });
      const version = await tx.majorProblemListVersion.create({
        data: { listId, number, changelog: changelog.normalize("NFC").trim(), publishedById: actorId },
      });
      await tx.majorProblemVersionItem.createMany({
        data: items.map((item) => ({
          versionId: version.id,
          majorProblemId: item.id,
          code: item.code,
          title: item.title,
          description: item.description,
          titleEn: item.titleEn,
          summaryEn: item.summaryEn,
          sectorSlug: item.sector?.slug ?? null,
          sectorNameVi: item.sector?.nameVi ?? null,
          sectorNameEn: item.sector?.nameEn ?? null,
          leadAgency: item.leadAgency,
          priority: item.priority,
          status: item.status,
          sortOrder: item.sortOrder,
        })),
      });
      await recordAudit(tx, {
        actorId,
        action: "major_problem_list.published",
        entityType: "MajorProblemList",
        entityId: listId,
        data: { version: number, changelog, ...pending },
      });
      // The public text of every problem on the list may have changed, and
      // removed ones must leave the index.
      await enqueueSearchSync(tx, await majorProblemRefsOfList(tx, listId));
      return { status: "published" as const, number };
    }),
  ).then((outcome) => {
    if (outcome.status === "published") void fillBoardsLater(actorId, () => openListTargets(listId));
    return outcome;
  }); // after commit, not awaited
}

// --- Public reading: only published versions, never the working copy. ---

export async function listPublishedLists() {
  const lists = await db.majorProblemList.findMany({
    where: { versions: { some: {} } },
    orderBy: { periodStart: "desc" },
    include: { versions: { orderBy: { number: "desc" }, take: 1, include: { _count: { select: { items: true } } } } },
  });
  return lists.map(({ versions, ...list }) => ({
    ...list,
    latest: {
      number: versions[0]!.number,
      publishedAt: versions[0]!.publishedAt,
      itemCount: versions[0]!._count.items,
    },
  }));
}

export async function getPublishedVersion(slug: string, number?: number) {
  const list = await db.majorProblemList.findUnique({
    where: { slug },
    include: {
      versions: { orderBy: { number: "desc" }, select: { number: true, publishedAt: true, changelog: true } },
    },
  });
  if (!list || list.versions.length === 0) return null;
  const wanted = number ?? list.versions[0]!.number;
  const version = await db.majorProblemListVersion.findUnique({
    where: { listId_number: { listId: list.id, number: wanted } },
    include: { items: { orderBy: [{ sortOrder: "asc" }, { code: "asc" }] } },
  });
  if (!version) return null;
  return { list, version, isLatest: wanted === list.versions[0]!.number };
}

export async function getPublishedProblem(slug: string, code: string) {
  const published = await getPublishedVersion(slug);
  const item = published?.version.items.find((i) => i.code === code);
  if (!published || !item) return null;
  return { list: published.list, version: published.version, item };
}
