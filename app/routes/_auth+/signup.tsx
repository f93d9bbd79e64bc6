import { getFormProps, useForm } from "@conform-to/react";
import { titleMeta } from "~/i18n/meta";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, TextField } from "~/components/form";
import { isLanguage } from "~/i18n/config";
import { i18next } from "~/i18n/i18next.server";
import { createUserSession } from "~/models/session.server";
import { createUser, findUserByEmail } from "~/models/user.server";
import { signUpSchema } from "~/schemas/auth";
import { requireAnonymous } from "~/utils/permissions.server";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "auth.signUpTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submission = await parseWithZod(formData, {
    schema: signUpSchema.superRefine(async (data, ctx) => {
      if (await findUserByEmail(data.email)) {
        ctx.addIssue({ path: ["email"], code: "custom", message: "validation.emailTaken" });
      }
    }),
    async: true,
  });
  if (submission.status !== "success") {
    return json({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  }
  const { name, email, password, redirectTo } = submission.value;
  // The page language (?lng= or the lng cookie) becomes the account's notice language.
  const locale = await i18next.getLocale(request);
  const language = isLanguage(locale) ? locale : "vi";
  const user = await createUser({ name, email, password, language }).catch(async (error: unknown) => {
    // Two sign-ups with one email racing past the check above: the unique index decides.
    if (await findUserByEmail(email)) return null;
    throw error;
  });
  if (!user) {
    return json(
      { result: submission.reply({ fieldErrors: { email: ["validation.emailTaken"] }, hideFields: ["password"] }) },
      { status: 400 },
    );
  }
  return createUserSession(request, user.id, redirectTo || "/orgs");
}

export default function SignUp() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: signUpSchema }),
  });
  return (
    <div className="narrow">
      <h1>{t("auth.signUpTitle")}</h1>
      <p className="lead">{t("auth.signUpLead")}</p>
      <ErrorSummary
        fields={{ name: fields.name, email: fields.email, password: fields.password }}
        formErrors={form.errors}
      />
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <TextField field={fields.name} label={t("auth.name")} autoComplete="name" />
        <TextField
          field={fields.email}
          label={t("auth.email")}
          hint={t("auth.emailHint")}
          type="email"
          autoComplete="email"
        />
        <TextField
          field={fields.password}
          label={t("auth.password")}
          hint={t("auth.passwordHint")}
          type="password"
          autoComplete="new-password"
        />
        <button type="submit" className="button">
          {t("auth.submitSignUp")}
        </button>
      </Form>
      <p>
        {t("auth.haveAccount")}{" "}
        <Link to={`/login${searchParams.size ? `?${searchParams}` : ""}`}>{t("layout.signIn")}</Link>
      </p>
    </div>
  );
}
