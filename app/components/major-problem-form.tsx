import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { ErrorSummary, SelectField, TextAreaField, TextField } from "~/components/form";
import type { Language } from "~/i18n/config";
import { majorProblemSchema, majorProblemStatuses, priorities } from "~/schemas/major-problem";

type Sector = { id: string; nameVi: string; nameEn: string };

export function MajorProblemForm(props: {
  id: string;
  lastResult: SubmissionResult<string[]> | undefined;
  defaultValue?: Partial<z.input<typeof majorProblemSchema>>;
  sectors: Sector[];
  // Staff who can answer for the problem; when given, the form also asks for owner and deadline.
  owners?: { id: string; name: string }[];
  submitLabel: string;
  intent?: string;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const [form, fields] = useForm<z.input<typeof majorProblemSchema>>({
    id: props.id,
    lastResult: props.lastResult,
    defaultValue: { priority: "MEDIUM", status: "OPEN", ...props.defaultValue },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: majorProblemSchema }),
  });
  return (
    <>
      <ErrorSummary fields={fields} formErrors={form.errors} />
      <Form method="post" {...getFormProps(form)} className="narrow">
        {props.intent ? <input type="hidden" name="intent" value={props.intent} /> : null}
        <TextField field={fields.code} label={t("majorProblems.code")} />
        <TextField field={fields.title} label={t("majorProblems.title")} />
        <TextAreaField field={fields.description} label={t("majorProblems.description")} />
        <TextField field={fields.titleEn} label={t("bilingual.titleEn")} hint={t("bilingual.englishHint")} optional />
        <TextAreaField
          field={fields.summaryEn}
          label={t("bilingual.summaryEn")}
          hint={t("bilingual.englishHint")}
          optional
        />
        <SelectField
          field={fields.sectorId}
          label={t("majorProblems.sector")}
          options={[
            { value: "", label: t("majorProblems.noSector") },
            ...props.sectors.map((s) => ({ value: s.id, label: language === "en" ? s.nameEn : s.nameVi })),
          ]}
        />
        <TextField field={fields.leadAgency} label={t("majorProblems.leadAgency")} />
        <SelectField
          field={fields.priority}
          label={t("majorProblems.priority")}
          options={priorities.map((p) => ({ value: p, label: t(`priorities.${p}`) }))}
        />
        <SelectField
          field={fields.status}
          label={t("majorProblems.status")}
          options={majorProblemStatuses.map((s) => ({ value: s, label: t(`majorProblemStatuses.${s}`) }))}
        />
        {props.owners ? (
          <>
            <SelectField
              field={fields.ownerId}
              label={t("tracking.form.owner")}
              options={[
                { value: "", label: t("tracking.form.noOwner") },
                ...props.owners.map((o) => ({ value: o.id, label: o.name })),
              ]}
            />
            <TextField
              field={fields.deadline}
              type="date"
              label={t("tracking.form.deadline")}
              hint={t("tracking.form.deadlineHint")}
              optional
            />
          </>
        ) : null}
        <button type="submit" className="button">
          {props.submitLabel}
        </button>
      </Form>
    </>
  );
}
