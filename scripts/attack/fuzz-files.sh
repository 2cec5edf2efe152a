#!/bin/sh
# The attack's file fuzz (issue 14), repeatable: FILES hostile definition files (default 2020; Neutron's JSON,
# Heat, Terraform, full of terminal escapes, controls and bidi overrides, one in five damaged), each run
# through validate, lint, diff and export in one JVM. Prints runs, crashes, raw control characters in the
# output, runs over 2 s and the slowest; exits 1 on a crash or a raw control character.
#   scripts/attack/fuzz-files.sh [FILES [SEED]]
set -eu
cd "$(dirname "$0")/../.."
exec mvn -q -B -ntp -Pbench -Dbench.main=dev.portcullis.bench.FileFuzz -Dfuzz.files="${1:-2020}" -Dfuzz.seed="${2:-14}"
