#!/usr/bin/env bash
# Times `corpus-lint check` against ripgrep searching the same files with the rule
# pack's own regexes:
#
#   bench/run.sh [--rounds N] [SIZES...]     (default: --rounds 5 c1e4 c1e5)
#
# For each size (see bench/corpora.sh) it runs, after one untimed warm-up of each,
# N rounds of the three commands in turn:
#
#   check      corpus-lint check DIR --rules rules -q --no-cache   (every article read)
#   check-warm corpus-lint check DIR --rules rules -q --cache-dir C (cache filled by
#              the warm-up run: nothing changed since)
#   rg-rules   rg -c -f PATTERNS DIR      (every rule's expanded regex, names stripped)
#   rg-fixed   rg -c 'Home Secretary' DIR (one literal, for reference)
#
# each under /usr/bin/time, and reports the medians. The table goes to stdout and
# is appended, with the machine and the commit, to bench/results/<date>-<commit>.md.
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
    sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'
    exit "${1:-0}"
}

ROUNDS=5
SIZES=()
COMMAND_LINE="bench/run.sh $*"
while (($# > 0)); do
    case $1 in
    --rounds)
        [[ ${2:-} =~ ^[1-9][0-9]*$ ]] || die "--rounds takes a positive number"
        ROUNDS=$2
        shift 2
        ;;
    --rounds=*)
        ROUNDS=${1#--rounds=}
        [[ $ROUNDS =~ ^[1-9][0-9]*$ ]] || die "--rounds takes a positive number"
        shift
        ;;
    -h | --help) usage 0 ;;
    -*) die "unknown option '$1' (see --help)" ;;
    *)
        copies_for "$1" >/dev/null
        SIZES+=("$1")
        shift
        ;;
    esac
done
((${#SIZES[@]} > 0)) || SIZES=(c1e4 c1e5)

RG=${RG:-/usr/bin/rg}
[[ -x $RG ]] || die "ripgrep not found at $RG (set RG)"
[[ -x /usr/bin/time ]] || die "/usr/bin/time (GNU time) is needed"
command -v python3 >/dev/null || die "python3 is needed"

cd "$ROOT"
build_release
"$ROOT/bench/corpora.sh" "${SIZES[@]}"

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
PATTERNS=$WORK/patterns.txt
# One expanded regex a line; ripgrep joins `-f` patterns into one alternation and
# rejects a capture name used twice, so the names go.
"$BIN" rules --rules rules --format json |
    python3 -c '
import json, sys
for rule in json.load(sys.stdin)["rules"]:
    if "\n" in rule["regex"]:
        sys.exit("rule " + rule["id"] + ": a regex with a newline cannot go in a patterns file")
    print(rule["regex"])
' | sed -E 's/\(\?P<[a-z_]+>/(?:/g' >"$PATTERNS"
NPATTERNS=$(wc -l <"$PATTERNS")
((NPATTERNS > 0)) || die "no rule patterns from '$BIN rules --format json'"
# A pattern ripgrep rejects would fail every round: try them once now.
"$RG" --no-config -c -f "$PATTERNS" "$BBC_DIR" >/dev/null ||
    (($? == 1)) || die "ripgrep rejects the rule patterns in $PATTERNS"

LOAD_BEFORE=$(load)
if awk -v l="${LOAD_BEFORE%% *}" 'BEGIN { exit !(l > 0.5) }'; then
    echo "warning: load average $LOAD_BEFORE: other work on this machine will skew the times" >&2
fi
TSV=$WORK/times.tsv
LABELS=(check check-warm rg-rules rg-fixed)
: >"$TSV"
for size in "${SIZES[@]}"; do
    dir=$BENCH_DIR/$size
    articles=$(count_files "$dir")
    run_one() { # LABEL TSV
        case $1 in
        check) measure "$2" check "$size" "$articles" "$BIN" check "$dir" --rules rules -q --no-cache ;;
        check-warm) measure "$2" check-warm "$size" "$articles" "$BIN" check "$dir" --rules rules -q --cache-dir "$WORK/cache-$size" ;;
        rg-rules) measure "$2" rg-rules "$size" "$articles" "$RG" --no-config -c -f "$PATTERNS" "$dir" ;;
        rg-fixed) measure "$2" rg-fixed "$size" "$articles" "$RG" --no-config -c 'Home Secretary' "$dir" ;;
        esac
    }
    echo "$size: $articles articles; warm-up ..." >&2
    for label in "${LABELS[@]}"; do
        run_one "$label" /dev/null
    done
    for ((round = 1; round <= ROUNDS; round++)); do
        echo "$size: round $round/$ROUNDS" >&2
        for label in "${LABELS[@]}"; do
            run_one "$label" "$TSV"
        done
    done
done

TABLE=$(
    python3 - "$TSV" <<'PY'
import statistics, sys

rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1]) if line.strip()]
by = {}
for size, articles, label, wall, user, sys_, rss, status in rows:
    by.setdefault((size, int(articles)), {}).setdefault(label, []).append(
        (float(wall), float(user) + float(sys_), int(rss) / 1024, int(status))
    )
