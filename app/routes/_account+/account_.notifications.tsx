import { getFormProps, useForm } from "@conform-to/react";
import { titleMeta } from "~/i18n/meta";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, RadioGroup } from "~/components/form";
import { db } from "~/db.server";
import { ALERTS_CHANNELS, NOTICE_CHANNELS, NOTICE_GROUPS } from "~/models/notice-kinds";
import {
  noticePreferences,
  setNoticePreferences,
  setUserLanguage,
  userLanguage,
} from "~/models/notice-preferences.server";
import { flash } from "~/models/session.server";
import { noticeChannelsSchema, noticeLanguageSchema } from "~/schemas/notices";
import { requireUser } from "~/utils/permissions.server";

// A person's notice language and, per group of events, how email reaches
// them (at once, daily digest, off; the weekly alerts digest: weekly or off).
// Plain radios and two forms: works without JavaScript.

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "notices.prefs.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [language, preferences] = await Promise.all([userLanguage(user.id), noticePreferences(db, user.id)]);
  return json({ language, preferences });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  if (formData.get("intent") === "language") {
    const submission = parseWithZod(formData, { schema: noticeLanguageSchema });
    if (submission.status !== "success")
      return json({ intent: "language" as const, result: submission.reply() }, { status: 400 });
    await setUserLanguage(user.id, submission.value.language);
    return flash(request, "/account/notifications", { key: "notices.prefs.languageSaved" });
  }
  const submission = parseWithZod(formData, { schema: noticeChannelsSchema });
  if (submission.status !== "success")
    return json({ intent: "channels" as const, result: submission.reply() }, { status: 400 });
  await setNoticePreferences(user.id, submission.value);
  return flash(request, "/account/notifications", { key: "notices.prefs.channelsSaved" });
}

export default function NoticeSettings() {
  const { t } = useTranslation();
  const { language, preferences } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [languageForm, languageFields] = useForm({
    id: "notice-language",
    lastResult: actionData?.intent === "language" ? actionData.result : undefined,
    defaultValue: { language },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: noticeLanguageSchema }),
  });
  const [channelsForm, channelsFields] = useForm({
    id: "notice-channels",
    lastResult: actionData?.intent === "channels" ? actionData.result : undefined,
    defaultValue: preferences,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: noticeChannelsSchema }),
  });
  return (
    <div className="narrow">
      <p>
        <Link to="/account">{t("account.title")}</Link>
      </p>
      <h1>{t("notices.prefs.title")}</h1>
      <p className="lead">{t("notices.prefs.lead")}</p>

      <h2>{t("notices.prefs.languageTitle")}</h2>
      <ErrorSummary fields={{ language: languageFields.language }} formErrors={languageForm.errors} />
      <Form method="post" {...getFormProps(languageForm)}>
        <input type="hidden" name="intent" value="language" />
        <RadioGroup
          field={languageFields.language}
          legend={t("notices.prefs.languageLegend")}
          options={[
            { value: "vi", label: t("notices.prefs.languageVi") },
            { value: "en", label: t("notices.prefs.languageEn") },
          ]}
        />
        <button type="submit" className="button">
          {t("notices.prefs.saveLanguage")}
        </button>
      </Form>

      <h2>{t("notices.prefs.emailTitle")}</h2>
      <ErrorSummary
        fields={Object.fromEntries(
          [...NOTICE_GROUPS, "alerts" as const].map((group) => [group, channelsFields[group]]),
        )}
        formErrors={channelsForm.errors}
      />
      <Form method="post" {...getFormProps(channelsForm)}>
        <input type="hidden" name="intent" value="channels" />
        {NOTICE_GROUPS.map((group) => (
          <RadioGroup
            key={group}
            field={channelsFields[group]}
            legend={t(`notices.groups.${group}`)}
            options={NOTICE_CHANNELS.map((channel) => ({ value: channel, label: t(`notices.channels.${channel}`) }))}
          />
        ))}
        <RadioGroup
          field={channelsFields.alerts}
          legend={t("notices.groups.alerts")}
          options={ALERTS_CHANNELS.map((channel) => ({ value: channel, label: t(`notices.channels.${channel}`) }))}
        />
        <button type="submit" className="button">
          {t("notices.prefs.saveChannels")}
        </button>
      </Form>
    </div>
  );
}
