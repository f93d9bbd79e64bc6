import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import type { z } from "zod";
import { useTranslation } from "react-i18next";
import { ErrorSummary, RadioGroup, TextAreaField, TextField } from "~/components/form";
import { organisationSchema, type organisationKinds } from "~/schemas/organisation";

export function OrganisationForm(props: {
  lastResult: SubmissionResult<string[]> | undefined;
  defaultValue?: Partial<Record<"name" | "kind" | "taxCode" | "website" | "address" | "description", string | null>>;
  submitLabel: string;
  kinds: readonly (typeof organisationKinds)[number][];
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm<z.input<typeof organisationSchema>>({
    lastResult: props.lastResult,
    // Conform wants undefined, not the database's null, for empty fields.
    defaultValue: Object.fromEntries(Object.entries(props.defaultValue ?? {}).map(([k, v]) => [k, v ?? undefined])),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: organisationSchema }),
  });
  return (
    <>
      <ErrorSummary fields={fields} formErrors={form.errors} />
      <Form method="post" {...getFormProps(form)}>
        <TextField field={fields.name} label={t("organisations.name")} autoComplete="organization" />
        <RadioGroup
          field={fields.kind}
          legend={t("organisations.kind")}
          options={props.kinds.map((kind) => ({ value: kind, label: t(`organisationKinds.${kind}`) }))}
        />
        <TextField
          field={fields.taxCode}
          label={t("organisations.taxCode")}
          hint={t("organisations.taxCodeHint")}
          optional
        />
        <TextField
          field={fields.website}
          label={t("organisations.website")}
          hint={t("organisations.websiteHint")}
          type="url"
          optional
        />
        <TextField field={fields.address} label={t("organisations.address")} autoComplete="street-address" optional />
        <TextAreaField
          field={fields.description}
          label={t("organisations.description")}
          hint={t("organisations.descriptionHint")}
          optional
        />
        <button type="submit" className="button">
          {props.submitLabel}
        </button>
      </Form>
    </>
  );
}
