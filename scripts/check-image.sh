#!/usr/bin/env bash
# Builds the Docker image and runs it as docs/operations.md tells a city's IT staff to, then checks what they rely on:
# it becomes ready and healthy on an empty volume, reads the city's file, serves pages as an unprivileged user with
# the demo off, creates the first administrator who can then sign in, backs up while running, restores with the
# server stopped, runs the retention job and the audit chain check, holds no test tools, writes JSON log lines, and
# stops cleanly on SIGTERM. Needs Docker, node, openssl and curl; not part of npm test (CI has no Docker daemon).
#   scripts/check-image.sh [image-tag]   SKIP_BUILD=1: check an image already built under that tag;
#                                        NO_PULL=1: build on the local base image (a machine without a registry)
set -euo pipefail
cd "$(dirname "$0")/.."
image=${1:-madoguchi-check}
name=madoguchi-check-$$
volume=madoguchi-check-$$
config=$(mktemp -d)
fail() {
  echo "FAIL: $*" >&2
  docker logs --tail 30 "$name" >&2 || true
  exit 1
}
cleanup() {
  docker rm -f "$name" >/dev/null 2>&1 || true
  docker volume rm "$volume" >/dev/null 2>&1 || true
  rm -rf "$config"
}
trap cleanup EXIT

started=$(date +%s)
pull=--pull
[ -z "${NO_PULL:-}" ] || pull=--pull=false
[ -n "${SKIP_BUILD:-}" ] || docker build "$pull" -q -t "$image" . >/dev/null
echo "image: $(($(date +%s) - started)) s to build, $(docker image inspect -f '{{.Size}}' "$image" | awk '{printf "%.0f MB", $1 / 1e6}')"

