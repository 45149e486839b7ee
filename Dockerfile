# madoguchi in one image: the app needs nothing else (SQLite is a file in /data). docs/operations.md.
# Build: docker build --pull -t madoguchi .   Run: docker run -p 3000:3000 -v madoguchi-data:/data \
#   --env-file madoguchi.env -v "$PWD/city.json:/etc/madoguchi/city.json:ro" -e CITY_CONFIG=/etc/madoguchi/city.json \
#   madoguchi   (madoguchi.env: SESSION_SECRET=..., PUBLIC_URL=...)
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
# Test and lint tools stay behind; tsx stays for the operator's commands (create-admin, backup, restore, retention,
# audit:verify), and TypeScript, which Remix's packages name as an optional peer. The staff printouts read the regular
# weight of each Noto font (FONT_FILES in app/backoffice/pdf-fonts.server.ts): the other weights, 190 MB, stay behind.
RUN npm run build && npm prune --omit=dev \
  && find node_modules/@expo-google-fonts -name '*.ttf' ! -name '*_400Regular.ttf' -delete

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
