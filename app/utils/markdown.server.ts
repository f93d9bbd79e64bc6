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

const processor = unified()
  .use(remarkParse)
  .use(remarkRehype)
  .use(rehypeSanitize, schema)
  .use(rehypeStringify);

export function renderMarkdown(markdown: string): string {
  return String(processor.processSync(markdown));
}
