import { getFormProps, useForm } from "@conform-to/react";
import { titleMeta } from "~/i18n/meta";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, TextField } from "~/components/form";
import { i18next } from "~/i18n/i18next.server";
import { requestPasswordReset } from "~/models/password-reset.server";
import { forgotPasswordSchema } from "~/schemas/auth";
import {
  RateLimitedError,
  consumeResetAttempt,
  rateLimitedMessage,
  rateLimitedResponse,
  retryAfterHeaders,
} from "~/utils/rate-limit.server";
import { clientIp, publicBaseUrl } from "~/utils/request.server";

export const headers = retryAfterHeaders;

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "auth.forgotTitle");

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: forgotPasswordSchema });
  if (submission.status !== "success") {
    return json({ result: submission.reply(), sentTo: null }, { status: 400 });
  }
  const { email } = submission.value;
  try {
    await consumeResetAttempt(clientIp(context), email);
  } catch (error) {
    if (!(error instanceof RateLimitedError)) throw error;
    return rateLimitedResponse(error, {
      result: submission.reply({ formErrors: [rateLimitedMessage(error)] }),
      sentTo: null,
    });
  }
  const t = await i18next.getFixedT(request);
  await requestPasswordReset(email, publicBaseUrl(request), (vars) => ({
    subject: t("email.resetSubject"),
    text: t("email.resetBody", vars),
  }));
  return json({ result: submission.reply({ resetForm: true }), sentTo: email });
}

export default function ForgotPassword() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: forgotPasswordSchema }),
  });
  return (
    <div className="narrow">
      <h1>{t("auth.forgotTitle")}</h1>
      {actionData?.sentTo ? (
        <div className="notice notice-success" role="status">
          {t("auth.forgotSent", { email: actionData.sentTo })}
        </div>
      ) : null}
      <p className="lead">{t("auth.forgotLead")}</p>
      <ErrorSummary fields={{ email: fields.email }} formErrors={form.errors} />
      <Form method="post" {...getFormProps(form)}>
        <TextField field={fields.email} label={t("auth.email")} type="email" autoComplete="email" />
        <button type="submit" className="button">
          {t("auth.forgotSubmit")}
        </button>
      </Form>
    </div>
  );
}
