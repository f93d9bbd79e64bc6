// Checks for issue 14 part 1 tests: a person was told of an event in the app
// and by email, in their language, with a link straight to the thing; or was
// told nothing. Expected words come from the catalogues (what a reader sees),
// not from the renderer under test.
import { expect } from "vitest";
import { db } from "~/db.server";
import en from "~/i18n/en";
import vi from "~/i18n/vi";
import type { NoticeKind } from "~/models/notice-kinds";
import { readOutbox, type OutboxMessage } from "./factories";

export type Person = { id: string; email: string; name: string };
type Language = "vi" | "en";

export const fill = (template: string, vars: Record<string, string>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => vars[key] ?? "");

const kinds = (language: Language) =>
  (language === "en" ? en : vi).notices.kinds as Record<string, { title: string; body: string; action: string }>;

/** The catalogue's words for a kind, filled in. */
export function noticeWords(kind: NoticeKind, language: Language, values: Record<string, string>) {
  const texts = kinds(language)[kind]!;
  return { title: fill(texts.title, values), body: fill(texts.body, values), action: fill(texts.action, values) };
}

/** Makes a person read everything in English. */
export async function speaksEnglish(person: Person) {
  await db.user.update({ where: { id: person.id }, data: { language: "en" } });
}

/**
 * Exactly one in-app notice of `kind` for `link`, titled in the person's
 * language, and exactly one email with the same subject whose text carries
 * the absolute link and the call to action. Returns the email.
 */
export async function expectTold(
  person: Person,
  kind: NoticeKind,
  expected: { link: string; language?: Language; values: Record<string, string>; bodyHas?: string[] },
): Promise<OutboxMessage> {
  const language = expected.language ?? "vi";
  const words = noticeWords(kind, language, expected.values);
  const rows = await db.notification.findMany({ where: { userId: person.id, kind, link: expected.link } });
  expect(rows, `${person.name}: in-app ${kind}`).toHaveLength(1);
  expect(rows[0]!.title).toBe(words.title);
  for (const part of expected.bodyHas ?? []) expect(rows[0]!.body, `${person.name}: body of ${kind}`).toContain(part);
  const url = `http://localhost${expected.link}`;
  const mail = (await readOutbox(person.email)).filter((m) => m.subject === words.title && m.text.includes(url));
  expect(mail, `${person.name}: one email "${words.title}" linking ${url}`).toHaveLength(1);
  expect(mail[0]!.text).toContain(`${words.action}: ${url}`);
  for (const part of expected.bodyHas ?? []) expect(mail[0]!.text).toContain(part);
  return mail[0]!;
}

/** No notice of `kind` (any link when none given) and no email with a notice of that kind's subject pattern. */
export async function expectNotTold(person: Person, kind: NoticeKind, link?: string) {
  const rows = await db.notification.count({ where: { userId: person.id, kind, ...(link ? { link } : {}) } });
  expect(rows, `${person.name} must not get ${kind}`).toBe(0);
  const mail = await db.mailOutbox.findMany({ where: { to: person.email, kind } });
  expect(
    mail.filter((m) => !link || m.text.includes(`http://localhost${link}`)),
    `${person.name} must not be mailed ${kind}`,
  ).toHaveLength(0);
}
