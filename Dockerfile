# syntax=docker/dockerfile:1
# Hanoi Tech Exchange: the production image.
#
#   docker build -t hanoi-tech-exchange .                          # the app (target "runtime")
#   docker build --target migrate -t hanoi-tech-exchange-migrate .  # applies migrations, then exits
#
# The app image serves the production build and runs no migrations and no
# demo seed: migrations are one step of a deploy, run once (compose.yaml's
# "migrate" service), not by every app process as it starts. The Prisma CLI
# that applies them is a development dependency, so it lives only in the
# migrate image.

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- deps: every dependency, installed exactly as the lockfile says --------
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
# better-sqlite3 is a native module: npm fetches a prebuilt binary, or
# compiles it when none fits.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
# Only what `npm ci` and its postinstall read (patch-package, then
# db:generate writing both Prisma clients from the schema), so this layer is
# rebuilt only when dependencies or the schema change.
COPY package.json package-lock.json ./
COPY patches ./patches
COPY prisma/schema.prisma prisma/prisma.config.ts ./prisma/
COPY scripts/db-generate.ts scripts/prisma-cli.ts ./scripts/
COPY app/db-url.ts ./app/
RUN npm ci --no-audit --no-fund

# ---- build: the Remix production build ------------------------------------
FROM deps AS build
COPY . .
RUN npm run build

# ---- migrate: `prisma migrate deploy` on DATABASE_URL, then exit ----------
# Also the image for one-off tasks that need the full toolchain:
# npm run db:backup / db:restore (pg_dump/pg_restore of the compose file's
# PostgreSQL 15), npm run search:reindex, npm run import.
FROM build AS migrate
RUN apt-get update \
 && apt-get install -y --no-install-recommends postgresql-client-15 \
 && rm -rf /var/lib/apt/lists/*
USER node
CMD ["node", "--import", "tsx", "scripts/db-migrate.ts"]

# ---- prod-deps: the same node_modules without development dependencies ----
# Pruned rather than installed again: the native module already built and
# the patch-package patches already applied stay as they are.
FROM deps AS prod-deps
RUN npm prune --omit=dev --no-audit --no-fund

# ---- runtime ---------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORT=3000
WORKDIR /app
# Code and dependencies belong to root and are read-only for the app's user.
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/package.json /app/tsconfig.json ./
COPY --from=build /app/build ./build
COPY --from=build /app/public ./public
# The Express host (app/server/main.ts) runs from source through tsx, and
# imports the generated Prisma clients in app/generated and the search engines.
COPY --from=build /app/app ./app
COPY --from=build /app/search ./search
# For one-off tasks in a running container (npm run search:reindex, …).
COPY --from=build /app/scripts ./scripts
# The only folders the app writes to when storage is local: uploads, the mail
# outbox and the embedded search index (var/), the open-data files (data/).
# With S3, SMTP and Meilisearch configured the container keeps no state.
RUN mkdir -p var data/open-data && chown -R node:node var data
USER node
EXPOSE 3000
# Alive, not ready: a container whose database is down is not restarted for
# it. The proxy asks /readyz before sending traffic. The slim image has no
# curl; Node's fetch does the request.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Exec form, no npm or shell in between: Node gets SIGTERM itself, stops
# accepting, finishes the requests in flight and exits within
# SHUTDOWN_TIMEOUT_MS. The flags are scripts/server-command.ts's.
CMD ["node", "--max-semi-space-size=32", "--import", "tsx", "app/server/main.ts"]
