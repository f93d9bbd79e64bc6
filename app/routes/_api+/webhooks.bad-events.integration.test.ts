// POST /webhooks/stripe with a correct signature over something that is not
// an event, and an event that can never apply (issue 13): the first is a 400
// that records nothing; the second is tried a bounded number of times, then
// dead-lettered, logged and shown to staff, who can send it back.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import en from "~/i18n/en";
import vi from "~/i18n/vi";
import { drainPaymentEvents, MAX_ATTEMPTS } from "~/models/payment-events.server";
import { TEST_PASSWORD, makeUser } from "~/test-support/factories";
import { startTestServer, type TestBrowser, visibleText } from "~/test-support/http";
import { WEBHOOK_SECRET, withStripeStandIn } from "~/test-support/payment-factories";
import { eventBody, signWebhook } from "~/test-support/stripe-stand-in";

withStripeStandIn();
const server = startTestServer();
let staff: TestBrowser;
let staffEn: TestBrowser;
let outsider: TestBrowser;

beforeAll(async () => {
  const curator = await makeUser({ role: "STAFF" });
  staff = await server.signedIn(curator);
  // A second staff member, so two sessions never belong to one account.
  staffEn = server.browser({ language: "en" });
  await staffEn.signIn((await makeUser({ role: "STAFF" })).email, TEST_PASSWORD);
  outsider = await server.signedIn(await makeUser());
});

const post = (body: string) =>
  fetch(`${server.baseUrl}/webhooks/stripe`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "Stripe-Signature": signWebhook(body, WEBHOOK_SECRET) },
    body,
  });

const envelope = (change: Record<string, unknown>) =>
  JSON.stringify({
    id: `evt_${randomUUID().replace(/-/g, "")}`,
    object: "event",
    type: "checkout.session.completed",
    data: { object: { id: "cs_x" } },
    ...change,
  });

describe("signed bodies that are not event objects", () => {
  it.each<[string, string]>([
    ["null", "null"],
    ["an array", "[]"],
    ["a number", "42"],
    ["an empty object", "{}"],
    ["a string", '"x"'],
    ["bytes that are not JSON", "x"],
    ["a numeric id", envelope({ id: 42 })],
    ["a numeric type", envelope({ type: 42 })],
    ["an empty id", envelope({ id: "" })],
    ["no data", envelope({ data: undefined })],
    ["no data.object", envelope({ data: {} })],
    ["data.object that is not an object", envelope({ data: { object: "cs_x" } })],
    ["a numeric data.object.id", envelope({ data: { object: { id: 7 } } })],
    ["an id longer than the column", envelope({ id: `evt_${"a".repeat(300)}` })],
  ])("refuses %s with 400 and a plain message, and records nothing", async (_label, body) => {
    const before = await db.paymentEvent.count();
    const response = await post(body);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "not a Stripe event object" });
    expect(await db.paymentEvent.count()).toBe(before);
  });

  it("still records a well-formed event (so the refusals above are about shape)", async () => {
    const before = await db.paymentEvent.count();
    const body = eventBody("customer.created", { id: `cus_${randomUUID().slice(0, 8)}` });
    const response = await post(body);
    expect(response.status).toBe(200);
    expect(await db.paymentEvent.count()).toBe(before + 1);
  });
});

