// Staff tools for search: the synonym list and a full rebuild, both audited.
import { db } from "~/db.server";
import { applySynonyms, searchReadiness, searchService, staffSynonymGroups } from "~/search-service.server";
import { recordAudit } from "./audit.server";
import { enqueueFullReindex } from "./search-index.server";
import { searchIndexHealth } from "./search-sync.server";

export async function synonymGroupsAsText(): Promise<string> {
  return (await staffSynonymGroups()).map((group) => group.join(", ")).join("\n");
}

/** Replaces the whole list: staff edit it as one text, so it is saved as one. */
export async function saveSynonymGroups(actorId: string, groups: string[][]) {
  const before = await staffSynonymGroups();
  await db.$transaction(async (tx) => {
    await tx.searchSynonymGroup.deleteMany({});
    if (groups.length)
      await tx.searchSynonymGroup.createMany({
        data: groups.map((group) => ({ terms: group.join("\n"), updatedById: actorId })),
      });
    await recordAudit(tx, {
      actorId,
      action: "search.synonyms_updated",
      entityType: "SearchSynonyms",
      entityId: "all",
      before: before.length,
      after: groups.length,
      data: { groups },
    });
  });
  // The engine may be down; the list is saved and applied at the next start.
  await applySynonyms().catch(() => undefined);
}

export async function requestReindex(actorId: string) {
  await db.$transaction(async (tx) => {
    await enqueueFullReindex(tx);
    await recordAudit(tx, { actorId, action: "search.reindex_requested", entityType: "SearchIndex", entityId: "all" });
  });
  searchService().worker.notify();
}

export async function searchHealthForStaff() {
  const service = searchService();
  await service.ready;
  const [health, offers, statements, majorProblems] = await Promise.all([
    searchIndexHealth(service.engine, service.worker),
    db.offer.count({ where: { status: { not: "ARCHIVED" } } }),
    db.problemStatement.count(),
    db.majorProblemList
      .findMany({
        select: { versions: { orderBy: { number: "desc" }, take: 1, select: { _count: { select: { items: true } } } } },
      })
      .then((lists) => lists.reduce((sum, list) => sum + (list.versions[0]?._count.items ?? 0), 0)),
  ]);
  return { ...health, startupError: searchReadiness().error, databaseDocuments: offers + statements + majorProblems };
}
