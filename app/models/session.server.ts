import { createCookieSessionStorage, redirect } from "@remix-run/node";
import { db } from "~/db.server";
import { secureCookies, sessionSecret } from "~/env.server";
import type { PublicUser } from "./user.server";

export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;

// The cookie holds only a session id; the row in the database is the truth,
// so deleting it signs the browser out everywhere at once.
export const sessionStorage = createCookieSessionStorage<{ sessionId: string; flash: string }>({
  cookie: {
    name: "__session",
    httpOnly: true,
    sameSite: "lax",
    secure: secureCookies,
    path: "/",
    secrets: [sessionSecret],
    maxAge: SESSION_TTL_MS / 1000,
  },
});

export async function getCookieSession(request: Request) {
  return sessionStorage.getSession(request.headers.get("Cookie"));
}

export async function getSessionId(request: Request): Promise<string | null> {
  const session = await getCookieSession(request);
  return session.get("sessionId") ?? null;
}

type SessionUserRow = (PublicUser & { sessionId: string }) | null;

// The root loader and the page's own loader both ask who is signed in; a GET
// page asks once. (An action's request is not remembered: it may end the very
// session it read, and Remix gives the loaders after it a request of their own.)
const sessionUsers = new WeakMap<Request, Promise<SessionUserRow>>();

export function getSessionUser(request: Request): Promise<SessionUserRow> {
  if (request.method !== "GET") return lookUpSessionUser(request);
  let found = sessionUsers.get(request);
  if (!found) {
    found = lookUpSessionUser(request);
    sessionUsers.set(request, found);
  }
  return found;
}

async function lookUpSessionUser(request: Request): Promise<SessionUserRow> {
  const sessionId = await getSessionId(request);
  if (!sessionId) return null;
  const row = await db.session.findUnique({
    where: { id: sessionId },
    select: { id: true, expiresAt: true, user: { select: { id: true, email: true, name: true, role: true } } },
  });
  if (!row || row.expiresAt.getTime() < Date.now()) return null;
  return { ...row.user, sessionId: row.id };
}

// Signing in (or up) replaces whatever session this browser had: its row is
// deleted, whoever it belonged to, and a new id is issued, so a cookie copied
// or planted before the sign-in is worthless after it (session fixation).
export async function createUserSession(request: Request, userId: string, redirectTo: string) {
  const session = await getCookieSession(request);
  const previousId = session.get("sessionId");
  const row = await db.$transaction(async (tx) => {
    if (previousId) await tx.session.deleteMany({ where: { id: previousId } });
    return tx.session.create({ data: { userId, expiresAt: new Date(Date.now() + SESSION_TTL_MS) } });
  });
  session.set("sessionId", row.id);
  return redirect(safeRedirect(redirectTo), {
    headers: { "Set-Cookie": await sessionStorage.commitSession(session) },
  });
}

export async function endSession(request: Request, redirectTo = "/") {
  const session = await getCookieSession(request);
  const sessionId = session.get("sessionId");
  if (sessionId) await db.session.deleteMany({ where: { id: sessionId } });
  // The cookie now carries only the "signed out" notice for the next page.
  session.unset("sessionId");
  session.flash("flash", JSON.stringify({ key: "auth.signedOut" } satisfies FlashMessage));
  return redirect(redirectTo, {
    headers: { "Set-Cookie": await sessionStorage.commitSession(session) },
  });
}

export async function endAllSessions(userId: string): Promise<void> {
  await db.session.deleteMany({ where: { userId } });
}

export type FlashMessage = { key: string; params?: Record<string, string> };

// One-shot message shown on the next page, e.g. "Organisation created". It
// carries an i18n key, so it is shown in whatever language the page is in.
export async function flash(request: Request, redirectTo: string, message: FlashMessage) {
  const session = await getCookieSession(request);
  session.flash("flash", JSON.stringify(message));
  return redirect(redirectTo, { headers: { "Set-Cookie": await sessionStorage.commitSession(session) } });
}

export async function readFlash(request: Request): Promise<{ message: FlashMessage | null; setCookie: string | null }> {
  const session = await getCookieSession(request);
  const raw = session.get("flash");
  if (!raw) return { message: null, setCookie: null };
  return { message: JSON.parse(raw) as FlashMessage, setCookie: await sessionStorage.commitSession(session) };
}

// Only same-site paths. Browsers strip tabs and newlines from URLs, so
// "/\t/evil.example" would become "//evil.example": anything with a control
// character or whitespace, or that resolves to another origin, falls back.
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (!to || typeof to !== "string") return fallback;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f\\]/.test(to)) return fallback;
  if (!to.startsWith("/") || to.startsWith("//")) return fallback;
  const base = "http://same-site.invalid";
  if (new URL(to, base).origin !== base) return fallback;
  return to;
}
