#!/usr/bin/env bash
# Fails when a translation is not complete: a string of the sources missing from a .ts
# file (lupdate would add it), an unfinished or vanished entry, or a translation that
# lost or gained a %1/%n placeholder. scripts/update-translations brings the files up to
# date; then translate what it marked unfinished.
set -euo pipefail
cd "$(dirname "$0")/.."
lupdate=$(command -v lupdate || echo /usr/lib/qt6/bin/lupdate)
[ -x "$lupdate" ] || { echo "lupdate is not installed (package qt6-l10n-tools)"; exit 1; }
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
status=0
for ts in translations/lyss_*.ts; do
    lang=$(basename "$ts" .ts); lang=${lang#lyss_}
    # English is the source language: its file holds only the plural forms.
    only=(); [ "$lang" = en ] && only=(-pluralonly)
    cp "$ts" "$scratch/current.ts"
    "$lupdate" -silent -locations none -no-obsolete "${only[@]}" ui app core -target-language "$lang" \
        -ts "$scratch/current.ts"
    if ! cmp -s "$ts" "$scratch/current.ts"; then
        echo "$ts is not up to date with the sources; run scripts/update-translations:"
        diff -u "$ts" "$scratch/current.ts" | head -40
        status=1
    fi
    python3 - "$ts" <<'PY' || status=1
import re, sys
import xml.etree.ElementTree as ET
path = sys.argv[1]
problems = []
for context in ET.parse(path).getroot().iter("context"):
    name = context.findtext("name")
    for m in context.iter("message"):
        source = m.findtext("source") or ""
        t = m.find("translation")
        kind = t.get("type")
        if kind in ("unfinished", "vanished", "obsolete"):
            problems.append(f"{name}: {kind}: {source!r}")
            continue
        texts = [n.text or "" for n in t.iter("numerusform")] or [t.text or ""]
        for text in texts:
            if not text.strip():
                problems.append(f"{name}: empty: {source!r}")
            marks = lambda s: sorted(re.findall(r"%(?:\d+|n)", s))
            if marks(text) != marks(source):
                problems.append(f"{name}: placeholders differ: {source!r} -> {text!r}")
if problems:
    print(f"{path}: {len(problems)} problem(s)")
    print("\n".join(problems[:40]))
    sys.exit(1)
print(f"{path}: complete")
PY
done
exit $status
