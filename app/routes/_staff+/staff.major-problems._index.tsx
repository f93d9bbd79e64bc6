import { getFormProps, useForm } from "@conform-to/react";
import { titleMeta } from "~/i18n/meta";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary } from "~/components/form";
import { MajorProblemListFields } from "~/components/major-problem-list-fields";
import type { Language } from "~/i18n/config";
import { createList, listListsForStaff } from "~/models/major-problem.server";
import { flash } from "~/models/session.server";
import { majorProblemListSchema } from "~/schemas/major-problem";
import { formatDate } from "~/utils/format";
import { requireStaff } from "~/utils/permissions.server";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "majorProblems.staffTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  return json({ lists: await listListsForStaff() });
}

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireStaff(request);
  const submission = parseWithZod(await request.formData(), { schema: majorProblemListSchema });
  if (submission.status !== "success") return json({ result: submission.reply() }, { status: 400 });
  const list = await createList(staff.id, submission.value);
  return flash(request, `/staff/major-problems/${list.id}`, { key: "majorProblems.listCreated" });
}

export default function StaffMajorProblemLists() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const { lists } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: majorProblemListSchema }),
  });
  return (
    <>
      <h1>{t("majorProblems.staffTitle")}</h1>
      <p className="lead">{t("majorProblems.staffLead")}</p>
      <p>
        <Link to="/staff/major-problems/proposals">{t("statements.proposals.staffMajorLink")}</Link>
      </p>
      <ul className="card-list">
        {lists.map((list) => (
          <li key={list.id} className="card">
            <h2>
              <Link to={`/staff/major-problems/${list.id}`}>{list.name}</Link>
            </h2>
            <p>
              {t("majorProblems.decision", {
                number: list.decisionNumber,
                date: formatDate(list.decisionDate, language),
              })}
              {" · "}
              {t("majorProblems.itemCount", { count: list._count.items })}
              {" · "}
              {list.versions[0]
                ? t("majorProblems.latestVersion", { number: list.versions[0].number })
                : t("majorProblems.notPublished")}
            </p>
          </li>
        ))}
      </ul>
      <h2>{t("majorProblems.createList")}</h2>
      <ErrorSummary fields={fields} formErrors={form.errors} />
      <Form method="post" {...getFormProps(form)} className="narrow">
        <MajorProblemListFields fields={fields} />
        <button type="submit" className="button">
          {t("majorProblems.createList")}
        </button>
      </Form>
    </>
  );
}
