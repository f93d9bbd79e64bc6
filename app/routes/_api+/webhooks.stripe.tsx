import type { ActionFunctionArgs } from "@remix-run/node";
import { kickPaymentWorker, recordPaymentEvent } from "~/models/payment-events.server";
import { paymentProvider, WebhookPayloadError, WebhookSignatureError } from "~/payments/provider.server";
import { logger } from "~/utils/logger.server";

const reply = (status: number, body: Record<string, unknown>) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" },
  });

// The signature covers the exact bytes sent, so the body is read raw here
// (no body parser runs before Remix) and verified before anything is stored.
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return reply(405, { error: "method not allowed" });
  const provider = paymentProvider();
  if (!provider) return reply(503, { error: "payments are not configured" });
  const rawBody = await request.text();
  let event;
  try {
    event = provider.verifyWebhook(rawBody, request.headers.get("stripe-signature"));
  } catch (error) {
    if (error instanceof WebhookSignatureError) {
      logger.warn({ reason: error.message }, "webhook refused: bad signature");
      return reply(400, { error: "invalid signature" });
    }
    if (error instanceof WebhookPayloadError) {
      logger.warn({ reason: error.message }, "webhook refused: signed but not an event object");
      return reply(400, { error: "not a Stripe event object" });
    }
    throw error;
  }
  const outcome = await recordPaymentEvent(event);
  if (outcome === "recorded") kickPaymentWorker();
  return reply(200, { received: true, duplicate: outcome === "duplicate" });
}

export function loader() {
  return reply(405, { error: "method not allowed" });
}
