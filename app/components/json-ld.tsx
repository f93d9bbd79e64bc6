import { useNonce } from "~/utils/nonce";
import { serialiseJsonLd, type JsonLdObject } from "~/utils/structured-data";

/**
 * A schema.org JSON-LD block. It carries the CSP nonce like every other
 * script the page has; serialiseJsonLd keeps its text from closing the element.
 * In the browser the nonce is empty (it is only needed for the server's
 * HTML), hence suppressHydrationWarning.
 */
export function JsonLd({ data }: { data: JsonLdObject | null }) {
  const nonce = useNonce();
  if (!data) return null;
  return (
    <script
      type="application/ld+json"
      nonce={nonce}
      suppressHydrationWarning
      dangerouslySetInnerHTML={{ __html: serialiseJsonLd(data) }}
    />
  );
}
