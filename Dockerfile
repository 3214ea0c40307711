# The product's image: API, workers and (when ARI_URL is unset) the embedded ARI simulator.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
# postinstall runs `prisma generate` (it needs no schema engine; see package.json).
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY bench ./bench
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/package.json ./
# Migrations are read at start from prisma/migrations.
COPY prisma ./prisma
USER node
EXPOSE 3000 8088
ENTRYPOINT ["node", "dist/src/main.js"]
CMD ["all"]
