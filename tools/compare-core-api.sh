#!/usr/bin/env bash
# Compares, type by type, the openHAB core sources of every type the stand-in declares (= every openHAB type the
# add-on and its tests use) between a reference and other openHAB core versions, with comments and blank lines
# left out (license years and javadoc change every release). Prints one line per version and, with --diff, what
# differs. It reads git only: nothing is built or written.
#
#   tools/compare-core-api.sh --repo /path/to/openhab-core.git [--base 5.2.1] [--diff] REF...
#   tools/compare-core-api.sh --repo /path/to/openhab-core.git 5.0.3 5.1.4
#   tools/compare-core-api.sh --repo /path/to/holgerfriedrich-openhab-core.git --base-repo /path/to/openhab-core.git k450
#
# REF is anything git can show a file of (tag, branch, commit). --base-repo names the clone that holds --base when the
# compared refs live in another clone (the k450 branch of holgerfriedrich/openhab-core).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
repo=""
base_repo=""
base="5.2.1"
show_diff=false
refs=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --repo) repo="$2"; shift 2 ;;
        --base-repo) base_repo="$2"; shift 2 ;;
        --base) base="$2"; shift 2 ;;
        --diff) show_diff=true; shift ;;
        -h|--help) sed -n '2,13p' "${BASH_SOURCE[0]}"; exit 0 ;;
        *) refs+=("$1"); shift ;;
    esac
done
if [[ -z "$repo" || ${#refs[@]} -eq 0 ]]; then
    echo "usage: $0 --repo OPENHAB_CORE_GIT_DIR [--base-repo DIR] [--base REF] [--diff] REF..." >&2
    exit 2
fi
base_repo=${base_repo:-$repo}

# the source without comments, blank lines and indentation
normalise() {
    python3 -c '
import re, sys
text = sys.stdin.read()
text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
text = re.sub(r"//[^\n]*", "", text)
sys.stdout.write("\n".join(line.strip() for line in text.splitlines() if line.strip()) + "\n")'
}

types=$(cd "$root/openhab-core-standin/src/main/java" && find . -name '*.java' ! -name package-info.java | sed 's|^\./||' | sort)
paths=$(git -C "$base_repo" ls-tree -r --name-only "$base" -- bundles)
status=0
for ref in "${refs[@]}"; do
    same=0
    differing=()
    for type in $types; do
        path=$(grep "/src/main/java/$type\$" <<<"$paths" | head -1 || true)
        if [[ -z "$path" ]]; then
            echo "$type: not found in $base" >&2
            status=1
            continue
        fi
        if cmp -s <(git -C "$base_repo" show "$base:$path" | normalise) \
            <(git -C "$repo" show "$ref:$path" 2>/dev/null | normalise); then
            same=$((same + 1))
        else
            differing+=("${type%.java}")
            if [[ "$show_diff" == true ]]; then
                echo "--- $type ($base -> $ref)"
                diff <(git -C "$base_repo" show "$base:$path" | normalise) \
                    <(git -C "$repo" show "$ref:$path" 2>/dev/null | normalise) || true
            fi
        fi
    done
    echo "$ref: $same of $(wc -w <<<"$types") types the same as in $base${differing[*]:+; differ: ${differing[*]//\//.}}"
done
exit $status
