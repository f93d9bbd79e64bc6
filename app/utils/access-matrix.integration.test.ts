// Every role tries every protected page and action, on its own organisation
// and on another's. Forbidden attempts must answer 403/404 (or send an
// anonymous visitor to sign in), change nothing, and show nothing of the target.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { createOrganisation } from "~/models/organisation.server";
import { TEST_PASSWORD, addMember, makeUser, uniqueEmail } from "~/test-support/factories";
import { TestBrowser, startTestServer } from "~/test-support/http";

const server = startTestServer();

type Actor = "anonymous" | "outsider" | "member" | "owner" | "staff" | "admin";
const actors: Actor[] = ["anonymous", "outsider", "member", "owner", "staff", "admin"];

const world = {
  own: "", other: "", otherName: "Bí mật Công ty Khác 7731", otherTaxCode: "0107731000",
  otherOwnerEmail: "", ownOwnerId: "", otherOwnerId: "",
};
const browsers = {} as Record<Actor, TestBrowser>;

beforeAll(async () => {
  const owner = await makeUser({ name: "Chủ Sở Hữu A" });
  const member = await makeUser({ name: "Thành Viên A" });
  const outsider = await makeUser({ name: "Người Ngoài" });
  const staff = await makeUser({ role: "STAFF", name: "Cán Bộ HiHUB" });
  const admin = await makeUser({ role: "ADMIN", name: "Quản Trị" });
  const otherOwner = await makeUser({ name: "Chủ Công ty Khác" });
  const own = await createOrganisation(owner.id, { name: "Công ty A của chúng tôi", kind: "PROVIDER" });
  await addMember(member.id, own.id);
  const other = await createOrganisation(otherOwner.id, { name: world.otherName, kind: "AGENCY", taxCode: world.otherTaxCode });
  Object.assign(world, { own: own.id, other: other.id, otherOwnerEmail: otherOwner.email, ownOwnerId: owner.id, otherOwnerId: otherOwner.id });

  const accounts: Partial<Record<Actor, string>> = {
    outsider: outsider.email, member: member.email, owner: owner.email, staff: staff.email, admin: admin.email,
  };
  for (const actor of actors) {
    browsers[actor] = server.browser();
    const email = accounts[actor];
    if (email) await browsers[actor].signIn(email, TEST_PASSWORD);
  }
});

type Target = "own" | "other";
type Case = {
  name: string;
  method: "GET" | "POST";
  path: (target: string) => string;
  form?: () => Promise<Record<string, string>>;
  targets: Target[];
  // Status per actor when the target is the actor's own organisation;
  // on another organisation, everyone but staff/admin pages gets 404.
  expected: Record<Actor, number>;
  unchanged?: (targetId: string) => Promise<unknown>;
};

const SIGN_IN = 302;
const orgPageStatus = { anonymous: SIGN_IN, outsider: 404, member: 200, owner: 200, staff: 404, admin: 404 };
const ownerPageStatus = { anonymous: SIGN_IN, outsider: 404, member: 403, owner: 200, staff: 404, admin: 404 };
const ownerActionStatus = { anonymous: 403, outsider: 404, member: 403, owner: 302, staff: 404, admin: 404 };

