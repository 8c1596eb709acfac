#!/usr/bin/env bash
# Checks every deployment artefact against the tools that validate it:
#   Go tests  dashboard and alert rules only use metrics watcher/metrics exports;
#             the compose config file passes `watchtower config check`;
#             the compose nats.conf runs and its per-role users have the
#             permissions the roles need (only ingest publishes events)
#   helm      lint + template (helm from PATH, else built once from the Go module proxy)
#   watchtower config check --env on the config the chart renders, per process group
#   promtool  check rules
#   compose   docker compose config (or docker-compose config)
#   systemd   systemd-analyze verify
#   Go tests  every compose service and every Helm group starts: the real
#             binary with the container's command, environment, config and
#             secrets, against local anvil, a 3-node NATS cluster (compose's
#             nats.conf) and Redis, reaches /readyz 200 and exits 0 on SIGTERM
#             (needs redis-server and npm for anvil; e2e/deployments_*_test.go)
# A tool that is absent is skipped with a message, never silently.
# --install: first install missing Debian packages (docker-compose, prometheus
# for promtool, systemd) with apt-get.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/usr/local/go/bin:$PATH"
HELM_VERSION=v3.22.0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
skip() { echo "SKIPPED: $*"; }
step() { echo "== $*"; }

if [[ "${1:-}" == "--install" ]] && command -v apt-get >/dev/null; then
  missing=()
  command -v promtool >/dev/null || missing+=(prometheus)
  command -v docker-compose >/dev/null || docker compose version >/dev/null 2>&1 || missing+=(docker-compose)
  command -v systemd-analyze >/dev/null || missing+=(systemd)
  if ((${#missing[@]})); then
    echo "installing ${missing[*]} (Debian packages)..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

step "Go: dashboard, alert rules and compose config against the code"
go test -count=1 -run 'TestDashboardUsesOnlyExportedMetrics|TestAlertRulesUseOnlyExportedMetrics' ./watcher/metrics/
go test -count=1 -run 'TestComposeConfigIsValid|TestExampleIsCompleteAndValid' ./internal/config/
go test -count=1 -run 'TestComposeNATSPermissions' ./watcher/bus/

step "build watchtower"
CGO_ENABLED=0 go build -o "$tmp/watchtower" ./cmd/watchtower

step "dashboard JSON parses"
if command -v python3 >/dev/null; then
  python3 -m json.tool deployments/grafana/dashboards/watchtower.json >/dev/null && echo "ok"
else
  skip "python3 absent (the Go test above parsed it)"
fi

step "chart rules are the same as deployments/prometheus"
if diff -u deployments/prometheus/watchtower.rules.yml deployments/helm/watchtower/files/watchtower.rules.yml; then echo "ok"; else echo "copy deployments/prometheus/watchtower.rules.yml to the chart's files/"; failed=1; fi

step "helm lint / template"
helm=""
if command -v helm >/dev/null; then
  helm=helm
elif command -v go >/dev/null; then
  cache="${XDG_CACHE_HOME:-$HOME/.cache}/watchtower-tools"
  if [[ ! -x "$cache/helm-$HELM_VERSION" ]]; then
    echo "building helm $HELM_VERSION from the Go module proxy (once; cached in $cache)..."
    mkdir -p "$cache"
    (cd "$tmp" && GOBIN="$cache/bin" GOFLAGS= go install "helm.sh/helm/v3/cmd/helm@$HELM_VERSION") && mv "$cache/bin/helm" "$cache/helm-$HELM_VERSION"
  fi
  helm="$cache/helm-$HELM_VERSION"
fi
if [[ -n "$helm" ]]; then
  chart=deployments/helm/watchtower
  "$helm" lint --strict "$chart"
  "$helm" template wt "$chart" >"$tmp/default.yaml"
  "$helm" template wt "$chart" --set serviceMonitor.enabled=true --set prometheusRule.enabled=true \
    --set secrets.redisPassword.existingSecret=redis --set secrets.natsCreds.existingSecret=nats \
    --set 'extraSecretMounts[0].name=pagerduty' --set 'extraSecretMounts[0].secretName=pd' \
    --set 'config.events.trusted_keys[0]=R+9oYTeFwT9fQWniGydCq4WO4yEUZGsBQ5dKlAdt5Fc=' >"$tmp/full.yaml"
  echo "rendered $(grep -c '^kind:' "$tmp/default.yaml") and $(grep -c '^kind:' "$tmp/full.yaml") objects"
  # The rendered watchtower.yaml must pass config check with each group's roles
  # (the chart's zero adjudicator is refused until set: a stand-in replaces it).
  python3 - "$tmp/full.yaml" "$tmp/chart-config.yaml" <<'PY'
import sys, re
text = open(sys.argv[1]).read()
m = re.search(r"watchtower\.yaml: \|\n((?:    .*\n|\n)+)", text)
assert m, "no watchtower.yaml in the rendered ConfigMap"
open(sys.argv[2], "w").write("".join(l[4:] + "\n" for l in m.group(1).splitlines()))
PY
  while read -r roles signer identity; do
    [[ "$signer" == - ]] && signer=""
    [[ "$identity" == - ]] && identity=""
    events=""
    [[ "$roles" == *ingest* ]] && events=/etc/watchtower/events/key
    out=$(WATCHTOWER_ROLES="$roles" WATCHTOWER_SIGNER_KEY_FILE="$signer" WATCHTOWER_API_IDENTITY_KEY_FILE="$identity" \
      WATCHTOWER_EVENTS_SIGNING_KEY_FILE="$events" WATCHTOWER_API_REGISTRATION_TOKEN_FILE="" \
      WATCHTOWER_CHANNEL_ADJUDICATOR=0x5FbDB2315678afecb367f032d93F642f64180aa3 "$tmp/watchtower" config check --env "$tmp/chart-config.yaml" 2>/dev/null || true)
    # Secret files are mounted in the pods only.
    bad=$(echo "$out" | grep -E '^  ' | grep -vE '^  (signer\.key_file|api\.identity_key_file|events\.signing_key_file|store\.redis_password_file|nats\.creds_file): .*(no such file|directory)' || true)
    if [[ -n "$bad" ]]; then echo "chart config, roles $roles:"; echo "$bad"; failed=1; else echo "chart config ok for roles $roles"; fi
  done <<EOF2
ingest,verify - -
api - /etc/watchtower/identity/key
verify,challenge /etc/watchtower/signer/key -
EOF2
  # The identity secret is mounted where the api role runs, the signer
  # secret only where signer: true; never both in the default groups.
  python3 - "$tmp/default.yaml" <<'PY' || failed=1
import sys, re
docs = open(sys.argv[1]).read().split("\n---")
for d in docs:
    if "kind: Deployment" not in d:
        continue
    name = re.search(r"name: (\S+)", d).group(1)
    api, signer = "/etc/watchtower/identity" in d, "/etc/watchtower/signer" in d
    roles = re.search(r"WATCHTOWER_ROLES\n\s+value: \"([^\"]+)\"", d).group(1).split(",")
    if api != ("api" in roles) or signer != ("challenge" in roles):
        sys.exit(f"{name}: roles {roles} but identity mounted={api}, signer mounted={signer}")
    print(f"{name}: roles {','.join(roles)}: identity {'mounted' if api else 'absent'}, signer {'mounted' if signer else 'absent'}")
PY
  # Several groups with the api role: one api Service selecting them all by
  # a label, no duplicate selector keys; disruption budgets that let drains
  # evict unready pods; the image is the one `make image` builds.
  "$helm" template wt "$chart" --set 'groups[0].name=ingest' --set 'groups[0].roles={ingest,verify,api}' \
    --set 'groups[1].name=api' --set 'groups[1].roles={api}' \
    --set 'groups[2].name=challenge' --set 'groups[2].roles={verify,challenge}' --set 'groups[2].signer=true' >"$tmp/apis.yaml"
  python3 - "$tmp/apis.yaml" "$tmp/default.yaml" "$(make -s --no-print-directory print-image)" <<'PY' || failed=1
import sys, re
apis, default, image = open(sys.argv[1]).read(), open(sys.argv[2]).read(), sys.argv[3]
def blocks(text, key):
    """Yield the lines of every `key:` mapping block, with its indentation."""
    lines = text.splitlines()
    for i, l in enumerate(lines):
        m = re.match(r"^(\s*)" + key + r":\s*$", l)
        if not m:
            continue
        ind, out = len(m.group(1)), []
        for l2 in lines[i + 1:]:
            if l2.strip() and len(l2) - len(l2.lstrip()) <= ind:
                break
            out.append(l2)
        yield out
for doc in apis.split("\n---"):
    if "kind: Service\n" not in doc:
        continue
    for sel in blocks(doc, "selector"):
        keys = [l.split(":")[0].strip() for l in sel if ":" in l]
        dup = {k for k in keys if keys.count(k) > 1}
        if dup:
            sys.exit(f"Service selector has duplicate keys {dup}")
api = [d for d in apis.split("\n---") if "kind: Service\n" in d and "component: api\n" in d]
if len(api) != 1 or 'app.kubernetes.io/api: "true"' not in api[0]:
    sys.exit("the api Service does not select pods by app.kubernetes.io/api")
labelled = apis.count('app.kubernetes.io/api: "true"') - 1
if labelled != 2:
    sys.exit(f"{labelled} pod templates carry app.kubernetes.io/api, want the 2 groups with the api role")
pdbs = [d for d in default.split("\n---") if "kind: PodDisruptionBudget" in d]
if not pdbs or any("maxUnavailable: 1" not in d or re.search(r"^\s+minAvailable:", d, re.M)
                   or "unhealthyPodEvictionPolicy: AlwaysAllow" not in d for d in pdbs):
    sys.exit("PodDisruptionBudgets must use maxUnavailable: 1 and evict unready pods by default")
images = set(re.findall(r"image: (\S+)", default))
if images != {image}:
    sys.exit(f"chart image {images} is not what `make image` builds ({image})")
print(f"api Service selector ok with 2 api groups; {len(pdbs)} PDBs with maxUnavailable: 1, unready pods evictable; image {image}")
PY
else
  skip "helm absent and no Go toolchain to build it"
fi

step "start every compose service and Helm group"
if command -v redis-server >/dev/null; then
  # The Helm test renders the chart with the helm found above (absolute path).
  helm_path=""
  [[ -n "$helm" ]] && helm_path=$(command -v "$helm")
  if ! WATCHTOWER_HELM="$helm_path" go test -count=1 -v -timeout 30m \
    -run '^(TestComposeServicesStart|TestHelmGroupsStart)$' ./e2e/ >"$tmp/start.log" 2>&1; then
    cat "$tmp/start.log"
    failed=1
  else
    grep -E '^(=== RUN|--- |ok|PASS)|ready on|exited 0|restarting it|^        watchtower run:|not started|started, ready' "$tmp/start.log"
  fi
else
  skip "redis-server absent (run make deps): services and groups not started"
fi

step "promtool check rules"
if command -v promtool >/dev/null; then
  promtool check rules deployments/prometheus/watchtower.rules.yml
else
  skip "promtool absent (Debian package prometheus; run with --install)"
fi

step "docker compose config"
if docker compose version >/dev/null 2>&1; then
  (cd deployments/compose && docker compose config -q) && echo "ok"
elif command -v docker-compose >/dev/null; then
  (cd deployments/compose && docker-compose config -q) && echo "ok"
else
  skip "neither 'docker compose' nor docker-compose is installed (run with --install)"
fi

step "systemd-analyze verify"
if command -v systemd-analyze >/dev/null; then
  # verify needs ExecStart's binary to exist: point the unit at the one just built.
  mkdir -p "$tmp/unit"
  sed "s#/usr/local/bin/watchtower#$tmp/watchtower#g" deployments/systemd/watchtower.service >"$tmp/unit/watchtower.service"
  out=$(systemd-analyze verify "$tmp/unit/watchtower.service" 2>&1 || echo "exit status $?")
  # Ignore complaints about units on this machine, keep those about ours.
  ours=$(echo "$out" | grep -E 'watchtower\.service|exit status' || true)
  if [[ -n "$ours" ]]; then echo "$ours"; failed=1; else echo "ok"; fi
else
  skip "systemd-analyze absent (run with --install)"
fi

step "Dockerfile"
if command -v hadolint >/dev/null; then
  hadolint Dockerfile
else
  skip "hadolint absent"
fi
if docker info >/dev/null 2>&1; then
  docker build -q -t watchtower:check . >/dev/null && docker run --rm watchtower:check config example >/dev/null && echo "image builds and runs"
else
  skip "docker build: no Docker engine reachable"
fi

if ((failed)); then
  echo "deployments/check.sh: FAILED"
  exit 1
fi
echo "deployments/check.sh: all checks passed"
