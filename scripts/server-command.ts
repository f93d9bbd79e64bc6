// How every script starts the production server (npm start, the benchmarks,
// the e2e server), so they all measure and run the same thing.
// --max-semi-space-size=32: V8's young generation grows from its 16 MB
// default to 32 MB per semi-space. A page render allocates a few MB that die
// young; with the default, scavenges were about a tenth of a signed-in page's
// CPU. Measured on /orgs at 20 connections: ~110 → ~130-140 req/s, for about
// 50 MB more resident memory (64 MB gave ~150 req/s for ~150 MB more).
export const SERVER_NODE_ARGS = ["--max-semi-space-size=32", "--import", "tsx", "app/server/main.ts"];
