# syntax=docker/dockerfile:1
# Node 26 is the Active LTS line since 2026-10-28 (nodejs/Release schedule.json; Node 24 entered
# Maintenance on 2026-10-20, Node 20 reached its end of life on 2026-04-30). Move on at the next
# October LTS promotion. `npm test` in this repository runs on Node 20.19+ (package.json engines).
# Build stage: dev dependencies, compile TypeScript to dist/.
FROM node:26-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY proto ./proto
COPY src ./src
# The demo page (GET /) is bundled from demo/ and the client SDK's sources.
COPY client/src ./client/src
COPY demo ./demo
RUN npm run build && npm prune --omit=dev

# Runtime stage: production dependencies and dist/ only, as the unprivileged `node` user.
FROM node:26-slim
ENV NODE_ENV=production PORT=8080
WORKDIR /app
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --from=build --chown=node:node /app/demo/dist ./demo/dist
# The admin console (/admin): static files, served as they are.
COPY --chown=node:node admin ./admin
COPY --chown=node:node package.json ./
USER node
EXPOSE 8080
# Liveness without curl in the image: node's own fetch.
HEALTHCHECK --interval=10s --timeout=3s --start-period=10s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/main.js"]
