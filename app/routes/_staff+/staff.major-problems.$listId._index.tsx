import { getFormProps, useForm } from "@conform-to/react";
import { titleMeta } from "~/i18n/meta";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, TextAreaField } from "~/components/form";
import { MajorProblemForm } from "~/components/major-problem-form";
import { MajorProblemListFields } from "~/components/major-problem-list-fields";
import type { Language } from "~/i18n/config";
import { addItem, getWorkingList, isItemCodeTaken, publishVersion, updateList } from "~/models/major-problem.server";
import { flash } from "~/models/session.server";
import { listTerms } from "~/models/taxonomy.server";
import { majorProblemListSchema, majorProblemSchema, publishVersionSchema } from "~/schemas/major-problem";
import { formatDate } from "~/utils/format";
import { notFound, requireStaff } from "~/utils/permissions.server";
import { TableRegion } from "~/components/table-region";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "majorProblems.staffTitle");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request);
  const working = await getWorkingList(params.listId ?? "");
  if (!working) throw notFound();
  return json({ ...working, sectors: await listTerms("SECTOR") });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireStaff(request);
  const listId = params.listId ?? "";
  const formData = await request.formData();
  if (formData.get("intent") === "list") {
    const submission = parseWithZod(formData, { schema: majorProblemListSchema });
    if (submission.status !== "success")
      return json({ intent: "list" as const, result: submission.reply() }, { status: 400 });
    if (!(await updateList(staff.id, listId, submission.value))) throw notFound();
    return flash(request, `/staff/major-problems/${listId}`, { key: "bilingual.listSaved" });
  }
  if (formData.get("intent") === "publish") {
    const submission = parseWithZod(formData, { schema: publishVersionSchema });
    if (submission.status !== "success")
      return json({ intent: "publish" as const, result: submission.reply() }, { status: 400 });
    const outcome = await publishVersion(staff.id, listId, submission.value.changelog);
    if (outcome.status === "not-found") throw notFound();
    if (outcome.status === "nothing-to-publish") {
      return json(
        { intent: "publish" as const, result: submission.reply({ formErrors: ["majorProblems.nothingToPublish"] }) },
        { status: 400 },
      );
    }
    return flash(request, `/staff/major-problems/${listId}`, {
      key: "majorProblems.published",
      params: { number: String(outcome.number) },
    });
  }
  const submission = await parseWithZod(formData, {
    schema: majorProblemSchema.superRefine(async (item, ctx) => {
      if (await isItemCodeTaken(listId, item.code))
        ctx.addIssue({ path: ["code"], code: "custom", message: "validation.codeTaken" });
    }),
    async: true,
  });
  if (submission.status !== "success")
    return json({ intent: "add" as const, result: submission.reply() }, { status: 400 });
  if (!(await getWorkingList(listId))) throw notFound();
  const item = await addItem(staff.id, listId, submission.value);
  return flash(request, `/staff/major-problems/${listId}`, {
    key: "majorProblems.itemAdded",
    params: { code: item.code },
  });
}

// Decision dates are stored as midnight in Hanoi; the date input wants that day.
const hanoiDateInput = (value: string) => new Date(new Date(value).getTime() + 7 * 3600_000).toISOString().slice(0, 10);

