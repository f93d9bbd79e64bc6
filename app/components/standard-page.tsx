import type { MetaFunction, SerializeFrom } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "~/i18n/config";
import type { loadStandardPage } from "~/content/standard-pages/index.server";
import type { Block } from "~/content/standard-pages/types";
import { formatDate } from "~/utils/format";

type Data = SerializeFrom<typeof loadStandardPage>;

// The title comes from the loader, made in the reader's language on the server.
export const standardPageMeta: MetaFunction = ({ data }) => {
  const page = data as Data | undefined;
  if (!page) return [];
  return [
    { title: page.documentTitle },
    { name: "description", content: page.description },
    { property: "og:title", content: page.documentTitle },
    { property: "og:description", content: page.description },
  ];
};

function BlockView({ block }: { block: Block }) {
  if (typeof block === "string") return <p>{block}</p>;
  if (Array.isArray(block))
    return (
      <ul>
        {block.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    );
  // Site paths go through the router; mailto: and the rest are plain links.
  return (
    <p>
      {block.href.startsWith("/") ? <Link to={block.href}>{block.text}</Link> : <a href={block.href}>{block.text}</a>}
    </p>
  );
}

/** How it works, FAQ, terms, privacy, accessibility, contact: one layout for all. */
export function StandardPage() {
  const { t, i18n } = useTranslation();
  const { id, title, content } = useLoaderData<Data>();
  return (
    <article className="standard-page" data-page={id}>
      <h1>{title}</h1>
      <p className="lead">{content.lead}</p>
      <p className="hint">
        {t("standardPages.updated", { date: formatDate(content.updated, i18n.language as Language) })}
      </p>
      {content.sections.length > 3 ? (
        <nav aria-labelledby="on-this-page">
          <h2 id="on-this-page">{t("standardPages.onThisPage")}</h2>
          <ul>
            {content.sections.map((section) => (
              <li key={section.id}>
                <a href={`#${section.id}`}>{section.heading}</a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {content.sections.map((section) => (
        <section key={section.id} aria-labelledby={section.id}>
          <h2 id={section.id}>{section.heading}</h2>
          {section.blocks.map((block, index) => (
            <BlockView key={index} block={block} />
          ))}
        </section>
      ))}
    </article>
  );
}
