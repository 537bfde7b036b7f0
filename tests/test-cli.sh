#!/usr/bin/env bash
# End-to-end test of standpoint-cli on articles written for the tests: a project goes through
# import, codebook import, claims and the matrix, and bad input is refused with a one-line
# reason and no change. Prints TAP.
#
# usage: test-cli.sh STANDPOINT-CLI FIXTURES-DIR
set -u

CLI=$1
FIXTURES=$2
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

n=0
failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; shift; for line in "$@"; do echo "# $line"; done; }

# check DESCRIPTION COMMAND...: passes when COMMAND succeeds
check () {
  local what=$1; shift
  if "$@" >"$WORK/out" 2>"$WORK/err"; then ok "$what"; else not_ok "$what" "$(cat "$WORK/err")"; fi
}

# refuse DESCRIPTION PATTERN COMMAND...: passes when COMMAND fails with exactly one line on
# stderr that matches PATTERN
refuse () {
  local what=$1 pattern=$2; shift 2
  if "$@" >"$WORK/out" 2>"$WORK/err"; then
    not_ok "$what" "succeeded but should have been refused"
  elif [ "$(wc -l <"$WORK/err")" -ne 1 ] || ! grep -q -- "$pattern" "$WORK/err"; then
    not_ok "$what" "stderr was: $(cat "$WORK/err")"
  else
    ok "$what"
  fi
}

# same DESCRIPTION EXPECTED-FILE ACTUAL-FILE
same () {
  if cmp -s "$2" "$3"; then ok "$1"; else not_ok "$1" "$(diff "$2" "$3" | head -20)"; fi
}

P=$WORK/talks.standpoint
cli () { "$CLI" "$@"; }
snapshot () { { cli codebook export "$P"; cli claims "$P"; cli documents "$P"; } >"$WORK/$1" 2>&1; }

# Project
check "new creates a project" cli new "$P"
refuse "new refuses to overwrite an existing file" "already exists" cli new "$P"
echo "not a database" >"$WORK/notes.standpoint"
refuse "a text file is not a project" "notes.standpoint is not a Standpoint project" cli documents "$WORK/notes.standpoint"

