// Where the payment page sends the buyer back to (Checkout's success_url and
// cancel_url). The session cookie belongs to the origin the buyer signed in
// at, so returning to another one (http://localhost:3000 when they browsed
// http://127.0.0.1:3000) lands them signed out. The request's own origin is
// used only when it is one this site serves: the configured APP_URL, or, for
// a local demo whose APP_URL is a loopback address, another loopback origin
// (it can only be this machine). Anything else gets APP_URL, so a forged Host
// header can never make the payment page send anyone elsewhere.
const LOOPBACK = /^(localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])$/;

export function checkoutReturnBase(requestUrl: string, appUrl: string | undefined, port: number): string {
  const configured = (appUrl ?? `http://localhost:${port}`).replace(/\/+$/, "");
  let own: URL;
  try {
    own = new URL(requestUrl);
  } catch {
    return configured;
  }
  const base = new URL(configured);
  if (own.origin === base.origin) return configured;
  const http = own.protocol === "http:" || own.protocol === "https:";
  if (http && LOOPBACK.test(base.hostname) && LOOPBACK.test(own.hostname) && base.pathname.replace(/\/+$/, "") === "")
    return own.origin;
  return configured;
}