names = {
    "check": "`corpus-lint check -q --no-cache`",
    "check-warm": "`corpus-lint check -q`, warm cache",
    "rg-rules": "`rg -c -f` rule regexes",
    "rg-fixed": "`rg -c 'Home Secretary'`",
}
print(
    "| corpus | articles | command | runs | wall s (median) | wall min–max | CPU s "
    "| peak MB | µs/article | check ÷ rg-rules, wall | CPU |"
)
print("|---|--:|---|--:|--:|--:|--:|--:|--:|--:|--:|")
for (size, articles), cmds in by.items():
    med = {k: statistics.median(w for w, _, _, _ in v) for k, v in cmds.items()}
    cpu = {k: statistics.median(c for _, c, _, _ in v) for k, v in cmds.items()}
    for label in ("check", "check-warm", "rg-rules", "rg-fixed"):
        runs = cmds.get(label)
        if not runs:
            continue
        walls = [w for w, _, _, _ in runs]
        ratio = " | "
        if label == "check" and med.get("rg-rules") and cpu.get("rg-rules"):
            ratio = f"{med['check'] / med['rg-rules']:.1f}× | {cpu['check'] / cpu['rg-rules']:.1f}×"
        print(
            f"| {size} | {articles:,} | {names[label]} | {len(runs)} "
            f"| {med[label]:.2f} | {min(walls):.2f}–{max(walls):.2f} "
            f"| {cpu[label]:.2f} "
            f"| {statistics.median(m for _, _, m, _ in runs):.0f} "
            f"| {med[label] / articles * 1e6:.1f} | {ratio} |"
        )
PY
)
echo
echo "$TABLE"

DAY=$(date +%F)
COMMIT=$(commit_id)
RESULTS=$ROOT/bench/results/$DAY-$COMMIT.md
mkdir -p "$(dirname "$RESULTS")"
{
    echo "## $(date '+%F %H:%M %Z') — commit $COMMIT"
    echo
    echo "- Machine: $(machine)"
    echo "- Command: \`$COMMAND_LINE\` ($ROUNDS rounds after one warm-up run each; medians)"
    echo "- Tools: $("$BIN" --version), $("$RG" --version 2>/dev/null | head -n 1)"
    if [[ ${BENCH_COPY:-link} == link ]]; then
        echo "- Corpora: $BENCH_DIR, copies of the BBC corpus as hard links (\`cp -al\`)"
    else
        echo "- Corpora: $BENCH_DIR, copies of the BBC corpus (\`cp -r\`)"
    fi
    echo "- Rule regexes searched by ripgrep: $NPATTERNS"
    echo "- Load average (1, 5, 15 min) before: $LOAD_BEFORE; after: $(load)"
    echo
    echo "$TABLE"
    echo
} >>"$RESULTS"
echo
echo "appended to ${RESULTS#"$ROOT"/}"
