import type { FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { TextAreaField, TextField } from "~/components/form";

type ListFields = Record<
  "name" | "summary" | "nameEn" | "summaryEn" | "decisionNumber" | "decisionDate" | "periodStart" | "periodEnd", // eslint-disable-next-line @typescript-eslint/no-explicit-any -- conform's own field type, as in form.tsx
  FieldMetadata<any, any, string[]>
>;

// The list's fields, shared by the create form and the edit form, so both
// ask for the English name and summary in the same place.
export function MajorProblemListFields({ fields }: { fields: ListFields }) {
  const { t } = useTranslation();
  return (
    <>
      <TextField field={fields.name} label={t("majorProblems.listName")} />
      <TextAreaField
        field={fields.summary}
        label={t("bilingual.listSummary")}
        hint={t("bilingual.listSummaryHint")}
        optional
      />
      <TextField field={fields.nameEn} label={t("bilingual.listNameEn")} hint={t("bilingual.englishHint")} optional />
      <TextAreaField
        field={fields.summaryEn}
        label={t("bilingual.listSummaryEn")}
        hint={t("bilingual.englishHint")}
        optional
      />
      <TextField
        field={fields.decisionNumber}
        label={t("majorProblems.decisionNumber")}
        hint={t("majorProblems.decisionNumberHint")}
      />
      <TextField field={fields.decisionDate} label={t("majorProblems.decisionDate")} type="date" />
      <TextField field={fields.periodStart} label={t("majorProblems.periodStart")} type="number" />
      <TextField field={fields.periodEnd} label={t("majorProblems.periodEnd")} type="number" />
    </>
  );
}
