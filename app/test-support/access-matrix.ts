// The access-matrix harness: six actors try every protected page and action
// of a feature, on their own organisation and on another's. Forbidden
// attempts must answer 403/404 (or send an anonymous visitor to sign in),
// change nothing, and show nothing of the other organisation; permitted
// writes must really change something, so a matrix cannot pass by refusing
// everything. Each feature has its own *.access.integration.test.ts.
import { beforeAll, describe, expect, it } from "vitest";
import { createOrganisation } from "~/models/organisation.server";
import { TEST_PASSWORD, addMember, makeUser } from "./factories";
import { type TestBrowser, startTestServer } from "./http";

export type Actor = "anonymous" | "outsider" | "member" | "owner" | "staff" | "admin";
export const actors: Actor[] = ["anonymous", "outsider", "member", "owner", "staff", "admin"];
export type Target = "own" | "other";

export const SIGN_IN = 302;
export const orgPageStatus = { anonymous: SIGN_IN, outsider: 404, member: 200, owner: 200, staff: 404, admin: 404 };
export const ownerPageStatus = { anonymous: SIGN_IN, outsider: 404, member: 403, owner: 200, staff: 404, admin: 404 };
export const ownerActionStatus = { anonymous: 403, outsider: 404, member: 403, owner: 302, staff: 404, admin: 404 };
export const memberActionStatus = { anonymous: 403, outsider: 404, member: 302, owner: 302, staff: 404, admin: 404 };
export const staffPageStatus = { anonymous: SIGN_IN, outsider: 403, member: 403, owner: 403, staff: 200, admin: 200 };
export const staffActionStatus = { anonymous: 403, outsider: 403, member: 403, owner: 403, staff: 302, admin: 302 };
export const publicPageStatus = { anonymous: 200, outsider: 200, member: 200, owner: 200, staff: 200, admin: 200 };

export type World = {
  own: string;
  other: string;
  otherName: string;
  otherTaxCode: string;
  otherOwnerEmail: string;
  ownOwnerId: string;
  otherOwnerId: string;
  ids: Record<Actor, string | null>;
};

export type AccessCase = {
  name: string;
  method: "GET" | "POST";
  // The path for a target organisation id (ignored by platform-wide pages).
  path: (organisationId: string, world: World) => string;
  form?: (target: Target, world: World) => Promise<Record<string, string>>;
  targets: Target[];
  // Status per actor on their own organisation. On another organisation's
  // /orgs/… pages everyone signed in gets 404, unless `otherExpected` says otherwise.
  expected: Record<Actor, number>;
  otherExpected?: Partial<Record<Actor, number>>;
  // A value that must not move on a refusal and must move on a permitted write.
  unchanged?: (organisationId: string, world: World) => Promise<unknown>;
  // Text of the other organisation that must never show on a refusal.
  secrets?: (world: World) => string[];
};

export function runAccessMatrix(
  title: string,
  cases: (world: World) => AccessCase[],
  options: {
    otherKind?: "PROVIDER" | "AGENCY";
    ownKind?: "PROVIDER" | "AGENCY";
    setup?: (world: World) => Promise<void>;
  } = {},
) {
  const server = startTestServer();
  const world: World = {
    own: "",
    other: "",
    otherName: `Bí mật Công ty Khác ${Math.floor(Math.random() * 1e6)}`,
    otherTaxCode: `0107${String(Math.floor(Math.random() * 1e6)).padStart(6, "0")}`,
    otherOwnerEmail: "",
    ownOwnerId: "",
    otherOwnerId: "",
    ids: { anonymous: null, outsider: null, member: null, owner: null, staff: null, admin: null },
  };
  const browsers = {} as Record<Actor, TestBrowser>;

  beforeAll(async () => {
    const owner = await makeUser({ name: "Chủ Sở Hữu A" });
    const member = await makeUser({ name: "Thành Viên A" });
    const outsider = await makeUser({ name: "Người Ngoài" });
    const staff = await makeUser({ role: "STAFF", name: "Cán Bộ HiHUB" });
    const admin = await makeUser({ role: "ADMIN", name: "Quản Trị" });
    const otherOwner = await makeUser({ name: "Chủ Công ty Khác" });
    const own = await createOrganisation(owner.id, {
      name: "Công ty A của chúng tôi",
      kind: options.ownKind ?? "PROVIDER",
    });
    await addMember(member.id, own.id);
    const other = await createOrganisation(otherOwner.id, {
      name: world.otherName,
      kind: options.otherKind ?? "AGENCY",
      taxCode: world.otherTaxCode,
    });
    Object.assign(world, {
      own: own.id,
      other: other.id,
      otherOwnerEmail: otherOwner.email,
      ownOwnerId: owner.id,
      otherOwnerId: otherOwner.id,
    });
    world.ids = {
      anonymous: null,
      outsider: outsider.id,
      member: member.id,
      owner: owner.id,
      staff: staff.id,
      admin: admin.id,
    };
    const emails: Partial<Record<Actor, string>> = {
      outsider: outsider.email,
      member: member.email,
      owner: owner.email,
      staff: staff.email,
      admin: admin.email,
    };
    for (const actor of actors) {
      browsers[actor] = server.browser();
      const email = emails[actor];
      if (email) await browsers[actor].signIn(email, TEST_PASSWORD);
    }
    await options.setup?.(world);
  });

  function expectedFor(c: AccessCase, actor: Actor, target: Target): number {
    if (target === "other") {
      const override = c.otherExpected?.[actor];
      if (override !== undefined) return override;
      const orgScoped = c.path("X", world).startsWith("/orgs/X");
      if (orgScoped && actor !== "anonymous") return 404;
    }
    return c.expected[actor];
  }

  describe(title, () => {
    // Cases are built lazily: their paths may need ids made in setup.
    const lazyCases = () => cases(world);
    const names = cases(world).map((c) => c.name);
    describe.each(names)("%s", (name) => {
      const targets = cases(world).find((c) => c.name === name)!.targets;
      it.each(actors.flatMap((actor) => targets.map((target) => ({ actor, target }))))(
        "$actor on $target organisation",
        async ({ actor, target }) => {
          const c = lazyCases().find((x) => x.name === name)!;
          const targetId = target === "own" ? world.own : world.other;
          const form = c.form ? await c.form(target, world) : undefined;
          const before = c.unchanged ? await c.unchanged(targetId, world) : undefined;
          const page = await browsers[actor].request(c.method, c.path(targetId, world), { form });
          const expected = expectedFor(c, actor, target);
          expect(page.status).toBe(expected);
          if (expected === SIGN_IN && c.method === "GET") expect(page.location).toMatch(/^\/login\?redirectTo=/);
          if (expected >= 400) {
            if (c.unchanged) expect(await c.unchanged(targetId, world)).toEqual(before);
            for (const secret of [
              world.otherName,
              world.otherTaxCode,
              world.otherOwnerEmail,
              ...(c.secrets?.(world) ?? []),
            ]) {
              expect(page.text).not.toContain(secret);
            }
          } else if (c.method === "POST" && c.unchanged) {
            expect(await c.unchanged(targetId, world)).not.toEqual(before);
            // Follow the redirect as a browser would, which also clears the flash message.
            expect((await browsers[actor].get(page.location!)).status).toBe(200);
          }
        },
      );
    });
  });
  return world;
}
