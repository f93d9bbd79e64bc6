import type { HighlightSegment } from "../../../search/types.ts";

// Engine text is untrusted: it is rendered as React text, with matches in
// <mark>, so nothing in a title or summary can become markup.
export function Highlighted({ segments }: { segments: HighlightSegment[] }) {
  return (
    <>{segments.map((segment, index) => (segment.match ? <mark key={index}>{segment.text}</mark> : segment.text))}</>
  );
}
