import fs from "node:fs/promises";
import path from "node:path";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "~/env.server";
import { logger } from "~/utils/logger.server";

// Extra headers, e.g. List-Unsubscribe; kept in the outbox file too.
export type OutgoingEmail = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
};

export type DeliveryTarget = {
  /** SMTP server; unset: write JSON files to `outboxDir` (dev, tests). */
  smtpUrl?: string;
  outboxDir?: string;
};

// Short limits so a dead server fails a send in seconds (the mail worker
// then backs off) instead of holding a lease for nodemailer's default minutes.
const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/**
 * A sender for one run of the mail worker. The SMTP transport is made per
 * run, not once at boot, so a server that went away and came back is
 * reached again without a restart. Call `close()` when done.
 *
 * Models never send directly: they queue with `enqueueMail` (mail-outbox.server.ts)
 * inside their transaction, and the worker calls this.
 */
export function createMailer(target: DeliveryTarget = { smtpUrl: env.SMTP_URL, outboxDir: env.MAIL_OUTBOX_DIR }) {
  const smtpUrl = target.smtpUrl || undefined;
  const outboxDir = target.outboxDir ?? env.MAIL_OUTBOX_DIR;
  const transport: Transporter = smtpUrl
    ? nodemailer.createTransport(smtpUrl, SMTP_TIMEOUTS)
    : nodemailer.createTransport({ streamTransport: true, buffer: true });
  return {
    /** Throws when the message was not accepted; `fileName` names the outbox file (no SMTP). */
    async send(message: OutgoingEmail, fileName?: string): Promise<void> {
      const info = await transport.sendMail({ from: env.MAIL_FROM, ...message });
      if (!smtpUrl) {
        // Without SMTP, the rendered message lands in the outbox folder, which people and tests read.
        await fs.mkdir(outboxDir, { recursive: true });
        const file = path.join(outboxDir, `${fileName ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`}.json`);
        await fs.writeFile(
          file,
          JSON.stringify({ ...message, from: env.MAIL_FROM, sentAt: new Date().toISOString() }, null, 2),
        );
      }
      logger.info({ to: message.to, subject: message.subject, messageId: info.messageId }, "email sent");
    },
    close() {
      transport.close();
    },
  };
}

/**
 * Sends one message now, bypassing the outbox. Only for the mail worker and
 * tests of the transport: a model that calls this loses the mail when SMTP
 * is down. Use `enqueueMail` (mail-outbox.server.ts) instead.
 */
export async function sendEmail(message: OutgoingEmail): Promise<void> {
  const mailer = createMailer();
  try {
    await mailer.send(message);
  } finally {
    mailer.close();
  }
}
