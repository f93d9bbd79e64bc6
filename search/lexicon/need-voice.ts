// Words with which a person typing a need speaks about themselves and what
// they want, not about the need: "con tôi", "chúng tôi muốn", "we need to",
// "how can our". Problem statements are written in the third person, so
// matching never meets them; read as content in the search box they pull in
// any offer that happens to use them. Dropped from the matching reading of a
// query (search/reading.ts), never from its own words. Vietnamese with
// diacritics only, and only syllables that start no common compound here.
export const NEED_VOICE_WORDS: readonly string[] = [
  "tôi",
  "chúng",
  "muốn",
  "cần",
  "chưa",
  "làm sao",
  "thế nào",
  "giải pháp",
  "we",
  "our",
  "us",
  "i",
  "my",
  "want",
  "wants",
  "need",
  "needs",
  "how",
  "can",
  "could",
  "would",
  "should",
  "like",
  "please",
];
