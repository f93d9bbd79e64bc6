import { parseWithZod } from "@conform-to/zod";
import { metaLanguage, metaT, withSiteName } from "~/i18n/meta";
import { pickText } from "~/utils/bilingual";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PublicMatchList } from "~/components/curation/public-matches";
import { JsonLd } from "~/components/json-ld";
import { AskQuestion, QuestionList } from "~/components/statement-questions";
import { VietnameseOnlyNote } from "~/components/bilingual";
import { StatementSummary, StatusTag } from "~/components/statement-summary";
import type { Language } from "~/i18n/config";
import { approvedMatchesForPublic } from "~/models/curation-board.server";
import { PUBLIC_STATUSES, getStatementBySlug, isMemberOf } from "~/models/problem-statement.server";
import { answerQuestion, askQuestion, askingOrganisations, listQuestions } from "~/models/question.server";
import { flash } from "~/models/session.server";
import { answerSchema, questionSchema } from "~/schemas/problem-statement";
import { formatDate } from "~/utils/format";
import { forbidden, getOptionalUser, isStaff, notFound, requireUser } from "~/utils/permissions.server";
import { statementJsonLd } from "~/utils/structured-data";
import statementsCss from "~/styles/statements.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: statementsCss }];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data
    ? [
        { title: withSiteName(metaT(matches), data.statement.title) },
        {
          name: "description",
          content: pickText(metaLanguage(matches), data.statement.context, data.statement.summaryEn).text.slice(0, 160),
        },
      ]
    : [];

// Unpublished statements do not exist for anyone but the agency and staff.
async function load(request: Request, slug: string | undefined) {
  const user = await getOptionalUser(request);
  const statement = await getStatementBySlug(slug ?? "");
  if (!statement) throw notFound();
  const agencyMember = user ? await isMemberOf(user.id, statement.organisationId) : false;
  const privileged = agencyMember || isStaff(user);
  if (!PUBLIC_STATUSES.includes(statement.status) && !privileged) throw notFound();
  return { user, statement, agencyMember, privileged };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, statement, agencyMember, privileged } = await load(request, params.slug);
  const open = statement.status === "PUBLISHED";
  return json({
    statement,
    isPublic: PUBLIC_STATUSES.includes(statement.status),
    agencyMember,
    signedIn: Boolean(user),
    acceptsProposals:
      open && (!statement.proposalDeadline || new Date(statement.proposalDeadline).getTime() >= Date.now()),
    questions: await listQuestions(statement.id, privileged),
    askingOrganisations: user && open ? await askingOrganisations(user.id) : [],
    matches: await approvedMatchesForPublic({ statementId: statement.id }),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { statement, agencyMember } = await load(request, params.slug);
  const here = `/problems/${statement.slug}`;
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "ask") {
    if ((await askingOrganisations(user.id)).length === 0) throw forbidden();
    const submission = parseWithZod(formData, { schema: questionSchema });
    if (submission.status !== "success") return json({ ask: submission.reply(), answerError: null }, { status: 400 });
    const outcome = await askQuestion(user.id, statement.id, submission.value);
    if (outcome === "not-member")
      return json(
        { ask: submission.reply({ formErrors: ["validation.invalidChoice"] }), answerError: null },
        { status: 400 },
      );
    if (outcome === "not-open")
      return json(
        { ask: submission.reply({ formErrors: ["statements.proposals.closedNotice"] }), answerError: null },
        { status: 400 },
      );
    return flash(request, here, { key: "statements.qa.asked" });
  }
  if (intent === "answer") {
    if (!agencyMember) throw forbidden();
    const submission = parseWithZod(formData, { schema: answerSchema });
    if (submission.status !== "success") {
      const message = submission.error?.answer?.[0] ?? "validation.required";
      return json(
        { ask: null, answerError: { questionId: String(formData.get("questionId") ?? ""), message } },
        { status: 400 },
      );
    }
    if ((await answerQuestion(user.id, statement.id, submission.value)) === "not-found") throw notFound();
    return flash(request, here, { key: "statements.qa.answered" });
  }
  throw new Response("Bad Request", { status: 400 });
}

export default function PublicStatement() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { statement } = data;
  const published = statement.status === "PUBLISHED";
  return (
    <>
      <p>
        <Link to="/problems">{t("statements.backToPublicList")}</Link>
      </p>
      {!data.isPublic ? (
        <div className="notice" role="note">
          {t("statements.previewNotice")}
        </div>
      ) : null}
      <JsonLd data={statementJsonLd(statement)} />
      <h1 lang={language === "en" ? "vi" : undefined}>{statement.title}</h1>
      <p>
        <StatusTag status={statement.status} />{" "}
        {data.acceptsProposals && statement.proposalDeadline
          ? t("statements.proposalsOpenUntil", { date: formatDate(statement.proposalDeadline, language) })
          : published
          ? t("statements.proposalsClosed")
          : null}
      </p>
      {data.acceptsProposals && data.askingOrganisations.length > 0 ? (
        <p>
          <Link to="propose" className="button">
            {t("statements.proposals.proposeLink")}
          </Link>
        </p>
      ) : null}
      {language === "en" && statement.summaryEn ? (
        <section aria-labelledby="summary-en-title" className="summary-en">
          <h2 id="summary-en-title">{t("bilingual.summaryTitle")}</h2>
          <p className="prose">{statement.summaryEn}</p>
          <p className="hint vietnamese-only">{t("bilingual.restInVietnamese")}</p>
        </section>
      ) : (
        <VietnameseOnlyNote show={language === "en"} />
      )}
      <StatementSummary statement={statement} />
      {data.isPublic ? <PublicMatchList data={data.matches} /> : null}
      {data.isPublic ? (
        <section aria-labelledby="qa-title">
          <h2 id="qa-title">{t("statements.qa.title")}</h2>
          <p className="hint">{t("statements.qa.lead")}</p>
          <QuestionList
            questions={data.questions}
            canAnswer={data.agencyMember && published}
            answerError={actionData?.answerError ?? null}
          />
          {published && !data.agencyMember ? (
            <AskQuestion
              signedIn={data.signedIn}
              organisations={data.askingOrganisations}
              lastResult={actionData?.ask ?? undefined}
            />
          ) : null}
        </section>
      ) : null}
    </>
  );
}
