# Helpers shared by the bench scripts; sourced, not run.
# shellcheck shell=bash

# The repository root (this file's folder's parent), and the BBC corpus beside it.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BBC_DIR=${BBC_DIR:-$ROOT/../shared/corpora/bbc}
# Where the replicated corpora go: outside the repository, so that neither git nor
# `corpus-lint`'s default `rules/` lookup sees them.
BENCH_DIR=${BENCH_DIR:-/tmp/corpus-lint-bench}
CATEGORIES=(business entertainment politics sport tech)
# Articles in one copy of the BBC corpus (one of them, sport/199.txt, is Latin-1:
# `check` reports and skips it, and it is kept so that every copy is the corpus).
ARTICLES_PER_COPY=2225
# The binary measured: this checkout's release build, or CORPUS_LINT if set (a
# binary built elsewhere, e.g. from another branch; then nothing is built).
BIN=${CORPUS_LINT:-${CARGO_TARGET_DIR:-$ROOT/target}/release/corpus-lint}

die() {
    echo "error: $*" >&2
    exit 1
}

# The number of copies of the corpus a size name stands for.
copies_for() {
    case $1 in
    c1e4) echo 5 ;;   #    11,125 articles
    c1e5) echo 45 ;;  #   100,125 articles
    c1e6) echo 450 ;; # 1,001,250 articles
    *) die "unknown size '$1' (known: c1e4 c1e5 c1e6)" ;;
    esac
}

require_bbc() {
    local c
    for c in "${CATEGORIES[@]}"; do
        [[ -d $BBC_DIR/$c ]] || die "the BBC corpus is missing: no $BBC_DIR/$c
  (expected ../shared/corpora/bbc beside the repository, or set BBC_DIR)"
    done
}

# Files under a folder (0 if it does not exist).
count_files() {
    if [[ -d $1 ]]; then
        find "$1" -type f | wc -l
    else
        echo 0
    fi
}

# Builds the release binary, quietly unless it fails.
build_release() {
    if [[ -n ${CORPUS_LINT:-} ]]; then
        [[ -x $BIN ]] || die "CORPUS_LINT=$BIN is not an executable"
        return
    fi
    echo "building $BIN ..." >&2
    (cd "$ROOT" && cargo build --release --quiet) || die "cargo build --release failed"
    [[ -x $BIN ]] || die "no binary at $BIN after the build"
}

# The commit measured: short hash, with `-dirty` if the worktree has changes.
commit_id() {
    local id
    id=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
    if ! git -C "$ROOT" diff --quiet HEAD -- 2>/dev/null; then
        id="$id-dirty"
    fi
    echo "$id"
}

# The load average, to tell a quiet machine from a busy one.
load() {
    cut -d ' ' -f 1-3 /proc/loadavg
}

# The machine, as one Markdown line.
machine() {
    local model mem
    model=$(sed -n 's/^model name[[:space:]]*:[[:space:]]*//p' /proc/cpuinfo | head -n 1)
    mem=$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
    echo "$(nproc) CPUs (${model:-unknown model}), $mem RAM, $(uname -sr)"
}

# measure OUT_TSV LABEL SIZE ARTICLES CMD...: runs CMD (stdout to /dev/null, or
# to the file MEASURE_STDOUT names; stderr to a log) under /usr/bin/time and
# appends `size articles label wall user sys maxrss_kb status` to OUT_TSV. Exit
# status 2 or more (or death by signal) is a failure; 0 and 1 are results.
measure() {
    local out=$1 label=$2 size=$3 articles=$4
    shift 4
    local timing log status=0
    timing=$(mktemp)
    log=$(mktemp)
    /usr/bin/time -f '%e %U %S %M' -o "$timing" "$@" >"${MEASURE_STDOUT:-/dev/null}" 2>"$log" ||
        status=$?
    if ((status >= 2)); then
        echo "error: '$*' exited with status $status:" >&2
        tail -n 20 "$log" >&2
        tail -n 2 "$timing" >&2
        rm -f "$timing" "$log"
        exit 1
    fi
    # GNU time writes "Command exited with non-zero status N" first when N > 0.
    printf '%s\t%s\t%s\t%s\t%s\n' "$size" "$articles" "$label" \
        "$(tail -n 1 "$timing" | tr ' ' '\t')" "$status" >>"$out"
    rm -f "$timing" "$log"
}
