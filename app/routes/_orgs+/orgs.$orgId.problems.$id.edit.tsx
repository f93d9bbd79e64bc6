import { parseWithZod } from "@conform-to/zod";
import { titleMeta } from "~/i18n/meta";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StatementForm } from "~/components/statement-form";
import { getStatementForOrg, majorProblemOptions, toDateInput, updateDraft } from "~/models/problem-statement.server";
import { requireAgencyMember } from "~/utils/organisation-access.server";
import { suggestReply } from "~/route-actions/term-suggestions.server";
import { flash } from "~/models/session.server";
import { statementSchemaFor } from "~/schemas/problem-statement";
import { notFound } from "~/utils/permissions.server";
import statementsCss from "~/styles/statements.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: statementsCss }];

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "statements.mine.editTitle");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requireAgencyMember(request, params.orgId);
  const statement = await getStatementForOrg(organisation.id, params.id ?? "");
  if (!statement) throw notFound();
  const viewUrl = `/orgs/${organisation.id}/problems/${statement.id}`;
  if (statement.status !== "DRAFT") throw redirect(viewUrl);
  const optional = (value: string | number | null) => (value === null ? "" : String(value));
  return json({
    viewUrl,
    majorProblems: await majorProblemOptions(),
    defaultValue: {
      title: statement.title,
      context: statement.context,
      summaryEn: optional(statement.summaryEn),
      targetUsers: optional(statement.targetUsers),
      responsiblePerson: statement.responsiblePerson,
      scopeOfWork: statement.scopeOfWork,
      timeline: statement.timeline,
      deadline: toDateInput(statement.deadline),
      accountableUnit: statement.accountableUnit,
      deliverable: statement.deliverable,
      successCriteria: statement.successCriteria,
      decisionAuthority: statement.decisionAuthority,
      dataAvailable: optional(statement.dataAvailable),
      constraints: optional(statement.constraints),
      budgetMinVnd: optional(statement.budgetMinVnd),
      budgetMaxVnd: optional(statement.budgetMaxVnd),
      desiredTrl: optional(statement.desiredTrl),
      proposalDeadline: toDateInput(statement.proposalDeadline),
      majorProblemId: optional(statement.majorProblemId),
    },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, organisation } = await requireAgencyMember(request, params.orgId);
  const majorProblems = await majorProblemOptions();
  const formData = await request.formData();
  const schema = statementSchemaFor(majorProblems.map((p) => p.majorProblemId));
  if (formData.get("intent") === "suggest") return json(await suggestReply("statement", formData, schema));
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return json({ result: submission.reply() }, { status: 400 });
  const id = params.id ?? "";
  const outcome = await updateDraft(user.id, organisation.id, id, submission.value);
  if (outcome === "not-found") throw notFound();
  const viewUrl = `/orgs/${organisation.id}/problems/${id}`;
  return flash(request, viewUrl, {
    key: outcome === "updated" ? "statements.mine.saved" : "statements.mine.wrongStatus",
  });
}

export default function EditStatement() {
  const { t } = useTranslation();
  const { viewUrl, majorProblems, defaultValue } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to={viewUrl}>{defaultValue.title}</Link>
      </p>
      <h1>{t("statements.mine.editTitle")}</h1>
      <StatementForm
        lastResult={actionData?.result}
        suggestions={actionData && "suggestions" in actionData ? actionData.suggestions : null}
        defaultValue={defaultValue}
        majorProblems={majorProblems}
        submitLabel={t("statements.mine.save")}
      />
    </>
  );
}
