import { redirect } from "@remix-run/node";
import { db, type MembershipRole } from "~/db.server";
import { getSessionUser } from "~/models/session.server";
import type { PublicUser } from "~/models/user.server";

// Permissions are plain functions that either return what the caller may
// use or throw the response that ends the request. Someone who is not a
// member gets 404, the same as for an organisation that does not exist, so
// ids cannot be probed.

export type SessionUser = PublicUser & { sessionId: string };

export function notFound(): Response {
  return new Response("Not Found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

export function forbidden(): Response {
  return new Response("Forbidden", { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

export async function getOptionalUser(request: Request): Promise<SessionUser | null> {
  return getSessionUser(request);
}

export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getSessionUser(request);
  if (user) return user;
  const url = new URL(request.url);
  if (request.method !== "GET") throw forbidden();
  throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
}

export async function requireAnonymous(request: Request): Promise<void> {
  if (await getSessionUser(request)) throw redirect("/orgs");
}

export function isStaff(user: Pick<PublicUser, "role"> | null): boolean {
  return user?.role === "STAFF" || user?.role === "ADMIN";
}

export async function requireStaff(request: Request): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!isStaff(user)) throw forbidden();
  return user;
}

export async function requireAdmin(request: Request): Promise<SessionUser> {
  const user = await requireUser(request);
  if (user.role !== "ADMIN") throw forbidden();
  return user;
}

export async function requireOrgMember(
  request: Request,
  organisationId: string | undefined,
): Promise<{ user: SessionUser; role: MembershipRole }> {
  const user = await requireUser(request);
  if (!organisationId) throw notFound();
  const membership = await db.membership.findUnique({
    where: { userId_organisationId: { userId: user.id, organisationId } },
    select: { role: true },
  });
  if (!membership) throw notFound();
  return { user, role: membership.role };
}

export async function requireOrgOwner(request: Request, organisationId: string | undefined) {
  const access = await requireOrgMember(request, organisationId);
  if (access.role !== "OWNER") throw forbidden();
  return access;
}
