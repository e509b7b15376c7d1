#!/usr/bin/env bash
# Runs OdooFunctions on this machine: `npm start` (or `bash infra/local/start.sh`).
#
#  1. checks the tools (.NET SDK, Node.js/npm, Azure Functions Core Tools v4),
#  2. installs Azurite from npm when node_modules lacks it, starts it on 127.0.0.1:10000-10002
#     with its data under .azurite/ (an Azurite already listening there is used as it is),
#  3. creates local.settings.json from local.settings.example.json when it is missing,
#  4. builds the Functions app,
#  5. when no ODOO_URL is configured (environment or local.settings.json), starts the demo Odoo
#     (tests/OdooFunctions.Doubles, seeded data, loopback only) and points the app at it through
#     environment variables, which Core Tools prefer over local.settings.json; a configured ODOO_URL
#     is never replaced,
#  6. when no DASHBOARD_API_URL is configured, starts the demo dashboard (its orders linked to the demo Odoo's
#     manufacturing orders, a few of them stale) and points the sync at it the same way,
#  7. runs `func start` in src/OdooFunctions.Functions.
# Everything it started (Azurite, the demo Odoo) is stopped when it exits.
#
# Options:
#   --check   do everything except `func start`: report what would run, log in to the demo Odoo once, run
#             one status sync with the app's own code (src/OdooFunctions.Cli), stop the children, exit 0
#             (also ODOOFUNCTIONS_DRY_RUN=1). Core Tools are optional here.
#   --help    this text.
# Environment: ODOOFUNCTIONS_DEMO_ODOO_PORT (default 8069; a busy port falls back to a free one),
#   ODOOFUNCTIONS_DEMO_DASHBOARD_PORT (default 5000, likewise),
#   ODOOFUNCTIONS_START_TIMEOUT (seconds to wait for Azurite / the demo Odoo, default 60).
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"

check_only="${ODOOFUNCTIONS_DRY_RUN:-0}"
for arg in "$@"; do
  case "$arg" in
    --check | --dry-run) check_only=1 ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "start.sh: unknown option '$arg' (try --help)" >&2; exit 64 ;;
  esac
done
[ "$check_only" = "1" ] || [ "$check_only" = "true" ] && check_only=1 || check_only=0

timeout="${ODOOFUNCTIONS_START_TIMEOUT:-60}"
functions_project="src/OdooFunctions.Functions"
cli_project="src/OdooFunctions.Cli"
doubles_project="tests/OdooFunctions.Doubles"
settings="local.settings.json"
run_dir="$(mktemp -d "${TMPDIR:-/tmp}/odoofunctions-local.XXXXXX")"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
warn() { printf '\033[33mWARNING: %s\033[0m\n' "$*" >&2; }
die() { printf '\033[31mERROR: %s\033[0m\n' "$1" >&2; exit "${2:-1}"; }

# ---------- children: started here, stopped here ----------
azurite_pid=""
demo_pid=""
dashboard_pid=""
func_pid=""
stop_child() { # pid signal: that signal, then TERM, then KILL, 5 s apart
  local pid=$1 sig signals="$2 TERM KILL"
  [ "$2" = TERM ] && signals="TERM KILL"
  for sig in $signals; do
    kill -0 "$pid" 2>/dev/null || break
    kill "-$sig" "$pid" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  done
  { wait "$pid"; } 2>/dev/null || true
}
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  # func first (Ctrl+C is how it likes to be stopped), then what it used.
  [ -n "$func_pid" ] && stop_child "$func_pid" INT
  [ -n "$dashboard_pid" ] && stop_child "$dashboard_pid" TERM
  [ -n "$demo_pid" ] && stop_child "$demo_pid" TERM
  [ -n "$azurite_pid" ] && stop_child "$azurite_pid" TERM
  [ -n "$dashboard_pid$demo_pid$azurite_pid" ] && echo "Stopped what this script started (demo dashboard / demo Odoo / Azurite)."
  rm -rf "$run_dir"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# ---------- 1. tools ----------