const cases: Case[] = [
  { name: "view organisation", method: "GET", path: (id) => `/orgs/${id}`, targets: ["own", "other"], expected: orgPageStatus },
  { name: "open edit form", method: "GET", path: (id) => `/orgs/${id}/edit`, targets: ["own", "other"], expected: ownerPageStatus },
  {
    name: "save organisation details", method: "POST", path: (id) => `/orgs/${id}/edit`, targets: ["own", "other"],
    form: async () => ({ name: "Tên đã bị đổi", kind: "PROVIDER" }),
    expected: ownerActionStatus,
    unchanged: async (id) => (await db.organisation.findUniqueOrThrow({ where: { id } })).name,
  },
  {
    name: "invite a member", method: "POST", path: (id) => `/orgs/${id}`, targets: ["own", "other"],
    form: async () => ({ intent: "invite", email: uniqueEmail("matrix"), role: "OWNER" }),
    expected: ownerActionStatus,
    unchanged: (id) => db.invitation.count({ where: { organisationId: id } }),
  },
  {
    name: "remove a member", method: "POST", path: (id) => `/orgs/${id}`, targets: ["own", "other"],
    form: async () => {
      // A fresh victim in each organisation for every attempt.
      const victim = await makeUser({ name: "Nạn Nhân" });
      const [a, b] = await Promise.all([addMember(victim.id, world.own), addMember(victim.id, world.other)]);
      lastVictims = { own: a.id, other: b.id };
      return { intent: "remove-member", membershipId: "" };
    },
    expected: ownerActionStatus,
    unchanged: (id) => db.membership.count({ where: { organisationId: id } }),
  },
  { name: "staff list", method: "GET", path: () => "/staff/organisations", targets: ["own"],
    expected: { anonymous: SIGN_IN, outsider: 403, member: 403, owner: 403, staff: 200, admin: 200 } },
  {
    name: "staff verify", method: "POST", path: () => "/staff/organisations", targets: ["other"],
    form: async () => ({ organisationId: world.other, verified: "true" }),
    expected: { anonymous: 403, outsider: 403, member: 403, owner: 403, staff: 302, admin: 302 },
    unchanged: async (id) => (await db.organisation.findUniqueOrThrow({ where: { id } })).verifiedAt,
  },
  { name: "admin users", method: "GET", path: () => "/admin/users", targets: ["own"],
    expected: { anonymous: SIGN_IN, outsider: 403, member: 403, owner: 403, staff: 403, admin: 200 } },
  {
    name: "admin set role", method: "POST", path: () => "/admin/users", targets: ["other"],
    form: async () => ({ userId: world.otherOwnerId, role: "ADMIN" }),
    expected: { anonymous: 403, outsider: 403, member: 403, owner: 403, staff: 403, admin: 302 },
    unchanged: async () => (await db.user.findUniqueOrThrow({ where: { id: world.otherOwnerId } })).role,
  },
  ...["/staff", "/staff/major-problems", "/staff/taxonomy", "/staff/audit"].map((path): Case => ({
    name: `staff page ${path}`, method: "GET", path: () => path, targets: ["own"],
    expected: { anonymous: SIGN_IN, outsider: 403, member: 403, owner: 403, staff: 200, admin: 200 },
  })),
  {
    name: "staff create a major-problem list", method: "POST", path: () => "/staff/major-problems", targets: ["own"],
    form: async () => ({ name: `Danh mục ${Math.random()}`, decisionNumber: "1/QĐ", decisionDate: "2026-01-02", periodStart: "2026", periodEnd: "2030" }),
    expected: { anonymous: 403, outsider: 403, member: 403, owner: 403, staff: 302, admin: 302 },
    unchanged: () => db.majorProblemList.count(),
  },
  {
    name: "staff add a taxonomy term", method: "POST", path: () => "/staff/taxonomy", targets: ["own"],
    form: async () => ({ intent: "create", kind: "SECTOR", nameVi: `Lĩnh vực ${Math.random()}`, nameEn: "Sector" }),
    expected: { anonymous: 403, outsider: 403, member: 403, owner: 403, staff: 302, admin: 302 },
    unchanged: () => db.taxonomyTerm.count(),
  },
  { name: "public list of major problems", method: "GET", path: () => "/major-problems", targets: ["own"],
    expected: { anonymous: 200, outsider: 200, member: 200, owner: 200, staff: 200, admin: 200 } },
  { name: "account page", method: "GET", path: () => "/account", targets: ["own"],
    expected: { anonymous: SIGN_IN, outsider: 200, member: 200, owner: 200, staff: 200, admin: 200 } },
  { name: "unknown organisation", method: "GET", path: () => "/orgs/does-not-exist", targets: ["own"],
    expected: { anonymous: SIGN_IN, outsider: 404, member: 404, owner: 404, staff: 404, admin: 404 } },
];

let lastVictims = { own: "", other: "" };

// Organisation pages of another organisation are 404 for everyone: not even
// its existence is confirmed. Platform pages do not depend on the target.
function expectedFor(c: Case, actor: Actor, target: Target): number {
  const orgScoped = c.path("X").startsWith("/orgs/X");
  if (target === "other" && orgScoped && actor !== "anonymous") return 404;
  return c.expected[actor];
}

describe.each(cases)("$name", (c) => {
  it.each(actors.flatMap((actor) => c.targets.map((target) => ({ actor, target }))))(
    "$actor on $target organisation",
    async ({ actor, target }) => {
      const targetId = target === "own" ? world.own : world.other;
      let form = c.form ? await c.form() : undefined;
      if (form?.intent === "remove-member") form = { ...form, membershipId: lastVictims[target] };
      const before = c.unchanged ? await c.unchanged(targetId) : undefined;

      const page = await browsers[actor].request(c.method, c.path(targetId), { form });
      const expected = expectedFor(c, actor, target);
      expect(page.status).toBe(expected);
      if (expected === SIGN_IN && c.method === "GET") expect(page.location).toMatch(/^\/login\?redirectTo=/);

      if (expected >= 400) {
        if (c.unchanged) expect(await c.unchanged(targetId)).toEqual(before);
        expect(page.text).not.toContain(world.otherName);
        expect(page.text).not.toContain(world.otherTaxCode);
        expect(page.text).not.toContain(world.otherOwnerEmail);
      } else if (c.method === "POST" && c.unchanged) {
        // The permitted attempt really did something, so the refusals above are not vacuous.
        expect(await c.unchanged(targetId)).not.toEqual(before);
        // Follow the redirect as a browser would, which also shows (and clears) the flash message.
        expect((await browsers[actor].get(page.location!)).status).toBe(200);
      }
    },
  );
});
