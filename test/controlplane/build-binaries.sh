#!/usr/bin/env bash
# Builds the real binaries the test suite runs (kube-apiserver, etcd, helm, kube-score)
# from the Go module proxy into a cache outside the checkout, keyed by version.
# A binary that is already in the cache is not rebuilt.
#
#   HAVENKIT_CACHE   cache root (default: ~/.cache/havenkit)
#   KUBE_VERSION     k8s.io/kubernetes release (default below)
#   ETCD_VERSION     go.etcd.io/etcd/server/v3 release
#   HELM_VERSION     helm.sh/helm/v3 release
#   KUBE_SCORE_VERSION  github.com/zegl/kube-score release
set -euo pipefail

KUBE_VERSION="${KUBE_VERSION:-v1.37.2}"
ETCD_VERSION="${ETCD_VERSION:-v3.6.16}"
HELM_VERSION="${HELM_VERSION:-v3.22.0}"
KUBE_SCORE_VERSION="${KUBE_SCORE_VERSION:-v1.20.0}"
CACHE="${HAVENKIT_CACHE:-$HOME/.cache/havenkit}"
BIN="$CACHE/bin"
WORK="$CACHE/build"
mkdir -p "$BIN" "$WORK"

log() { printf '[build-binaries] %s\n' "$*" >&2; }

# Builds are done in a wrapper module because `go install pkg@version` refuses modules whose
# go.mod has replace directives, and k8s.io/kubernetes replaces every staging module.
# build_kube_command CMD: k8s.io/kubernetes/cmd/CMD (kube-apiserver; kubectl for bench/scale).
build_kube_command() {
  local cmd="$1"
  local out="$BIN/$cmd-$KUBE_VERSION"
  [[ -x "$out" ]] && { log "$cmd $KUBE_VERSION cached"; return; }
  log "building $cmd $KUBE_VERSION (cold: several minutes)"
  local dir="$WORK/$cmd-$KUBE_VERSION"
  rm -rf "$dir" && mkdir -p "$dir" && cd "$dir"
  local minor="${KUBE_VERSION#v1.}"; minor="${minor%%.*}"
  local staging="v0.${KUBE_VERSION#v1.}"
  go mod init "havenkit.test/$cmd" >/dev/null 2>&1
  local modfile
  modfile="$(go mod download -json "k8s.io/kubernetes@$KUBE_VERSION" | sed -n 's/.*"GoMod": "\(.*\)",/\1/p')"
  # Every staging module (k8s.io/x => ./staging/...) is replaced by its published v0.Y.Z.
  local replaces=()
  while read -r mod; do replaces+=("-replace=$mod=$mod@$staging"); done \
    < <(sed -n 's#^\s*\(k8s.io/[a-z0-9-]*\) => ./staging/.*#\1#p' "$modfile")
  go mod edit -require="k8s.io/kubernetes@$KUBE_VERSION" "${replaces[@]}"
  printf 'package main\n\nimport _ "k8s.io/kubernetes/cmd/%s"\n' "$cmd" > tools.go
  go mod tidy >/dev/null 2>&1 || true
  go get "k8s.io/kubernetes/cmd/$cmd@$KUBE_VERSION" >/dev/null
  local commit; commit="$(go mod download -json "k8s.io/kubernetes@$KUBE_VERSION" | sed -n 's/.*"Hash": "\(.*\)",/\1/p')"
  local ld=""
  for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
    ld+=" -X $pkg.gitVersion=$KUBE_VERSION -X $pkg.gitMajor=1 -X $pkg.gitMinor=$minor"
    ld+=" -X $pkg.gitTreeState=clean -X $pkg.buildDate=1970-01-01T00:00:00Z"
    [[ -n "$commit" ]] && ld+=" -X $pkg.gitCommit=$commit"
  done
  CGO_ENABLED=0 go build -trimpath -ldflags "-s -w$ld" -o "$out.tmp" "k8s.io/kubernetes/cmd/$cmd"
  mv "$out.tmp" "$out"
}

