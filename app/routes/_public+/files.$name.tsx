import type { LoaderFunctionArgs } from "@remix-run/node";
import { findReadableFile } from "~/models/offer-views.server";
import { getOptionalUser, notFound } from "~/utils/permissions.server";
import { readUpload } from "~/utils/uploads.server";

// An ASCII fallback plus the RFC 5987 form, so Vietnamese file names survive.
function contentDisposition(kind: "inline" | "attachment", name: string): string {
  const ascii =
    name
      .normalize("NFD")
      .replace(/[^\x20-\x7e]/g, "")
      .replace(/["\\]/g, "_") || "file";
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  // An unknown name and a file this viewer may not read get the same 404.
  const file = await findReadableFile(params.name ?? "", await getOptionalUser(request));
  const bytes = file ? await readUpload(file.storedName) : null;
  if (!file || !bytes) throw notFound();
  // X-Content-Type-Options: nosniff comes from helmet, on every response.
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": file.mimeType,
      "Content-Length": String(bytes.byteLength),
      // PDFs are downloaded, never rendered in our origin.
      "Content-Disposition": contentDisposition(
        file.mimeType === "application/pdf" ? "attachment" : "inline",
        file.originalName,
      ),
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": "private, max-age=300",
    },
  });
}
