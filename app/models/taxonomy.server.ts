import { db, type TermKind } from "~/db.server";
import { changedFields, recordAudit } from "./audit.server";
import { enqueueSearchSync } from "./search-index.server";
import { withSearchNotify } from "~/search-service.server";

export const termKinds = ["SECTOR", "TECHNOLOGY", "BUSINESS_NEED"] as const satisfies readonly TermKind[];

export async function listTerms(kind?: TermKind) {
  return db.taxonomyTerm.findMany({
    where: kind ? { kind } : {},
    orderBy: [{ kind: "asc" }, { sortOrder: "asc" }, { nameVi: "asc" }],
  });
}

export async function isTermSlugTaken(kind: TermKind, slug: string, exceptId?: string) {
  const existing = await db.taxonomyTerm.findUnique({ where: { kind_slug: { kind, slug } }, select: { id: true } });
  return Boolean(existing && existing.id !== exceptId);
}

export async function createTerm(
  actorId: string,
  input: { kind: TermKind; slug: string; nameVi: string; nameEn: string },
) {
  return db.$transaction(async (tx) => {
    const count = await tx.taxonomyTerm.count({ where: { kind: input.kind } });
    const term = await tx.taxonomyTerm.create({ data: { ...input, sortOrder: count } });
    await recordAudit(tx, {
      actorId,
      action: "taxonomy.created",
      entityType: "TaxonomyTerm",
      entityId: term.id,
      after: input,
    });
    return term;
  });
}

export async function updateTerm(actorId: string, id: string, input: { nameVi: string; nameEn: string }) {
  return withSearchNotify(
    db.$transaction(async (tx) => {
      const current = await tx.taxonomyTerm.findUnique({ where: { id } });
      if (!current) return null;
      const term = await tx.taxonomyTerm.update({ where: { id }, data: input });
      await recordAudit(tx, {
        actorId,
        action: "taxonomy.updated",
        entityType: "TaxonomyTerm",
        entityId: id,
        ...changedFields({ nameVi: current.nameVi, nameEn: current.nameEn }, input),
      });
      // Term names are searchable on the offers that carry them.
      const offers = await tx.offerTerm.findMany({ where: { termId: id }, select: { offerId: true } });
      await enqueueSearchSync(
        tx,
        offers.map((link) => ({ type: "offer" as const, id: link.offerId })),
      );
      return term;
    }),
  );
}
