import { getFormProps, useForm } from "@conform-to/react";
import { titleMeta } from "~/i18n/meta";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, TextField } from "~/components/form";
import { findUsableResetToken, resetPassword } from "~/models/password-reset.server";
import { flash } from "~/models/session.server";
import { resetPasswordSchema } from "~/schemas/auth";

export const meta: MetaFunction = ({ matches }) => [
  ...titleMeta(matches, "auth.resetTitle"),
  { name: "referrer", content: "no-referrer" },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const usable = Boolean(await findUsableResetToken(params.token ?? ""));
  return json({ usable }, { status: usable ? 200 : 410 });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: resetPasswordSchema });
  if (submission.status !== "success") {
    return json({ result: submission.reply({ hideFields: ["password"] }), stale: false }, { status: 400 });
  }
  const outcome = await resetPassword(params.token ?? "", submission.value.password);
  if (outcome === "stale") {
    return json({ result: submission.reply({ hideFields: ["password"] }), stale: true }, { status: 410 });
  }
  return flash(request, "/login", { key: "auth.resetDone" });
}

export default function ResetPassword() {
  const { t } = useTranslation();
  const { usable } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: resetPasswordSchema }),
  });
  if (!usable || actionData?.stale) {
    return (
      <div className="narrow">
        <h1>{t("auth.resetTitle")}</h1>
        <div className="notice notice-error" role="alert">
          {t("auth.resetStale")}
        </div>
        <p>
          <Link to="/forgot-password">{t("auth.requestNewLink")}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>{t("auth.resetTitle")}</h1>
      <ErrorSummary fields={{ password: fields.password }} formErrors={form.errors} />
      <Form method="post" {...getFormProps(form)}>
        <TextField
          field={fields.password}
          label={t("auth.newPassword")}
          hint={t("auth.passwordHint")}
          type="password"
          autoComplete="new-password"
        />
        <button type="submit" className="button">
          {t("auth.resetSubmit")}
        </button>
      </Form>
    </div>
  );
}
