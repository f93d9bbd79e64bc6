import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import { env } from "~/env.server";
import { logger } from "~/utils/logger.server";

// Extra headers, e.g. List-Unsubscribe on digests; kept in the outbox file too.
export type OutgoingEmail = { to: string; subject: string; text: string; headers?: Record<string, string> };

// With SMTP_URL set, mail goes out over SMTP. Without it (dev, tests), each
// message is written to MAIL_OUTBOX_DIR as JSON, which people and tests read.
const transport = env.SMTP_URL
  ? nodemailer.createTransport(env.SMTP_URL)
  : nodemailer.createTransport({ streamTransport: true, buffer: true });

export async function sendEmail(message: OutgoingEmail): Promise<void> {
  const info = await transport.sendMail({ from: env.MAIL_FROM, ...message });
  if (!env.SMTP_URL) {
    await fs.mkdir(env.MAIL_OUTBOX_DIR, { recursive: true });
    const file = path.join(env.MAIL_OUTBOX_DIR, `${Date.now()}-${randomUUID()}.json`);
    await fs.writeFile(file, JSON.stringify({ ...message, from: env.MAIL_FROM, sentAt: new Date().toISOString() }, null, 2));
  }
  logger.info({ to: message.to, subject: message.subject, messageId: info.messageId }, "email sent");
}
