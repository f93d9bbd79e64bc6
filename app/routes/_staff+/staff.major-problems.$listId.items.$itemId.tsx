import { parseWithZod } from "@conform-to/zod";
import { metaT, withSiteName } from "~/i18n/meta";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MajorProblemForm } from "~/components/major-problem-form";
import { db } from "~/db.server";
import { deleteItem, isItemCodeTaken, updateItem } from "~/models/major-problem.server";
import { dateInputFromDeadline, isStaffUser, listStaffUsers } from "~/models/problem-tracking.server";
import { flash } from "~/models/session.server";
import { listTerms } from "~/models/taxonomy.server";
import { majorProblemSchema } from "~/schemas/major-problem";
import { notFound, requireStaff } from "~/utils/permissions.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaT(matches);
  return [{ title: withSiteName(t, t("majorProblems.editItemTitle", { code: data?.item.code ?? "" })) }];
};

async function findItem(listId: string, itemId: string) {
  const item = await db.majorProblem.findFirst({ where: { id: itemId, listId } });
  if (!item) throw notFound();
  return item;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request);
  const item = await findItem(params.listId ?? "", params.itemId ?? "");
  const deadline = item.deadline ? dateInputFromDeadline(item.deadline) : "";
  return json({ item: { ...item, deadline }, sectors: await listTerms("SECTOR"), owners: await listStaffUsers() });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireStaff(request);
  const listId = params.listId ?? "";
  const item = await findItem(listId, params.itemId ?? "");
  const formData = await request.formData();
  if (formData.get("intent") === "delete") {
    const outcome = await deleteItem(staff.id, listId, item.id);
    if (outcome === "published") return json({ cannotDelete: true, result: null }, { status: 400 });
    return flash(request, `/staff/major-problems/${listId}`, {
      key: "majorProblems.itemDeleted",
      params: { code: item.code },
    });
  }
  const submission = await parseWithZod(formData, {
    schema: majorProblemSchema.superRefine(async (value, ctx) => {
      if (await isItemCodeTaken(listId, value.code, item.id))
        ctx.addIssue({ path: ["code"], code: "custom", message: "validation.codeTaken" });
      if (value.ownerId && !(await isStaffUser(value.ownerId)))
        ctx.addIssue({ path: ["ownerId"], code: "custom", message: "tracking.validation.ownerNotStaff" });
    }),
    async: true,
  });
  if (submission.status !== "success")
    return json({ cannotDelete: false, result: submission.reply() }, { status: 400 });
  // This form always carries owner and deadline, so an empty one clears it.
  await updateItem(staff.id, listId, item.id, {
    ...submission.value,
    ownerId: submission.value.ownerId ?? null,
    deadline: submission.value.deadline ?? null,
  });
  return flash(request, `/staff/major-problems/${listId}`, {
    key: "majorProblems.itemSaved",
    params: { code: submission.value.code },
  });
}

export default function EditMajorProblem() {
  const { t } = useTranslation();
  const { item, sectors, owners } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to={`/staff/major-problems/${item.listId}`}>{t("majorProblems.backToList")}</Link>
      </p>
      <h1>{t("majorProblems.editItemTitle", { code: item.code })}</h1>
      <p>
        <Link to={`/staff/matches/major/${item.id}`}>{t("curation.staffLink")}</Link>
      </p>
      {actionData?.cannotDelete ? (
        <div className="notice notice-error" role="alert">
          {t("majorProblems.cannotDeletePublished")}
        </div>
      ) : null}
      <MajorProblemForm
        id="edit-item"
        lastResult={actionData?.result ?? undefined}
        defaultValue={{
          ...item,
          sectorId: item.sectorId ?? "",
          ownerId: item.ownerId ?? "",
          titleEn: item.titleEn ?? "",
          summaryEn: item.summaryEn ?? "",
        }}
        sectors={sectors}
        owners={owners}
        submitLabel={t("majorProblems.saveItem")}
      />
      <Form method="post">
        <input type="hidden" name="intent" value="delete" />
        <button type="submit" className="link-button">
          {t("majorProblems.deleteItem")}
        </button>
      </Form>
    </>
  );
}
