import { db } from "~/db.server";
import { recordAudit } from "./audit.server";

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
    const statement = await tx.problemStatement.findUnique({ where: { id: statementId }, select: { status: true } });
    if (statement?.status !== "PUBLISHED") return "not-open" as const;
    const question = await tx.question.create({
      data: { problemStatementId: statementId, askerOrganisationId: input.organisationId, askerUserId: userId, body: input.body.normalize("NFC").trim() },
    });
    await recordAudit(tx, { actorId: userId, action: "question.asked", entityType: "Question", entityId: question.id, data: { problemStatementId: statementId } });
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
    await tx.question.update({ where: { id: question.id }, data: { answer, answeredAt: new Date(), answeredById: userId } });
    await recordAudit(tx, {
      actorId: userId, action: question.answer ? "question.answer_edited" : "question.answered", entityType: "Question", entityId: question.id,
      before: { answer: question.answer }, after: { answer },
    });
    return "answered" as const;
  });
}

// Who asked is for the agency and staff only: for anyone else the asking
// organisation is not even loaded, so it cannot leak through loader data.
export async function listQuestions(statementId: string, revealAsker: boolean) {
  const questions = await db.question.findMany({
    where: { problemStatementId: statementId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true, body: true, answer: true, answeredAt: true, createdAt: true,
      askerOrganisation: revealAsker ? { select: { name: true } } : false,
    },
  });
  return questions.map(({ askerOrganisation, ...question }) => ({ ...question, askerName: revealAsker ? (askerOrganisation?.name ?? null) : null }));
}
