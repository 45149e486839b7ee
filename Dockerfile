# madoguchi in one image: the app needs nothing else (SQLite is a file in /data). docs/operations.md.
# Build: docker build -t madoguchi .   Run: docker run -p 3000:3000 -v madoguchi-data:/data \
#   -e SESSION_SECRET=... -e CITY_CONFIG=/data/city.json -e PUBLIC_URL=https://... madoguchi
FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 compiles from source where no prebuilt binary fits.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# patches/: fixes to dependencies, applied by patch-package after the install (ADR 0041).
COPY patches ./patches
RUN npm ci
COPY . .
RUN npm run build

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 DATABASE_PATH=/data/madoguchi.sqlite DEMO=off
# Everything the server and the operator's commands (create-admin, backup, restore) read at run time.
COPY --from=build /app /app
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s CMD node -e "fetch('http://127.0.0.1:3000/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# SIGTERM: /readyz turns 503, running requests finish, the database closes (app/server.ts).
CMD ["node", "build/index.js"]
