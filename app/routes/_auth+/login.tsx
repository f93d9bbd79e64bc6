import { getFormProps, useForm } from "@conform-to/react";
import { titleMeta } from "~/i18n/meta";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, TextField } from "~/components/form";
import { createUserSession } from "~/models/session.server";
import { verifyLogin } from "~/models/user.server";
import { signInSchema } from "~/schemas/auth";
import { requireAnonymous } from "~/utils/permissions.server";
import {
  RateLimitedError,
  rateLimitedMessage,
  rateLimitedResponse,
  retryAfterHeaders,
  signInLimits,
  type CountedAttempt,
} from "~/utils/rate-limit.server";
import { clientIp } from "~/utils/request.server";

export const headers = retryAfterHeaders;

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "auth.signInTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: signInSchema });
  if (submission.status !== "success") {
    return json({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  }
  const { email, password, redirectTo } = submission.value;
  // Counted before the password is checked (see signInLimits): a spent
  // budget answers 429 whether or not the password is right, so the limit
  // cannot be used to test passwords.
  let attempt: CountedAttempt;
  try {
    attempt = await signInLimits.begin(clientIp(context), email);
  } catch (error) {
    if (!(error instanceof RateLimitedError)) throw error;
    return rateLimitedResponse(error, {
      result: submission.reply({ formErrors: [rateLimitedMessage(error)], hideFields: ["password"] }),
    });
  }
  const user = await verifyLogin(email, password);
  if (!user) {
    return json(
      { result: submission.reply({ formErrors: ["validation.invalidCredentials"], hideFields: ["password"] }) },
      { status: 400 },
    );
  }
  await attempt.succeeded();
  return createUserSession(request, user.id, redirectTo || "/orgs");
}

export default function Login() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: signInSchema }),
  });
  return (
    <div className="narrow">
      <h1>{t("auth.signInTitle")}</h1>
      <ErrorSummary fields={{ email: fields.email, password: fields.password }} formErrors={form.errors} />
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <TextField field={fields.email} label={t("auth.email")} type="email" autoComplete="email" />
        <TextField field={fields.password} label={t("auth.password")} type="password" autoComplete="current-password" />
        <button type="submit" className="button">
          {t("auth.submitSignIn")}
        </button>
      </Form>
      <p>
        <Link to="/forgot-password">{t("auth.forgotPassword")}</Link>
      </p>
      <p>
        {t("auth.noAccount")}{" "}
        <Link to={`/signup${searchParams.size ? `?${searchParams}` : ""}`}>{t("layout.signUp")}</Link>
      </p>
    </div>
  );
}
