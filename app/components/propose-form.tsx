import { type SubmissionResult, getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, PdfAttachmentField, SelectField, TextAreaField } from "~/components/form";
import type { Language } from "~/i18n/config";
import { proposalSchema } from "~/schemas/problem-statement";

export type ProposableOffer = { id: string; titleVi: string; titleEn: string | null; organisation: { name: string } };

// The propose page, for a problem statement or a major problem alike.
export function ProposeForm(props: {
  title: string;
  back: ReactNode;
  open: boolean;
  offers: ProposableOffer[];
  // Preselected when the provider came from one offer's "may fit" list.
  defaultOfferId?: string | null;
  actionData: { result: SubmissionResult<string[]> | null; tooLarge: boolean } | undefined;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const [form, fields] = useForm({
    id: "propose",
    lastResult: props.actionData?.result ?? undefined,
    shouldValidate: "onBlur",
    defaultValue: { offerId: props.defaultOfferId ?? "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: proposalSchema }),
  });
  const heading = <h1>{t("statements.proposals.proposeTitle", { title: props.title })}</h1>;
  if (!props.open)
    return (
      <>
        {props.back}
        {heading}
        <p>{t("statements.proposals.closedNotice")}</p>
      </>
    );
  if (props.offers.length === 0)
    return (
      <>
        {props.back}
        {heading}
        <p>{t("statements.proposals.noOffers")}</p>
      </>
    );
  const attachmentError = props.actionData?.tooLarge ? "validation.fileTooLarge|10" : fields.attachment.errors?.[0];
  return (
    <>
      {props.back}
      {heading}
      <p className="lead">{t("statements.proposals.proposeLead")}</p>
      <ErrorSummary fields={fields} formErrors={form.errors} />
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="narrow">
        <SelectField
          field={fields.offerId}
          label={t("statements.proposals.offer")}
          options={[
            { value: "", label: t("statements.proposals.chooseOffer") },
            ...props.offers.map((o) => ({
              value: o.id,
              label: `${language === "en" && o.titleEn ? o.titleEn : o.titleVi} — ${o.organisation.name}`,
            })),
          ]}
        />
        <TextAreaField
          field={fields.pitch}
          label={t("statements.proposals.pitch")}
          hint={t("statements.proposals.pitchHint")}
        />
        <PdfAttachmentField
          field={fields.attachment}
          label={t("statements.proposals.attachment")}
          hint={t("statements.proposals.attachmentHint")}
          error={attachmentError}
        />
        <button type="submit" className="button">
          {t("statements.proposals.propose")}
        </button>
      </Form>
    </>
  );
}
