#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder image (Ubuntu): a JDK 17 (the grader compiles
# submissions with javax.tools, so a JRE is not enough), bubblewrap where the image allows it, then a warm-up run.
# Maven is not needed: rnn-autograder.jar is the shaded jar and holds every dependency.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

java_major() { java -version 2>&1 | sed -n 's/.* version "\([0-9]*\).*/\1/p' | head -1; }
if ! command -v javac >/dev/null 2>&1 || [ "$(java_major)" -lt 17 ] 2>/dev/null; then
  echo "installing openjdk-17-jdk-headless"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends openjdk-17-jdk-headless
fi
java -version

# bubblewrap gives the student's code no network and a read-only view; the grader probes whether it works in this
# container and says in every report which isolation was in force. Best effort.
if ! command -v bwrap >/dev/null 2>&1; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends bubblewrap \
    || echo "note: bubblewrap not installed; the student's code runs in a plain child JVM"
fi

# Warm-up and smoke test: grade the reference solution as if it were a submission; it must score full marks.
if [ "${RNN_SKIP_WARMUP:-0}" != 1 ]; then
  warm="$(mktemp -d)"
  mkdir -p "$warm/source" "$warm/submission" "$warm/results"
  ln -s "$here/rnn-autograder.jar" "$warm/source/rnn-autograder.jar"
  ln -s "$here/reference-solutions" "$warm/source/reference-solutions"
  cp "$here/autograder.env" "$warm/source/"
  cp -r "$here/reference-solutions/." "$warm/submission/"
  AUTOGRADER_ROOT="$warm" bash "$here/run_autograder"
  grep -q '"score" : 100.0' "$warm/results/results.json" \
    || { echo "warm-up: the reference solution did not score 100:"; cat "$warm/results/results.json"; exit 1; }
  echo "warm-up: the reference solution scores 100"
  rm -rf "$warm"
fi
