#!/usr/bin/env bash
# Proves the packed n8n package in a real n8n 2.41.1 (pinned in scripts/n8n-tools.sh), against a sandbox:
#   1. installs artifacts/n8n-nodes-callbridge-<v>.tgz into $N8N_USER_FOLDER/.n8n/nodes;
#   2. imports credentials (sandbox accounts) and the example workflows of examples/n8n/;
#   3. `n8n execute`s each: the dyvms TTS call must come back with a final vendor-neutral result
#      (Wait for Result), and likewise the Volcengine one-off call, the PBX dial and the Outbound Bot job;
#   4. under `n8n start`, runs each credential's test through /rest/credentials/test: OK with the
#      sandbox secrets, a clear error with a wrong secret;
#   5. with the Call Receipt Trigger example published: a VoiceReport POSTed twice gets Alibaba's
#      expected answer both times and starts one execution; a sandbox TTS call's receipts start another.
# Usage: bash test/n8n/real-n8n-smoke.sh [tarball]   (RN_KEEP=1 keeps the scratch folder)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/real-n8n-lib.sh"

version=$(node -p "require('$RN_ROOT/package.json').version")
tgz=${1:-$RN_ROOT/artifacts/n8n-nodes-callbridge-$version.tgz}
[[ -f "$tgz" ]] || (cd "$RN_ROOT" && npm run --silent pack >&2)

rn_init
trap rn_cleanup EXIT
failures=0
check() { # NAME JS-EXPRESSION-ON-run  (reads the run JSON on stdin)
  if node -e "
    let s = ''; process.stdin.on('data', (d) => (s += d)).on('end', () => {
      const run = JSON.parse(s);
      const out = (name) => run.data.resultData.runData[name][0].data.main[0];
      const ok = (() => { $2 })();
      if (!ok) { console.error(JSON.stringify(run.data.resultData.runData, null, 1).slice(0, 3000)); process.exit(1); }
    });"; then rn_log "PASS $1"; else rn_log "FAIL $1"; failures=$((failures + 1)); fi
}

