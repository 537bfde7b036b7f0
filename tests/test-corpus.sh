#!/usr/bin/env bash
# standpoint-cli on five real news articles (the shared corpus' seeds): import, codebook,
# claims on the sentences around given words, and the matrix by actor and by group. The
# articles are read where they lie; nothing of their text is kept here. Prints TAP; skips
# when the corpus is not there.
#
# usage: test-corpus.sh STANDPOINT-CLI CORPUS-DIR
set -u

CLI=$1
CORPUS=${SP_CORPUS_DIR:-$2}
SEEDS=$CORPUS/seeds

if [ ! -d "$SEEDS" ] || [ "$(ls "$SEEDS"/*.txt 2>/dev/null | wc -l)" -lt 5 ]; then
  # Under TAP a skipped test is an empty plan with a reason, and success
  echo "1..0 # SKIP the shared corpus is not at $SEEDS (set SP_CORPUS_DIR to run this test)"
  exit 0
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
P=$WORK/peace-talks.standpoint
n=0
failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; shift; for line in "$@"; do echo "# $line"; done; }
check () {
  local what=$1; shift
  if "$@" >"$WORK/out" 2>"$WORK/err"; then ok "$what"; else not_ok "$what" "$(cat "$WORK/err")"; fi
}

check "new project" "$CLI" new "$P"
check "import the five seed articles" "$CLI" import "$P" "$SEEDS"
grep -q "imported 5, duplicates 0, failed 0" "$WORK/out" && ok "all five are imported" || not_ok "all five are imported" "$(cat "$WORK/out")"

cat >"$WORK/codebook.json" <<'JSON'
{ "format": "standpoint-codebook", "version": 1,
  "actors": [
    {"name": "Russia", "kind": "state", "aliases": ["Moscow", "Kremlin"]},
    {"name": "United States", "kind": "state", "aliases": ["Washington", "U.S."]},
    {"name": "Ukraine", "kind": "state", "aliases": ["Kyiv"]},
    {"name": "Vladimir Putin", "kind": "person", "affiliation": "Russia", "aliases": ["Putin"]},
    {"name": "Yury Ushakov", "kind": "person", "affiliation": "Russia", "aliases": ["Ushakov"]},
    {"name": "Donald Trump", "kind": "person", "affiliation": "United States", "aliases": ["Trump"]},
    {"name": "Steve Witkoff", "kind": "person", "affiliation": "United States", "aliases": ["Witkoff"]},
    {"name": "Keith Kellogg", "kind": "person", "affiliation": "United States", "aliases": ["Kellogg"]},
    {"name": "Volodymyr Zelensky", "kind": "person", "affiliation": "Ukraine", "aliases": ["Zelensky"]}
  ],
  "issues": [
    {"key": "ukraine_nato", "label": "Ukraine in NATO", "proposition": "Ukraine should join NATO", "keywords": ["NATO membership", "join NATO"]},
    {"key": "security_guarantees", "label": "Security guarantees", "proposition": "Ukraine should get security guarantees", "keywords": ["security guarantee", "Article 5"]},
    {"key": "territory", "label": "Territorial concessions", "proposition": "Ukraine should cede territory", "keywords": ["territory", "Donbas"]},
    {"key": "ceasefire", "label": "Ceasefire first", "proposition": "A ceasefire should come first", "keywords": ["ceasefire"]}
  ] }
JSON
check "codebook import" "$CLI" codebook import "$P" "$WORK/codebook.json"

check "documents with bodies" "$CLI" documents "$P" --format json --with-body
cp "$WORK/out" "$WORK/documents.json"
python3 - "$WORK/documents.json" <<'PY' && ok "every article has a title and a body; dated ones have their date" || not_ok "every article has a title and a body; dated ones have their date"
import json, sys
docs = json.load(open(sys.argv[1]))
assert len(docs) == 5
for d in docs:
    assert d["title"] and len(d["body"]) > 1000, d["file"]