build_etcd() {
  local out="$BIN/etcd-$ETCD_VERSION"
  [[ -x "$out" ]] && { log "etcd $ETCD_VERSION cached"; return; }
  log "building etcd $ETCD_VERSION"
  local dir="$WORK/etcd-$ETCD_VERSION"
  rm -rf "$dir" && mkdir -p "$dir" && cd "$dir"
  go mod init havenkit.test/etcd >/dev/null 2>&1
  local modfile
  modfile="$(go mod download -json "go.etcd.io/etcd/server/v3@$ETCD_VERSION" | sed -n 's/.*"GoMod": "\(.*\)",/\1/p')"
  local replaces=()
  while read -r mod; do replaces+=("-replace=$mod=$mod@$ETCD_VERSION"); done \
    < <(sed -n 's#^\s*\(go.etcd.io/etcd/[a-z0-9/]*\) => \.\./.*#\1#p' "$modfile")
  go mod edit -require="go.etcd.io/etcd/server/v3@$ETCD_VERSION" "${replaces[@]}"
  printf 'package main\n\nimport _ "go.etcd.io/etcd/server/v3"\n' > tools.go
  go get "go.etcd.io/etcd/server/v3@$ETCD_VERSION" >/dev/null
  go mod tidy >/dev/null 2>&1 || true
  CGO_ENABLED=0 go build -trimpath -ldflags "-s -w" -o "$out.tmp" go.etcd.io/etcd/server/v3
  mv "$out.tmp" "$out"
}

build_helm() {
  local out="$BIN/helm-$HELM_VERSION"
  [[ -x "$out" ]] && { log "helm $HELM_VERSION cached"; return; }
  log "building helm $HELM_VERSION"
  local dir="$WORK/helm-$HELM_VERSION"
  rm -rf "$dir" && mkdir -p "$dir" && cd "$dir"
  go mod init havenkit.test/helm >/dev/null 2>&1
  printf 'package main\n\nimport _ "helm.sh/helm/v3/cmd/helm"\n' > tools.go
  go get "helm.sh/helm/v3@$HELM_VERSION" >/dev/null
  go mod tidy >/dev/null 2>&1 || true
  local major="${HELM_VERSION%%.*}"
  CGO_ENABLED=0 go build -trimpath \
    -ldflags "-s -w -X helm.sh/helm/$major/internal/version.version=$HELM_VERSION" \
    -o "$out.tmp" "helm.sh/helm/$major/cmd/helm"
  mv "$out.tmp" "$out"
}

# kube-score lints the synthesized manifests (test/synth/kube-score.test.ts).
build_kube_score() {
  local out="$BIN/kube-score-$KUBE_SCORE_VERSION"
  [[ -x "$out" ]] && { log "kube-score $KUBE_SCORE_VERSION cached"; return; }
  log "building kube-score $KUBE_SCORE_VERSION"
  local dir="$WORK/kube-score-$KUBE_SCORE_VERSION"
  rm -rf "$dir" && mkdir -p "$dir" && cd "$dir"
  go mod init havenkit.test/kube-score >/dev/null 2>&1
  printf 'package main\n\nimport _ "github.com/zegl/kube-score/cmd/kube-score"\n' > tools.go
  go get "github.com/zegl/kube-score@$KUBE_SCORE_VERSION" >/dev/null
  go mod tidy >/dev/null 2>&1 || true
  CGO_ENABLED=0 go build -trimpath \
    -ldflags "-s -w -X main.version=$KUBE_SCORE_VERSION -X main.date=1970-01-01T00:00:00Z" \
    -o "$out.tmp" github.com/zegl/kube-score/cmd/kube-score
  mv "$out.tmp" "$out"
}

what="${1:-all}"
case "$what" in
  kube-apiserver) build_kube_command kube-apiserver ;;
  kubectl) build_kube_command kubectl ;; # bench/scale only, never the test line
  etcd) build_etcd ;;
  helm) build_helm ;;
  kube-score) build_kube_score ;;
  all) build_etcd; build_kube_command kube-apiserver; build_helm; build_kube_score ;;
  *) echo "build-binaries: unknown target '$what' (kube-apiserver|kubectl|etcd|helm|kube-score|all)" >&2; exit 3 ;;
esac
# Machine-readable paths for the caller.
printf 'KUBE_APISERVER=%s\nKUBECTL=%s\nETCD=%s\nHELM=%s\nKUBE_SCORE=%s\n' \
  "$BIN/kube-apiserver-$KUBE_VERSION" "$BIN/kubectl-$KUBE_VERSION" "$BIN/etcd-$ETCD_VERSION" "$BIN/helm-$HELM_VERSION" \
  "$BIN/kube-score-$KUBE_SCORE_VERSION"
