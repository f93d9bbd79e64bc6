import { getFormProps, useForm } from "@conform-to/react";
import { titleMeta } from "~/i18n/meta";
import { parseWithZod } from "@conform-to/zod";
import slugify from "@sindresorhus/slugify";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, RadioGroup, TextField } from "~/components/form";
import { flash } from "~/models/session.server";
import { createTerm, isTermSlugTaken, listTerms, termKinds, updateTerm } from "~/models/taxonomy.server";
import { termSchema, termUpdateSchema } from "~/schemas/major-problem";
import { notFound, requireStaff } from "~/utils/permissions.server";
import { TableRegion } from "~/components/table-region";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "taxonomy.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  return json({ terms: await listTerms() });
}

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireStaff(request);
  const formData = await request.formData();
  if (formData.get("intent") === "update") {
    const parsed = termUpdateSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return json({ result: null, updateError: true }, { status: 400 });
    const term = await updateTerm(staff.id, parsed.data.termId, {
      nameVi: parsed.data.nameVi,
      nameEn: parsed.data.nameEn,
    });
    if (!term) throw notFound();
    return flash(request, "/staff/taxonomy", { key: "taxonomy.saved", params: { name: term.nameVi } });
  }
  const submission = await parseWithZod(formData, {
    schema: termSchema.superRefine(async (term, ctx) => {
      if (await isTermSlugTaken(term.kind, slugify(term.nameVi)))
        ctx.addIssue({ path: ["nameVi"], code: "custom", message: "validation.nameTaken" });
    }),
    async: true,
  });
  if (submission.status !== "success") return json({ result: submission.reply(), updateError: false }, { status: 400 });
  const { kind, nameVi, nameEn } = submission.value;
  const term = await createTerm(staff.id, { kind, nameVi, nameEn, slug: slugify(nameVi) });
  return flash(request, "/staff/taxonomy", { key: "taxonomy.added", params: { name: term.nameVi } });
}

export default function Taxonomy() {
  const { t } = useTranslation();
  const { terms } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: actionData?.result ?? undefined,
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: termSchema }),
  });
  return (
    <>
      <h1>{t("taxonomy.title")}</h1>
      <p className="lead">{t("taxonomy.lead")}</p>
      {actionData?.updateError ? (
        <div className="notice notice-error" role="alert">
          {t("validation.required")}
        </div>
      ) : null}
      {termKinds.map((kind) => (
        <section key={kind} aria-labelledby={`kind-${kind}`}>
          <h2 id={`kind-${kind}`}>{t(`taxonomy.kinds.${kind}`)}</h2>
          <TableRegion labelledBy={`kind-${kind}`}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("taxonomy.nameVi")}</th>
                  <th scope="col">{t("taxonomy.nameEn")}</th>
                  <th scope="col">{t("taxonomy.slug")}</th>
                </tr>
              </thead>
              <tbody>
                {terms
                  .filter((term) => term.kind === kind)
                  .map((term) => (
                    <tr key={term.id}>
                      <td colSpan={2}>
                        <Form
                          method="post"
                          className="inline-form term-form"
                          aria-label={t("taxonomy.editLabel", { name: term.nameVi })}
                        >
                          <input type="hidden" name="intent" value="update" />
                          <input type="hidden" name="termId" value={term.id} />
                          <label className="visually-hidden" htmlFor={`vi-${term.id}`}>
                            {t("taxonomy.nameVi")}
                          </label>
                          <input
                            id={`vi-${term.id}`}
                            name="nameVi"
                            defaultValue={term.nameVi}
                            maxLength={120}
                            required
                          />
                          <label className="visually-hidden" htmlFor={`en-${term.id}`}>
                            {t("taxonomy.nameEn")}
                          </label>
                          <input
                            id={`en-${term.id}`}
                            name="nameEn"
                            defaultValue={term.nameEn}
                            lang="en"
                            maxLength={120}
                            required
                          />
                          <button type="submit" className="button button-small">
                            {t("taxonomy.save")}
                          </button>
                        </Form>
                      </td>
                      <td>
                        <code>{term.slug}</code>
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </TableRegion>
        </section>
      ))}
      <h2>{t("taxonomy.add")}</h2>
      <ErrorSummary fields={fields} formErrors={form.errors} />
      <Form method="post" {...getFormProps(form)} className="narrow">
        <input type="hidden" name="intent" value="create" />
        <RadioGroup
          field={fields.kind}
          legend={t("taxonomy.kind")}
          options={termKinds.map((kind) => ({ value: kind, label: t(`taxonomy.kinds.${kind}`) }))}
        />
        <TextField field={fields.nameVi} label={t("taxonomy.nameVi")} />
        <TextField field={fields.nameEn} label={t("taxonomy.nameEn")} />
        <button type="submit" className="button">
          {t("taxonomy.add")}
        </button>
      </Form>
    </>
  );
}