# The city's file and the secrets, as the operator writes them: the city's file with a name of its own, to see it read.
node -e 'const c = require("./docs/city.example.json"); c.siteName.ja = "確認市 オンライン窓口"; console.log(JSON.stringify(c))' >"$config/city.json"
chmod 644 "$config/city.json"
(umask 077 && printf 'SESSION_SECRET=%s\nPUBLIC_URL=%s\n' "$(openssl rand -hex 32)" https://madoguchi.city.example.jp >"$config/madoguchi.env")
in_volume() { docker run --rm -v "$volume":/data --env-file "$config/madoguchi.env" "$image" "$@"; }
run() {
  docker run -d --name "$name" -p 127.0.0.1::3000 -v "$volume":/data --env-file "$config/madoguchi.env" \
    -v "$config/city.json:/etc/madoguchi/city.json:ro" -e CITY_CONFIG=/etc/madoguchi/city.json "$image" >/dev/null
}
now_ms() { node -p 'Date.now()'; }
url() { echo "http://127.0.0.1:$(docker port "$name" 3000/tcp | head -n 1 | sed 's/.*://')$1"; }
status() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
wait_ready() {
  for _ in $(seq 1 60); do
    [ "$(status "$(url /readyz)")" = 200 ] && return 0
    sleep 1
  done
  fail "/readyz did not answer 200 within 60 s"
}
create_admin() {
  docker exec -e ADMIN_PASSWORD="$password" "$name" npm run -s create-admin -- --username "$1" --name "確認 管理者" >/dev/null ||
    fail "create-admin $1"
}
signs_in() {
  [[ "$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -H 'Sec-Fetch-Site: same-origin' \
    --data-urlencode "username=$1" --data-urlencode "password=$password" --data-urlencode redirectTo= \
    "$(url /staff/login)")" == "302 "*"/staff" ]]
}

run
started=$(date +%s)
wait_ready
echo "ready $(($(date +%s) - started)) s after start, on an empty volume"

[ "$(docker exec "$name" id -u)" != 0 ] || fail "runs as root"
[ "$(docker exec "$name" printenv DEMO)" = off ] || fail "the demo is not off"
for path in / /healthz /staff/login /login; do
  code=$(status "$(url "$path")")
  [ "$code" = 200 ] || fail "GET $path answered $code"
done
grep -q "確認市 オンライン窓口" <<<"$(curl -s "$(url /)")" || fail "the home page does not show the city's file"
grep -qi '^cache-control: no-store' <<<"$(curl -s -D - -o /dev/null "$(url /)")" || fail "no Cache-Control: no-store on a page"
[ "$(status "$(url /login/demo)")" = 404 ] || fail "the demo sign-in answers with DEMO=off"
echo "pages: served as uid $(docker exec "$name" id -u), the city's file read, the demo off"
for tool in vitest @playwright/test eslint prettier; do
  ! docker exec -w /app "$name" node -e "require.resolve('$tool')" 2>/dev/null || fail "$tool is in the image"
done
echo "no test or lint tools in the image"
# The printouts' fonts survived the build's clean-up: a name in each of their scripts is covered by a font read.
docker exec -w /app "$name" node node_modules/tsx/dist/cli.mjs -e "
  import('/app/app/backoffice/pdf-fonts.server.ts').then(({ runsOf }) => {
    const runs = runsOf('山田 太郎 Nguyễn Thị Mai 김민준 张伟 गुरुङ');
    process.exit(runs.every((r) => r.covered) && new Set(runs.map((r) => r.face.file)).size === 4 ? 0 : 1);
  })" || fail "the printouts' fonts are missing"
echo "printout fonts: the four faces read ($(docker exec "$name" du -sh /app/node_modules/@expo-google-fonts | cut -f1) of font packages)"

password=$(openssl rand -base64 18)
create_admin first-admin
signs_in first-admin || fail "the new administrator cannot sign in"
echo "create-admin: the administrator signs in"

docker exec "$name" npm run -s backup >/dev/null || fail "backup"
backup=$(docker exec "$name" sh -c 'ls /data/backups/madoguchi-*.sqlite' | head -n 1)
[ -n "$backup" ] || fail "npm run backup wrote nothing into /data/backups"
docker exec "$name" npm run -s audit:verify >/dev/null || fail "audit:verify on the database"
docker exec "$name" npm run -s audit:verify "$backup" >/dev/null || fail "audit:verify on the backup"
docker exec "$name" npm run -s retention >/dev/null || fail "retention"
echo "backup (into the volume: $backup), audit:verify (database and backup), retention: each ran in the container"

for _ in $(seq 1 45); do
  health=$(docker inspect -f '{{.State.Health.Status}}' "$name")
  [ "$health" = healthy ] && break
  sleep 1
done
[ "$health" = healthy ] || fail "HEALTHCHECK says $health"
echo "HEALTHCHECK: healthy"

docker logs "$name" 2>&1 | node -e '
  const lines = require("fs").readFileSync(0, "utf8").split("\n").filter(Boolean);
  const bad = lines.filter((l) => { try { JSON.parse(l); return false; } catch { return true; } });
  if (bad.length) { console.error("not JSON:", bad.slice(0, 3)); process.exit(1); }
  console.log(`logs: ${lines.length} lines, all JSON`);' || fail "log lines that are not JSON"

# A second administrator after the backup: restoring the backup must take it away again.
create_admin second-admin
started=$(now_ms)
docker stop -t 20 "$name" >/dev/null
stopped_ms=$(($(now_ms) - started))
[ "$(docker inspect -f '{{.State.ExitCode}}' "$name")" = 0 ] || fail "exit code $(docker inspect -f '{{.State.ExitCode}}' "$name") after SIGTERM"
echo "SIGTERM: exited 0 in $stopped_ms ms"

in_volume npm run -s restore "$backup" >/dev/null || fail "restore"
docker start "$name" >/dev/null
wait_ready
signs_in first-admin || fail "the administrator of the backup cannot sign in after the restore"
! signs_in second-admin || fail "the restore kept an administrator created after the backup"
echo "restore with the server stopped: the backup's administrator signs in, the later one is gone"
echo "image check passed"
