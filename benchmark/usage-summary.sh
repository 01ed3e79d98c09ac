#!/usr/bin/env bash
# The usage summary at volume: 1,000,000 usage records in PostgreSQL (127.0.0.1:5432, database test, or IT_PG_URL),
# usageSummary over 30 days grouped by model, timed. Not a test; figures go to docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q -pl llm-ejb -am test-compile -DskipTests
mvn -B -ntp -q -pl llm-ejb dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp
java -cp "llm-ejb/target/test-classes:llm-ejb/target/classes:$(cat llm-ejb/target/bench.cp)" \
  io.circuitbreaker.llm.usage.UsageSummaryBenchmark "${1:-1000000}"
