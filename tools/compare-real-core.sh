#!/usr/bin/env bash
# Compiles the add-on twice, against the build-time stand-in and against the real openHAB core artifacts
# (profile real-openhab), and checks that the class files are byte for byte the same.
#
# The real artifacts come from the local Maven repository (../shared/tools/build-real-core/build installs them) or
# from a repository the Maven settings name; --repo selects another local repository (Maven's -Dmaven.repo.local).
# Extra arguments go to Maven.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

repo_args=()
if [[ "${1:-}" == "--repo" ]]; then
    repo_args=("-Dmaven.repo.local=$2")
    shift 2
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
classes=org.openhab.binding.kas/target/classes
common=(-B -q -pl org.openhab.binding.kas -am -Dformatter.skip -Dimpsort.skip "$@")

rm -rf "$classes"
./mvnw "${common[@]}" compile
cp -r "$classes" "$out/standin"

rm -rf "$classes"
./mvnw "${common[@]}" "${repo_args[@]}" -Preal-openhab compile
cp -r "$classes" "$out/real"

count=$(find "$out/real" -name '*.class' | wc -l)
if diff -r "$out/standin" "$out/real"; then
    echo "identical: $count class files are the same against the stand-in and against openHAB core"
else
    echo "the class files differ between the stand-in and the real openHAB core build" >&2
    exit 1
fi
