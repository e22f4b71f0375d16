# Sourced by .ci/run and ./chanvas: points JAVA_HOME at a JDK 25 or says what to install.
find_jdk25() {
  local cand
  for cand in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*25* /usr/lib/jvm/*; do
    [ -n "$cand" ] && [ -x "$cand/bin/javac" ] || continue
    if "$cand/bin/java" -version 2>&1 | head -1 | grep -qE '"25([."]|$)'; then
      echo "$cand"; return 0
    fi
  done
  return 1
}
if ! JAVA_HOME=$(find_jdk25); then
  echo "chanvas: no JDK 25 found (looked at \$JAVA_HOME and /usr/lib/jvm)." >&2
  echo "Install one, e.g. Temurin 25 (apt-get install temurin-25-jdk), or set JAVA_HOME to it." >&2
  exit 1
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
