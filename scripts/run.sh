#!/usr/bin/env bash
# Runs CartRecovery locally: Azurite (blob/queue/table, data in .data/azurite), MailDev (SMTP 1025, web UI 1080)
# and the self-hosted server on http://127.0.0.1:7071 (the same port and /api prefix as `func start`).
# Every setting can be overridden with environment variables in ASP.NET Core's Section__Key form; they pass through.
# Ctrl-C stops everything this script started.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$(repo_root)"

need dotnet "Install the .NET 10 SDK."
ensure_node_packages

data=.data
pids_file=$data/run.pids
mkdir -p "$data/azurite"

# The first line of the PID file names the run that owns the services ("run PID URL"); the others are their PIDs.
# While that run is alive, a second one in this checkout stops here instead of taking its services away.
if [ -f "$pids_file" ]; then
  read -r tag owner url < "$pids_file" || true
  if [ "${tag:-}" = run ] && [ -n "${owner:-}" ] && [ "$owner" != "$$" ] && kill -0 "$owner" 2>/dev/null \
     && grep -qs run.sh "/proc/$owner/cmdline"; then
    echo "CartRecovery is already running from this checkout: scripts/run.sh, PID $owner, at ${url:-its configured address}." >&2
    echo "Use that one, or stop it first (Ctrl-C in its terminal, or kill $owner)." >&2
    exit 1
  fi
  # A crash (or kill -9) of an earlier run can leave its services behind: stop those, and only those.
  while read -r pid _; do
    if [ -n "$pid" ] && [ "$pid" != run ] && grep -qs -e azurite -e maildev -e CartRecovery.Server "/proc/$pid/cmdline"; then
      log "stopping process $pid left behind by an earlier run"
      kill "$pid" 2>/dev/null || true
    fi
  done < "$pids_file"
  rm -f "$pids_file"
  sleep 0.5
fi

export ASPNETCORE_URLS=${ASPNETCORE_URLS:-http://127.0.0.1:7071}
server_port=$(printf '%s' "${ASPNETCORE_URLS%%;*}" | sed -E 's#.*:([0-9]+)/?$#\1#')
blob_port=${AZURITE_BLOB_PORT:-10000} queue_port=${AZURITE_QUEUE_PORT:-10001} table_port=${AZURITE_TABLE_PORT:-10002}
smtp_port=${MAILDEV_SMTP_PORT:-1025} mail_web_port=${MAILDEV_WEB_PORT:-1080}

for entry in "server:$server_port:ASPNETCORE_URLS" "Azurite blob:$blob_port:AZURITE_BLOB_PORT" "Azurite queue:$queue_port:AZURITE_QUEUE_PORT" \
             "Azurite table:$table_port:AZURITE_TABLE_PORT" "MailDev SMTP:$smtp_port:MAILDEV_SMTP_PORT" "MailDev web:$mail_web_port:MAILDEV_WEB_PORT"; do
  IFS=: read -r what port var <<< "$entry"
  if port_in_use "$port"; then
    holder=$( (command -v ss >/dev/null && ss -ltnpH "sport = :$port" 2>/dev/null | grep -o 'pid=[0-9]*' | head -n1) || true)
    echo "error: port $port ($what) is already in use${holder:+ by $holder}." >&2
    echo "       Stop that process (is scripts/run.sh already running?), or choose another port with $var=…" >&2
    exit 1
  fi
done

echo "run $$ ${ASPNETCORE_URLS%%;*}" > "$pids_file"
pids=()
cleanup() {
  trap - INT TERM EXIT
  log "stopping"
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -f "$pids_file"
}
trap cleanup INT TERM EXIT

log "starting Azurite (blob $blob_port, queue $queue_port, table $table_port; data in $data/azurite)"
node node_modules/azurite/dist/src/azurite.js --silent --disableTelemetry --skipApiVersionCheck --loose \
  --location "$data/azurite" --blobHost 127.0.0.1 --blobPort "$blob_port" --queueHost 127.0.0.1 --queuePort "$queue_port" \
  --tableHost 127.0.0.1 --tablePort "$table_port" > "$data/azurite.log" 2>&1 &
pids+=($!); echo $! >> "$pids_file"

log "starting MailDev (SMTP $smtp_port, web http://127.0.0.1:$mail_web_port)"
node node_modules/maildev/bin/maildev --ip 127.0.0.1 --smtp "$smtp_port" --web "$mail_web_port" --silent > "$data/maildev.log" 2>&1 &
pids+=($!); echo $! >> "$pids_file"

wait_for_port "$table_port" 30
wait_for_port "$smtp_port" 30

# Local defaults; any of them can be overridden from the environment.
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
export Storage__ConnectionString=${Storage__ConnectionString:-"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:$blob_port/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue_port/devstoreaccount1;TableEndpoint=http://127.0.0.1:$table_port/devstoreaccount1;"}
export Email__Smtp__Host=${Email__Smtp__Host:-127.0.0.1} Email__Smtp__Port=${Email__Smtp__Port:-$smtp_port}
export Outbox__Directory=${Outbox__Directory:-$PWD/$data/outbox}
export App__PublicBaseUrl=${App__PublicBaseUrl:-${ASPNETCORE_URLS%%;*}}
# Development secrets, generated once per checkout and kept in .data (git-ignored); real ones come from your environment.
for name in shopify-secret signing-key; do
  [ -s "$data/$name" ] || head -c 32 /dev/urandom | base64 | tr -d '/+=' > "$data/$name"
done
export Shopify__ApiKey=${Shopify__ApiKey:-local-dev-app}
export Shopify__ApiSecrets__0=${Shopify__ApiSecrets__0:-$(cat "$data/shopify-secret")}
export App__SigningKey=${App__SigningKey:-$(cat "$data/signing-key")}
# The dashboard's development login (Development only) issues session tokens for this shop: the one send-webhook.sh uses.
export Dashboard__DevShop=${Dashboard__DevShop:-example-shop.myshopify.com}

log "building the server"
dotnet build src/CartRecovery.Server -c Release --nologo -v quiet -clp:ErrorsOnly

cat >&2 <<INFO

  CartRecovery       ${ASPNETCORE_URLS%%;*}/api/health
  Dashboard          ${ASPNETCORE_URLS%%;*}/api/app (development login for $Dashboard__DevShop)
  MailDev (emails)   http://127.0.0.1:$mail_web_port
  Azurite tables     http://127.0.0.1:$table_port/devstoreaccount1
  Webhook secret     .data/shopify-secret (Shopify__ApiSecrets__0), app key: $Shopify__ApiKey

  Ctrl-C stops everything.

INFO
server_dir=$PWD/src/CartRecovery.Server/bin/Release/net10.0
dotnet "$server_dir/CartRecovery.Server.dll" --contentRoot "$server_dir" &
pids+=($!); echo $! >> "$pids_file"
wait "${pids[-1]}"
