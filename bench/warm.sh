#!/usr/bin/env bash
# Times `corpus-lint check` with its cache, on a private copy of c1e5:
#
#   bench/warm.sh [--rounds N]      (default: --rounds 3)
#
# Each round, with a fresh cache folder:
#
#   no-cache    corpus-lint check DIR --rules rules -q --no-cache   (reference)
#   cold        ... --cache-dir CACHE   (empty cache)
#   warm        ... --cache-dir CACHE   (nothing changed)
#   edited      ... --cache-dir CACHE   after one sentence is appended to one article
#
# and checks that the cache changes no finding: `warm` prints what `cold` printed,
# and `edited` what `--no-cache` prints on the edited corpus. The articles edited
# are in $BENCH_DIR/warm-c1e5, a copy made here (`cp -r`, so that every article
# has its own inode and mtime, as in a real corpus), never in ../shared.
#
# Until `check` has `--cache-dir`, this says so and exits 0.
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ROUNDS=3
COMMAND_LINE="bench/warm.sh $*"
while (($# > 0)); do
    case $1 in
    --rounds)
        [[ ${2:-} =~ ^[1-9][0-9]*$ ]] || die "--rounds takes a positive number"
        ROUNDS=$2
        shift 2
        ;;
    -h | --help)
        sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'
        exit 0
        ;;
    *) die "unknown argument '$1' (see --help)" ;;
    esac
done

cd "$ROOT"
build_release
HELP=$("$BIN" check --help)
if ! grep -q -- '--cache-dir' <<<"$HELP"; then
    echo "corpus-lint check has no --cache-dir option yet ($BIN): nothing to measure."
    echo "Run bench/warm.sh again once the cache has landed."
    exit 0
fi
NO_CACHE=(--no-cache)
if ! grep -q -- '--no-cache' <<<"$HELP"; then
    echo "note: check has no --no-cache; the reference runs without --cache-dir" >&2
    NO_CACHE=()
fi

"$ROOT/bench/corpora.sh" c1e5
SIZE=warm-c1e5
DIR=$BENCH_DIR/$SIZE
echo "copying $BENCH_DIR/c1e5 to $DIR ..." >&2
rm -rf "$DIR"
cp -r "$BENCH_DIR/c1e5" "$DIR"
ARTICLES=$(count_files "$DIR")

WORK=$(mktemp -d)
trap 'rm -rf "$WORK" "$DIR"' EXIT
TSV=$WORK/times.tsv
: >"$TSV"
CACHE_KB=()
LOAD_BEFORE=$(load)

check() { # LABEL STDOUT ARGS...
    local label=$1 stdout=$2
    shift 2
    MEASURE_STDOUT=$stdout measure "$TSV" "$label" "$SIZE" "$ARTICLES" \
        "$BIN" check "$DIR" --rules rules -q "$@"
}

same() { # A B WHAT
    if ! cmp -s "$1" "$2"; then
        echo "error: the cache changed the findings: $3" >&2
        diff "$1" "$2" | head -n 20 >&2
        exit 1
    fi
}

# Appends a sentence to ARTICLE through a new file renamed over it: a hard link
# (see bench/corpora.sh) is replaced, never written through.
edit() {
    local article=$1
    [[ -f $article ]] || die "no article $article to edit"
    cp "$article" "$article.edit"
    printf '\nCharles Clarke, the Home Secretary, said the figures would be published in full.\n' \
        >>"$article.edit"
    mv "$article.edit" "$article"
}

for ((round = 1; round <= ROUNDS; round++)); do
    echo "$SIZE: round $round/$ROUNDS" >&2
    cache=$WORK/cache-$round
    mkdir "$cache"
    check no-cache "$WORK/before.txt" "${NO_CACHE[@]}"
    check cold "$WORK/cold.txt" --cache-dir "$cache"
    CACHE_KB+=("$(du -sk "$cache" | cut -f1)")
    check warm "$WORK/warm.txt" --cache-dir "$cache"
    same "$WORK/before.txt" "$WORK/cold.txt" "cold run against --no-cache"
    same "$WORK/cold.txt" "$WORK/warm.txt" "warm run against cold run"
    edit "$(printf '%s/copy-%03d/politics/%03d.txt' "$DIR" $((round - 1)) "$round")"
    check edited "$WORK/edited.txt" --cache-dir "$cache"
    MEASURE_STDOUT=$WORK/after.txt measure /dev/null no-cache "$SIZE" "$ARTICLES" \
        "$BIN" check "$DIR" --rules rules -q "${NO_CACHE[@]}"
    same "$WORK/after.txt" "$WORK/edited.txt" "warm run after an edit against --no-cache"
    rm -rf "$cache"
done

TABLE=$(
    python3 - "$TSV" "${CACHE_KB[@]}" <<'PY'
import statistics, sys

rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1]) if line.strip()]
cache_mb = statistics.median(int(kb) for kb in sys.argv[2:]) / 1024
runs = {}
for size, articles, label, wall, user, sys_, rss, status in rows:
    runs.setdefault(label, []).append((float(wall), float(user) + float(sys_), int(rss) / 1024))
articles = int(rows[0][1])
names = {
    "no-cache": "`--no-cache`",
    "cold": "cold: empty cache",
    "warm": "warm: nothing changed",
    "edited": "warm: one article edited",
}
base = statistics.median(w for w, _, _ in runs["no-cache"])
print(f"| run ({articles:,} articles) | runs | wall s (median) | wall min–max | CPU s | peak MB | µs/article | vs no-cache |")
print("|---|--:|--:|--:|--:|--:|--:|--:|")
for label in ("no-cache", "cold", "warm", "edited"):
    r = runs[label]
    walls = [w for w, _, _ in r]
    wall = statistics.median(walls)
    print(
        f"| {names[label]} | {len(r)} | {wall:.2f} | {min(walls):.2f}–{max(walls):.2f} "
        f"| {statistics.median(c for _, c, _ in r):.2f} "
        f"| {statistics.median(m for _, _, m in r):.0f} "
        f"| {wall / articles * 1e6:.1f} | {wall / base:.2f}× |"
    )
print()
print(f"Cache size after a cold run: {cache_mb:.1f} MB.")
PY
)
echo
echo "$TABLE"

COMMIT=$(commit_id)
RESULTS=$ROOT/bench/results/$(date +%F)-$COMMIT.md
mkdir -p "$(dirname "$RESULTS")"
{
    echo "## $(date '+%F %H:%M %Z') — commit $COMMIT — cache"
    echo
    echo "- Machine: $(machine)"
    echo "- Command: \`$COMMAND_LINE\` ($ROUNDS rounds, a fresh cache each; medians)"
    echo "- Tools: $("$BIN" --version)"
    echo "- Corpus: $DIR (a \`cp -r\` copy of c1e5; round N edits copy-(N-1)/politics/N.txt)"
    echo "- Load average (1, 5, 15 min) before: $LOAD_BEFORE; after: $(load)"
    echo
    echo "$TABLE"
    echo
} >>"$RESULTS"
echo
echo "appended to ${RESULTS#"$ROOT"/}"
