#!/usr/bin/env bash
# Helpers to run the packed n8n-nodes-callbridge in a real, pinned n8n against a callbridge sandbox.
# Source it:  source test/n8n/real-n8n-lib.sh
# Functions (all state under $RN_DIR, a fresh scratch folder; call rn_cleanup at exit):
#   rn_init                  tools (scripts/n8n-tools.sh), scratch folder, free ports, n8n env
#   rn_start_sandbox [args]  callbridge sandbox on $RN_SANDBOX_PORT (extra args e.g. --speed 30); sets $RN_SANDBOX_URL
#   rn_install_package TGZ   npm i the tarball into $N8N_USER_FOLDER/.n8n/nodes (node types n8n-nodes-callbridge.*)
#   rn_credentials_json      credentials of the three types pointing at the sandbox (good secrets), on stdout
#   rn_import_credentials F  n8n import:credentials
#   rn_import_workflow F     n8n import:workflow
#   rn_execute ID            n8n execute --id=ID; the run's JSON on stdout (log lines dropped), exit code kept
#   rn_start_n8n             n8n start on $RN_N8N_PORT, waits for readiness; rn_owner_login sets up the owner (cookie in $RN_DIR/cookies)
#   rn_credential_test JSON  POST /rest/credentials/test with {"credentials": JSON}; prints the answer's data
# See docs/dev/n8n-tools.md and ../shared/reference/n8n-and-mcp-testing.md.

RN_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RN_PIDS=()

rn_log() { printf '[real-n8n] %s\n' "$*" >&2; }

rn_free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }

rn_init() {
  eval "$(bash "$RN_ROOT/scripts/n8n-tools.sh")"
  RN_DIR=$(mktemp -d "${TMPDIR:-/tmp}/callbridge-real-n8n.XXXXXX")
  RN_SANDBOX_PORT=$(rn_free_port)
  RN_N8N_PORT=$(rn_free_port)
  export N8N_USER_FOLDER="$RN_DIR/n8n"
  export N8N_ENCRYPTION_KEY=callbridge-test-key-0123456789
  export N8N_DIAGNOSTICS_ENABLED=false N8N_DISABLED_MODULES=mcp-registry N8N_LISTEN_ADDRESS=127.0.0.1
  export N8N_PORT=$RN_N8N_PORT N8N_RUNNERS_BROKER_PORT=$(rn_free_port)
  # (`n8n execute` prints the run's JSON at log level info: keep N8N_LOG_LEVEL at info or lower.)
  export N8N_PERSONALIZATION_ENABLED=false N8N_VERSION_NOTIFICATIONS_ENABLED=false
  export N8N_SECURE_COOKIE=false N8N_HIRING_BANNER_ENABLED=false
  mkdir -p "$N8N_USER_FOLDER/.n8n/nodes"
  rn_log "scratch: $RN_DIR (sandbox :$RN_SANDBOX_PORT, n8n :$RN_N8N_PORT)"
}

rn_cleanup() {
  local pid i
  # Each background process was started with `exec setsid`: its pid leads its own process group.
  for pid in "${RN_PIDS[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  for pid in "${RN_PIDS[@]}"; do
    for ((i = 0; i < 40 && $(kill -0 "$pid" 2>/dev/null && echo 1 || echo 0); i++)); do sleep 0.25; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  done
  if [[ -n "${RN_KEEP:-}" ]]; then rn_log "kept $RN_DIR"; else rm -rf "$RN_DIR"; fi
}

rn_wait_http() { # URL SECONDS
  local i
  for ((i = 0; i < $2 * 4; i++)); do
    curl -sf -o /dev/null "$1" && return 0
    sleep 0.25
  done
  rn_log "timed out waiting for $1"
  return 1
}

rn_start_sandbox() {
  (cd "$RN_ROOT" && exec setsid node_modules/.bin/tsx mcp/cli.ts sandbox --port "$RN_SANDBOX_PORT" "$@" >"$RN_DIR/sandbox.log" 2>&1) &
  RN_PIDS+=($!)
  RN_SANDBOX_URL="http://127.0.0.1:$RN_SANDBOX_PORT"
  rn_wait_http "$RN_SANDBOX_URL/_sandbox/config" 30
}

rn_install_package() {
  local tgz
  tgz=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
  (cd "$N8N_USER_FOLDER/.n8n/nodes" && npm i --legacy-peer-deps --no-audit --no-fund --loglevel=error "$tgz" >&2)
}

# The sandbox's default accounts (sandbox/accounts.ts); endpoint overrides point at $RN_SANDBOX_URL.
rn_credentials_json() {
  cat <<JSON
[
  {"id": "cbAlibabaSandbx1", "name": "Alibaba Cloud (sandbox)", "type": "callbridgeAlibabaCloudApi",
   "data": {"accessKeyId": "sandbox-ak", "accessKeySecret": "sandbox-secret", "securityToken": "", "region": "cn-shanghai", "endpoint": "$RN_SANDBOX_URL/"}},
  {"id": "cbVolcengineSbx1", "name": "Volcengine (sandbox)", "type": "callbridgeVolcengineApi",
   "data": {"accessKeyId": "sandbox-volc-ak", "secretAccessKey": "sandbox-volc-sk", "region": "cn-north-1", "endpoint": "$RN_SANDBOX_URL/volcengine/"}},
  {"id": "cbPbxSandbox0001", "name": "PBX (sandbox)", "type": "callbridgePbxApi",
   "data": {"token": "", "baseUrl": "$RN_SANDBOX_URL/pbx", "username": "sandbox", "password": "sandbox-password", "apiVersion": "v1.1.0",
            "eventPort": "8260", "eventUrl": "", "eventVersion": "", "ignoreTlsErrors": false, "caCertificate": ""}}
]
JSON
}

rn_n8n() { "$N8N_BIN" "$@"; }

rn_import_credentials() { rn_n8n import:credentials --input="$1" >"$RN_DIR/import-credentials.log" 2>&1 || { cat "$RN_DIR/import-credentials.log" >&2; return 1; }; }
rn_import_workflow() { rn_n8n import:workflow --input="$1" >"$RN_DIR/import-workflow.log" 2>&1 || { cat "$RN_DIR/import-workflow.log" >&2; return 1; }; }

rn_execute() {
  local out="$RN_DIR/execute-$1.log" code=0
  rn_n8n execute --id="$1" >"$out" 2>&1 || code=$?
  # The run's JSON is the block from the first line "{" to the first line "}"; log lines come around it.
  awk '!found && /^\{/ { found = 1 } found && !done { print } found && /^\}$/ { done = 1 }' "$out"
  return $code
}

rn_start_n8n() {
  (exec setsid "$N8N_BIN" start >"$RN_DIR/n8n.log" 2>&1) &
  RN_PIDS+=($!)
  rn_wait_http "http://127.0.0.1:$RN_N8N_PORT/healthz/readiness" 90
}

rn_owner_login() {
  curl -sS -c "$RN_DIR/cookies" -X POST "http://127.0.0.1:$RN_N8N_PORT/rest/owner/setup" -H 'content-type: application/json' \
    -d '{"email":"owner@example.com","firstName":"Test","lastName":"Owner","password":"Passw0rd-callbridge"}' >/dev/null
}

rn_credential_test() {
  curl -sS -b "$RN_DIR/cookies" -X POST "http://127.0.0.1:$RN_N8N_PORT/rest/credentials/test" -H 'content-type: application/json' \
    -d "{\"credentials\": $1}" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{try{console.log(JSON.stringify(JSON.parse(s).data))}catch{console.log(s)}})'
}
