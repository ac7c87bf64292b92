#!/usr/bin/env bash
# Checks that what deploy/Dockerfile copies into its build stage is enough to build
# the three executables, without a container engine (none runs in CI or on the
# development machines).
#
# It reads the Dockerfile's COPY lines (not COPY --from), copies exactly those paths
# from the repository, less what .dockerignore excludes, into a temporary folder laid
# out as the build stage's WORKDIR, and runs `swift build --product` there for
# newswire-producer, newswire-consumer and newswire (debug: the check is about the
# files, not the optimiser). A COPY source that is missing or wholly ignored fails too.
#
# Usage: scripts/check-docker-context.sh [--keep]   (--keep leaves the folder for a look)
set -euo pipefail
cd "$(dirname "$0")/.."

dockerfile="${DOCKERFILE:-deploy/Dockerfile}"
keep=false
[[ "${1:-}" == "--keep" ]] && keep=true
command -v python3 >/dev/null || { echo "check-docker-context: needs python3 to read the Dockerfile and .dockerignore" >&2; exit 1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/newswire-docker-context.XXXXXX")"
# SwiftPM also leaves lock files named after the build folder's path in the temporary folder.
locks="${TMPDIR:-/tmp}/$(echo "$work" | tr / _)_"
if $keep; then echo "check-docker-context: keeping $work"; else trap 'rm -rf "$work"; rm -f "$locks"*' EXIT; fi

echo "== docker build context: copying what $dockerfile's COPY lines take (less .dockerignore) into $work/src"
python3 - "$dockerfile" .dockerignore "$work/src" <<'PYTHON'
import os, re, shlex, shutil, sys

dockerfile, ignorefile, target = sys.argv[1:4]

def ignore_rules(path):
    """.dockerignore lines as (regex, negated), in order; the last rule that matches wins."""
    rules = []
    if not os.path.exists(path):
        return rules
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        negated = line.startswith("!")
        pattern = os.path.normpath(line[1:].strip() if negated else line).lstrip("/")
        regex, i = "", 0
        while i < len(pattern):
            if pattern.startswith("**/", i):
                regex += "(?:.*/)?"; i += 3
            elif pattern.startswith("**", i):
                regex += ".*"; i += 2
            elif pattern[i] == "*":
                regex += "[^/]*"; i += 1
            elif pattern[i] == "?":
                regex += "[^/]"; i += 1
            else:
                regex += re.escape(pattern[i]); i += 1
        rules.append((re.compile(regex + r"\Z"), negated))
    return rules

RULES = ignore_rules(ignorefile)

def ignored(relative):
    """Docker's rule: a path is excluded when it or one of its parent folders matches."""
    parts = relative.split("/")
    candidates = ["/".join(parts[:n]) for n in range(1, len(parts) + 1)]
    excluded = False
    for regex, negated in RULES:
        if any(regex.match(candidate) for candidate in candidates):
            excluded = not negated
    return excluded

def instructions(path):
    """(instruction, arguments) per Dockerfile instruction, continuation lines joined."""
    text = open(path, encoding="utf-8").read()
    logical = re.sub(r"\\\n", " ", text)
    for line in logical.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            word, _, rest = line.partition(" ")
            yield word.upper(), rest.strip()

stages, problems = [], []
for word, rest in instructions(dockerfile):
    if word == "FROM":
        stages.append({"from": rest, "workdir": "/", "copies": [], "builds": False})
    elif word == "WORKDIR":
        stages[-1]["workdir"] = os.path.join(stages[-1]["workdir"], rest)
    elif word in ("COPY", "ADD"):
        args = [a for a in shlex.split(rest) if not a.startswith("--")]
        if any(a.startswith("--from") for a in shlex.split(rest)):
            continue
        *sources, destination = args
        stages[-1]["copies"].append((sources, destination, stages[-1]["workdir"]))
    elif word == "RUN" and "swift build" in rest:
        stages[-1]["builds"] = True

build = [stage for stage in stages if stage["builds"]]
if len(build) != 1:
    sys.exit(f"{dockerfile}: expected one stage that runs `swift build`, found {len(build)}")
build = build[0]

def files_under(source):
    if os.path.isfile(source):
        return [source]
    found = []
    for folder, subfolders, names in os.walk(source):
        subfolders[:] = sorted(d for d in subfolders if not ignored(os.path.normpath(os.path.join(folder, d))))
        found += [os.path.normpath(os.path.join(folder, name)) for name in sorted(names)]
    return found

copied = 0
for stage in stages:
    for sources, destination, workdir in stage["copies"]:
        for source in sources:
            source = os.path.normpath(source)
            if not os.path.exists(source):
                problems.append(f"COPY {source}: no such file or folder in the repository")
                continue
            kept = [f for f in files_under(source) if not ignored(f)]
            if not kept:
                problems.append(f"COPY {source}: everything in it is excluded by .dockerignore")
                continue
            if stage is not build:
                continue
            # Where it lands in the image, relative to the build stage's WORKDIR.
            absolute = os.path.normpath(os.path.join(workdir, destination))
            into = os.path.relpath(absolute, os.path.normpath(workdir))
            if into.startswith(".."):
                problems.append(f"COPY {source} {destination}: lands outside WORKDIR {workdir}; this check cannot place it")
                continue
            for f in kept:
                if os.path.isdir(source):
                    where = os.path.join(target, into, os.path.relpath(f, source))
                elif destination.endswith("/") or destination in (".", "./") or len(sources) > 1:
                    where = os.path.join(target, into, os.path.basename(f))
                else:
                    where = os.path.join(target, into)
                os.makedirs(os.path.dirname(where), exist_ok=True)
                shutil.copy2(f, where)
                copied += 1
            print(f"   COPY {source} -> {workdir.rstrip('/')}/{into if into != '.' else ''}  ({len(kept)} files)")

if problems:
    print("\n".join(f"check-docker-context: {p}" for p in problems), file=sys.stderr)
    sys.exit(1)
print(f"   {copied} files in the build stage's context")
PYTHON

for product in newswire-producer newswire-consumer newswire; do
  echo "== swift build --product $product (in the copied context only)"
  if ! swift build --package-path "$work/src" --product "$product" 2>&1 | tail -n 25; then
    echo "check-docker-context: FAILED: $dockerfile's build context is not enough to build $product (see above);" >&2
    echo "  copy what Package.swift needs (its COPY lines) and check .dockerignore" >&2
    exit 1
  fi
done
echo "== docker build context: OK (the three executables build from what deploy/Dockerfile copies)"