command -v dotnet >/dev/null 2>&1 || die ".NET SDK not found. Install the .NET 10 SDK: https://dotnet.microsoft.com/download" 2
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 ||
  die "Node.js and npm not found (Azurite runs on Node.js). Install Node.js 20 or later: https://nodejs.org" 2

func_hint() {
  cat >&2 <<'EOF'
Azure Functions Core Tools v4 (`func`) not found on PATH. Install them, then run `npm start` again:
  npm:            npm i -g azure-functions-core-tools@4 --unsafe-perm true
  macOS:          brew tap azure/functions && brew install azure-functions-core-tools@4
  Ubuntu/Debian:  add Microsoft's package repository (https://learn.microsoft.com/azure/azure-functions/functions-run-local),
                  then: sudo apt-get update && sudo apt-get install azure-functions-core-tools-4
  Windows:        winget install Microsoft.Azure.FunctionsCoreTools
EOF
}
func_version=""
if command -v func >/dev/null 2>&1; then
  func_version="$(func --version 2>/dev/null | head -n 1 || true)"
fi
if [ -z "$func_version" ]; then
  if [ "$check_only" = 1 ]; then
    warn "Core Tools (func) not found: --check goes on without them; \`npm start\` would stop here."
    func_hint
  else
    func_hint
    die "Core Tools missing: nothing was started." 3
  fi
elif [ "${func_version%%.*}" != "4" ]; then
  die "Core Tools $func_version found, version 4 needed: npm i -g azure-functions-core-tools@4 --unsafe-perm true" 3
fi

# ---------- 2. Azurite ----------
if listening 10000 && listening 10001 && listening 10002; then
  say "Azurite: already listening on 127.0.0.1:10000-10002, using it"
elif listening 10000 || listening 10001 || listening 10002; then
  die "Some of the ports 10000-10002 are taken but not all: stop whatever holds them (an old Azurite?) and retry."
else
  if [ ! -x node_modules/.bin/azurite ]; then
    say "Azurite: installing from npm (npm ci)"
    npm ci --no-audit --no-fund >"$run_dir/npm.log" 2>&1 || { cat "$run_dir/npm.log" >&2; die "npm ci failed"; }
  fi
  mkdir -p .azurite
  say "Azurite: starting on 127.0.0.1 (data in .azurite/, log in .azurite/azurite.log)"
  node_modules/.bin/azurite --silent --skipApiVersionCheck --loose --location .azurite \
    --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 >.azurite/azurite.log 2>&1 &
  azurite_pid=$!
  disown "$azurite_pid" # stopped by the trap; no job notices from bash
  waited=0
  until listening 10000 && listening 10001 && listening 10002; do
    kill -0 "$azurite_pid" 2>/dev/null || { tail -n 20 .azurite/azurite.log >&2; die "Azurite exited before it listened."; }
    [ "$waited" -lt $((timeout * 2)) ] || die "Azurite did not listen within ${timeout}s (see .azurite/azurite.log)."
    sleep 0.5; waited=$((waited + 1))
  done
fi

# ---------- 3. local.settings.json ----------
if [ ! -f "$settings" ]; then
  cp local.settings.example.json "$settings"
  say "Created $settings from local.settings.example.json (git ignores it: put your own values there)"
fi
setting() {
  node -e '
    const fs = require("fs");
    let s;
    try { s = JSON.parse(fs.readFileSync(process.argv[1], "utf8")); }
    catch (e) { console.error(`${process.argv[1]} is not valid JSON: ${e.message}`); process.exit(2); }
    const v = (s.Values || {})[process.argv[2]];
    process.stdout.write(v == null ? "" : String(v));' "$settings" "$1"
}
setting ODOO_URL >/dev/null || die "Fix $settings (compare with local.settings.example.json)."

# ---------- 4. build ----------
say "Building $functions_project"
dotnet build "$functions_project" --nologo -v q >"$run_dir/build.log" 2>&1 ||
  { tail -n 40 "$run_dir/build.log" >&2; die "Build failed."; }

