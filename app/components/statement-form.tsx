import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { ErrorSummary, SelectField, TextAreaField, TextField } from "~/components/form";
import { TermSuggestions, type Suggestions } from "~/components/term-suggestions";
import { problemStatementSchema } from "~/schemas/problem-statement";

export type MajorProblemOption = { majorProblemId: string; code: string; title: string; listName: string };
type FormValues = z.input<typeof problemStatementSchema>;

// One form for creating and editing a statement, grouped as the agency thinks
// about it: the problem, the "6 rõ", then conditions and budget.
export function StatementForm(props: {
  lastResult: SubmissionResult<string[]> | undefined;
  defaultValue?: Partial<Record<keyof FormValues, string>>;
  majorProblems: MajorProblemOption[];
  submitLabel: string;
  suggestions?: Suggestions | null;
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "statement",
    lastResult: props.lastResult,
    defaultValue: props.defaultValue,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: problemStatementSchema }),
  });
  const six = (key: "person" | "work" | "time" | "responsibility" | "product" | "authority", label: string) =>
    `${t(`statements.sixClear.${key}`)} — ${label}`;
  return (
    <>
      <ErrorSummary fields={fields} formErrors={form.errors} />
      <Form method="post" {...getFormProps(form)} className="narrow statement-form">
        <fieldset>
          <legend>
            <h2>{t("statements.sections.problem")}</h2>
          </legend>
          <TextField field={fields.title} label={t("statements.fields.title")} />
          <TextAreaField
            field={fields.context}
            label={t("statements.fields.context")}
            hint={t("statements.hints.context")}
          />
          <TextAreaField
            field={fields.summaryEn}
            label={t("bilingual.statementSummaryEn")}
            hint={t("bilingual.englishHint")}
            optional
          />
          <TextAreaField field={fields.targetUsers} label={t("statements.fields.targetUsers")} optional />
          <TermSuggestions formId={form.id} kind="statement" initial={props.suggestions} />
        </fieldset>
        <fieldset>
          <legend>
            <h2>{t("statements.sections.sixClear")}</h2>
          </legend>
          <p className="hint">{t("statements.sections.sixClearLead")}</p>
          <TextField
            field={fields.responsiblePerson}
            label={six("person", t("statements.fields.responsiblePerson"))}
            hint={t("statements.hints.responsiblePerson")}
          />
          <TextAreaField field={fields.scopeOfWork} label={six("work", t("statements.fields.scopeOfWork"))} />
          <TextAreaField
            field={fields.timeline}
            label={six("time", t("statements.fields.timeline"))}
            hint={t("statements.hints.timeline")}
          />
          <TextField field={fields.deadline} label={six("time", t("statements.fields.deadline"))} type="date" />
          <TextField
            field={fields.accountableUnit}
            label={six("responsibility", t("statements.fields.accountableUnit"))}
            hint={t("statements.hints.accountableUnit")}
          />
          <TextAreaField field={fields.deliverable} label={six("product", t("statements.fields.deliverable"))} />
          <TextAreaField
            field={fields.successCriteria}
            label={six("product", t("statements.fields.successCriteria"))}
            hint={t("statements.hints.successCriteria")}
          />
          <TextField
            field={fields.decisionAuthority}
            label={six("authority", t("statements.fields.decisionAuthority"))}
            hint={t("statements.hints.decisionAuthority")}
          />
        </fieldset>
        <fieldset>
          <legend>
            <h2>{t("statements.sections.conditions")}</h2>
          </legend>
          <TextAreaField field={fields.dataAvailable} label={t("statements.fields.dataAvailable")} optional />
          <TextAreaField field={fields.constraints} label={t("statements.fields.constraints")} optional />
          <TextField
            field={fields.budgetMinVnd}
            label={t("statements.fields.budgetMinVnd")}
            hint={t("statements.hints.budget")}
            optional
          />
          <TextField
            field={fields.budgetMaxVnd}
            label={t("statements.fields.budgetMaxVnd")}
            hint={t("statements.hints.budget")}
            optional
          />
          <TextField
            field={fields.desiredTrl}
            label={t("statements.fields.desiredTrl")}
            hint={t("statements.hints.desiredTrl")}
            type="number"
            optional
          />
          <TextField
            field={fields.proposalDeadline}
            label={t("statements.fields.proposalDeadline")}
            hint={t("statements.hints.proposalDeadline")}
            type="date"
          />
          <SelectField
            field={fields.majorProblemId}
            label={t("statements.fields.majorProblemId")}
            options={[
              { value: "", label: t("statements.hints.noMajorProblem") },
              ...props.majorProblems.map((p) => ({
                value: p.majorProblemId,
                label: `${p.code}: ${p.title} (${p.listName})`,
              })),
            ]}
          />
        </fieldset>
        <button type="submit" className="button">
          {props.submitLabel}
        </button>
      </Form>
    </>
  );
}
