import { getFormProps, useForm } from "@conform-to/react";
import { titleMeta } from "~/i18n/meta";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, TextField } from "~/components/form";
import { userLanguage } from "~/models/notice-preferences.server";
import { flash } from "~/models/session.server";
import { changePassword, updateProfile } from "~/models/user.server";
import { changePasswordSchema, profileSchema } from "~/schemas/auth";
import { requireUser } from "~/utils/permissions.server";
import {
  RateLimitedError,
  currentPasswordLimits,
  rateLimitedMessage,
  rateLimitedResponse,
  retryAfterHeaders,
  type CountedAttempt,
} from "~/utils/rate-limit.server";
import { clientIp } from "~/utils/request.server";

export const headers = retryAfterHeaders;

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "account.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({
    user: { name: user.name, email: user.email, role: user.role },
    noticeLanguage: await userLanguage(user.id),
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  if (formData.get("intent") === "password") {
    const submission = parseWithZod(formData, { schema: changePasswordSchema });
    const hideFields = ["currentPassword", "newPassword"];
    if (submission.status !== "success") {
      return json({ intent: "password" as const, result: submission.reply({ hideFields }) }, { status: 400 });
    }
    // Counted before the check, like sign-in: someone at an unlocked
    // computer cannot try passwords one after another.
    let attempt: CountedAttempt;
    try {
      attempt = await currentPasswordLimits.begin(user.id, clientIp(context));
    } catch (error) {
      if (!(error instanceof RateLimitedError)) throw error;
      return rateLimitedResponse(error, {
        intent: "password" as const,
        result: submission.reply({ formErrors: [rateLimitedMessage(error)], hideFields }),
      });
    }
    const outcome = await changePassword(
      user.id,
      submission.value.currentPassword,
      submission.value.newPassword,
      user.sessionId,
    );
    if (outcome === "wrong-current-password") {
      return json(
        {
          intent: "password" as const,
          result: submission.reply({
            fieldErrors: { currentPassword: ["validation.wrongCurrentPassword"] },
            hideFields,
          }),
        },
        { status: 400 },
      );
    }
    await attempt.succeeded();
    return flash(request, "/account", { key: "account.passwordChanged" });
  }
  const submission = parseWithZod(formData, { schema: profileSchema });
  if (submission.status !== "success") {
    return json({ intent: "profile" as const, result: submission.reply() }, { status: 400 });
  }
  await updateProfile(user.id, submission.value);
  return flash(request, "/account", { key: "account.profileSaved" });
}

export default function Account() {
  const { t } = useTranslation();
  const { user, noticeLanguage } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [profileForm, profileFields] = useForm({
    id: "profile",
    lastResult: actionData?.intent === "profile" ? actionData.result : undefined,
    defaultValue: { name: user.name },
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: profileSchema }),
  });
  const [passwordForm, passwordFields] = useForm({
    id: "password",
    lastResult: actionData?.intent === "password" ? actionData.result : undefined,
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: changePasswordSchema }),
  });
  return (
    <div className="narrow">
      <h1>{t("account.title")}</h1>
      <dl className="summary-list">
        <div>
          <dt>{t("auth.email")}</dt>
          <dd>{user.email}</dd>
        </div>
        <div>
          <dt>{t("account.platformRole")}</dt>
          <dd>{t(`roles.${user.role}`)}</dd>
        </div>
      </dl>
      <p>
        <Link to="/account/alerts">{t("alerts.title")}</Link>
      </p>
      <p>
        <Link to="/account/notifications">{t("notices.prefs.link")}</Link>
      </p>

      {/* The notice language (issue 14); /account/notifications saves it and holds the email settings. */}
      <h2>{t("notices.prefs.languageTitle")}</h2>
      <Form method="post" action="/account/notifications">
        <input type="hidden" name="intent" value="language" />
        <fieldset className="field">
          <legend>{t("notices.prefs.languageLegend")}</legend>
          {(["vi", "en"] as const).map((value) => (
            <div className="radio" key={value}>
              <input
                type="radio"
                id={`notice-language-${value}`}
                name="language"
                value={value}
                defaultChecked={noticeLanguage === value}
              />
              <label htmlFor={`notice-language-${value}`}>
                {t(value === "vi" ? "notices.prefs.languageVi" : "notices.prefs.languageEn")}
              </label>
            </div>
          ))}
        </fieldset>
        <button type="submit" className="button">
          {t("notices.prefs.saveLanguage")}
        </button>
      </Form>

      <h2>{t("account.profileTitle")}</h2>
      <ErrorSummary fields={{ name: profileFields.name }} formErrors={profileForm.errors} />
      <Form method="post" {...getFormProps(profileForm)}>
        <input type="hidden" name="intent" value="profile" />
        <TextField field={profileFields.name} label={t("auth.name")} autoComplete="name" />
        <button type="submit" className="button">
          {t("account.saveProfile")}
        </button>
      </Form>

      <h2>{t("account.passwordTitle")}</h2>
      <ErrorSummary
        fields={{ currentPassword: passwordFields.currentPassword, newPassword: passwordFields.newPassword }}
        formErrors={passwordForm.errors}
      />
      <Form method="post" {...getFormProps(passwordForm)}>
        <input type="hidden" name="intent" value="password" />
        <TextField
          field={passwordFields.currentPassword}
          label={t("auth.currentPassword")}
          type="password"
          autoComplete="current-password"
        />
        <TextField
          field={passwordFields.newPassword}
          label={t("auth.newPassword")}
          hint={t("auth.passwordHint")}
          type="password"
          autoComplete="new-password"
        />
        <button type="submit" className="button">
          {t("account.changePassword")}
        </button>
      </Form>
    </div>
  );
}
