// Turns a notice into words in one reader's language: the in-app title and
// body, and the email (subject, plain text, HTML, unsubscribe headers).
// Pure apart from reading the catalogues, so the unit tests exercise it
// directly (notice-render.server.test.ts).
import i18next, { type TFunction } from "i18next";
import { i18nOptions, type Language } from "~/i18n/config";
import { formatNumber, formatVnd } from "~/utils/format";
import { NOTICE_KINDS, type NoticeGroup, type NoticeKind } from "./notice-kinds";

// A private instance, initialised synchronously from the bundled catalogues:
// rendering happens inside the caller's transaction and must not wait.
const instance = i18next.createInstance();
void instance.init({ ...i18nOptions, initImmediate: false });

type LooseT = (key: string, options?: Record<string, unknown>) => string;

export function translator(language: Language): LooseT {
  const t = instance.getFixedT(language) as TFunction;
  return (key, options) => (t as unknown as LooseT)(key, options);
}

export type NoticeValues = Record<string, string | number>;

export type RenderedNotice = { title: string; body: string; action: string };

/**
 * Values as the texts use them, in the reader's language:
 * - `amountVnd` (a number of đồng) becomes `amount`, e.g. "1.500.000 ₫" / "₫1,500,000";
 * - `<name>Key` (an i18n key such as "proposals.reasons.budget") becomes `<name>`, translated;
 * - `<name>En` (an English wording of `<name>`, such as an offer's English
 *   title) replaces `<name>` for an English reader when it is not empty; a
 *   Vietnamese reader, or a listing nobody translated, keeps `<name>`;
 * - other numbers are grouped as numbers; strings are used as given.
 * Missing declared values become "" so a text never shows "{{reason}}".
 */
export function localiseValues(kind: NoticeKind, values: NoticeValues, language: Language): Record<string, string> {
  const t = translator(language);
  const out: Record<string, string> = {};
  for (const name of NOTICE_KINDS[kind].values) out[name] = "";
  for (const [name, value] of Object.entries(values)) {
    if (name === "amountVnd" && typeof value === "number") out.amount = formatVnd(value, language);
    else if (name.endsWith("Key") && typeof value === "string" && name.length > 3) out[name.slice(0, -3)] = t(value);
    else if (isEnglishWording(name, values)) continue;
    else out[name] = typeof value === "number" ? formatNumber(value, language) : value;
  }
  if (language === "en")
    for (const [name, value] of Object.entries(values))
      if (isEnglishWording(name, values) && typeof value === "string" && value.trim() !== "")
        out[name.slice(0, -2)] = value;
  return out;
}

/** `offerEn` next to `offer`: the English wording of a value, not a value of its own. */
const isEnglishWording = (name: string, values: NoticeValues) =>
  name.length > 2 && name.endsWith("En") && Object.hasOwn(values, name.slice(0, -2));

export function renderNotice(kind: NoticeKind, values: NoticeValues, language: Language): RenderedNotice {
  const t = translator(language);
  const vars = localiseValues(kind, values, language);
  const text = (part: "title" | "body" | "action") =>
    // Empty optional lines (a decline without a note) leave no blank tail.
    t(`notices.kinds.${kind}.${part}`, { ...vars, interpolation: { escapeValue: false } })
      .replace(/\n+$/, "")
      .trim();
  return { title: text("title"), body: text("body"), action: text("action") };
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);
}

// Paragraphs from plain text, escaped: every user-supplied word reaches the
// HTML through here or through escapeHtml.
function paragraphs(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((block) => `<p style="margin:0 0 16px">${escapeHtml(block).replace(/\n/g, "<br>")}</p>`)
    .join("\n");
}

export type EmailContent = { subject: string; text: string; html: string; headers: Record<string, string> };

function htmlPage(language: Language, title: string, inner: string): string {
  return `<!doctype html>
<html lang="${language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(
    title,
  )}</title></head>
<body style="margin:0;padding:24px;background:#f3f2f1;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#0b0c0c">
<div style="max-width:600px;margin:0 auto;background:#ffffff;padding:24px">
${inner}
</div>
</body>
</html>`;
}

function button(href: string, label: string): string {
  return `<p style="margin:24px 0"><a href="${escapeHtml(
    href,
  )}" style="display:inline-block;background:#00703c;color:#ffffff;padding:10px 16px;text-decoration:none;font-weight:bold">${escapeHtml(
    label,
  )}</a></p>`;
}

function footer(lines: Array<{ text: string; href?: string }>): string {
  return `<hr style="border:0;border-top:1px solid #b1b4b6;margin:24px 0">
<p style="margin:0;font-size:14px;color:#505a5f">${lines
    .map((line) =>
      line.href
        ? `<a href="${escapeHtml(line.href)}" style="color:#1d70b8">${escapeHtml(line.text)}</a>`
        : escapeHtml(line.text),
    )
    .join("<br>\n")}</p>`;
}

