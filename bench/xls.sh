#!/usr/bin/env bash
# Reading .xls: the product's format layer against plain POI HSSF, in one process.
#   bench/xls.sh [--files 600] [--rounds 7]
#   BENCH_CLASSES=/path/to/other/target/classes bench/xls.sh   the same against another build
set -euo pipefail
export LANG=C.UTF-8 LC_ALL=C.UTF-8
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests test-compile dependency:build-classpath \
	-Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
classes="${BENCH_CLASSES:-target/classes}"
exec java -Xmx512m -XX:+UseParallelGC -cp "$classes:target/test-classes:$(cat target/bench-classpath.txt)" \
	org.tallyrollup.bench.XlsReadBench "$@"
