import type { Db } from "~/db.server";

type Tx = Pick<Db, "auditEntry">;

export async function recordAudit(
  tx: Tx,
  entry: { actorId: string | null; action: string; entityType: string; entityId: string; data?: unknown },
): Promise<void> {
  await tx.auditEntry.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      data: entry.data === undefined ? null : JSON.stringify(entry.data),
    },
  });
}
