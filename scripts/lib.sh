# Shared by run.sh and test.sh: install what is missing, start and stop local services. Sourced, not run.

repo_root() { cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd; }

log() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }

need() {
  command -v "$1" >/dev/null 2>&1 || { echo "error: '$1' is required but not installed. $2" >&2; exit 1; }
}

# Node packages (Azurite, MailDev) at the versions pinned in package-lock.json.
ensure_node_packages() {
  need node "Install Node.js 20 or later."
  need npm "Install npm."
  # Reinstall only when the lock file's content changed (mtimes change with every checkout).
  local stamp=node_modules/.cartrecovery-lock.sha256 want
  want=$(sha256sum package-lock.json | cut -d' ' -f1)
  if [ ! -f node_modules/azurite/dist/src/table/main.js ] || [ ! -f node_modules/maildev/bin/maildev ] \
     || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    log "installing Azurite and MailDev (npm ci)"
    npm ci --no-audit --no-fund --loglevel=error >&2
    echo "$want" > "$stamp"
  fi
}

# Debian's Chromium, for the browser tests (Playwright drives /usr/bin/chromium; it may not download a browser here).
ensure_chromium() {
  [ -x /usr/bin/chromium ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing Debian's chromium (apt-get)"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) >&2
  else
    echo "warning: /usr/bin/chromium is missing; install Debian's 'chromium' package for the browser tests." >&2
  fi
}

free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }

port_in_use() { node -e 'const s=require("net").connect(+process.argv[1],"127.0.0.1");s.on("connect",()=>process.exit(0));s.on("error",()=>process.exit(1))' "$1"; }

wait_for_port() { # port, seconds
  local i
  for ((i = 0; i < $2 * 10; i++)); do port_in_use "$1" && return 0; sleep 0.1; done
  echo "error: nothing listens on 127.0.0.1:$1 after $2 s" >&2; return 1
}

# start_azurite_table PORT [DATA_DIR]: in memory without a folder. Prints the PID.
start_azurite_table() {
  local args=(node_modules/azurite/dist/src/table/main.js --tableHost 127.0.0.1 --tablePort "$1" --skipApiVersionCheck --disableTelemetry --silent --loose)
  if [ -n "${2:-}" ]; then mkdir -p "$2"; args+=(--location "$2"); else args+=(--inMemoryPersistence); fi
  node "${args[@]}" >/dev/null 2>&1 &
  echo $!
}

azurite_connection_string() { # table port
  echo "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:$1/devstoreaccount1;"
}