/** RFC 2369 + RFC 8058: mail clients show their own button, which POSTs to the URL. */
export function unsubscribeHeaders(unsubscribeUrl: string): Record<string, string> {
  return { "List-Unsubscribe": `<${unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}

export type NoticeEmailInput = {
  language: Language;
  name: string;
  notice: RenderedNotice;
  group: NoticeGroup;
  /** Absolute URL of what the notice is about. */
  actionUrl: string;
  /** Absolute one-click unsubscribe URL for this group. */
  unsubscribeUrl: string;
  /** Absolute URL of the notification settings. */
  manageUrl: string;
};

/** One notice as an email, in the reader's language only. */
export function renderNoticeEmail(input: NoticeEmailInput): EmailContent {
  const t = translator(input.language);
  const { notice } = input;
  const groupName = t(`notices.groups.${input.group}`);
  const text = [
    t("notices.email.greeting", { name: input.name, interpolation: { escapeValue: false } }),
    "",
    notice.body,
    "",
    `${notice.action}: ${input.actionUrl}`,
    "",
    "--",
    t("notices.email.signature"),
    t("notices.email.why", { group: groupName }),
    t("notices.email.unsubscribe", { url: input.unsubscribeUrl, interpolation: { escapeValue: false } }),
    t("notices.email.manage", { url: input.manageUrl, interpolation: { escapeValue: false } }),
  ].join("\n");
  const html = htmlPage(
    input.language,
    notice.title,
    [
      `<h1 style="font-size:24px;margin:0 0 16px">${escapeHtml(notice.title)}</h1>`,
      paragraphs(t("notices.email.greeting", { name: input.name, interpolation: { escapeValue: false } })),
      paragraphs(notice.body),
      button(input.actionUrl, notice.action),
      footer([
        { text: t("notices.email.signature") },
        { text: t("notices.email.why", { group: groupName }) },
        { text: t("notices.email.unsubscribeLink"), href: input.unsubscribeUrl },
        { text: t("notices.email.manageLink"), href: input.manageUrl },
      ]),
    ].join("\n"),
  );
  return { subject: notice.title, text, html, headers: unsubscribeHeaders(input.unsubscribeUrl) };
}

export type DigestEntry = { title: string; body: string; actionUrl: string; action: string };

/** The daily digest: several notices in one email, in the reader's language. */
export function renderDailyDigestEmail(input: {
  language: Language;
  name: string;
  entries: DigestEntry[];
  unsubscribeUrl: string;
  manageUrl: string;
}): EmailContent {
  const t = translator(input.language);
  const count = input.entries.length;
  const subject = t("notices.email.dailySubject", { count });
  const text = [
    t("notices.email.greeting", { name: input.name, interpolation: { escapeValue: false } }),
    "",
    t("notices.email.dailyIntro"),
    "",
    ...input.entries.flatMap((entry) => [`## ${entry.title}`, entry.body, `${entry.action}: ${entry.actionUrl}`, ""]),
    "--",
    t("notices.email.signature"),
    t("notices.email.dailyWhy"),
    t("notices.email.dailyUnsubscribe", { url: input.unsubscribeUrl, interpolation: { escapeValue: false } }),
    t("notices.email.manage", { url: input.manageUrl, interpolation: { escapeValue: false } }),
  ].join("\n");
  const html = htmlPage(
    input.language,
    subject,
    [
      `<h1 style="font-size:24px;margin:0 0 16px">${escapeHtml(subject)}</h1>`,
      paragraphs(t("notices.email.greeting", { name: input.name, interpolation: { escapeValue: false } })),
      paragraphs(t("notices.email.dailyIntro")),
      ...input.entries.map(
        (entry) =>
          `<h2 style="font-size:19px;margin:24px 0 8px">${escapeHtml(entry.title)}</h2>\n${paragraphs(
            entry.body,
          )}\n<p style="margin:0 0 16px"><a href="${escapeHtml(entry.actionUrl)}" style="color:#1d70b8">${escapeHtml(
            entry.action,
          )}</a></p>`,
      ),
      footer([
        { text: t("notices.email.signature") },
        { text: t("notices.email.dailyWhy") },
        { text: t("notices.email.unsubscribeLink"), href: input.unsubscribeUrl },
        { text: t("notices.email.manageLink"), href: input.manageUrl },
      ]),
    ].join("\n"),
  );
  return { subject, text, html, headers: unsubscribeHeaders(input.unsubscribeUrl) };
}

/**
 * A plain-text email as simple HTML: escaped, paragraphs kept, and its
 * http(s) addresses made into links (the weekly digest).
 */
export function plainTextHtml(language: Language, title: string, text: string): string {
  const linked = text
    .split(/\n{2,}/)
    .map((block) => {
      const html = escapeHtml(block)
        .replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}" style="color:#1d70b8">${url}</a>`)
        .replace(/\n/g, "<br>");
      return `<p style="margin:0 0 16px">${html}</p>`;
    })
    .join("\n");
  return htmlPage(language, title, `<h1 style="font-size:24px;margin:0 0 16px">${escapeHtml(title)}</h1>\n${linked}`);
}
