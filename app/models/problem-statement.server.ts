import { db, type OrganisationKind, type Prisma, type ProblemStatementStatus } from "~/db.server";
import type { ProblemStatementInput } from "~/schemas/problem-statement";
import { todayInHanoi } from "~/schemas/problem-statement";
import { uniqueSlug } from "~/utils/slug.server";
import { changedFields, recordAudit } from "./audit.server";
import { noticesFor, notify, organisationMembers } from "./notify.server";
import { fillBoardsLater } from "./curation-board.server";
import { enqueueSearchSync } from "./search-index.server";
import { withSearchNotify } from "~/search-service.server";

type Tx = Prisma.TransactionClient;

export const AGENCY_KINDS: OrganisationKind[] = ["AGENCY", "INNOVATION_CENTRE"];
export const PUBLIC_STATUSES: ProblemStatementStatus[] = ["PUBLISHED", "CLOSED"];

export function isAgencyKind(kind: OrganisationKind): boolean {
  return AGENCY_KINDS.includes(kind);
}

const text = (value: string | undefined) => (value ? value.normalize("NFC").trim() : null);

// Deadlines are calendar days in Hanoi; proposals stay open until that day ends.
const startOfDay = (date: string) => new Date(`${date}T00:00:00+07:00`);
const endOfDay = (date: string) => new Date(`${date}T23:59:59.999+07:00`);

export function toDateInput(date: Date | string | null): string {
  return date ? todayInHanoi(new Date(date)) : "";
}

function statementData(input: ProblemStatementInput) {
  return {
    title: text(input.title)!,
    context: text(input.context)!,
    summaryEn: text(input.summaryEn),
    targetUsers: text(input.targetUsers),
    responsiblePerson: text(input.responsiblePerson)!,
    scopeOfWork: text(input.scopeOfWork)!,
    timeline: text(input.timeline)!,
    deadline: startOfDay(input.deadline),
    accountableUnit: text(input.accountableUnit)!,
    deliverable: text(input.deliverable)!,
    successCriteria: text(input.successCriteria)!,
    decisionAuthority: text(input.decisionAuthority)!,
    dataAvailable: text(input.dataAvailable),
    constraints: text(input.constraints),
    budgetMinVnd: input.budgetMinVnd === undefined ? null : BigInt(input.budgetMinVnd),
    budgetMaxVnd: input.budgetMaxVnd === undefined ? null : BigInt(input.budgetMaxVnd),
    desiredTrl: input.desiredTrl ?? null,
    proposalDeadline: endOfDay(input.proposalDeadline),
    majorProblemId: input.majorProblemId || null,
  };
}

// JSON (loader data, audit snapshots) cannot carry BigInt; budgets stay far
// below 2^53, so a number is exact.
export function plainBudget<T extends { budgetMinVnd: bigint | null; budgetMaxVnd: bigint | null }>(row: T) {
  return {
    ...row,
    budgetMinVnd: row.budgetMinVnd === null ? null : Number(row.budgetMinVnd),
    budgetMaxVnd: row.budgetMaxVnd === null ? null : Number(row.budgetMaxVnd),
  };
}

// The major problems an agency may link to: the items of each list's latest
// published version, never the staff's working copy.
export async function majorProblemOptions() {
  const lists = await db.majorProblemList.findMany({
    where: { versions: { some: {} } },
    orderBy: { periodStart: "desc" },
    select: {
      name: true,
      versions: {
        orderBy: { number: "desc" },
        take: 1,
        select: {
          items: {
            orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
            select: { majorProblemId: true, code: true, title: true },
          },
        },
      },
    },
  });
  return lists.flatMap((list) => list.versions[0]!.items.map((item) => ({ ...item, listName: list.name })));
}

function uniqueStatementSlug(title: string) {
  return uniqueSlug(
    title,
    async (slug) => Boolean(await db.problemStatement.findUnique({ where: { slug }, select: { id: true } })),
    "bai-toan",
  );
}

export async function createStatement(actorId: string, organisationId: string, input: ProblemStatementInput) {
  const data = statementData(input);
  const slug = await uniqueStatementSlug(data.title);
  return withSearchNotify(
    db.$transaction(async (tx) => {
      const statement = await tx.problemStatement.create({ data: { ...data, slug, organisationId } });
      await recordAudit(tx, {
        actorId,
        action: "problem_statement.created",
        entityType: "ProblemStatement",
        entityId: statement.id,
        after: plainBudget({ ...data, slug, status: "DRAFT" }),
      });
      await enqueueSearchSync(tx, { type: "problem", id: statement.id });
      return statement;
    }),
  );
}

