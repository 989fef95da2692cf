#!/usr/bin/env bash
# The translation workflow in one command (run from anywhere):
#
#   packaging/translations.sh update   # lupdate: add every new tr() string of ui/ and app/ to the
#                                      # .ts files, drop vanished ones, then list what is untranslated
#   packaging/translations.sh check    # fails (exit 1) when the sources have a string that a .ts
#                                      # file lacks or leaves unfinished; changes nothing
#
# Translate the strings `update` lists in resources/translations/attentionscope_<lang>.ts (Qt
# Linguist, or by hand: fill <translation> and drop type="unfinished"); the build compiles the .ts
# files with lrelease and embeds them. The ctest `translations_complete` runs `check`.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LUPDATE="${LUPDATE:-/usr/lib/qt6/bin/lupdate}"
[[ -x "$LUPDATE" ]] || LUPDATE="$(command -v lupdate6 || command -v lupdate)"
TS_FILES=("$ROOT"/resources/translations/*.ts)
SOURCES=("$ROOT/ui" "$ROOT/app")

# lupdate over the sources into `ts`; locations are left out so the files merge cleanly.
run_lupdate() {
  "$LUPDATE" -silent -no-obsolete -locations none -extensions cpp,h -I "$ROOT" "${SOURCES[@]}" -ts "$1"
}

# Prints "<count> unfinished" and the unfinished source strings of a .ts file.
report() {
  python3 - "$1" <<'PY'
import sys, xml.etree.ElementTree as ET
tree = ET.parse(sys.argv[1])
missing = []
total = 0
for context in tree.getroot().iter("context"):
    name = context.findtext("name")
    for message in context.iter("message"):
        total += 1
        translation = message.find("translation")
        kind = translation.get("type") if translation is not None else "unfinished"
        if kind in ("vanished", "obsolete"):
            continue
        numerus = message.get("numerus") == "yes"
        text = "".join(translation.itertext()).strip() if translation is not None else ""
        if kind == "unfinished" or not text:
            missing.append(f"  [{name}] {message.findtext('source')!r}")
print(f"{sys.argv[1]}: {total} messages, {len(missing)} unfinished")
for line in missing:
    print(line)
sys.exit(1 if missing else 0)
PY
}

case "${1:-}" in
  update)
    status=0
    for ts in "${TS_FILES[@]}"; do
      run_lupdate "$ts"
      report "$ts" || status=1
    done
    exit $status
    ;;
  check)
    status=0
    scratch="$(mktemp -d)"
    trap 'rm -rf "$scratch"' EXIT
    for ts in "${TS_FILES[@]}"; do
      copy="$scratch/$(basename "$ts")"
      cp "$ts" "$copy"
      run_lupdate "$copy"
      report "$copy" || status=1
    done
    exit $status
    ;;
  *)
    sed -n '2,12p' "${BASH_SOURCE[0]}"
    exit 2
    ;;
esac
