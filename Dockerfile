# syntax=docker/dockerfile:1
#
# OpenCall: one image for every role of the product.
#   docker build -t opencall .
#   docker run … opencall            # `all`: API + workers (+ the ARI simulator when ARI_URL is unset)
#   docker run … opencall api        # API only
#   docker run … opencall worker     # workers only
# Migrations are applied by the app itself at start (read from prisma/migrations).

ARG NODE_IMAGE=node:20-bookworm-slim

# ---------------------------------------------------------------------------------------------
# build: install everything, generate the Prisma client, compile, then drop the dev dependencies
# ---------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app

# `prisma generate` needs no schema engine: any existing file will do (same as .ci/run).
ENV PRISMA_SCHEMA_ENGINE_BINARY=/bin/true \
    CHECKPOINT_DISABLE=1

COPY package.json package-lock.json ./
# --ignore-scripts: no dependency install script runs. package.json "allowScripts" denies every
# dependency script the lockfile carries (prisma, @prisma/engines, @swc/core …), and the npm of
# this base image (10.x) does not read "allowScripts", so it must not run them either. The root
# `postinstall` (prisma generate) is skipped here as well and run explicitly below.
# The committed lock lists every platform's optional packages, so `npm ci` installs it exactly.
RUN --mount=type=cache,target=/root/.npm \
    npm ci --ignore-scripts --no-audit --no-fund

COPY . .
RUN PRISMA_SCHEMA_ENGINE_BINARY=/bin/true npm run generate
RUN npm run build
RUN npm prune --omit=dev --ignore-scripts --no-audit --no-fund

# ---------------------------------------------------------------------------------------------
# runtime: compiled code, production dependencies, migrations; runs as the unprivileged `node`
# ---------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app

# Speech for talk actions on a real Asterisk: espeak-ng speaks, sox makes 8 kHz mono WAV. The
# files go to TTS_DIRECTORY, a volume the Asterisk container mounts among its sounds.
RUN apt-get update \
 && apt-get install -y --no-install-recommends espeak-ng sox \
 && rm -rf /var/lib/apt/lists/* \
 && mkdir -p /var/lib/asterisk/sounds/opencall-tts \
 && chown node:node /var/lib/asterisk/sounds/opencall-tts

COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The migration runner walks up from dist/src/platform and finds /app/prisma/migrations.
COPY --from=build /app/prisma ./prisma

# Recording files (RECORDING_DIR=./recordings): writable by the app; mount a volume to keep them.
RUN mkdir -p /app/recordings && chown node:node /app/recordings

USER node

# 3000: the API (GraphQL at /graphql, REST at /v1.0, the console at /console, /healthz, /readyz, /metrics).
# 8088: the embedded ARI simulator and its /sim control surface (only when ARI_URL is unset;
#       set SIM_HOST=0.0.0.0 to reach it from outside the container).
EXPOSE 3000 8088

ENTRYPOINT ["node", "dist/src/main.js"]
CMD ["all"]