// Only drafts are edited: a submitted or published text is what staff approved.
export async function updateDraft(actorId: string, organisationId: string, id: string, input: ProblemStatementInput) {
  return withSearchNotify(
    db.$transaction(async (tx) => {
      const current = await tx.problemStatement.findFirst({ where: { id, organisationId } });
      if (!current) return "not-found" as const;
      if (current.status !== "DRAFT") return "not-draft" as const;
      const data = statementData(input);
      await tx.problemStatement.update({ where: { id }, data });
      await enqueueSearchSync(tx, { type: "problem", id });
      await recordAudit(tx, {
        actorId,
        action: "problem_statement.updated",
        entityType: "ProblemStatement",
        entityId: id,
        ...changedFields(plainBudget(current) as Record<string, unknown>, plainBudget(data)),
      });
      return "updated" as const;
    }),
  );
}

export type TransitionOutcome = "done" | "not-found" | "wrong-status" | "deadline-passed";

// A conditional update, so two people pressing buttons at once cannot both
// move the statement (the loser sees "wrong-status").
async function transition(
  tx: Tx,
  args: {
    actorId: string;
    id: string;
    from: ProblemStatementStatus;
    to: ProblemStatementStatus;
    action: string;
    data?: Prisma.ProblemStatementUpdateManyMutationInput;
    note?: Record<string, string>;
  },
): Promise<boolean> {
  const moved = await tx.problemStatement.updateMany({
    where: { id: args.id, status: args.from },
    data: { status: args.to, ...args.data },
  });
  if (moved.count !== 1) return false;
  await enqueueSearchSync(tx, { type: "problem", id: args.id });
  const extra = Object.fromEntries(Object.entries(args.data ?? {}).filter(([key]) => !key.endsWith("At")));
  await recordAudit(tx, {
    actorId: args.actorId,
    action: args.action,
    entityType: "ProblemStatement",
    entityId: args.id,
    before: { status: args.from },
    after: { status: args.to, ...extra },
    data: args.note,
  });
  return true;
}

async function findScoped(tx: Tx, id: string, organisationId?: string) {
  return tx.problemStatement.findFirst({ where: { id, ...(organisationId ? { organisationId } : {}) } });
}

const proposalWindowOpen = (statement: { proposalDeadline: Date | null }) =>
  !statement.proposalDeadline || statement.proposalDeadline.getTime() >= Date.now();

export async function submitStatement(actorId: string, organisationId: string, id: string): Promise<TransitionOutcome> {
  return withSearchNotify(
    db.$transaction(async (tx) => {
      const current = await findScoped(tx, id, organisationId);
      if (!current) return "not-found";
      if (current.status === "DRAFT" && !proposalWindowOpen(current)) return "deadline-passed";
      const ok = await transition(tx, {
        actorId,
        id,
        from: "DRAFT",
        to: "SUBMITTED",
        action: "problem_statement.submitted",
        data: { submittedAt: new Date() },
      });
      return ok ? "done" : "wrong-status";
    }),
  );
}

export async function publishStatement(actorId: string, id: string): Promise<TransitionOutcome> {
  return withSearchNotify(
    db.$transaction(async (tx) => {
      const current = await findScoped(tx, id);
      if (!current) return "not-found";
      if (current.status === "SUBMITTED" && !proposalWindowOpen(current)) return "deadline-passed";
      const ok = await transition(tx, {
        actorId,
        id,
        from: "SUBMITTED",
        to: "PUBLISHED",
        action: "problem_statement.published",
        data: { publishedAt: new Date() },
      });
      if (ok) {
        await notify(
          tx,
          noticesFor(await organisationMembers(tx, current.organisationId), {
            kind: "statement.published",
            link: `/problems/${current.slug}`,
            values: { statement: current.title },
          }),
        );
      }
      return ok ? "done" : "wrong-status";
    }),
  ).then((outcome) => {
    if (outcome === "done") void fillBoardsLater(actorId, [{ statementId: id }]);
    return outcome;
  }); // after commit, not awaited
}

export async function returnToDraft(actorId: string, id: string, note: string): Promise<TransitionOutcome> {
  return withSearchNotify(
    db.$transaction(async (tx) => {
      const current = await findScoped(tx, id);
      if (!current) return "not-found";
      const reason = note.normalize("NFC").trim();
      const ok = await transition(tx, {
        actorId,
        id,
        from: "SUBMITTED",
        to: "DRAFT",
        action: "problem_statement.returned",
        data: { submittedAt: null },
        note: { note: reason },
      });
      // The agency edits the draft on its management page, which shows staff's note.
      if (ok) {
        await notify(
          tx,
          noticesFor(await organisationMembers(tx, current.organisationId), {
            kind: "statement.sent_back",
            link: `/orgs/${current.organisationId}/problems/${id}`,
            values: { statement: current.title, reason },
          }),
        );
      }
      return ok ? "done" : "wrong-status";
    }),
  );
}

