// Accounts, organisations and staff pages. Other features have their own
// matrix files (*.access.integration.test.ts) on the same harness.
import { db } from "~/db.server";
import {
  type AccessCase,
  type World,
  SIGN_IN,
  orgPageStatus,
  ownerActionStatus,
  ownerPageStatus,
  publicPageStatus,
  runAccessMatrix,
  staffActionStatus,
  staffPageStatus,
} from "~/test-support/access-matrix";
import { addMember, makeUser, uniqueEmail } from "~/test-support/factories";

// Removal targets: a fresh member in each organisation for every attempt.
const victims = { own: "", other: "" };

const cases = (world: World): AccessCase[] => [
  {
    name: "view organisation",
    method: "GET",
    path: (id) => `/orgs/${id}`,
    targets: ["own", "other"],
    expected: orgPageStatus,
  },
  {
    name: "open edit form",
    method: "GET",
    path: (id) => `/orgs/${id}/edit`,
    targets: ["own", "other"],
    expected: ownerPageStatus,
  },
  {
    name: "save organisation details",
    method: "POST",
    path: (id) => `/orgs/${id}/edit`,
    targets: ["own", "other"],
    form: async () => ({ name: "Tên đã bị đổi", kind: "PROVIDER" }),
    expected: ownerActionStatus,
    unchanged: async (id) => (await db.organisation.findUniqueOrThrow({ where: { id } })).name,
  },
  {
    name: "invite a member",
    method: "POST",
    path: (id) => `/orgs/${id}`,
    targets: ["own", "other"],
    form: async () => ({ intent: "invite", email: uniqueEmail("matrix"), role: "OWNER" }),
    expected: ownerActionStatus,
    unchanged: (id) => db.invitation.count({ where: { organisationId: id } }),
  },
  {
    name: "remove a member",
    method: "POST",
    path: (id) => `/orgs/${id}`,
    targets: ["own", "other"],
    form: async (target) => {
      const victim = await makeUser({ name: "Nạn Nhân" });
      const [a, b] = await Promise.all([addMember(victim.id, world.own), addMember(victim.id, world.other)]);
      Object.assign(victims, { own: a.id, other: b.id });
      return { intent: "remove-member", membershipId: victims[target] };
    },
    expected: ownerActionStatus,
    unchanged: (id) => db.membership.count({ where: { organisationId: id } }),
  },
  {
    name: "staff list",
    method: "GET",
    path: () => "/staff/organisations",
    targets: ["own"],
    expected: staffPageStatus,
  },
  {
    name: "staff verify",
    method: "POST",
    path: () => "/staff/organisations",
    targets: ["other"],
    form: async () => ({ organisationId: world.other, verified: "true" }),
    expected: staffActionStatus,
    otherExpected: staffActionStatus,
    unchanged: async (id) => (await db.organisation.findUniqueOrThrow({ where: { id } })).verifiedAt,
  },
  {
    name: "admin users",
    method: "GET",
    path: () => "/admin/users",
    targets: ["own"],
    expected: { anonymous: SIGN_IN, outsider: 403, member: 403, owner: 403, staff: 403, admin: 200 },
  },
  {
    name: "admin set role",
    method: "POST",
    path: () => "/admin/users",
    targets: ["other"],
    form: async () => ({ userId: world.otherOwnerId, role: "ADMIN" }),
    expected: { anonymous: 403, outsider: 403, member: 403, owner: 403, staff: 403, admin: 302 },
    unchanged: async () => (await db.user.findUniqueOrThrow({ where: { id: world.otherOwnerId } })).role,
  },
  ...[
    "/staff",
    "/staff/major-problems",
    "/staff/taxonomy",
    "/staff/audit",
    "/staff/import",
    "/staff/export/offers.csv",
    "/staff/export/major-problems.json",
  ].map(
    (path): AccessCase => ({
      name: `staff page ${path}`,
      method: "GET",
      path: () => path,
      targets: ["own"],
      expected: staffPageStatus,
    }),
  ),
  {
    name: "staff create a major-problem list",
    method: "POST",
    path: () => "/staff/major-problems",
    targets: ["own"],
    form: async () => ({
      name: `Danh mục ${Math.random()}`,
      decisionNumber: "1/QĐ",
      decisionDate: "2026-01-02",
      periodStart: "2026",
      periodEnd: "2030",
    }),
    expected: staffActionStatus,
    unchanged: () => db.majorProblemList.count(),
  },
  {
    name: "staff add a taxonomy term",
    method: "POST",
    path: () => "/staff/taxonomy",
    targets: ["own"],
    form: async () => ({ intent: "create", kind: "SECTOR", nameVi: `Lĩnh vực ${Math.random()}`, nameEn: "Sector" }),
    expected: staffActionStatus,
    unchanged: () => db.taxonomyTerm.count(),
  },
  ...["/major-problems", "/market", "/organisations", "/sitemap.xml"].map(
    (path): AccessCase => ({
      name: `public page ${path}`,
      method: "GET",
      path: () => path,
      targets: ["own"],
      expected: publicPageStatus,
    }),
  ),
  {
    name: "account page",
    method: "GET",
    path: () => "/account",
    targets: ["own"],
    expected: { anonymous: SIGN_IN, outsider: 200, member: 200, owner: 200, staff: 200, admin: 200 },
  },
  {
    name: "unknown organisation",
    method: "GET",
    path: () => "/orgs/does-not-exist",
    targets: ["own"],
    expected: { anonymous: SIGN_IN, outsider: 404, member: 404, owner: 404, staff: 404, admin: 404 },
  },
];

runAccessMatrix("accounts, organisations and staff pages", cases);
