import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, SelectField, TextAreaField, translateError } from "~/components/form";
import type { Language } from "~/i18n/config";
import { getStatementBySlug } from "~/models/problem-statement.server";
import { createProposal, proposableOffers } from "~/models/proposal.server";
import { askingOrganisations } from "~/models/question.server";
import { flash } from "~/models/session.server";
import { proposalSchema } from "~/schemas/problem-statement";
import { forbidden, notFound, requireUser } from "~/utils/permissions.server";
import { checkUpload, parseMultipartForm } from "~/utils/uploads.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.statement.title ?? ""} — Đề xuất giải pháp` }];

// Only provider and research members propose, and only to a published statement.
async function load(request: Request, slug: string | undefined) {
  const user = await requireUser(request);
  const statement = await getStatementBySlug(slug ?? "");
  if (!statement || (statement.status !== "PUBLISHED" && statement.status !== "CLOSED")) throw notFound();
  if ((await askingOrganisations(user.id)).length === 0) throw forbidden();
  const open = statement.status === "PUBLISHED" && (!statement.proposalDeadline || statement.proposalDeadline.getTime() >= Date.now());
  return { user, statement, open };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, statement, open } = await load(request, params.slug);
  const offers = await proposableOffers(user.id);
  return json({ statement: { slug: statement.slug, title: statement.title }, open, offers });
}

async function readForm(request: Request) {
  if (!(request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) return { formData: await request.formData(), tooLarge: false };
  return parseMultipartForm(request);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, statement } = await load(request, params.slug);
  const parsed = await readForm(request);
  if (parsed.tooLarge) return json({ result: null, tooLarge: true }, { status: 413 });
  const submission = parseWithZod(parsed.formData, { schema: proposalSchema });
  const reply = (errors: { formErrors?: string[]; fieldErrors?: Record<string, string[]> } = {}) =>
    json({ result: submission.reply({ ...errors, hideFields: ["attachment"] }), tooLarge: false }, { status: 400 });
  if (submission.status !== "success") return reply();
  const file = submission.value.attachment;
  const check = file ? await checkUpload(file, "ATTACHMENT") : null;
  if (check && !check.ok) return reply({ fieldErrors: { attachment: [check.error] } });
  const { outcome, organisationId } = await createProposal(user.id, statement.id, submission.value, check);
  if (outcome === "offer-not-allowed") return reply({ fieldErrors: { offerId: ["statements.proposals.offerNotAllowed"] } });
  if (outcome === "duplicate") return reply({ fieldErrors: { offerId: ["statements.proposals.duplicate"] } });
  if (outcome === "closed") return reply({ formErrors: ["statements.proposals.closedNotice"] });
  return flash(request, `/orgs/${organisationId}/proposals`, { key: "statements.proposals.proposed" });
}

export default function Propose() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const { statement, open, offers } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "propose",
    lastResult: actionData?.result ?? undefined,
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: proposalSchema }),
  });
  const back = <p><Link to={`/problems/${statement.slug}`}>{statement.title}</Link></p>;
  if (!open) return <>{back}<h1>{t("statements.proposals.proposeTitle", { title: statement.title })}</h1><p>{t("statements.proposals.closedNotice")}</p></>;
  if (offers.length === 0) return <>{back}<h1>{t("statements.proposals.proposeTitle", { title: statement.title })}</h1><p>{t("statements.proposals.noOffers")}</p></>;
  const attachmentError = actionData?.tooLarge ? "validation.fileTooLarge|10" : fields.attachment.errors?.[0];
  return (
    <>
      {back}
      <h1>{t("statements.proposals.proposeTitle", { title: statement.title })}</h1>
      <p className="lead">{t("statements.proposals.proposeLead")}</p>
      <ErrorSummary fields={fields} formErrors={form.errors} />
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="narrow">
        <SelectField
          field={fields.offerId}
          label={t("statements.proposals.offer")}
          options={[
            { value: "", label: t("statements.proposals.chooseOffer") },
            ...offers.map((o) => ({ value: o.id, label: `${language === "en" && o.titleEn ? o.titleEn : o.titleVi} — ${o.organisation.name}` })),
          ]}
        />
        <TextAreaField field={fields.pitch} label={t("statements.proposals.pitch")} hint={t("statements.proposals.pitchHint")} />
        <div className={attachmentError ? "field field-error" : "field"}>
          <label htmlFor={fields.attachment.id}>
            {t("statements.proposals.attachment")} <span className="optional">{t("organisations.optional")}</span>
          </label>
          <p className="hint" id={`${fields.attachment.id}-hint`}>{t("statements.proposals.attachmentHint")}</p>
          {attachmentError ? <p className="error-message" id={fields.attachment.errorId}>{translateError(t, attachmentError)}</p> : null}
          <input
            type="file" id={fields.attachment.id} name={fields.attachment.name} accept="application/pdf,.pdf"
            aria-invalid={attachmentError ? true : undefined}
            aria-describedby={[`${fields.attachment.id}-hint`, attachmentError ? fields.attachment.errorId : ""].filter(Boolean).join(" ")}
          />
        </div>
        <button type="submit" className="button">{t("statements.proposals.propose")}</button>
      </Form>
    </>
  );
}
