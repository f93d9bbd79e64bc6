import { parseWithZod } from "@conform-to/zod";
import { metaT, withSiteName } from "~/i18n/meta";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StatementCloseForm } from "~/components/statement-close-form";
import { StatementProposals } from "~/components/statement-proposals";
import { QuestionList } from "~/components/statement-questions";
import { QualityPanel, StatementSummary, StatusTag } from "~/components/statement-summary";
import type { Language } from "~/i18n/config";
import {
  closeStatement,
  getStatementForOrg,
  latestReturnNote,
  submitStatement,
} from "~/models/problem-statement.server";
import { requireAgencyMember } from "~/utils/organisation-access.server";
import { threadCounts } from "~/models/message.server";
import { decideProposal, listProposalsForStatement } from "~/models/proposal.server";
import { answerQuestion, listQuestions } from "~/models/question.server";
import { flash } from "~/models/session.server";
import { answerSchema, closeSchema, decisionSchema, statementQuality } from "~/schemas/problem-statement";
import { formatDate } from "~/utils/format";
import { notFound } from "~/utils/permissions.server";
import opportunitiesCss from "~/styles/opportunities.css";
import statementsCss from "~/styles/statements.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: statementsCss },
  { rel: "stylesheet", href: opportunitiesCss },
];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: withSiteName(metaT(matches), data?.statement.title ?? "") },
];

async function load(request: Request, orgId: string | undefined, id: string | undefined) {
  const access = await requireAgencyMember(request, orgId);
  const statement = await getStatementForOrg(access.organisation.id, id ?? "");
  if (!statement) throw notFound();
  return { ...access, statement };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, statement } = await load(request, params.orgId, params.id);
  const proposals = await listProposalsForStatement(statement.id);
  return json({
    statement,
    quality: statementQuality(statement),
    returnNote: statement.status === "DRAFT" ? await latestReturnNote(statement.id) : null,
    proposals,
    messageCounts: await threadCounts(
      "proposal",
      proposals.map((p) => p.id),
      user.id,
    ),
    // Questions exist only once the statement is public; the agency sees who asked.
    questions:
      statement.status === "PUBLISHED" || statement.status === "CLOSED" ? await listQuestions(statement.id, true) : [],
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, organisation, statement } = await load(request, params.orgId, params.id);
  const here = `/orgs/${organisation.id}/problems/${statement.id}`;
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "submit") {
    const outcome = await submitStatement(user.id, organisation.id, statement.id);
    const key =
      outcome === "done"
        ? "statements.mine.submitted"
        : outcome === "deadline-passed"
        ? "statements.mine.deadlinePassed"
        : "statements.mine.wrongStatus";
    return flash(request, here, { key });
  }
  if (intent === "close") {
    const submission = parseWithZod(formData, { schema: closeSchema });
    if (submission.status !== "success")
      return json({ close: submission.reply(), decisionError: null, answerError: null }, { status: 400 });
    const outcome = await closeStatement(user.id, statement.id, submission.value.outcome, organisation.id);
    return flash(request, here, { key: outcome === "done" ? "statements.mine.closed" : "statements.mine.wrongStatus" });
  }
  if (intent === "decide") {
    const submission = parseWithZod(formData, { schema: decisionSchema });
    if (submission.status !== "success") {
      const proposalId = String(formData.get("proposalId") ?? "");
      const message = Object.values(submission.error ?? {}).flat()[0] ?? "validation.invalidChoice";
      return json({ close: null, decisionError: { proposalId, message }, answerError: null }, { status: 400 });
    }
    const outcome = await decideProposal(user.id, statement.id, submission.value);
    if (outcome === "not-found") throw notFound();
    return flash(request, here, {
      key: outcome === "done" ? "statements.proposals.decided" : "statements.proposals.wrongStatus",
    });
  }
  // The same answer as on the public page, so the agency need not leave its to-do list.
  if (intent === "answer") {
    const submission = parseWithZod(formData, { schema: answerSchema });
    if (submission.status !== "success") {
      const message = submission.error?.answer?.[0] ?? "validation.required";
      return json(
        {
          close: null,
          decisionError: null,
          answerError: { questionId: String(formData.get("questionId") ?? ""), message },
        },
        { status: 400 },
      );
    }
    if ((await answerQuestion(user.id, statement.id, submission.value)) === "not-found") throw notFound();
    return flash(request, `${here}#questions`, { key: "statements.qa.answered" });
  }
  throw new Response("Bad Request", { status: 400 });
}

