// Shared by playwright.config.ts and the specs: which databases the tests run
// against, on which port, and where each server writes its emails.
import os from "node:os";
import path from "node:path";

export type E2eDb = "sqlite" | "postgres";

export const e2eTargets: { db: E2eDb; port: number }[] = [
  { db: "sqlite", port: 4301 },
  { db: "postgres", port: 4302 },
];

export function outboxDirFor(db: E2eDb): string {
  return path.join(os.tmpdir(), `e2e-outbox-${db}`);
}
