import { parseWithZod } from "@conform-to/zod";
import { titleMeta } from "~/i18n/meta";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StatementForm } from "~/components/statement-form";
import { createStatement, majorProblemOptions } from "~/models/problem-statement.server";
import { requireAgencyMember } from "~/utils/organisation-access.server";
import { suggestReply } from "~/route-actions/term-suggestions.server";
import { flash } from "~/models/session.server";
import { statementSchemaFor } from "~/schemas/problem-statement";
import statementsCss from "~/styles/statements.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: statementsCss }];

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "statements.mine.createTitle");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requireAgencyMember(request, params.orgId);
  return json({ organisation, majorProblems: await majorProblemOptions() });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, organisation } = await requireAgencyMember(request, params.orgId);
  const majorProblems = await majorProblemOptions();
  const formData = await request.formData();
  const schema = statementSchemaFor(majorProblems.map((p) => p.majorProblemId));
  if (formData.get("intent") === "suggest") return json(await suggestReply("statement", formData, schema));
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return json({ result: submission.reply() }, { status: 400 });
  const statement = await createStatement(user.id, organisation.id, submission.value);
  return flash(request, `/orgs/${organisation.id}/problems/${statement.id}`, { key: "statements.mine.created" });
}

export default function NewStatement() {
  const { t } = useTranslation();
  const { organisation, majorProblems } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to={`/orgs/${organisation.id}/problems`}>{t("statements.mine.back")}</Link>
      </p>
      <h1>{t("statements.mine.createTitle")}</h1>
      <StatementForm
        lastResult={actionData?.result}
        suggestions={actionData && "suggestions" in actionData ? actionData.suggestions : null}
        majorProblems={majorProblems}
        submitLabel={t("statements.mine.save")}
      />
    </>
  );
}