# The demo programs (demo Odoo, demo dashboard) live in the doubles project; built once, when one is needed.
demo_dll=""
demo_program() {
  if [ -z "$demo_dll" ]; then
    say "Building $doubles_project (the demo Odoo and the demo dashboard)"
    dotnet build "$doubles_project" --nologo -v q >"$run_dir/build-doubles.log" 2>&1 ||
      { tail -n 40 "$run_dir/build-doubles.log" >&2; die "Build of the demo programs failed."; }
    demo_dll="$(dotnet msbuild "$doubles_project" -nologo -getProperty:TargetPath 2>/dev/null | tail -n 1)"
    [ -f "$demo_dll" ] || die "Demo program not found after the build ($demo_dll)."
  fi
}
# Starts a demo program in the background and waits for its "listening on" line; sets started_pid and started_line.
start_demo() { # name log args...
  local name=$1 log=$2 waited=0
  shift 2
  # The built program directly (what `dotnet run --project $doubles_project -- ...` runs), so that the pid here is
  # the server's own and stopping it stops the server.
  dotnet "$demo_dll" "$@" >"$log" 2>&1 &
  started_pid=$!
  disown "$started_pid"
  started_line=""
  until [ -n "$started_line" ]; do
    started_line="$(grep -m 1 ' listening on ' "$log" || true)"
    [ -n "$started_line" ] && break
    kill -0 "$started_pid" 2>/dev/null || { tail -n 20 "$log" >&2; die "The $name exited before it listened."; }
    [ "$waited" -lt $((timeout * 2)) ] || { tail -n 20 "$log" >&2; die "The $name did not listen within ${timeout}s."; }
    sleep 0.5; waited=$((waited + 1))
  done
}

# A setting as the host sees it: the environment first, then local.settings.json. Sets configured_value/_from.
configured() {
  configured_value="${!1:-}"
  configured_from="environment"
  if [ -z "$configured_value" ]; then configured_value="$(setting "$1")"; configured_from="$settings"; fi
}
# The port a demo listens on: the one asked for, or 0 (a free one) when something holds it already.
demo_port_for() { # port label
  if listening "$1"; then warn "Port $1 is taken: the $2 takes a free port instead."; echo 0; else echo "$1"; fi
}

# ---------- 5. Odoo: configured, or the demo ----------
configured ODOO_URL
odoo_url=$configured_value
odoo_source=$configured_from

if [ -n "$odoo_url" ]; then
  say "Odoo: $odoo_url (from $odoo_source; the demo Odoo is not started)"
else
  demo_program
  demo_port="$(demo_port_for "${ODOOFUNCTIONS_DEMO_ODOO_PORT:-8069}" "demo Odoo")"
  demo_log="$run_dir/demo-odoo.log"
  # The well-known demo key: it opens nothing but the demo Odoo, so it may be printed.
  demo_key="test-odoo-api-key-0123456789abcdef"
  start_demo "demo Odoo" "$demo_log" odoo --port "$demo_port" --api-key "$demo_key"
  demo_pid=$started_pid
  listening_line=$started_line
  # "Demo Odoo listening on http://127.0.0.1:8069 (database odoo_test, login api@yourcompany.com, version 19.0)"
  demo_url="$(printf '%s' "$listening_line" | sed -n 's/.*listening on \(http[^ ]*\).*/\1/p')"
  demo_db="$(printf '%s' "$listening_line" | sed -n 's/.*database \([^ ,)]*\).*/\1/p')"
  demo_user="$(printf '%s' "$listening_line" | sed -n 's/.*login \([^ ,)]*\).*/\1/p')"
  demo_version="$(printf '%s' "$listening_line" | sed -n 's/.*version \([^ ,)]*\).*/\1/p')"
  [ -n "$demo_url" ] || die "Could not read the demo Odoo's address from: $listening_line"
  demo_url="${demo_url%/}"
  export ODOO_URL="$demo_url" ODOO_DB="${demo_db:-odoo_test}" ODOO_USERNAME="${demo_user:-api@yourcompany.com}" ODOO_API_KEY="$demo_key"

  cat <<EOF

