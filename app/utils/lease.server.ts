// Named leases in the database, so that work which must happen in one place
// at a time (periodic jobs, applying the search log to a shared Meilisearch
// index) runs in one app process even when several serve the site. A holder
// renews its lease while it works; if it dies, the lease runs out and any
// other process may take it.
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import { db } from "~/db.server";

declare global {
  var __processIdentity: string | undefined;
}

/**
 * This process, as other processes and staff see it: host, pid and a random
 * part (a restarted process with the same pid is a new holder). Kept on
 * globalThis because the Express host and the Remix build are separate module
 * graphs in one process.
 */
export function processIdentity(): string {
  globalThis.__processIdentity ??= `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
  return globalThis.__processIdentity;
}

/**
 * Takes `name` for `ttlMs` if it is free, expired or already ours (which
 * renews it). True when this process holds it now. Both databases make the
 * conditional update atomic: a row is updated by one writer at a time and its
 * condition is checked again once the row is ours.
 */
export async function acquireLease(name: string, ttlMs: number, holder = processIdentity()): Promise<boolean> {
  const now = new Date();
  const expiresAt = new Date(now.getTime() + ttlMs);
  const taken = await db.lease.updateMany({
    where: { name, OR: [{ holder }, { expiresAt: { lt: now } }] },
    data: { holder, expiresAt, acquiredAt: now },
  });
  if (taken.count === 1) return true;
  try {
    await db.lease.create({ data: { name, holder, expiresAt, acquiredAt: now } });
    return true;
  } catch (error) {
    // Someone else holds it (or created it a moment ago).
    if ((error as { code?: string } | null)?.code === "P2002") return false;
    throw error;
  }
}

/** Gives the lease up at once, so another process need not wait for it to run out. */
export async function releaseLease(name: string, holder = processIdentity()): Promise<void> {
  await db.lease.deleteMany({ where: { name, holder } });
}

/** Who holds `name` now, if anyone. */
export async function leaseHolder(name: string): Promise<{ holder: string; expiresAt: Date } | null> {
  const lease = await db.lease.findUnique({ where: { name } });
  return lease && lease.expiresAt > new Date() ? { holder: lease.holder, expiresAt: lease.expiresAt } : null;
}