export default function AgencyStatement() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const { statement, quality, returnNote, proposals, messageCounts, questions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const isDraft = statement.status === "DRAFT";
  const isPublic = statement.status === "PUBLISHED" || statement.status === "CLOSED";
  // "New" is what still waits for the agency: simple, and it cannot go stale.
  const newQuestions = questions.filter((q) => !q.answer).length;
  const newProposals = proposals.filter((p) => p.status === "RECEIVED").length;
  return (
    <>
      <p>
        <Link to={`/orgs/${statement.organisation.id}/problems`}>{t("statements.mine.back")}</Link>
      </p>
      <h1>{statement.title}</h1>
      <p>
        <StatusTag status={statement.status} />{" "}
        <Link to={`/problems/${statement.slug}`}>{t("statements.mine.viewPublic")}</Link>
      </p>
      {returnNote ? (
        <div className="notice notice-error" role="note">
          <p>{t("statements.mine.returnedNotice", { date: formatDate(returnNote.at, language) })}</p>
          <p className="prose">{returnNote.note}</p>
        </div>
      ) : null}
      {isDraft || statement.status === "SUBMITTED" ? (
        <div className="statement-submit">
          <div>
            {isDraft ? (
              <>
                <p>
                  <Link to="edit" className="button button-secondary">
                    {t("statements.mine.edit")}
                  </Link>
                </p>
                <Form method="post">
                  <input type="hidden" name="intent" value="submit" />
                  <p className="hint">{t("statements.mine.submitHint")}</p>
                  <button type="submit" className="button">
                    {t("statements.mine.submit")}
                  </button>
                </Form>
              </>
            ) : null}
          </div>
          <QualityPanel quality={quality} />
        </div>
      ) : null}
      {isPublic ? (
        <section className="to-do" aria-labelledby="to-do-title">
          <h2 id="to-do-title">{t("opportunities.statement.newTitle")}</h2>
          {newQuestions + newProposals === 0 ? (
            <p>{t("opportunities.statement.nothingNew")}</p>
          ) : (
            <ul>
              {newQuestions > 0 ? (
                <li>
                  <a href="#questions">{t("opportunities.statement.newQuestions", { count: newQuestions })}</a>
                </li>
              ) : null}
              {newProposals > 0 ? (
                <li>
                  <a href="#proposals">{t("opportunities.statement.newProposals", { count: newProposals })}</a>
                </li>
              ) : null}
            </ul>
          )}
          <p className="hint">{t("opportunities.statement.newRule")}</p>
        </section>
      ) : null}
      <StatementSummary statement={statement} />
      {isPublic ? (
        <section aria-labelledby="questions">
          <h2 id="questions">{t("opportunities.statement.questionsTitle", { count: questions.length })}</h2>
          <QuestionList
            questions={questions}
            canAnswer={statement.status === "PUBLISHED"}
            answerError={actionData?.answerError ?? null}
          />
        </section>
      ) : null}
      {isPublic ? (
        <>
          <h2 id="proposals">{t("opportunities.statement.proposalsTitle", { count: proposals.length })}</h2>
          <StatementProposals
            proposals={proposals}
            attachmentBase={`/problems/${statement.slug}`}
            canDecide={statement.status === "PUBLISHED"}
            error={actionData?.decisionError ?? null}
            messageCounts={messageCounts}
          />
        </>
      ) : null}
      {statement.status === "PUBLISHED" ? <StatementCloseForm lastResult={actionData?.close ?? undefined} /> : null}
    </>
  );
}
