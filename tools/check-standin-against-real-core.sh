#!/usr/bin/env bash
# Compares every type and member of the build-time stand-in with the real openHAB core 5.2.1 class files
# (ApiSignatureTest with -Dopenhab.core.classpath), taking the real bundles from a local Maven repository.
#
# Usage: tools/check-standin-against-real-core.sh [--repo /path/to/m2/repository] [extra Maven arguments]
# Without --repo, the local repository Maven is configured with is used.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

repo=""
if [[ "${1:-}" == "--repo" ]]; then
    repo=$2
    shift 2
fi
if [[ -z "$repo" ]]; then
    repo=$(./mvnw -B -q help:evaluate -Dexpression=settings.localRepository -DforceStdout)
fi

version=5.2.1
classpath=""
for bundle in org.openhab.core org.openhab.core.thing org.openhab.core.config.core org.openhab.core.io.net \
    org.openhab.core.automation org.openhab.core.io.console org.openhab.core.semantics; do
    jar="$repo/org/openhab/core/bundles/$bundle/$version/$bundle-$version.jar"
    if [[ ! -f "$jar" ]]; then
        echo "missing $jar: build the real core first (README.md, 'Build against the real openHAB core')" >&2
        exit 2
    fi
    classpath="${classpath:+$classpath:}$jar"
done

./mvnw -B -pl openhab-core-standin verify -Dtest=ApiSignatureTest -Dopenhab.core.classpath="$classpath" "$@"
