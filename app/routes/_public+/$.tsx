// Every path no other route matches. Without this route Remix answers an
// unknown path without running the root loader, so the 404 page had no idea
// of the reader's language (it came out with lang="vi" whatever was
// rendered) or of who was signed in. Throwing here runs the root loader and
// renders the root's error boundary with both.
export function loader(): never {
  throw new Response(null, { status: 404, statusText: "Not Found" });
}

// A form posted to an unknown path gets the same page, not a 405.
export function action(): never {
  throw new Response(null, { status: 404, statusText: "Not Found" });
}

// A UI route, not a resource route: without a component Remix would send the
// thrown 404 as it is (an empty body). With one, the root's error boundary
// renders the 404 page, in the reader's language, with the site's header.
export default function UnknownPath() {
  return null;
}
