#!/usr/bin/env bash
# Compares `organigramme export X.ron -o X.svg` with Graphviz on the same generated structures:
# `organigramme export X.ron -o X.dot` then `dot -Tsvg X.dot`. Medians of 5 runs each.
# `dot` is skipped above 5,000 units unless --all is given: it takes minutes there.
set -euo pipefail

all=0
case "${1:-}" in
    --all) all=1 ;;
    "") ;;
    *) echo "usage : $0 [--all]" >&2; exit 2 ;;
esac
command -v dot >/dev/null || { echo "Graphviz (dot) est introuvable" >&2; exit 1; }

cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=target/release/organigramme
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

runs=5
TIMEFORMAT=%R
# Wall-clock seconds of one run of the command, its own output discarded.
seconds() { { time "$@" >/dev/null 2>&1; } 2>&1; }
median() {
    local times=()
    for _ in $(seq "$runs"); do times+=("$(seconds "$@")"); done
    printf '%s\n' "${times[@]}" | sort -g | sed -n "$(((runs + 1) / 2))p"
}

echo "$(dot -V 2>&1) ; $runs mesures par cas, médianes en secondes"
# One more byte of width for the « é » of « unités ».
printf '%9s | %16s | %16s | %10s | %16s\n' unités "organigramme svg" "organigramme dot" "dot -Tsvg" "dot/organigramme"
for n in 1000 5000 10000 20000; do
    ron="$work/$n.ron"
    "$bin" generate --units "$n" --seed 1 -o "$ron"
    ours=$(median "$bin" export "$ron" -o "$work/$n.svg")
    to_dot=$(median "$bin" export "$ron" -o "$work/$n.dot")
    if ((n <= 5000 || all)); then
        theirs=$(median dot -Tsvg "$work/$n.dot" -o "$work/$n.dot.svg")
        ratio=$(awk -v a="$theirs" -v b="$ours" 'BEGIN { printf "%.1f", (b > 0 ? a / b : 0) }')
    else
        theirs="(--all)" ratio="-"
    fi
    printf '%8s | %16s | %16s | %10s | %16s\n' "$n" "$ours" "$to_dot" "$theirs" "$ratio"
done
