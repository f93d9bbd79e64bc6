import { getFormProps, useForm } from "@conform-to/react";
import { metaT } from "~/i18n/meta";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StatementCloseForm } from "~/components/statement-close-form";
import { ErrorSummary, TextAreaField } from "~/components/form";
import { StatementProposals } from "~/components/statement-proposals";
import { QualityPanel, StatementSummary, StatusTag } from "~/components/statement-summary";
import {
  type TransitionOutcome,
  closeStatement,
  getStatementById,
  publishStatement,
  returnToDraft,
} from "~/models/problem-statement.server";
import { decideProposal, listProposalsForStatement } from "~/models/proposal.server";
import { flash } from "~/models/session.server";
import { closeSchema, decisionSchema, returnSchema, statementQuality } from "~/schemas/problem-statement";
import { notFound, requireStaff } from "~/utils/permissions.server";
import statementsCss from "~/styles/statements.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: statementsCss }];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: `${data?.statement.title ?? ""} — ${metaT(matches)("statements.staff.title")}` },
];

async function load(request: Request, id: string | undefined) {
  const staff = await requireStaff(request);
  const statement = await getStatementById(id ?? "");
  if (!statement) throw notFound();
  return { staff, statement };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { statement } = await load(request, params.id);
  return json({
    statement,
    quality: statementQuality(statement),
    proposals: await listProposalsForStatement(statement.id),
  });
}

function outcomeKey(outcome: TransitionOutcome, success: string): string {
  if (outcome === "done") return success;
  return outcome === "deadline-passed" ? "statements.mine.deadlinePassed" : "statements.mine.wrongStatus";
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { staff, statement } = await load(request, params.id);
  const here = `/staff/problems/${statement.id}`;
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "publish") {
    const outcome = await publishStatement(staff.id, statement.id);
    return flash(request, outcome === "done" ? "/staff/problems" : here, {
      key: outcomeKey(outcome, "statements.staff.published"),
    });
  }
  if (intent === "return") {
    const submission = parseWithZod(formData, { schema: returnSchema });
    if (submission.status !== "success")
      return json({ returnResult: submission.reply(), close: null, decisionError: null }, { status: 400 });
    const outcome = await returnToDraft(staff.id, statement.id, submission.value.note);
    return flash(request, outcome === "done" ? "/staff/problems" : here, {
      key: outcomeKey(outcome, "statements.staff.returned"),
    });
  }
  if (intent === "close") {
    const submission = parseWithZod(formData, { schema: closeSchema });
    if (submission.status !== "success")
      return json({ returnResult: null, close: submission.reply(), decisionError: null }, { status: 400 });
    const outcome = await closeStatement(staff.id, statement.id, submission.value.outcome);
    return flash(request, here, { key: outcomeKey(outcome, "statements.mine.closed") });
  }
  if (intent === "decide") {
    const submission = parseWithZod(formData, { schema: decisionSchema });
    if (submission.status !== "success") {
      const message = Object.values(submission.error ?? {}).flat()[0] ?? "validation.invalidChoice";
      return json(
        {
          returnResult: null,
          close: null,
          decisionError: { proposalId: String(formData.get("proposalId") ?? ""), message },
        },
        { status: 400 },
      );
    }
    const outcome = await decideProposal(staff.id, statement.id, submission.value);
    if (outcome === "not-found") throw notFound();
    return flash(request, here, {
      key: outcome === "done" ? "statements.proposals.decided" : "statements.proposals.wrongStatus",
    });
  }
  throw new Response("Bad Request", { status: 400 });
}

export default function StaffStatement() {
  const { t } = useTranslation();
  const { statement, quality, proposals } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [returnForm, returnFields] = useForm({
    id: "return",
    lastResult: actionData?.returnResult ?? undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: returnSchema }),
  });
  return (
    <>
      <p>
        <Link to="/staff/problems">{t("statements.staff.back")}</Link>
      </p>
      <h1>{statement.title}</h1>
      <p>
        <StatusTag status={statement.status} />{" "}
        <Link to={`/problems/${statement.slug}`}>{t("statements.mine.viewPublic")}</Link>
      </p>
      {statement.status === "PUBLISHED" || statement.status === "CLOSED" ? (
        <p>
          <Link to={`/staff/matches/statement/${statement.id}`}>{t("curation.staffLink")}</Link>
        </p>
      ) : null}
      {statement.status === "SUBMITTED" ? (
        <div className="statement-submit">
          <div>
            <Form method="post">
              <input type="hidden" name="intent" value="publish" />
              <button type="submit" className="button">
                {t("statements.staff.publish")}
              </button>
            </Form>
            <h2>{t("statements.staff.returnTitle")}</h2>
            <ErrorSummary fields={returnFields} formErrors={returnForm.errors} />
            <Form method="post" {...getFormProps(returnForm)}>
              <input type="hidden" name="intent" value="return" />
              <TextAreaField
                field={returnFields.note}
                label={t("statements.staff.note")}
                hint={t("statements.staff.noteHint")}
              />
              <button type="submit" className="button button-secondary">
                {t("statements.staff.returnButton")}
              </button>
            </Form>
          </div>
          <QualityPanel quality={quality} />
        </div>
      ) : (
        <QualityPanel quality={quality} />
      )}
      <StatementSummary statement={statement} />
      {statement.status === "PUBLISHED" || statement.status === "CLOSED" ? (
        <>
          <h2>{t("statements.proposals.title")}</h2>
          <StatementProposals
            proposals={proposals}
            attachmentBase={`/problems/${statement.slug}`}
            canDecide={statement.status === "PUBLISHED"}
            error={actionData?.decisionError ?? null}
          />
        </>
      ) : null}
      {statement.status === "PUBLISHED" ? <StatementCloseForm lastResult={actionData?.close ?? undefined} /> : null}
    </>
  );
}