rn_start_sandbox --speed 30 --seed 5
rn_log "sandbox at $RN_SANDBOX_URL"
rn_install_package "$tgz"
rn_credentials_json >"$RN_DIR/credentials.json"
rn_import_credentials "$RN_DIR/credentials.json"
for wf in "$RN_ROOT"/examples/n8n/*.json; do rn_import_workflow "$wf"; done
rn_log "installed $(basename "$tgz"), imported credentials and $(ls "$RN_ROOT"/examples/n8n/*.json | wc -l) workflows"

final='const j = out(n)[0].json; return j.result && j.result.final === true && ["completed","no_answer","busy","failed","unknown"].includes(j.result.status) && j.wait.final === true;'

rn_execute cbExampleDyvms01 >"$RN_DIR/run-dyvms.json" || true
check "dyvms TTS call + wait (Alibaba Cloud Voice)" "const n = 'Place TTS call'; const j = out(n)[0].json; console.error('  dyvms:', JSON.stringify(j.result)); return /\\^/.test(j.CallId) && j.result.provider === 'dyvms' && j.result.callId === j.CallId && ['completed','no_answer','busy','failed'].includes(j.result.status) && j.result.final === true && j.raw && j.raw.callee === '13800000000';" <"$RN_DIR/run-dyvms.json"

rn_execute cbExampleVolc001 >"$RN_DIR/run-volc.json" || true
check "Volcengine one-off call + wait" "const n = 'Place one-off call'; console.error('  volcengine:', JSON.stringify(out(n)[0].json.result)); $final" <"$RN_DIR/run-volc.json"

rn_execute cbExamplePbx0001 >"$RN_DIR/run-pbx.json" || true
check "PBX dial_outbound + wait (login via preAuthentication)" "const n = 'Dial out'; console.error('  pbx:', JSON.stringify(out(n)[0].json.result)); return !!out(n)[0].json.callid && out(n)[0].json.result.final === true;" <"$RN_DIR/run-pbx.json"

rn_execute cbExampleObot001 >"$RN_DIR/run-obot.json" || true
check "Outbound Bot StartJob + wait, recording" "const n = 'Call one callee now'; const j = out(n)[0].json; const r = out('Get the recording')[0]; console.error('  outboundbot:', JSON.stringify(j.result), r.binary ? 'recording: ' + r.binary.recording.fileName : 'no recording: ' + r.json.error); return j.result.final === true && (!!(r.binary && r.binary.recording) || !!r.json.error);" <"$RN_DIR/run-obot.json"

# A PBX receipt trigger whose secret token is part of the URL path.
cat >"$RN_DIR/pbx-trigger.json" <<'JSON'
{"id": "cbSmokePbxRcpt01", "name": "smoke: PBX events, token in the path", "active": false, "settings": {"executionOrder": "v1"},
 "nodes": [{"parameters": {"vendor": "pbx", "secretToken": "smoke-secret", "tokenLocation": "path", "options": {}},
            "id": "7a1c6f0e-0001-4000-8000-000000000001", "name": "Call Receipt Trigger", "type": "n8n-nodes-callbridge.callReceiptTrigger",
            "typeVersion": 1, "position": [0, 0], "webhookId": "7a1c6f0e-0001-4000-8000-0000000000bb"}],
 "connections": {}}
JSON
rn_import_workflow "$RN_DIR/pbx-trigger.json"
for id in cbExampleRcpt001 cbSmokePbxRcpt01; do
  rn_n8n publish:workflow --id=$id >"$RN_DIR/publish.log" 2>&1 || { cat "$RN_DIR/publish.log" >&2; failures=$((failures + 1)); }
done
rn_log "starting n8n for the credential tests and the receipt trigger"
rn_start_n8n
rn_owner_login
creds=$(cat "$RN_DIR/credentials.json")
cred_test() { # NAME INDEX FIELD VALUE EXPECT(OK|Error)
  local body answer
  body=$(node -e "const c = JSON.parse(process.argv[1])[$2]; if (process.argv[2]) c.data[process.argv[2]] = process.argv[3]; console.log(JSON.stringify(c));" "$creds" "$3" "$4")
  answer=$(rn_credential_test "$body")
  if [[ "$answer" == *"\"status\":\"$5\""* ]]; then rn_log "PASS credential test $1: $answer"; else rn_log "FAIL credential test $1: $answer"; failures=$((failures + 1)); fi
}
cred_test "Alibaba Cloud API (sandbox secret)" 0 "" "" OK
cred_test "Alibaba Cloud API (wrong secret)" 0 accessKeySecret wrong-secret Error
cred_test "Volcengine API (sandbox secret)" 1 "" "" OK
cred_test "Volcengine API (wrong secret)" 1 secretAccessKey wrong-secret Error
cred_test "PBX API (sandbox password)" 2 "" "" OK
cred_test "PBX API (wrong password)" 2 password wrong-password Error

# 5. Call Receipt Trigger (example: Alibaba, final results only).
hook="http://127.0.0.1:$RN_N8N_PORT/webhook/6f1c6f0e-0005-4000-8000-0000000000aa/receipt"
receipt='[{"status_code":"200000","smart_status_code":"ANSWERED","hangup_direction":"用户","callee":"13800000000","duration":"7","originate_time":"2026-01-02 10:00:00","start_time":"2026-01-02 10:00:05","end_time":"2026-01-02 10:00:12","call_id":"900000000001^900000000001","out_id":"smoke-1"}]'
executions() { curl -sS -b "$RN_DIR/cookies" "http://127.0.0.1:$RN_N8N_PORT/rest/executions?filter=%7B%22workflowId%22%3A%22cbExampleRcpt001%22%7D" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{try{console.log(JSON.parse(s).data.count)}catch{console.log(-1)}})'; }
wait_executions() { # N SECONDS
  local i n
  for ((i = 0; i < $2 * 2; i++)); do n=$(executions); ((n >= $1)) && { echo "$n"; return 0; }; sleep 0.5; done
  echo "$n"
}
a1=$(curl -sS -X POST "$hook" -H 'content-type: application/json' -d "$receipt")
a2=$(curl -sS -X POST "$hook" -H 'content-type: application/json' -d "$receipt")
n=$(wait_executions 1 20); sleep 2; n=$(executions)
if [[ "$a1" == '{"code":0,"msg":"接收成功"}' && "$a2" == "$a1" && "$n" == 1 ]]; then rn_log "PASS receipt trigger: answer $a1 twice, $n execution (repeat dropped)"; else rn_log "FAIL receipt trigger: answers $a1 / $a2, executions $n"; failures=$((failures + 1)); fi
curl -sS -X POST "$RN_SANDBOX_URL/_sandbox/config" -d "{\"receiptUrl\": \"$hook\"}" >/dev/null
(cd "$RN_ROOT" && env ALIBABA_CLOUD_ACCESS_KEY_ID=sandbox-ak ALIBABA_CLOUD_ACCESS_KEY_SECRET=sandbox-secret CALLBRIDGE_DYVMS_ENDPOINT="$RN_SANDBOX_URL/dyvms/" \
  node_modules/.bin/tsx mcp/cli.ts invoke dyvms.SingleCallByTts --input '{"CalledNumber":"13800000055","TtsCode":"TTS_100001","OutId":"smoke-2"}' >"$RN_DIR/cli-call.json" 2>"$RN_DIR/cli-call.log") || true
n=$(wait_executions 2 60); sleep 3; n=$(executions)
if [[ "$n" == 2 ]]; then rn_log "PASS receipt trigger: the sandbox's final VoiceReport for $(node -p "require('$RN_DIR/cli-call.json').CallId" 2>/dev/null) started an execution"; else rn_log "FAIL receipt trigger: sandbox push, executions $n (cli: $(cat "$RN_DIR/cli-call.json" "$RN_DIR/cli-call.log" | head -c 300))"; failures=$((failures + 1)); fi

pbxhook="http://127.0.0.1:$RN_N8N_PORT/webhook/7a1c6f0e-0001-4000-8000-0000000000bb/receipt"
cdr='{"action":"NewCdr","callid":"1495779454.374","timestart":"2017-05-25 22:17:34","callfrom":"1002","callto":"41004","callduraction":"4","talkduraction":"4","status":"ANSWERED","type":"Outbound"}'
p1=$(curl -sS -X POST "$pbxhook/smoke-secret" -H 'content-type: application/json' -d "$cdr")
p2=$(curl -sS -o /dev/null -w '%{http_code}' -X POST "$pbxhook" -H 'content-type: application/json' -d "$cdr")
p3=$(curl -sS -o /dev/null -w '%{http_code}' -X POST "$pbxhook/wrong-secret" -H 'content-type: application/json' -d "$cdr")
if [[ "$p1" == '{"status":"Success"}' && "$p2" == 404 && "$p3" == 404 ]]; then rn_log "PASS PBX receipt trigger with the token in the path: $p1; without or with a wrong token: HTTP $p2/$p3"; else rn_log "FAIL PBX receipt trigger (path token): $p1 / $p2 / $p3"; failures=$((failures + 1)); fi

if ((failures)); then rn_log "$failures check(s) failed; logs in $RN_DIR (set RN_KEEP=1 to keep it)"; exit 1; fi
rn_log "all checks passed"
