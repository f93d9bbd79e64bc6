import { db, type Db, type Prisma } from "~/db.server";
import { resolveDatabaseTarget } from "~/db-url";
import { env } from "~/env.server";

type Tx = Pick<Db, "auditEntry">;

export type AuditInput = {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  data?: unknown;
  before?: unknown;
  after?: unknown;
};

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

// Called inside the same transaction as the change it describes, so a change
// never lands without its audit entry (or the other way round).
export async function recordAudit(tx: Tx, entry: AuditInput): Promise<void> {
  await tx.auditEntry.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      data: json(entry.data),
      before: json(entry.before),
      after: json(entry.after),
    },
  });
}

// Only the fields whose values differ, so an entry reads as "what changed".
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>) {
  const keys = Object.keys(after).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
  return {
    before: Object.fromEntries(keys.map((key) => [key, before[key]])),
    after: Object.fromEntries(keys.map((key) => [key, after[key]])),
  };
}

export type AuditFilter = {
  entityType?: string;
  action?: string;
  actorEmail?: string;
  from?: Date;
  to?: Date;
  page: number;
};

export const AUDIT_PAGE_SIZE = 50;

const onPostgres = resolveDatabaseTarget(env.DATABASE_URL).provider === "postgresql";

// "Action starts with", ignoring case on both databases. On SQLite startsWith becomes LIKE, which already
// ignores (ASCII) case and has no `mode` (the client refuses it); on PostgreSQL it becomes LIKE, which does
// not, so it needs mode "insensitive" (ILIKE). The app is typed against the SQLite client, hence the cast.
function actionStartsWith(prefix: string): Prisma.StringFilter<"AuditEntry"> {
  return onPostgres
    ? ({ startsWith: prefix, mode: "insensitive" } as Prisma.StringFilter<"AuditEntry">)
    : { startsWith: prefix };
}

export async function listAuditEntries(filter: AuditFilter) {
  const where: Prisma.AuditEntryWhereInput = {
    ...(filter.entityType ? { entityType: filter.entityType } : {}),
    ...(filter.action ? { action: actionStartsWith(filter.action) } : {}),
    ...(filter.actorEmail ? { actor: { email: filter.actorEmail.trim().toLowerCase() } } : {}),
    ...(filter.from || filter.to
      ? { createdAt: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } }
      : {}),
  };
  const [total, entries, entityTypes] = await Promise.all([
    db.auditEntry.count({ where }),
    db.auditEntry.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (filter.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      include: { actor: { select: { name: true, email: true } } },
    }),
    auditEntityTypes(),
  ]);
  return { total, entries, entityTypes };
}

/** The entity types the filter offers. */
export async function auditEntityTypes(): Promise<string[]> {
  const rows = await db.auditEntry.findMany({
    distinct: ["entityType"],
    select: { entityType: true },
    orderBy: { entityType: "asc" },
  });
  return rows.map((e) => e.entityType);
}