// The agency (organisationId given) or staff (none) close a published statement.
export async function closeStatement(
  actorId: string,
  id: string,
  outcome: string,
  organisationId?: string,
): Promise<TransitionOutcome> {
  return withSearchNotify(
    db.$transaction(async (tx) => {
      if (!(await findScoped(tx, id, organisationId))) return "not-found";
      const ok = await transition(tx, {
        actorId,
        id,
        from: "PUBLISHED",
        to: "CLOSED",
        action: "problem_statement.closed",
        data: { outcome: outcome.normalize("NFC").trim(), closedAt: new Date() },
      });
      return ok ? "done" : "wrong-status";
    }),
  );
}

// Staff's note when they sent a statement back, shown to the agency until it is resubmitted.
export async function latestReturnNote(id: string) {
  const entry = await db.auditEntry.findFirst({
    where: { entityType: "ProblemStatement", entityId: id, action: "problem_statement.returned" },
    orderBy: { createdAt: "desc" },
  });
  if (!entry?.data) return null;
  return { note: (JSON.parse(entry.data) as { note: string }).note, at: entry.createdAt };
}

export async function listStatementsForOrg(organisationId: string) {
  const rows = await db.problemStatement.findMany({
    where: { organisationId },
    orderBy: { updatedAt: "desc" },
    select: {
      id: true,
      slug: true,
      title: true,
      status: true,
      updatedAt: true,
      proposalDeadline: true,
      _count: { select: { proposals: true, questions: true } },
    },
  });
  return rows;
}

const detailInclude = {
  organisation: { select: { id: true, name: true, kind: true } },
  majorProblem: {
    select: { id: true, code: true, title: true, titleEn: true, list: { select: { slug: true, name: true } } },
  },
} satisfies Prisma.ProblemStatementInclude;

export async function getStatementForOrg(organisationId: string, id: string) {
  const row = await db.problemStatement.findFirst({ where: { id, organisationId }, include: detailInclude });
  return row ? plainBudget(row) : null;
}

export async function getStatementById(id: string) {
  const row = await db.problemStatement.findUnique({ where: { id }, include: detailInclude });
  return row ? plainBudget(row) : null;
}

export async function getStatementBySlug(slug: string) {
  const row = await db.problemStatement.findUnique({ where: { slug }, include: detailInclude });
  return row ? plainBudget(row) : null;
}

export async function listForModeration(status: ProblemStatementStatus) {
  return db.problemStatement.findMany({
    where: { status },
    orderBy: { submittedAt: "asc" },
    select: {
      id: true,
      title: true,
      status: true,
      submittedAt: true,
      updatedAt: true,
      organisation: { select: { name: true } },
    },
  });
}

export async function listPublicStatements(filter: { sector?: string }) {
  const rows = await db.problemStatement.findMany({
    where: {
      status: { in: PUBLIC_STATUSES },
      ...(filter.sector ? { majorProblem: { sector: { slug: filter.sector } } } : {}),
    },
    orderBy: [{ status: "desc" }, { publishedAt: "desc" }],
    select: {
      id: true,
      slug: true,
      title: true,
      status: true,
      budgetMinVnd: true,
      budgetMaxVnd: true,
      proposalDeadline: true,
      publishedAt: true,
      organisation: { select: { name: true } },
      majorProblem: { select: { code: true, sector: { select: { slug: true, nameVi: true, nameEn: true } } } },
    },
  });
  return rows.map(plainBudget);
}

export async function sectorsInUse() {
  return db.taxonomyTerm.findMany({
    where: {
      kind: "SECTOR",
      majorProblems: { some: { problemStatements: { some: { status: { in: PUBLIC_STATUSES } } } } },
    },
    orderBy: { sortOrder: "asc" },
    select: { slug: true, nameVi: true, nameEn: true },
  });
}

export async function listPublicStatementsForMajorProblem(majorProblemId: string) {
  return db.problemStatement.findMany({
    where: { majorProblemId, status: { in: PUBLIC_STATUSES } },
    orderBy: { publishedAt: "desc" },
    select: { slug: true, title: true, status: true, organisation: { select: { name: true } } },
  });
}

export async function isMemberOf(userId: string, organisationId: string): Promise<boolean> {
  return Boolean(
    await db.membership.findUnique({
      where: { userId_organisationId: { userId, organisationId } },
      select: { id: true },
    }),
  );
}
