import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import vi from "../app/i18n/vi";

export type OutboxMessage = { to: string; subject: string; text: string; from?: string; sentAt?: string };

// Each project's server writes its emails as JSON files to its own folder
// (playwright.config.ts puts the folder in the project's metadata).
function outboxDir(): string {
  const dir = (test.info().project.metadata as { outboxDir?: string }).outboxDir;
  if (!dir) throw new Error(`project ${test.info().project.name} has no metadata.outboxDir`);
  return dir;
}

export async function readOutbox(to: string): Promise<OutboxMessage[]> {
  const dir = outboxDir();
  const files = (await fs.readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith(".json")).sort();
  const messages = await Promise.all(
    files.map(async (file) => JSON.parse(await fs.readFile(path.join(dir, file), "utf8")) as OutboxMessage),
  );
  return messages.filter((m) => m.to === to);
}

// Waits for the (single) email sent to `to` and returns it.
export async function waitForEmail(to: string): Promise<OutboxMessage> {
  let found: OutboxMessage[] = [];
  await expect
    .poll(async () => (found = await readOutbox(to)).length, {
      message: `an email to ${to} in ${outboxDir()}`,
      timeout: 10_000,
    })
    .toBe(1);
  return found[0]!;
}

export function linksIn(message: OutboxMessage): URL[] {
  return (message.text.match(/https?:\/\/\S+/g) ?? []).map((link) => new URL(link));
}

export function uniqueEmail(label: string): string {
  return `${label}-${randomUUID().slice(0, 8)}@e2e.example.vn`;
}

// Ten digits, different every run (the seed data uses 010…/011… codes).
export function uniqueTaxCode(): string {
  return `09${String(Date.now()).slice(-8)}`;
}

// Remix sets window.__remixRouter while hydrating. Typing before then can be
// lost when React takes the inputs over, so form steps wait for it first.
export async function hydrated(page: Page): Promise<void> {
  await page.waitForFunction(() => "__remixRouter" in window);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** The seeded demo accounts' password (prisma/seed-data.ts). */
export const DEMO_PASSWORD = "SanCongNghe@2026";

// Signs in through the Vietnamese form and waits until the header says so.
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel(vi.auth.email).fill(email);
  await page.getByLabel(vi.auth.password).fill(password);
  await page.getByRole("button", { name: vi.auth.submitSignIn }).click();
  await expect(page.getByRole("banner").getByRole("button", { name: vi.layout.signOut })).toBeVisible();
}

// Signs out through the Vietnamese header and waits for the signed-out page.
// A navigation started before the sign-out POST has landed cancels it and
// leaves the user signed in (seen once in CI: the next sign-in's /login
// redirected the still signed-in provider to /orgs).
export async function signOut(page: Page) {
  await page.getByRole("banner").getByRole("button", { name: vi.layout.signOut }).click();
  await expect(page.getByRole("status")).toHaveText(vi.auth.signedOut);
}