dates = {d["file"][:3]: d["date"] for d in docs}
assert dates["000"] == "2025-05-30", dates
assert dates["004"] == "2025-08-17", dates
PY

# The sentence around the first occurrence of a word, as character offsets
sentence () {
  python3 - "$WORK/documents.json" "$1" "$2" <<'PY'
import json, re, sys
docs = sorted(json.load(open(sys.argv[1])), key=lambda d: d["file"])
body = docs[int(sys.argv[2])]["body"]
at = body.lower().index(sys.argv[3].lower())
start = max(body.rfind(". ", 0, at) + 2, body.rfind("\n", 0, at) + 1)
end = min(x for x in (body.find(". ", at) + 1, body.find("\n", at)) if x > 0)
print(docs[int(sys.argv[2])]["id"], start, end)
PY
}

# claim DOC-INDEX WORD ACTOR ISSUE STANCE
claim () {
  local spot
  spot=($(sentence "$1" "$2")) || { not_ok "find “$2” in article $1"; return; }
  check "claim: $3 on $4 ($5) at “$2” in article $1" \
    "$CLI" claim add "$P" --document "${spot[0]}" --start "${spot[1]}" --end "${spot[2]}" --actor "$3" --issue "$4" --stance="$5"
}

claim 0 Kellogg Kellogg ukraine_nato -1
claim 1 NATO Moscow ukraine_nato -2
claim 2 "Article 5" Witkoff security_guarantees 2
claim 2 Putin Putin security_guarantees 1
claim 3 Ushakov Ushakov ukraine_nato -2
claim 4 "security guarantee" Zelensky security_guarantees 2
claim 4 territor Zelensky territory -2
claim 1 ceasefire Washington ceasefire 1

check "claims" "$CLI" claims "$P"
[ "$(tail -n +2 "$WORK/out" | wc -l)" -eq 8 ] && ok "eight claims" || not_ok "eight claims" "$(cat "$WORK/out")"

check "matrix CSV" "$CLI" matrix "$P" --format csv --all-rows -o "$WORK/matrix.csv"
cat >"$WORK/expected.csv" <<'CSV'
actor,ukraine_nato,security_guarantees,territory,ceasefire
Donald Trump,,,,
Keith Kellogg,-1,,,
Russia,-2,,,
Steve Witkoff,,2,,
Ukraine,,,,
United States,,,,1
Vladimir Putin,,1,,
Volodymyr Zelensky,,2,-2,
Yury Ushakov,-2,,,
CSV
cmp -s "$WORK/expected.csv" "$WORK/matrix.csv" && ok "matrix by actor has the right means" \
  || not_ok "matrix by actor has the right means" "$(diff "$WORK/expected.csv" "$WORK/matrix.csv")"
"$CLI" matrix "$P" --format csv -o - | cmp -s <(grep -v -e '^Donald Trump,' -e '^Ukraine,' "$WORK/expected.csv") - \
  && ok "without --all-rows, actors without claims have no row" || not_ok "without --all-rows, actors without claims have no row"

check "matrix CSV by group" "$CLI" matrix "$P" --format csv --level group -o "$WORK/groups.csv"
cat >"$WORK/expected-groups.csv" <<'CSV'
actor,ukraine_nato,security_guarantees,territory,ceasefire
Russia,-2,1,,
Ukraine,,2,-2,
United States,-1,2,,1
CSV
cmp -s "$WORK/expected-groups.csv" "$WORK/groups.csv" && ok "matrix by group has the right means" \
  || not_ok "matrix by group has the right means" "$(diff "$WORK/expected-groups.csv" "$WORK/groups.csv")"

check "matrix PNG" "$CLI" matrix "$P" --format png -o "$WORK/matrix.png"
[ "$(head -c 8 "$WORK/matrix.png" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] && ok "the PNG is a PNG" || not_ok "the PNG is a PNG"

echo "1..$n"
exit $((failed > 0))
