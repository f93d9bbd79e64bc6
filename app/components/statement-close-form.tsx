import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, TextAreaField } from "~/components/form";
import { closeSchema } from "~/schemas/problem-statement";

// Closing a published statement with its outcome: the agency and staff use the same form.
export function StatementCloseForm({ lastResult }: { lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "close",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: closeSchema }),
  });
  return (
    <>
      <h2>{t("statements.mine.closeTitle")}</h2>
      <ErrorSummary fields={fields} formErrors={form.errors} />
      <Form method="post" {...getFormProps(form)} className="narrow">
        <input type="hidden" name="intent" value="close" />
        <TextAreaField
          field={fields.outcome}
          label={t("statements.mine.outcome")}
          hint={t("statements.mine.closeHint")}
        />
        <button type="submit" className="button button-secondary">
          {t("statements.mine.close")}
        </button>
      </Form>
    </>
  );
}