# Import
mkdir -p "$WORK/batch"
cp "$FIXTURES"/articles/* "$WORK/batch/"
printf '\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01' >"$WORK/batch/picture.txt"
: >"$WORK/batch/empty.md"
if cli import "$P" "$WORK/batch" >"$WORK/out" 2>"$WORK/err"; then
  not_ok "import of a folder with bad files reports failure" "exit status 0"
else
  grep -q "imported 5, duplicates 0, failed 2" "$WORK/out" && ok "import of a folder imports the good files" \
    || not_ok "import of a folder imports the good files" "$(cat "$WORK/out")"
  [ "$(wc -l <"$WORK/err")" -eq 2 ] && grep -q "picture.txt" "$WORK/err" && grep -q "empty.md" "$WORK/err" \
    && ok "each bad file gets one line naming it" || not_ok "each bad file gets one line naming it" "$(cat "$WORK/err")"
fi

check "importing the same articles again" cli import "$P" "$FIXTURES/articles"
grep -q "imported 0, duplicates 5, failed 0" "$WORK/out" && ok "duplicates are reported, not added" \
  || not_ok "duplicates are reported, not added" "$(cat "$WORK/out")"

check "documents as JSON" cli documents "$P" --format json
python3 - "$WORK/out" <<'PY' && ok "documents JSON has titles, dates and sources" || not_ok "documents JSON has titles, dates and sources"
import json, sys
docs = {d["file"]: d for d in json.load(open(sys.argv[1]))}
assert len(docs) == 5, docs.keys()
assert docs["01-harbour-talks.txt"]["title"] == "Harbour talks open with a ceasefire on the table"
assert docs["01-harbour-talks.txt"]["date"] == "2025-03-03"
assert docs["02-guarantees.txt"]["date"] == "2025-04-11"
assert docs["03-summit.md"]["title"] == "Summit ends without a deal on territory"
assert docs["03-summit.md"]["date"] == "2025-05-20"
assert docs["03-summit.md"]["author"] == "K. Lindqvist"
assert docs["04-sanctions.html"]["date"] == "2025-06-02"
assert docs["04-sanctions.html"]["author"] == "Ruth Okafor"
assert docs["04-sanctions.html"]["url"] == "https://ledger.example/2025/06/sanctions-relief"
assert set(docs["01-harbour-talks.txt"]) == {"id", "file", "title", "date", "source", "url", "author"}
PY

check "documents with bodies" cli documents "$P" --format json --with-body
python3 - "$WORK/out" <<'PY' && ok "HTML bodies keep the article and drop scripts, styles and navigation" || not_ok "HTML bodies keep the article and drop scripts, styles and navigation"
import json, sys
docs = {d["file"]: d for d in json.load(open(sys.argv[1]))}
body = docs["04-sanctions.html"]["body"]
assert "relief first, then signatures" in body, body
assert "\u2014" in body                     # &mdash; decoded
assert "analytics" not in body and "font-family" not in body and "Home" not in body, body
md = docs["03-summit.md"]["body"]
assert "a single village" in md and "**" not in md and "---" not in md, md
PY

# Codebook
check "codebook import" cli codebook import "$P" "$FIXTURES/codebooks/border-talks.json"
grep -q "actors added 6, updated 0; issues added 5, updated 0" "$WORK/out" && ok "codebook import says what it added" \
  || not_ok "codebook import says what it added" "$(cat "$WORK/out")"
snapshot before-bad-codebook
printf '{\n  "format": "standpoint-codebook",\n  "version": 1,\n  "actors": [ {"name": "X",, } ]\n}\n' >"$WORK/broken.json"
refuse "a malformed codebook is refused with its line and column" "broken.json:4:" cli codebook import "$P" "$WORK/broken.json"
printf '{"format": "standpoint-codebook", "version": 1, "actors": [{"name": "Kremlin Watcher", "kind": "person", "aliases": ["Berg"]}]}' >"$WORK/conflict.json"
refuse "an alias another actor holds is refused" "Berg" cli codebook import "$P" "$WORK/conflict.json"
snapshot after-bad-codebook
same "refused codebooks changed nothing" "$WORK/before-bad-codebook" "$WORK/after-bad-codebook"
check "codebook import from standard input" sh -c "'$CLI' codebook export '$P' | '$CLI' codebook import '$P' -"
grep -q "actors added 0, updated 0; issues added 0, updated 0" "$WORK/out" && ok "re-importing the same codebook changes nothing" \
  || not_ok "re-importing the same codebook changes nothing" "$(cat "$WORK/out")"

# Claims
claim () { cli claim add "$P" "$@"; }
check "claim by quote" claim --document 01-harbour-talks.txt --actor "Ana Berg" --issue ceasefire --stance 2 --quote "a ceasefire must come before any talk of borders"
check "claim by alias" claim --document 01-harbour-talks.txt --actor Reyes --issue ceasefire --stance=-1 --quote "rejected a ceasefire without guarantees"
check "claim with a positive sign" claim --document 02-guarantees.txt --actor Berg --issue membership --stance +2 --quote "Northland would never give up its claim to membership"
check "claim by organisation alias" claim --document 02-guarantees.txt --actor "Southland foreign ministry" --issue membership --stance -2 --quote "membership for Northland was out of the question"
check "claim by lower-case alias" claim --document 02-guarantees.txt --actor "THE MEDIATOR" --issue ceasefire --stance 1 --quote "both sides could support a ceasefire"
check "claim in Markdown" claim --document 03-summit.md --actor Vos --issue territory --stance 2 --quote "the river provinces must be recognised as Southland territory"
check "claim across Markdown emphasis" claim --document 03-summit.md --actor Berg --issue territory --stance -2 --quote "Northland would not cede a single village"
check "claim with a note" claim --document 03-summit.md --actor Ferreira --issue ceasefire --stance 2 --quote "a ceasefire remained possible within weeks" --note "=SUM(A1) looks like a formula"
check "claim in HTML" claim --document 04-sanctions.html --actor Vos --issue sanctions --stance 2 --quote "sanctions must be lifted before Southland signs anything"
check "claim across a line break in the quote" claim --document 04-sanctions.html --actor Berg --issue sanctions --stance -1 --quote "lifting sanctions
early would reward aggression"
check "claim by offsets" claim --document 05-troops.txt --actor Ferreira --issue peacekeepers --stance 2 --start 0 --end 10
check "claim" claim --document 05-troops.txt --actor Reyes --issue peacekeepers --stance -2 --quote "would never accept foreign troops"
check "claim" claim --document 05-troops.txt --actor Berg --issue peacekeepers --stance 1 --quote "welcomed the idea of peacekeepers"

snapshot before-bad-claims
refuse "an unknown actor is refused" "Kyiv" claim --document 01-harbour-talks.txt --actor Kyiv --issue ceasefire --stance 1 --quote "ceasefire"
refuse "an unknown issue is refused" "elections" claim --document 01-harbour-talks.txt --actor Berg --issue elections --stance 1 --quote "ceasefire"
refuse "a stance of 3 is refused" "stance" claim --document 01-harbour-talks.txt --actor Berg --issue ceasefire --stance 3 --quote "ceasefire"
refuse "a stance that is not a number is refused" "stance" claim --document 01-harbour-talks.txt --actor Berg --issue ceasefire --stance strong --quote "ceasefire"
refuse "a quote not in the document is refused" "does not occur" claim --document 01-harbour-talks.txt --actor Berg --issue ceasefire --stance 1 --quote "words nobody wrote"
refuse "offsets past the end are refused" "not inside the document" claim --document 01-harbour-talks.txt --actor Berg --issue ceasefire --stance 1 --start 10 --end 99999
refuse "an unknown document is refused" "no document" claim --document nothere.txt --actor Berg --issue ceasefire --stance 1 --quote "ceasefire"
snapshot after-bad-claims
same "refused claims changed nothing" "$WORK/before-bad-claims" "$WORK/after-bad-claims"

check "claims as CSV" cli claims "$P"
head -n 1 "$WORK/out" >"$WORK/header"
echo "id,document_id,file,title,date,actor,group,issue,stance,status,confidence,start,end,quote,note" >"$WORK/expected-header"
same "claims CSV has the documented columns" "$WORK/expected-header" "$WORK/header"
[ "$(tail -n +2 "$WORK/out" | wc -l)" -eq 13 ] && ok "claims CSV has one row per claim" || not_ok "claims CSV has one row per claim" "$(cat "$WORK/out")"
grep -q "'=SUM(A1) looks like a formula" "$WORK/out" && ok "a note that looks like a formula is neutralised" \
  || not_ok "a note that looks like a formula is neutralised" "$(grep SUM "$WORK/out")"
grep -q ",Ana Berg,Northland,ceasefire,2,manual,,[0-9]*,[0-9]*,a ceasefire must come before any talk of borders," "$WORK/out" \
  && ok "a claim row carries actor, group, issue, stance and quote" || not_ok "a claim row carries actor, group, issue, stance and quote" "$(grep ceasefire "$WORK/out" | head -3)"

check "claims as JSON" cli claims "$P" --format json
python3 - "$WORK/out" <<'PY' && ok "claims JSON quotes match the offsets" || not_ok "claims JSON quotes match the offsets"
import json, sys
claims = json.load(open(sys.argv[1]))
assert len(claims) == 13
c = [x for x in claims if x["issue"] == "sanctions" and x["actor"] == "Ana Berg"][0]
assert c["quote"] == "lifting sanctions early would reward aggression", c
assert c["end"] - c["start"] == len(c["quote"])
assert c["group"] == "Northland" and c["stance"] == -1 and c["confidence"] is None
PY

# Matrix
check "matrix CSV" cli matrix "$P" --format csv -o "$WORK/matrix.csv"
cat >"$WORK/expected-matrix.csv" <<'CSV'
actor,ceasefire,membership,territory,sanctions,peacekeepers
Ana Berg,2,2,-2,-1,1
Ines Ferreira,1.5,,,,2
Marek Vos,,,2,2,
Northland,,,,,
Southland,,-2,,,
Tomas Reyes,-1,,,,-2
CSV
same "matrix CSV has the mean stance per actor and issue, empty without claims" "$WORK/expected-matrix.csv" "$WORK/matrix.csv"

check "matrix CSV by group" cli matrix "$P" --format csv --level group -o "$WORK/groups.csv"
cat >"$WORK/expected-groups.csv" <<'CSV'
actor,ceasefire,membership,territory,sanctions,peacekeepers
Ines Ferreira,1.5,,,,2
Northland,2,2,-2,-1,1
Southland,-1,-2,2,2,-2
CSV
same "group level merges members into their top-most affiliation" "$WORK/expected-groups.csv" "$WORK/groups.csv"

check "matrix PNG" cli matrix "$P" --format png -o "$WORK/matrix.png"
[ "$(head -c 8 "$WORK/matrix.png" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] && ok "the PNG is a PNG" || not_ok "the PNG is a PNG"
check "matrix PNG again" cli matrix "$P" --format png -o "$WORK/matrix2.png"
same "the PNG export is deterministic" "$WORK/matrix.png" "$WORK/matrix2.png"
refuse "an unknown matrix format is refused" "--format" cli matrix "$P" --format svgz -o "$WORK/x"
refuse "an unknown level is refused" "--level" cli matrix "$P" --format csv --level party -o "$WORK/x"

# Codebook edits
check "actor add" cli actor add "$P" "Harbour Council" --kind organisation --affiliation Northland --alias "the council"
check "actor edit" cli actor edit "$P" "the council" --name "Portbridge Harbour Council" --remove-alias "the council" --alias council
check "actors as JSON" cli actors "$P" --format json
python3 - "$WORK/out" <<'PY' && ok "actor edits show in the listing" || not_ok "actor edits show in the listing"
import json, sys
actors = {a["name"]: a for a in json.load(open(sys.argv[1]))}
a = actors["Portbridge Harbour Council"]
assert a["aliases"] == ["council"] and a["affiliation"] == "Northland" and a["kind"] == "organisation", a
assert actors["Ana Berg"]["claims"] == 5
PY
refuse "deleting an actor with claims needs --with-claims" "with-claims" cli actor delete "$P" "Tomas Reyes"
check "actor delete" cli actor delete "$P" "Portbridge Harbour Council"
refuse "an unknown kind is refused" "kind" cli actor add "$P" Someone --kind country
check "issue add" cli issue add "$P" elections --label "Early elections" --keyword elections --keyword vote
check "issue edit" cli issue edit "$P" elections --label "Early elections in Northland" --remove-keyword vote
check "issues" cli issues "$P"
grep -q "^[0-9]*,elections,Early elections in Northland,,elections,0$" "$WORK/out" && ok "issue edits show in the listing" \
  || not_ok "issue edits show in the listing" "$(cat "$WORK/out")"
refuse "a bad issue key is refused" "key" cli issue add "$P" "has space" --label X
check "issue delete" cli issue delete "$P" elections
check "claim edit" cli claim edit "$P" 1 --stance 1 --note "revised"
check "claim delete" cli claim delete "$P" 13
cli claims "$P" | tail -n +2 | wc -l | grep -qx 12 && ok "claim delete removed one claim" || not_ok "claim delete removed one claim"

refuse "an unknown command is refused" "unknown command" cli frobnicate

echo "1..$n"
exit $((failed > 0))