describe("an event that can never apply", () => {
  it(`is tried ${MAX_ATTEMPTS} times with growing delays, then dead-lettered and shown to staff, who can send it back`, async () => {
    // A checkout session Stripe (the stand-in) has never heard of: every re-read is a 404.
    const sessionId = `cs_nowhere_${randomUUID().replace(/-/g, "")}`;
    const body = eventBody("checkout.session.completed", { id: sessionId, object: "checkout.session" });
    const eventId = (JSON.parse(body) as { id: string }).id;
    expect((await post(body)).status).toBe(200);
    const ordersBefore = await db.order.count();

    // The server tries it at once; wait for that first failure before driving the clock here.
    const deadline = Date.now() + 5_000;
    while (!(await db.paymentEvent.findUniqueOrThrow({ where: { id: eventId } })).lastError && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // A clock that jumps past each retry delay, so the hour of retries takes no time.
    let clock = Date.now();
    const delays: number[] = [];
    for (let guard = 0; guard < MAX_ATTEMPTS * 2; guard += 1) {
      const event = await db.paymentEvent.findUniqueOrThrow({ where: { id: eventId } });
      expect(event.deadLetteredAt, `given up early, after ${event.attempts}`).toBeNull();
      expect(event.processedAt).toBeNull();
      if (event.attempts >= MAX_ATTEMPTS - 1) break;
      clock = Math.max(clock, event.availableAt.getTime()) + 1;
      await drainPaymentEvents(() => new Date(clock));
      delays.push((await db.paymentEvent.findUniqueOrThrow({ where: { id: eventId } })).availableAt.getTime() - clock);
    }
    expect((await db.paymentEvent.findUniqueOrThrow({ where: { id: eventId } })).attempts).toBe(MAX_ATTEMPTS - 1);
    clock = (await db.paymentEvent.findUniqueOrThrow({ where: { id: eventId } })).availableAt.getTime() + 1;
    // The delays grow (the existing backoff), so the tries span a real outage.
    expect(delays.at(-1)!).toBeGreaterThan(delays[0]!);
    expect(delays.at(-1)!).toBeGreaterThanOrEqual(10 * 60_000);
    await drainPaymentEvents(() => new Date(clock));
    const dead = await db.paymentEvent.findUniqueOrThrow({ where: { id: eventId } });
    expect(dead.attempts).toBe(MAX_ATTEMPTS);
    expect(dead.deadLetteredAt).not.toBeNull();
    expect(dead.processedAt).toBeNull();
    expect(dead.lastError).toMatch(/No such checkout\.session/);

    // Bounded: later passes leave it alone.
    for (let i = 0; i < 3; i += 1) {
      clock += 24 * 3_600_000;
      await drainPaymentEvents(() => new Date(clock));
    }
    expect((await db.paymentEvent.findUniqueOrThrow({ where: { id: eventId } })).attempts).toBe(MAX_ATTEMPTS);
    expect(await db.order.count()).toBe(ordersBefore);

    // Staff see it, with the count, in both languages.
    const count = await db.paymentEvent.count({ where: { deadLetteredAt: { not: null }, processedAt: null } });
    const ledger = visibleText((await staff.get("/staff/ledger")).text);
    expect(ledger).toContain(vi.inputChecks.deadLetters.title);
    expect(ledger).toContain(vi.inputChecks.deadLetters.count.replace("{{count}}", String(count)));
    expect(ledger).toContain(eventId);
    expect(ledger).toContain("checkout.session.completed");
    expect(ledger).toContain("No such checkout.session");
    const ledgerEn = visibleText((await staffEn.get("/staff/ledger")).text);
    expect(ledgerEn).toContain(en.inputChecks.deadLetters.title);
    expect(ledgerEn).toContain(eventId);
    expect(visibleText((await staff.get("/staff")).text)).toContain(
      vi.inputChecks.deadLetters.count.replace("{{count}}", String(count)),
    );

    // Only staff may send it back; then it gets a fresh set of attempts.
    expect((await outsider.post("/staff/ledger", { intent: "retry-event", eventId })).status).toBe(403);
    expect((await db.paymentEvent.findUniqueOrThrow({ where: { id: eventId } })).deadLetteredAt).not.toBeNull();
    const retried = await staff.post("/staff/ledger", { intent: "retry-event", eventId });
    expect(retried.status).toBe(302);
    const revived = await db.paymentEvent.findUniqueOrThrow({ where: { id: eventId } });
    expect(revived.deadLetteredAt).toBeNull();
    expect(revived.attempts).toBeLessThanOrEqual(1);
    expect(await db.auditEntry.count({ where: { action: "payment_event.retried", entityId: eventId } })).toBe(1);
    expect(visibleText((await staff.get(retried.location!)).text)).toContain(vi.inputChecks.deadLetters.retried);
    // An event that is not dead-lettered cannot be "retried".
    expect((await staff.post("/staff/ledger", { intent: "retry-event", eventId })).status).toBe(404);
  });

  it("shows none when nothing was given up on", async () => {
    await db.paymentEvent.updateMany({ where: { deadLetteredAt: { not: null } }, data: { processedAt: new Date() } });
    expect(visibleText((await staff.get("/staff/ledger")).text)).toContain(vi.inputChecks.deadLetters.none);
  });
});
