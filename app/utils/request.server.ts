import type { AppLoadContext } from "@remix-run/node";
import { env } from "~/env.server";

// Links in emails must point at the public address, not whatever Host a
// request claimed; APP_URL wins when it is set.
export function publicBaseUrl(request: Request): string {
  return env.APP_URL ?? new URL(request.url).origin;
}

export function clientIp(context: AppLoadContext | undefined): string {
  return context?.clientIp ?? "unknown";
}
