#!/usr/bin/env bash
# Builds replicated copies of the BBC corpus for benchmarking, outside the
# repository:
#
#   bench/corpora.sh [SIZES...]      (default: c1e4 c1e5)
#
#   c1e4     5 copies     11,125 articles
#   c1e5    45 copies    100,125 articles
#   c1e6   450 copies  1,001,250 articles
#
# under ${BENCH_DIR:-/tmp/corpus-lint-bench}/<size>/copy-NNN/<category>/NNN.txt.
# The five category folders are copied (not README.TXT or SOURCE.md): 2,225
# articles a copy, one of them (sport/199.txt) Latin-1, which `check` reports and
# skips. A size whose file count is already right is left alone.
#
# Copies are hard links (`cp -al`) to one private copy of the corpus in
# $BENCH_DIR/src: fast, and c1e6 takes inodes for folders only. Every copy of an
# article is then the same inode with the same mtime, which `check` does not mind
# (it reads every path), and all copies share the same page-cache pages. Set
# BENCH_COPY=copy for real copies (`cp -r`, ~4.3 GB and 1M inodes for c1e6).
# Never edit an article in place under $BENCH_DIR: write a new file and rename it
# over the old one (bench/warm.sh does), or use BENCH_COPY=copy.
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

MODE=${BENCH_COPY:-link}
case $MODE in
link | copy) ;;
*) die "BENCH_COPY must be 'link' or 'copy', not '$MODE'" ;;
esac

# The private copy every size links to, so that no link reaches ../shared.
prepare_source() {
    require_bbc
    local src=$BENCH_DIR/src n
    n=$(count_files "$src")
    if ((n != ARTICLES_PER_COPY)); then
        rm -rf "$src" "$src.partial"
        mkdir -p "$src.partial"
        local c
        for c in "${CATEGORIES[@]}"; do
            cp -r "$BBC_DIR/$c" "$src.partial/$c"
        done
        n=$(count_files "$src.partial")
        ((n == ARTICLES_PER_COPY)) ||
            die "$BBC_DIR has $n articles in its category folders, not $ARTICLES_PER_COPY"
        mv "$src.partial" "$src"
    fi
}

# Disk space (KB) and inodes a size needs, checked before building it.
check_space() {
    local copies=$1 need_kb need_inodes avail_kb avail_inodes per_copy_kb
    per_copy_kb=$(du -sk "$BENCH_DIR/src" | cut -f1)
    if [[ $MODE == copy ]]; then
        need_kb=$((copies * per_copy_kb * 11 / 10))
        need_inodes=$((copies * (ARTICLES_PER_COPY + 6)))
    else
        # Folders only: six a copy, a few KB each.
        need_kb=$((copies * 6 * 64 + 10240))
        need_inodes=$((copies * 6))
    fi
    avail_kb=$(df -Pk "$BENCH_DIR" | awk 'NR == 2 { print $4 }')
    avail_inodes=$(df -Pi "$BENCH_DIR" | awk 'NR == 2 { print $4 }')
    ((avail_kb > need_kb)) ||
        die "$copies copies ($MODE) need ~$((need_kb / 1024)) MB; $BENCH_DIR has $((avail_kb / 1024)) MB free"
    # Some filesystems report no inode limit ("-" or 0).
    if [[ $avail_inodes =~ ^[0-9]+$ ]] && ((avail_inodes > 0 && avail_inodes < need_inodes)); then
        die "$copies copies ($MODE) need $need_inodes inodes; $BENCH_DIR has $avail_inodes free"
    fi
}

build_size() {
    local size=$1 copies expected dir n i
    copies=$(copies_for "$size")
    expected=$((copies * ARTICLES_PER_COPY))
    dir=$BENCH_DIR/$size
    n=$(count_files "$dir")
    if ((n == expected)); then
        printf '%-5s %4d copies %10d files  %s (already built)\n' "$size" "$copies" "$n" "$dir"
        return
    fi
    check_space "$copies"
    local start=$SECONDS
    rm -rf "$dir" "$dir.partial"
    mkdir -p "$dir.partial"
    for ((i = 0; i < copies; i++)); do
        if [[ $MODE == link ]]; then
            cp -al "$BENCH_DIR/src" "$(printf '%s/copy-%03d' "$dir.partial" "$i")"
        else
            cp -r "$BENCH_DIR/src" "$(printf '%s/copy-%03d' "$dir.partial" "$i")"
        fi
    done
    n=$(count_files "$dir.partial")
    ((n == expected)) || die "$dir.partial has $n files, expected $expected"
    mv "$dir.partial" "$dir"
    printf '%-5s %4d copies %10d files  %s (built in %ds, %s)\n' \
        "$size" "$copies" "$n" "$dir" $((SECONDS - start)) "$MODE"
}

main() {
    local sizes=("$@") size
    ((${#sizes[@]} > 0)) || sizes=(c1e4 c1e5)
    for size in "${sizes[@]}"; do
        copies_for "$size" >/dev/null # fails early on an unknown size
    done
    mkdir -p "$BENCH_DIR"
    prepare_source
    for size in "${sizes[@]}"; do
        build_size "$size"
    done
    echo "disk used under $BENCH_DIR (hard links counted once): $(du -sh "$BENCH_DIR" | cut -f1)"
}

main "$@"
