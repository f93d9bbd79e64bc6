// Issue 14 part 3, "email that is never lost": a real SMTP server
// (smtp-tester) goes down for five minutes while 200 events happen, then
// comes back. Every email must arrive afterwards, exactly once, even with
// two mail workers competing for the queue.
//
// Five minutes pass on the workers' clock (`now`), not the wall clock: the
// production backoff (30 s doubling) runs unchanged, the test takes seconds.
import net from "node:net";
import smtpTester from "smtp-tester";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { deliverDueMail, type DeliveryReport } from "~/models/mail-outbox.server";
import { notify } from "~/models/notify.server";

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

type MailServer = ReturnType<typeof smtpTester.init>;

const EVENTS = 200;
const received: string[] = [];
let port = 0;
let mailServer: MailServer | null = null;

function startSmtp() {
  mailServer = smtpTester.init(port);
  mailServer.bind((_address: unknown, _id: unknown, email: { headers: { subject?: string } }) => {
    received.push(String(email.headers.subject));
  });
}

async function stopSmtp() {
  const server = mailServer;
  mailServer = null;
  await new Promise<void>((resolve) => server?.stop(() => resolve()));
}

// The workers' clock: real time plus the minutes the test makes pass.
let skipped = 0;
let clock = 0;
const now = () => new Date(Date.now() + skipped);
const pass = (ms: number) => {
  skipped += ms;
  clock = skipped;
};
const deliver = () => deliverDueMail({ smtpUrl: `smtp://127.0.0.1:${port}`, now });
// Two workers at once, as two server processes would run.
const twoWorkers = async (): Promise<DeliveryReport> => {
  const [a, b] = await Promise.all([deliver(), deliver()]);
  return { sent: a.sent + b.sent, failed: a.failed + b.failed, dead: a.dead + b.dead };
};

let readers: string[] = [];

async function event(index: number) {
  await db.$transaction(async (tx) => {
    await notify(tx, [
      {
        userId: readers[index % readers.length]!,
        kind: "order.paid",
        link: `/orders/event-${index}`,
        values: {
          offer: `Sự kiện số ${index}`,
          package: "Gói cơ bản",
          buyer: "Sở Thử nghiệm",
          amountVnd: 1_000_000 + index,
          id: `event-${index}`,
        },
      },
    ]);
  });
}

beforeAll(async () => {
  port = await freePort();
  startSmtp();
  readers = [];
  for (let i = 0; i < 10; i++) {
    const user = await db.user.create({
      data: { email: `doc-gia-${i}-${Date.now()}@test.example.vn`, name: `Độc giả ${i}`, passwordHash: "x" },
    });
    readers.push(user.id);
  }
});

afterAll(async () => {
  await stopSmtp();
});

describe("an SMTP outage of five minutes during 200 events", () => {
  it("delivers every email afterwards, none lost and none twice", { timeout: 180_000 }, async () => {
    // 50 events while SMTP is up: sent at once.
    for (let i = 0; i < 50; i++) await event(i);
    expect((await twoWorkers()).sent).toBe(50);

    // SMTP goes down; 100 events during the outage, the workers keep trying every 10 s for 5 minutes.
    await stopSmtp();
    let outageFailures = 0;
    for (let i = 50; i < 150; i++) {
      await event(i);
      if (i % 20 === 0) {
        pass(10_000);
        outageFailures += (await twoWorkers()).failed;
      }
    }
    const outageEnd = clock + 5 * 60_000;
    while (clock < outageEnd) {
      pass(10_000);
      const report = await twoWorkers();
      expect(report.sent).toBe(0);
      expect(report.dead).toBe(0);
      outageFailures += report.failed;
    }
    expect(outageFailures).toBeGreaterThan(100);
    const waiting = await db.mailOutbox.findMany({ where: { sentAt: null } });
    expect(waiting).toHaveLength(100);
    expect(waiting.every((row) => row.attempts >= 2 && row.lastError)).toBe(true);

    // SMTP is back; 50 more events; the workers catch up as their backoff allows.
    startSmtp();
    for (let i = 150; i < EVENTS; i++) await event(i);
    for (let step = 0; step < 200 && (await db.mailOutbox.count({ where: { sentAt: null } })) > 0; step++) {
      pass(10_000);
      await twoWorkers();
    }

    expect(await db.mailOutbox.count({ where: { sentAt: null } })).toBe(0);
    expect(await db.mailOutbox.count({ where: { deadAt: { not: null } } })).toBe(0);
    // Let the SMTP server finish handing over the last messages.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const expected = Array.from({ length: EVENTS }, (_, i) => `Đơn hàng mới đã thanh toán: Sự kiện số ${i}`);
    const counts = new Map<string, number>();
    for (const subject of received) counts.set(subject, (counts.get(subject) ?? 0) + 1);
    const lost = expected.filter((subject) => !counts.has(subject));
    const twice = [...counts].filter(([, count]) => count > 1).map(([subject]) => subject);
    expect(lost).toEqual([]);
    expect(twice).toEqual([]);
    expect(received).toHaveLength(EVENTS);
  });
});
