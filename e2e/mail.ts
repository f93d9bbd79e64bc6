// Reading one notice email out of a project's outbox folder when the
// recipient may get others too (demo accounts hear of other journeys' events):
// the email is picked by its subject and words, and must arrive exactly once.
import { expect } from "@playwright/test";
import { readOutbox, type OutboxMessage } from "./support";

export type NoticeMail = OutboxMessage & { html?: string; headers?: Record<string, string> };

export async function waitForNoticeMail(
  to: string,
  match: { subject: string; contains: string[] },
): Promise<NoticeMail> {
  const matching = async () =>
    ((await readOutbox(to)) as NoticeMail[]).filter(
      (m) => m.subject === match.subject && match.contains.every((words) => m.text.includes(words)),
    );
  let found: NoticeMail[] = [];
  await expect
    .poll(async () => (found = await matching()).length, {
      message: `one email "${match.subject}" to ${to}`,
      timeout: 15_000,
    })
    .toBe(1);
  return found[0]!;
}

/** The link on the email's "<action>: <url>" line, as a path on the site. */
export function actionPath(mail: NoticeMail, action: string): string {
  const line = mail.text.split("\n").find((l) => l.startsWith(`${action}: `));
  if (!line) throw new Error(`no "${action}: <link>" line in the email "${mail.subject}":\n${mail.text}`);
  const url = new URL(line.slice(action.length + 2).trim());
  return `${url.pathname}${url.search}${url.hash}`;
}
