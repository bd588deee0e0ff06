#!/usr/bin/env bash
# Reading .xls: the product's format layer against plain POI HSSF, in one process.
#   bench/xls.sh [--files 600] [--rounds 7]
#   bench/xls.sh --heap         the smallest heap each needs for the largest .xls let in
#   BENCH_CLASSES=/path/to/other/target/classes bench/xls.sh   the same against another build
set -euo pipefail
export LANG=C.UTF-8 LC_ALL=C.UTF-8
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests test-compile dependency:build-classpath \
	-Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
classes="${BENCH_CLASSES:-target/classes}"
cp="$classes:target/test-classes:$(cat target/bench-classpath.txt)"
if [[ "${1:-}" == "--heap" ]]; then
	file=bench/work/xls/largest.xls
	[[ -f "$file" ]] || java -Xmx1g -cp "$cp" org.tallyrollup.bench.XlsReadBench --largest "$file"
	echo "| reader | smallest heap that reads $(basename "$file") ($(du -k "$file" | cut -f1) KB) |"
	echo "|---|---|"
	for mode in --read-poi --read; do
		smallest="over 256 MB"
		for heap in 16 24 32 40 48 56 64 72 80 96 112 128 160 192 256; do
			if java -Xmx${heap}m -XX:+UseSerialGC -cp "$cp" org.tallyrollup.bench.XlsReadBench "$mode" "$file" \
				>/dev/null 2>&1; then
				smallest="$heap MB"
				break
			fi
		done
		name=$([[ "$mode" == "--read" ]] && echo "the product's format layer" || echo "plain POI HSSF")
		echo "| $name | $smallest |"
	done
	exit 0
fi
exec java -Xmx512m -XX:+UseParallelGC -cp "$cp" org.tallyrollup.bench.XlsReadBench "$@"
