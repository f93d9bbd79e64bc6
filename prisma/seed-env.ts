// Imported first by seed.ts, before anything reads the environment: the seed
// writes its own curation cards (and skips them when any exist), so boards
// must not fill themselves in the background while it publishes problems.
process.env.CURATION_AUTOFILL = "off";