$(printf '\033[1;30;43m')################################################################################
##                                                                            ##
##   DEMO ODOO IN USE: no ODOO_URL is configured, so this run talks to the    ##
##   demo Odoo (a loopback stand-in with seeded demo data), NOT a real Odoo.  ##
##                                                                            ##
################################################################################$(printf '\033[0m')
   ODOO_URL=$ODOO_URL   ODOO_DB=$ODOO_DB   ODOO_USERNAME=$ODOO_USERNAME   (Odoo ${demo_version:-19.0})
   Its log: $demo_log
   To use your Odoo: set ODOO_URL, ODOO_DB, ODOO_USERNAME, ODOO_API_KEY in $settings.

EOF
  if [ -n "$(setting KEY_VAULT_URI)" ]; then
    warn "KEY_VAULT_URI is set in $settings: the app will read the Odoo API key from that vault, not the demo's key."
  fi
fi

# ---------- 6. dashboard: configured, or the demo ----------
configured DASHBOARD_API_URL
dashboard_url=$configured_value
dashboard_source=$configured_from

if [ -n "$dashboard_url" ]; then
  say "Dashboard API: $dashboard_url (from $dashboard_source; the demo dashboard is not started)"
else
  demo_program
  dashboard_port="$(demo_port_for "${ODOOFUNCTIONS_DEMO_DASHBOARD_PORT:-5000}" "demo dashboard")"
  dashboard_log="$run_dir/demo-dashboard.log"
  start_demo "demo dashboard" "$dashboard_log" dashboard --port "$dashboard_port" --odoo-version "${demo_version:-19.0}"
  dashboard_pid=$started_pid
  # "Demo dashboard listening on http://127.0.0.1:5000/api (token ..., 12 orders linked to the demo Odoo 19.0, 3 stale)"
  dashboard_line=$started_line
  DASHBOARD_API_URL="$(printf '%s' "$dashboard_line" | sed -n 's/.*listening on \(http[^ ]*\).*/\1/p')"
  [ -n "$DASHBOARD_API_URL" ] || die "Could not read the demo dashboard's address from: $dashboard_line"
  # The well-known demo token: it opens nothing but the demo dashboard, so it may be printed.
  export DASHBOARD_API_URL DASHBOARD_API_TOKEN="test-dashboard-token-0123456789abcdef"
  [ -z "$demo_pid" ] && warn "The demo dashboard's orders are linked to the demo Odoo's manufacturing orders, not to those of $odoo_url."

  cat <<EOF

$(printf '\033[1;30;46m')################################################################################
##                                                                            ##
##   DEMO DASHBOARD IN USE: no DASHBOARD_API_URL is configured, so the sync   ##
##   patches the demo dashboard (a loopback stand-in), NOT a real dashboard.  ##
##                                                                            ##
################################################################################$(printf '\033[0m')
   DASHBOARD_API_URL=$DASHBOARD_API_URL   ($(printf '%s' "$dashboard_line" | sed -n 's/.*(token [^,]*, \(.*\))$/\1/p'))
   Its orders: curl -H "Authorization: Bearer $DASHBOARD_API_TOKEN" "$DASHBOARD_API_URL/orders?has_odoo_mo=true"
   To use your dashboard: set DASHBOARD_API_URL and DASHBOARD_API_TOKEN in $settings.

EOF
fi

if [ -z "${AUTH_JWT_AUTHORITY:-}$(setting AUTH_JWT_AUTHORITY)" ]; then
  echo "Dashboard token for local calls: dotnet run --project $doubles_project -- token --role Admin"
fi

