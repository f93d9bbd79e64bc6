import { json } from "@remix-run/node";
import { db } from "~/db.server";

// For load balancers and the start script: answers only when the database does.
export async function loader() {
  await db.user.count();
  return json({ ok: true }, { headers: { "Cache-Control": "no-store" } });
}