export default function StaffMajorProblemList() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const { list, pending, sectors } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const nextVersion = (list.versions[0]?.number ?? 0) + 1;
  const hasPending = pending.added.length + pending.changed.length + pending.removed.length > 0;
  const [publishForm, publishFields] = useForm({
    id: "publish",
    lastResult: actionData?.intent === "publish" ? actionData.result : undefined,
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: publishVersionSchema }),
  });
  const [listForm, listFields] = useForm({
    id: "list-details",
    lastResult: actionData?.intent === "list" ? actionData.result : undefined,
    defaultValue: {
      name: list.name,
      summary: list.summary ?? "",
      nameEn: list.nameEn ?? "",
      summaryEn: list.summaryEn ?? "",
      decisionNumber: list.decisionNumber,
      decisionDate: hanoiDateInput(list.decisionDate),
      periodStart: String(list.periodStart),
      periodEnd: String(list.periodEnd),
    },
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: majorProblemListSchema }),
  });
  return (
    <>
      <p>
        <Link to="/staff/major-problems">{t("majorProblems.staffTitle")}</Link>
      </p>
      <h1>{list.name}</h1>
      <p>
        {t("majorProblems.decision", { number: list.decisionNumber, date: formatDate(list.decisionDate, language) })}
        {" · "}
        {list.versions[0] ? (
          <Link to={`/major-problems/${list.slug}`}>
            {t("majorProblems.viewPublic")} ({t("majorProblems.latestVersion", { number: list.versions[0].number })})
          </Link>
        ) : (
          t("majorProblems.notPublished")
        )}
      </p>

      <h2>{t("majorProblems.itemsTitle")}</h2>
      <TableRegion label={t("majorProblems.itemsTitle")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("majorProblems.code")}</th>
              <th scope="col">{t("majorProblems.title")}</th>
              <th scope="col">{t("majorProblems.sector")}</th>
              <th scope="col">{t("majorProblems.priority")}</th>
              <th scope="col">{t("majorProblems.status")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("staff.action")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((item) => (
              <tr key={item.id}>
                <td>{item.code}</td>
                <td>{item.title}</td>
                <td>
                  {item.sector
                    ? language === "en"
                      ? item.sector.nameEn
                      : item.sector.nameVi
                    : t("majorProblems.noSector")}
                </td>
                <td>{t(`priorities.${item.priority}`)}</td>
                <td>{t(`majorProblemStatuses.${item.status}`)}</td>
                <td>
                  <Link to={`items/${item.id}`}>{t("majorProblems.editItem", { code: item.code })}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>

      <h2>{t("majorProblems.pendingTitle")}</h2>
      {hasPending ? (
        <ul>
          {pending.added.length ? (
            <li>{t("majorProblems.pendingAdded", { codes: pending.added.join(", ") })}</li>
          ) : null}
          {pending.changed.length ? (
            <li>{t("majorProblems.pendingChanged", { codes: pending.changed.join(", ") })}</li>
          ) : null}
          {pending.removed.length ? (
            <li>{t("majorProblems.pendingRemoved", { codes: pending.removed.join(", ") })}</li>
          ) : null}
        </ul>
      ) : (
        <p>{t("majorProblems.pendingNone")}</p>
      )}

      <h2>{t("majorProblems.publishTitle")}</h2>
      <ErrorSummary fields={{ changelog: publishFields.changelog }} formErrors={publishForm.errors} />
      <Form method="post" {...getFormProps(publishForm)} className="narrow">
        <input type="hidden" name="intent" value="publish" />
        <TextAreaField
          field={publishFields.changelog}
          label={t("majorProblems.changelog")}
          hint={t("majorProblems.publishHint")}
        />
        <button type="submit" className="button">
          {t("majorProblems.publish", { number: nextVersion })}
        </button>
      </Form>

      <h2>{t("bilingual.editListTitle")}</h2>
      <ErrorSummary fields={listFields} formErrors={listForm.errors} />
      <Form method="post" {...getFormProps(listForm)} className="narrow">
        <input type="hidden" name="intent" value="list" />
        <MajorProblemListFields fields={listFields} />
        <button type="submit" className="button button-secondary">
          {t("bilingual.saveList")}
        </button>
      </Form>

      <h2>{t("majorProblems.addItem")}</h2>
      <MajorProblemForm
        id="add-item"
        intent="add"
        lastResult={actionData?.intent === "add" ? actionData.result : undefined}
        sectors={sectors}
        submitLabel={t("majorProblems.addItem")}
      />
    </>
  );
}