# ---------- 6b. the triggers' settings, push (Odoo webhooks) ----------
# The timer and the queue trigger name their schedule and queue by the SYNC_SCHEDULE and WEBHOOK_QUEUE settings,
# which the host has no default for: a local.settings.json without them would not start the app. The local webhook
# code is a demo value.
configured SYNC_SCHEDULE
[ -n "$configured_value" ] || export SYNC_SCHEDULE="0 */5 * * * *"
configured WEBHOOK_QUEUE
[ -n "$configured_value" ] || export WEBHOOK_QUEUE="odoo-mo-changes"
configured ODOO_WEBHOOK_SECRET
[ -n "$configured_value" ] || export ODOO_WEBHOOK_SECRET="LOCAL-ONLY-webhook-code-5c2e8f0a9d7b4e61"

# ---------- 7. func start ----------
if [ "$check_only" = 1 ]; then
  if [ -n "$demo_pid" ]; then
    # One real call, so --check proves the demo answers the protocol the app speaks.
    node -e '
      const [url, db, login, key] = process.argv.slice(1);
      const call = (method, args) => fetch(url + "/jsonrpc", {
          method: "POST", headers: { "Content-Type": "application/json" }, signal: AbortSignal.timeout(10000),
          body: JSON.stringify({ jsonrpc: "2.0", method: "call", params: { service: "common", method, args }, id: 1 }) })
        .then(r => r.json());
      (async () => {
        const version = await call("version", []);
        if (!version.result || !version.result.server_version) throw new Error("common.version: " + JSON.stringify(version).slice(0, 200));
        const uid = await call("authenticate", [db, login, key, {}]);
        if (typeof uid.result !== "number") throw new Error("common.authenticate refused the demo settings: " + JSON.stringify(uid).slice(0, 200));
        console.log(`Demo Odoo ${version.result.server_version} answered; ODOO_DB/ODOO_USERNAME/ODOO_API_KEY log in as uid ${uid.result}.`);
      })().catch(e => { console.error(`Demo Odoo check failed: ${e.message}`); process.exit(1); });' \
      "$ODOO_URL" "$ODOO_DB" "$ODOO_USERNAME" "$ODOO_API_KEY" ||
      die "The demo Odoo is not answering JSON-RPC."
  fi
  # One run of the app's own sync against what it will use (the demo dashboard and Odoo when they are in use).
  say "Running one status sync (dotnet run --project $cli_project -- sync)"
  sync_log="$run_dir/sync.log"
  dotnet run --project "$cli_project" -- sync --settings "$root/$settings" >"$sync_log" 2>"$run_dir/sync.err" ||
    { cat "$run_dir/sync.err" "$sync_log" >&2; die "The status sync failed."; }
  sync_record="$(tail -n 1 "$sync_log")"
  echo "   $sync_record"
  if [ -n "$dashboard_pid" ] && [ -n "$demo_pid" ]; then
    patched="$(printf '%s' "$sync_record" | sed -n 's/.*"patched":\([0-9]*\).*/\1/p')"
    [ "${patched:-0}" -gt 0 ] || die "The sync patched no demo dashboard order (expected the stale ones): $sync_record"
    echo "   The sync patched $patched stale order(s) of the demo dashboard."
  fi
  say "Check passed. \`npm start\` would now run: (cd $functions_project && func start)${func_version:+ with Core Tools $func_version}"
  exit 0
fi

http_port="$(node -e '
  const s = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  process.stdout.write(String((s.Host && s.Host.LocalHttpPort) || 7071));' "$settings")"
say "Starting the Functions host (Core Tools $func_version): http://localhost:$http_port/api/odoo/test  (Ctrl+C stops everything)"
# In the background and waited for, so that a signal to this script runs the trap at once (bash
# defers traps while a foreground child runs) and the trap stops func, the demo Odoo and Azurite.
# `trap -` gives func back the Ctrl+C that bash takes from background commands.
(trap - INT QUIT; cd "$functions_project" && exec func start) &
func_pid=$!
status=0
wait "$func_pid" || status=$?
func_pid=""
exit "$status"
