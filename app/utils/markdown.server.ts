import { LRUCache } from "lru-cache";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";

// GitHub's sanitising schema, narrowed: no raw HTML at all (remark-rehype
// drops it), links only to http(s) and mailto, images only from our own
// uploads. Markdown from providers is untrusted input.
const schema = {
  ...defaultSchema,
  protocols: { ...defaultSchema.protocols, href: ["http", "https", "mailto"], src: ["https"] },
  tagNames: (defaultSchema.tagNames ?? []).filter((tag) => !["input", "img"].includes(tag)),
};

const processor = unified().use(remarkParse).use(remarkRehype).use(rehypeSanitize, schema).use(rehypeStringify);

// The same descriptions are shown again and again (offer pages, previews);
// parsing and sanitising one costs more than the rest of its page's render.
// The output depends only on the text, so it is kept by text (up to 8 MB).
const rendered = new LRUCache<string, string>({
  maxSize: 8 * 1024 * 1024,
  sizeCalculation: (html, markdown) => html.length + markdown.length + 1,
});

export function renderMarkdown(markdown: string): string {
  let html = rendered.get(markdown);
  if (html === undefined) {
    html = String(processor.processSync(markdown));
    rendered.set(markdown, html);
  }
  return html;
}
