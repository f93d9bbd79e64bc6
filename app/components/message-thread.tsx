import { type SubmissionResult, getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, PdfAttachmentField, TextAreaField } from "~/components/form";
import type { Language } from "~/i18n/config";
import { MAX_MESSAGE, messageSchema } from "~/schemas/message";
import { formatDateTime } from "~/utils/format";

export type ThreadMessage = {
  id: string;
  body: string;
  createdAt: string;
  mine: boolean;
  authorName: string | null;
  organisationName: string | null;
  attachmentName: string | null;
};

export type MessageActionData = { result: SubmissionResult<string[]> | null; tooLarge: boolean } | undefined;

// A deal's private thread and its send form (a proposal's or an order's).
// `action` is the thread's own route, so the form works without JavaScript
// from any page that shows it, and a refused message comes back there with
// the typed text kept.
export function MessageThread(props: {
  thread: {
    closed: "closedProposal" | "closedOrder" | "readOnly" | null;
    majorProblem: boolean;
    lastReadAt: string | null;
    messages: ThreadMessage[];
  };
  action: string;
  actionData?: MessageActionData;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const { thread } = props;
  const [form, fields] = useForm({
    id: "message",
    lastResult: props.actionData?.result ?? undefined,
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: messageSchema }),
  });
  const attachmentError = props.actionData?.tooLarge ? "validation.fileTooLarge|10" : fields.attachment.errors?.[0];
  const lastRead = thread.lastReadAt ? new Date(thread.lastReadAt).getTime() : null;
  return (
    <section aria-labelledby="messages" className="message-thread">
      <h2 id="messages">{t("messages.title")}</h2>
      <p className="hint">{t(thread.majorProblem ? "messages.leadMajor" : "messages.lead")}</p>
      {thread.messages.length === 0 ? (
        <p>{t("messages.none")}</p>
      ) : (
        <ol className="card-list">
          {thread.messages.map((m) => {
            const unread = !m.mine && (lastRead === null || new Date(m.createdAt).getTime() > lastRead);
            return (
              <li key={m.id} id={`m-${m.id}`} className="card">
                <p>
                  <strong>{m.mine ? t("messages.you") : m.authorName ?? t("messages.unknownAuthor")}</strong>
                  {` · ${m.organisationName ?? t("messages.hihub")} · `}
                  <time dateTime={m.createdAt}>{formatDateTime(m.createdAt, language)}</time>
                  {unread ? (
                    <>
                      {" "}
                      <span className="tag tag-green">{t("messages.newTag")}</span>
                    </>
                  ) : null}
                </p>
                <p className="prose">{m.body}</p>
                {m.attachmentName ? (
                  <p>
                    <a href={`${props.action}/${m.id}/attachment`}>
                      {t("messages.download", { name: m.attachmentName })}
                    </a>
                  </p>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
      {thread.closed ? (
        <p className="notice" role="note">
          {t(`messages.${thread.closed}`)}
        </p>
      ) : null}
      {/* A refused message comes back with its text even when the thread has closed meanwhile, so nothing typed is lost. */}
      {thread.closed && !props.actionData?.result ? null : (
        <>
          <ErrorSummary fields={{ body: fields.body, attachment: fields.attachment }} formErrors={form.errors} />
          <Form
            method="post"
            action={props.action}
            encType="multipart/form-data"
            {...getFormProps(form)}
            className="narrow"
          >
            <TextAreaField
              field={fields.body}
              label={t("messages.body")}
              hint={t("messages.bodyHint", { max: MAX_MESSAGE })}
            />
            <PdfAttachmentField
              field={fields.attachment}
              label={t("messages.attachment")}
              hint={t("messages.attachmentHint")}
              error={attachmentError}
            />
            <button type="submit" className="button">
              {t("messages.send")}
            </button>
          </Form>
        </>
      )}
    </section>
  );
}

/** The link to a proposal's thread, with its counts, for list pages. */
export function MessagesLink(props: { to: string; count?: { total: number; unread: number } }) {
  const { t } = useTranslation();
  const count = props.count;
  const label = !count?.total
    ? t("messages.open")
    : count.unread
    ? t("messages.countUnread", { count: count.total, unread: count.unread })
    : t("messages.count", { count: count.total });
  return <Link to={props.to}>{label}</Link>;
}
