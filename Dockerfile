# One image for every service; docker-compose picks the entry point per container.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY packages ./packages
COPY services ./services
COPY seeds ./seeds
COPY test/support/package.json ./test/support/package.json
COPY migrations ./migrations
COPY tsconfig.base.json tsconfig.build.json ./
RUN npm ci --no-audit --no-fund && npm run build && npm prune --omit=dev

# The gateway (docker-compose `console`): nginx with the built console and the routing table.
FROM nginx:1.27 AS gateway
COPY --from=build /app/services/console/dist /usr/share/nginx/html
COPY docker/nginx.conf /etc/nginx/conf.d/default.conf

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app /app
EXPOSE 3000
CMD ["node", "--max-old-space-size=256", "services/app/dist/main.js"]
