import { db, type Db } from "~/db.server";
import { recordAudit } from "./audit.server";
import { noticesFor, notify, organisationMembers } from "./notify.server";

export const ASKER_KINDS = ["PROVIDER", "RESEARCH"] as const;

// The organisations a user may ask (and propose) on behalf of.
export async function askingOrganisations(userId: string) {
  const memberships = await db.membership.findMany({
    where: { userId, organisation: { kind: { in: [...ASKER_KINDS] } } },
    orderBy: { organisation: { name: "asc" } },
    select: { organisation: { select: { id: true, name: true } } },
  });
  return memberships.map((m) => m.organisation);
}

export async function askQuestion(
  userId: string,
  statementId: string,
  input: { organisationId: string; body: string },
): Promise<"asked" | "not-open" | "not-member"> {
  if (!(await askingOrganisations(userId)).some((org) => org.id === input.organisationId)) return "not-member";
  return db.$transaction(async (tx) => {
    const statement = await tx.problemStatement.findUnique({
      where: { id: statementId },
      select: { status: true, slug: true, title: true, organisationId: true },
    });
    if (statement?.status !== "PUBLISHED") return "not-open" as const;
    const question = await tx.question.create({
      data: {
        problemStatementId: statementId,
        askerOrganisationId: input.organisationId,
        askerUserId: userId,
        body: input.body.normalize("NFC").trim(),
      },
    });
    await recordAudit(tx, {
      actorId: userId,
      action: "question.asked",
      entityType: "Question",
      entityId: question.id,
      data: { problemStatementId: statementId },
    });
    // The agency answers on the public page, where the question has its anchor.
    await notify(
      tx,
      noticesFor(await organisationMembers(tx, statement.organisationId), {
        kind: "question.asked",
        link: `/problems/${statement.slug}#question-${question.id}`,
        values: { statement: statement.title, question: question.body },
      }),
    );
    return "asked" as const;
  });
}

// The agency answers in public; a second answer replaces the first, and the
// audit log keeps what it said before.
export async function answerQuestion(
  userId: string,
  statementId: string,
  input: { questionId: string; answer: string },
): Promise<"answered" | "not-found"> {
  return db.$transaction(async (tx) => {
    const question = await tx.question.findFirst({ where: { id: input.questionId, problemStatementId: statementId } });
    if (!question) return "not-found" as const;
    const answer = input.answer.normalize("NFC").trim();
    await tx.question.update({
      where: { id: question.id },
      data: { answer, answeredAt: new Date(), answeredById: userId },
    });
    await recordAudit(tx, {
      actorId: userId,
      action: question.answer ? "question.answer_edited" : "question.answered",
      entityType: "Question",
      entityId: question.id,
      before: { answer: question.answer },
      after: { answer },
    });
    // An edited answer is told again: what the askers read has changed.
    if (answer !== question.answer) await notify(tx, await answerNotices(tx, statementId, question));
    return "answered" as const;
  });
}

// Those who follow the statement: the asking organisation, the organisations
// that proposed on it (a withdrawn proposal is no longer interest), and the
// people who follow its major problem (statements have no follow of their
// own). The agency that answered is not told of its own answer.
async function answerNotices(
  tx: Pick<Db, "problemStatement" | "proposal" | "membership" | "majorProblemFollow">,
  statementId: string,
  question: { id: string; body: string; askerOrganisationId: string },
) {
  const statement = await tx.problemStatement.findUniqueOrThrow({
    where: { id: statementId },
    select: { slug: true, title: true, organisationId: true, majorProblemId: true },
  });
  const proposers = await tx.proposal.findMany({
    where: { problemStatementId: statementId, status: { not: "WITHDRAWN" } },
    select: { organisationId: true },
    distinct: ["organisationId"],
  });
  const organisations = [...new Set([question.askerOrganisationId, ...proposers.map((p) => p.organisationId)])].filter(
    (id) => id !== statement.organisationId,
  );
  const readers: string[] = [];
  for (const organisationId of organisations) readers.push(...(await organisationMembers(tx, organisationId)));
  if (statement.majorProblemId) {
    const agency = new Set(await organisationMembers(tx, statement.organisationId));
    const followers = await tx.majorProblemFollow.findMany({
      where: { majorProblemId: statement.majorProblemId },
      select: { userId: true },
    });
    readers.push(...followers.map((f) => f.userId).filter((id) => !agency.has(id)));
  }
  return noticesFor(readers, {
    kind: "question.answered",
    link: `/problems/${statement.slug}#question-${question.id}`,
    values: { statement: statement.title, question: question.body },
  });
}

// Who asked is for the agency and staff only: for anyone else the asking
// organisation is not even loaded, so it cannot leak through loader data.
export async function listQuestions(statementId: string, revealAsker: boolean) {
  const questions = await db.question.findMany({
    where: { problemStatementId: statementId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      body: true,
      answer: true,
      answeredAt: true,
      createdAt: true,
      askerOrganisation: revealAsker ? { select: { name: true } } : false,
    },
  });
  return questions.map(({ askerOrganisation, ...question }) => ({
    ...question,
    askerName: revealAsker ? askerOrganisation?.name ?? null : null,
  }));
}
