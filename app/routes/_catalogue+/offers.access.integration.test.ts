// Who may do what with offers: every provider page and action, the staff
// review and the public pages and files, for the six actors on their own
// organisation and on another provider's.
import fs from "node:fs/promises";
import { afterAll, vi } from "vitest";
import { db } from "~/db.server";
import {
  type AccessCase,
  memberActionStatus,
  orgPageStatus,
  publicPageStatus,
  runAccessMatrix,
  staffActionStatus,
  staffPageStatus,
} from "~/test-support/access-matrix";
import { offerFields } from "~/test-support/offer-factories";
import {
  base,
  draftViewers,
  everyoneElse404,
  fresh,
  freshOffers,
  offerState,
  secretTitle,
  setup,
  targetOf,
  terms,
} from "~/test-support/offer-access";
import { uploadDir } from "~/utils/uploads.server";

vi.hoisted(() => {
  process.env.UPLOAD_DIR = `${process.env.TMPDIR ?? "/tmp"}/hte-offer-uploads-${process.pid}-${Date.now()}`;
});

const cases = (): AccessCase[] => [
  {
    name: "list offers",
    method: "GET",
    path: (id) => `/orgs/${id}/offers`,
    targets: ["own", "other"],
    expected: orgPageStatus,
    secrets: () => [secretTitle],
  },
  {
    name: "new offer form",
    method: "GET",
    path: (id) => `/orgs/${id}/offers/new`,
    targets: ["own", "other"],
    expected: orgPageStatus,
  },
  {
    name: "create an offer",
    method: "POST",
    path: (id) => `/orgs/${id}/offers/new`,
    targets: ["own", "other"],
    form: async () => offerFields(terms, { titleVi: `Giải pháp mới ${Math.random()}` }),
    expected: memberActionStatus,
    unchanged: (id) => db.offer.count({ where: { organisationId: id } }),
  },
  {
    name: "view an offer",
    method: "GET",
    path: (id) => `/orgs/${id}/offers/${base[targetOf(id)].draftId}`,
    targets: ["own", "other"],
    expected: orgPageStatus,
    secrets: () => [secretTitle],
  },
  {
    name: "edit form",
    method: "GET",
    path: (id) => `/orgs/${id}/offers/${base[targetOf(id)].draftId}/edit`,
    targets: ["own", "other"],
    expected: orgPageStatus,
    secrets: () => [secretTitle],
  },
  {
    name: "save an edit",
    method: "POST",
    path: (id) => `/orgs/${id}/offers/${fresh[targetOf(id)]}/edit`,
    targets: ["own", "other"],
    form: async () => {
      await freshOffers("DRAFT");
      return offerFields(terms, { titleVi: `Tên đã sửa ${Math.random()}` });
    },
    expected: memberActionStatus,
    unchanged: offerState,
  },
  {
    name: "edit a published offer (pending revision)",
    method: "POST",
    path: (id) => `/orgs/${id}/offers/${fresh[targetOf(id)]}/edit`,
    targets: ["own", "other"],
    form: async () => {
      await freshOffers("PUBLISHED");
      return offerFields(terms, { titleVi: `Bản sửa ${Math.random()}` });
    },
    expected: memberActionStatus,
    unchanged: offerState,
  },
  {
    name: "submit for review",
    method: "POST",
    path: (id) => `/orgs/${id}/offers/${fresh[targetOf(id)]}`,
    targets: ["own", "other"],
    form: async () => {
      await freshOffers("DRAFT");
      return { intent: "submit" };
    },
    expected: memberActionStatus,
    unchanged: offerState,
  },
  {
    name: "archive",
    method: "POST",
    path: (id) => `/orgs/${id}/offers/${fresh[targetOf(id)]}`,
    targets: ["own", "other"],
    form: async () => {
      await freshOffers("PUBLISHED");
      return { intent: "archive" };
    },
    expected: memberActionStatus,
    unchanged: offerState,
  },
  {
    name: "another organisation's offer through our own organisation's pages",
    method: "GET",
    path: (id) => `/orgs/${id}/offers/${base.other.draftId}/edit`,
    targets: ["own"],
    expected: everyoneElse404,
    secrets: () => [secretTitle],
  },
  {
    name: "save another organisation's offer through our own organisation",
    method: "POST",
    path: (id) => `/orgs/${id}/offers/${fresh.other}/edit`,
    targets: ["own"],
    form: async () => {
      await freshOffers("DRAFT");
      return offerFields(terms, { titleVi: "Chiếm quyền sửa" });
    },
    expected: { anonymous: 403, outsider: 404, member: 404, owner: 404, staff: 404, admin: 404 },
    unchanged: () => offerState(base.other.orgId),
  },
  {
    name: "staff review queue",
    method: "GET",
    path: () => "/staff/offers",
    targets: ["own"],
    expected: staffPageStatus,
  },
  {
    name: "staff review page",
    method: "GET",
    path: () => `/staff/offers/${base.other.draftId}`,
    targets: ["own"],
    expected: staffPageStatus,
  },
  ...(
    [
      ["publish", "SUBMITTED", false, { intent: "publish", evidenceLevel: "DOCUMENTS_VERIFIED" }],
      ["request changes", "SUBMITTED", false, { intent: "request-changes", reason: "Thiếu tài liệu." }],
      ["approve a revision", "PUBLISHED", true, { intent: "approve-revision" }],
      ["reject a revision", "PUBLISHED", true, { intent: "reject-revision", reason: "Ảnh không phù hợp." }],
      ["set the evidence level", "PUBLISHED", false, { intent: "set-evidence", evidenceLevel: "SANDBOX_TESTED" }],
      ["archive", "PUBLISHED", false, { intent: "archive" }],
    ] as const
  ).map(
    ([name, status, withRevision, form]): AccessCase => ({
      name: `staff ${name}`,
      method: "POST",
      path: () => `/staff/offers/${fresh.other}`,
      targets: ["other"],
      form: async () => {
        await freshOffers(status, withRevision);
        return { ...form };
      },
      expected: staffActionStatus,
      otherExpected: staffActionStatus,
      unchanged: () => offerState(base.other.orgId),
    }),
  ),
  {
    name: "public catalogue",
    method: "GET",
    path: () => "/search?type=offer",
    targets: ["own"],
    expected: publicPageStatus,
  },
  {
    name: "public offer page",
    method: "GET",
    path: (id) => `/offers/${base[targetOf(id)].publishedSlug}`,
    targets: ["own", "other"],
    expected: publicPageStatus,
    otherExpected: publicPageStatus,
  },
  {
    name: "a draft's public page",
    method: "GET",
    path: (id) => `/offers/${base[targetOf(id)].draftSlug}`,
    targets: ["own", "other"],
    expected: draftViewers,
    otherExpected: { member: 404, owner: 404 },
    secrets: () => [secretTitle],
  },
  {
    name: "a published offer's logo",
    method: "GET",
    path: (id) => `/files/${base[targetOf(id)].publishedLogo}`,
    targets: ["own", "other"],
    expected: publicPageStatus,
    otherExpected: publicPageStatus,
  },
  {
    name: "a draft's logo",
    method: "GET",
    path: (id) => `/files/${base[targetOf(id)].draftLogo}`,
    targets: ["own", "other"],
    expected: draftViewers,
    otherExpected: { member: 404, owner: 404 },
  },
  {
    name: "a file that does not exist",
    method: "GET",
    path: () => `/files/${"0".repeat(32)}.png`,
    targets: ["own"],
    expected: { anonymous: 404, outsider: 404, member: 404, owner: 404, staff: 404, admin: 404 },
  },
];

runAccessMatrix("offers", cases, { ownKind: "PROVIDER", otherKind: "PROVIDER", setup });

afterAll(async () => {
  await fs.rm(uploadDir(), { recursive: true, force: true });
});
