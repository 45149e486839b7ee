# madoguchi in one image: the app needs nothing else (SQLite is a file in /data). docs/operations.md.
# Build: docker build -t madoguchi .   Run: docker run -p 3000:3000 -v madoguchi-data:/data \
#   -v "$PWD/city.json:/etc/madoguchi/city.json:ro" -e CITY_CONFIG=/etc/madoguchi/city.json \
#   -e SESSION_SECRET=... -e PUBLIC_URL=https://... madoguchi
# scripts/check-image.sh builds it and checks it as docs/operations.md runs it.
# The Node.js of .nvmrc, which the suite runs on (ADR 0045). No compiler: every native module comes prebuilt.
FROM node:24-bookworm-slim AS build
WORKDIR /app
# .npmrc: a dependency's install script runs only if package.json's allowScripts lists it.
COPY package.json package-lock.json .npmrc ./
# patches/: fixes to dependencies, applied by patch-package after the install (ADR 0041).
COPY patches ./patches
RUN npm ci
COPY . .
# Development tools (TypeScript, the test browsers' driver, the linters) stay behind; tsx stays for the operator's
# commands (create-admin, backup, restore, retention, audit:verify).
RUN npm run build && npm prune --omit=dev

FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 DATABASE_PATH=/data/madoguchi.sqlite DEMO=off
# Everything the server and the operator's commands read at run time.
COPY --from=build /app /app
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s CMD node -e "fetch('http://127.0.0.1:3000/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# SIGTERM: /readyz turns 503, running requests finish, the database closes (app/server.ts).
CMD ["node", "build/index.js"]
