#!/usr/bin/env bash
# End-to-end test of standpoint-cli on articles written for the tests: a project goes through
# import, codebook import, claims and the matrix, and bad input is refused with a one-line
# reason and no change: hostile arguments, output files that must not be written (the
# project, links, FIFOs, devices), names that start with "-", text that is not UTF-8, and a
# project the store can only open read-only. Prints TAP.
#
# usage: test-cli.sh STANDPOINT-CLI FIXTURES-DIR
set -u

CLI=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
FIXTURES=$2
WORK=$(mktemp -d)
RO=$(mktemp -d)   # the read-only project's folder, readable by an unprivileged user
trap 'chmod -R u+w "$RO" 2>/dev/null; rm -rf "$WORK" "$RO"' EXIT
export LC_ALL=C.UTF-8

n=0
failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; shift; for line in "$@"; do echo "# $line"; done; }

# check DESCRIPTION COMMAND...: passes when COMMAND succeeds
check () {
  local what=$1; shift
  if "$@" >"$WORK/out" 2>"$WORK/err"; then ok "$what"; else not_ok "$what" "$(cat "$WORK/err")"; fi
}

skip () { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }

# refuse_with STATUS DESCRIPTION PATTERN COMMAND...: passes when COMMAND exits with STATUS
# ("any" for any failure) and exactly one line on stderr that matches PATTERN
refuse_with () {
  local expected=$1 what=$2 pattern=$3 status; shift 3
  "$@" >"$WORK/out" 2>"$WORK/err"
  status=$?
  if [ $status -eq 0 ]; then
    not_ok "$what" "succeeded but should have been refused"
  elif [ "$expected" != any ] && [ $status -ne "$expected" ]; then
    not_ok "$what" "exit status $status, not $expected; stderr was: $(cat "$WORK/err")"
  elif [ "$(wc -l <"$WORK/err")" -ne 1 ] || ! grep -q -- "$pattern" "$WORK/err"; then
    not_ok "$what" "stderr was: $(cat "$WORK/err")"
  else
    ok "$what"
  fi
}

# refuse DESCRIPTION PATTERN COMMAND...: passes when COMMAND fails with exactly one line on
# stderr that matches PATTERN
refuse () { refuse_with any "$@"; }

# utf8 FILE: whether FILE is valid UTF-8
utf8 () { python3 -c 'import sys; open(sys.argv[1], "rb").read().decode("utf-8")' "$1" 2>/dev/null; }

# fingerprint PATH: what a file is and holds, to see that a refused command left it alone
fingerprint () { { stat -c '%F %a' "$1"; [ -f "$1" ] && ! [ -L "$1" ] && sha256sum <"$1"; readlink "$1"; } 2>&1; }

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
assert set(docs["01-harbour-talks.txt"]) == {"id", "file", "title", "date", "source", "url", "author",
                                             "title_kind", "date_source", "date_confidence",
                                             "near_duplicate_of", "removed_blocks"}
assert docs["01-harbour-talks.txt"]["removed_blocks"] == 1  # its dateline, cleaned out
assert docs["01-harbour-talks.txt"]["near_duplicate_of"] is None
PY

# The documents CSV only ever gains columns at its end
cli documents "$P" | head -1 | grep -qx "id,file,title,date,source,url,author,title_kind,date_source,date_confidence,near_duplicate_of,removed_blocks" \
  && ok "documents CSV: the later columns come after the first ones" || not_ok "documents CSV: the later columns come after the first ones" "$(cli documents "$P" | head -1)"
cli documents "$P" --with-body | head -1 | grep -qx "id,file,title,date,source,url,author,body,title_kind,date_source,date_confidence,near_duplicate_of,removed_blocks" \
  && ok "documents CSV with bodies: the body keeps its place" || not_ok "documents CSV with bodies: the body keeps its place" "$(cli documents "$P" --with-body | head -1)"

# A folder with only duplicates and files that are not articles imports nothing and fails nothing
mkdir -p "$WORK/again"
cp "$FIXTURES/articles/01-harbour-talks.txt" "$WORK/again/"
printf 'GIF89a' >"$WORK/again/picture.gif"
check "import of duplicates and other files succeeds" cli import "$P" "$WORK/again"
grep -q "imported 0, duplicates 1, failed 0, skipped 1" "$WORK/out" && grep -q "picture.gif" "$WORK/out" \
  && ok "the import report names each skipped file and says why" || not_ok "the import report names each skipped file and says why" "$(cat "$WORK/out")"

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
echo "id,document_id,file,title,date,actor,group,issue,stance,status,confidence,start,end,quote,note,source,author,section,document_type,affiliation,actor_kind" >"$WORK/expected-header"
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
assert c["actor_kind"] == "person" and c["affiliation"] == "Northland", c
assert "source" in c and "author" in c
PY

# Matrix
check "matrix CSV" cli matrix "$P" --format csv --all-rows -o "$WORK/matrix.csv"
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
check "matrix CSV without --all-rows" cli matrix "$P" --format csv -o "$WORK/matrix-claimed.csv"
grep -v '^Northland,' "$WORK/expected-matrix.csv" >"$WORK/expected-claimed.csv"
same "by default an actor without claims has no row" "$WORK/expected-claimed.csv" "$WORK/matrix-claimed.csv"

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

# Matrix options and formats
check "matrix long CSV" cli matrix "$P" --format csv-long -o "$WORK/long.csv"
cat >"$WORK/expected-long.csv" <<'CSV'
actor,issue,score,claims,support,oppose,neutral,first_date,last_date
Ana Berg,ceasefire,2,1,1,0,0,2025-03-03,2025-03-03
Ana Berg,membership,2,1,1,0,0,2025-04-11,2025-04-11
Ana Berg,territory,-2,1,0,1,0,2025-05-20,2025-05-20
Ana Berg,sanctions,-1,1,0,1,0,2025-06-02,2025-06-02
Ana Berg,peacekeepers,1,1,1,0,0,2025-06-18,2025-06-18
Ines Ferreira,ceasefire,1.5,2,2,0,0,2025-04-11,2025-05-20
Ines Ferreira,peacekeepers,2,1,1,0,0,2025-06-18,2025-06-18
Marek Vos,territory,2,1,1,0,0,2025-05-20,2025-05-20
Marek Vos,sanctions,2,1,1,0,0,2025-06-02,2025-06-02
Southland,membership,-2,1,0,1,0,2025-04-11,2025-04-11
Tomas Reyes,ceasefire,-1,1,0,1,0,2025-03-03,2025-03-03
Tomas Reyes,peacekeepers,-2,1,0,1,0,2025-06-18,2025-06-18
CSV
same "long CSV: one line per cell with counts and dates, negative scores stay numbers" "$WORK/expected-long.csv" "$WORK/long.csv"

cli matrix "$P" --format csv --from 2025-05-01 -o - >"$WORK/from.csv"
cat >"$WORK/expected-from.csv" <<'CSV'
actor,ceasefire,territory,sanctions,peacekeepers
Ana Berg,,-2,-1,1
Ines Ferreira,2,,,2
Marek Vos,,2,2,
Tomas Reyes,,,,-2
CSV
same "--from leaves out earlier claims, and the issues and actors left without any" "$WORK/expected-from.csv" "$WORK/from.csv"
cli matrix "$P" --format csv --aggregate latest -o - | grep -q '^Ines Ferreira,2,,,,2$' \
  && ok "--aggregate latest takes the latest claim" || not_ok "--aggregate latest takes the latest claim"
cli matrix "$P" --format csv --per document --aggregate majority -o - | grep -q '^Ines Ferreira,1.5,,,,2$' \
  && ok "--aggregate majority per document" || not_ok "--aggregate majority per document"
cli matrix "$P" --format csv --order activity --level group -o - >"$WORK/activity.csv"
head -n 1 "$WORK/activity.csv" | grep -q '^actor,ceasefire,peacekeepers,membership,territory,sanctions$' \
  && tail -n 1 "$WORK/activity.csv" | grep -q '^Ines Ferreira,' \
  && ok "--order activity puts the most claims first" || not_ok "--order activity puts the most claims first" "$(cat "$WORK/activity.csv")"

check "matrix JSON" cli matrix "$P" --format json --to 2025-04-30 -o "$WORK/matrix.json"
python3 - "$WORK/matrix.json" <<'PY' && ok "matrix JSON has the options, counts and the claim ids behind each cell" || not_ok "matrix JSON has the options, counts and the claim ids behind each cell"
import json, sys
m = json.load(open(sys.argv[1]))
assert m["version"] == 1 and m["options"]["to"] == "2025-04-30" and m["options"]["aggregate"] == "mean"
assert m["claims"] == 5 and m["documents"] == 2 and m["undated_left_out"] == 0, m
cell = [c for c in m["cells"] if c["actor"] == "Ines Ferreira" and c["issue"] == "ceasefire"][0]
assert cell["score"] == 1 and cell["claims"] == 1 and len(cell["claim_ids"]) == 1, cell
assert [r["label"] for r in m["rows"]][0] == "Ana Berg"
PY

for kind in svg pdf png; do
  check "matrix $kind with a title" cli matrix "$P" --format $kind --title "Harbour talks" --order similarity -o "$WORK/chart.$kind"
  check "matrix $kind again" cli matrix "$P" --format $kind --title "Harbour talks" --order similarity -o "$WORK/chart2.$kind"
  same "the $kind export is deterministic" "$WORK/chart.$kind" "$WORK/chart2.$kind"
done
grep -q '>Harbour talks</text>' "$WORK/chart.svg" && grep -q '>Ana Berg</text>' "$WORK/chart.svg" \
  && ok "the SVG carries its title and labels as text" || not_ok "the SVG carries its title and labels as text"
[ "$(head -c 5 "$WORK/chart.pdf")" = "%PDF-" ] && grep -aq "/Title (Harbour talks)" "$WORK/chart.pdf" \
  && ok "the PDF is a PDF with the title" || not_ok "the PDF is a PDF with the title"
refuse "an unknown aggregate is refused" "--aggregate" cli matrix "$P" --format csv --aggregate median -o "$WORK/x"
refuse "an unknown --per is refused" "--per" cli matrix "$P" --format csv --per sentence -o "$WORK/x"
refuse "an unknown order is refused" "--order" cli matrix "$P" --format csv --order random -o "$WORK/x"
refuse "a malformed date is refused" "2025-13-01" cli matrix "$P" --format csv --from 2025-13-01 -o "$WORK/x"
refuse "a range that ends before it starts is refused" "after it ends" cli matrix "$P" --format csv --from 2025-06-01 --to 2025-05-01 -o "$WORK/x"
refuse "an SVG to standard output is refused" "not to standard output" cli matrix "$P" --format svg -o -

# Evidence
check "evidence" cli evidence "$P" --actor Ferreira --issue ceasefire
cat >"$WORK/expected-evidence.csv" <<'CSV'
date,stance,status,id,document_id,file,title,actor,quote
2025-04-11,1,manual,5,2,02-guarantees.txt,What security guarantees could end the border war?,Ines Ferreira,both sides could support a ceasefire
2025-05-20,2,manual,8,3,03-summit.md,Summit ends without a deal on territory,Ines Ferreira,a ceasefire remained possible within weeks
CSV
same "evidence lists the claims behind a cell in time order" "$WORK/expected-evidence.csv" "$WORK/out"
check "evidence at group level as JSON" cli evidence "$P" --actor Vos --issue territory --level group --format json
python3 - "$WORK/out" <<'PY' && ok "a member names its group's cell" || not_ok "a member names its group's cell"
import json, sys
rows = json.load(open(sys.argv[1]))
assert [r["actor"] for r in rows] == ["Marek Vos"] and rows[0]["stance"] == 2, rows
PY
check "evidence of an empty cell" cli evidence "$P" --actor Vos --issue ceasefire
[ "$(wc -l <"$WORK/out")" -eq 1 ] && ok "an empty cell has no evidence, just the header" || not_ok "an empty cell has no evidence, just the header"
refuse "evidence of an unknown actor is refused" "Nobody" cli evidence "$P" --actor Nobody --issue ceasefire
refuse "evidence without --issue is refused" "--issue" cli evidence "$P" --actor Berg

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
check "actor to merge" cli actor add "$P" "A. Berg" --alias "Minister Berg"
refuse "an actor is not merged into itself" "itself" cli actor merge "$P" "Ana Berg" "ana berg"
refuse "merging an unknown actor is refused" "no actor named" cli actor merge "$P" "Ana Berg" Nobody
refuse "an actor does not take in the group it is part of" "part of itself" cli actor merge "$P" Vos Southland
check "actor merge" cli actor merge "$P" "Ana Berg" "Minister Berg"
grep -q "0 claims moved" "$WORK/out" && ok "actor merge says how many claims moved" || not_ok "actor merge says how many claims moved" "$(cat "$WORK/out")"
check "actors after the merge" cli actors "$P" --format json
python3 - "$WORK/out" <<'PY' && ok "the merged actor's name and aliases are the kept one's" || not_ok "the merged actor's name and aliases are the kept one's"
import json, sys
actors = {a["name"]: a for a in json.load(open(sys.argv[1]))}
assert "A. Berg" not in actors, actors.keys()
a = actors["Ana Berg"]
assert "A. Berg" in a["aliases"] and "Minister Berg" in a["aliases"] and a["claims"] == 5, a
PY
check "issue add" cli issue add "$P" elections --label "Early elections" --keyword elections --keyword vote
check "issue edit" cli issue edit "$P" elections --label "Early elections in Northland" --remove-keyword vote
check "issues" cli issues "$P"
grep -q "^[0-9]*,elections,Early elections in Northland,,elections,0,,$" "$WORK/out" && ok "issue edits show in the listing" \
  || not_ok "issue edits show in the listing" "$(cat "$WORK/out")"
check "issue edit adds opposing keywords" cli issue edit "$P" elections --opposing-keyword "postponed elections" --opposing-keyword "martial law"
check "an opposing keyword becomes a keyword" cli issue edit "$P" elections --keyword "Martial Law"
check "issue edit adds an excluded phrase" cli issue edit "$P" elections --excluded-phrase "party elections"
check "issues with opposing keywords" cli issues "$P" --format json
python3 - "$WORK/out" <<'PY' && ok "a phrase is a keyword of one kind only" || not_ok "a phrase is a keyword of one kind only" "$(cat "$WORK/out")"
import json, sys
issue = {i["key"]: i for i in json.load(open(sys.argv[1]))}["elections"]
assert issue["keywords"] == ["elections", "Martial Law"], issue
assert issue["opposing_keywords"] == ["postponed elections"], issue
assert issue["excluded_phrases"] == ["party elections"], issue
PY
check "issue add with opposing keywords and excluded phrases" cli issue add "$P" border --label Border --keyword border \
  --opposing-keyword "open border" --excluded-phrase "border guards"
check "issues after adding one" cli issues "$P" --format json
python3 - "$WORK/out" <<'PY' && ok "issue add keeps the three kinds of phrase" || not_ok "issue add keeps the three kinds of phrase" "$(cat "$WORK/out")"
import json, sys
issue = {i["key"]: i for i in json.load(open(sys.argv[1]))}["border"]
assert issue["keywords"] == ["border"] and issue["opposing_keywords"] == ["open border"], issue
assert issue["excluded_phrases"] == ["border guards"], issue
PY
refuse "issue add refuses a phrase of two kinds before adding anything" "Open Border" cli issue add "$P" border2 --label B2 \
  --keyword "open border" --opposing-keyword "Open Border"
refuse "issue edit refuses a phrase of two kinds" "border guards" cli issue edit "$P" border \
  --opposing-keyword "border guards" --excluded-phrase "border guards"
check "issues after the refusals" cli issues "$P" --format json
python3 - "$WORK/out" <<'PY' && ok "a refused issue add or edit changes nothing" || not_ok "a refused issue add or edit changes nothing" "$(cat "$WORK/out")"
import json, sys
issues = {i["key"]: i for i in json.load(open(sys.argv[1]))}
assert "border2" not in issues, issues.keys()
assert issues["border"]["opposing_keywords"] == ["open border"], issues["border"]
assert issues["border"]["excluded_phrases"] == ["border guards"], issues["border"]
PY
check "codebook export writes opposing keywords" cli codebook export "$P"
grep -q '"opposing_keywords"' "$WORK/out" && grep -q '"party elections"' "$WORK/out" \
  && ok "the exported codebook has the opposing keywords and excluded phrases" \
  || not_ok "the exported codebook has the opposing keywords and excluded phrases" "$(cat "$WORK/out")"
refuse "a bad issue key is refused" "key" cli issue add "$P" "has space" --label X
check "issue delete" cli issue delete "$P" elections
check "claim edit" cli claim edit "$P" 1 --stance 1 --note "revised"
check "claim delete" cli claim delete "$P" 13
cli claims "$P" | tail -n +2 | wc -l | grep -qx 12 && ok "claim delete removed one claim" || not_ok "claim delete removed one claim"

# Output files: -o never replaces the project, a link, a FIFO or a device, and keeps the mode
# of a regular file it replaces (sp-output-file). Each refusal is checked before any work.
# unchanged DESCRIPTION PATH COMMAND...: passes when COMMAND is refused with exit 1 and one
# line naming PATH, and PATH is what it was
unchanged () {
  local what=$1 target=$2 before; shift 2
  before=$(fingerprint "$target")
  refuse_with 1 "$what" "$(basename "$target")" "$@"
  [ "$(fingerprint "$target")" = "$before" ] && ok "$what: the target is unchanged" \
    || not_ok "$what: the target is unchanged" "before: $before" "after: $(fingerprint "$target")"
}

unchanged "matrix -o the project itself is refused" "$P" cli matrix "$P" --format csv -o "$P"
grep -q "is a Standpoint project" "$WORK/err" && ok "the reason says it is a project" || not_ok "the reason says it is a project" "$(cat "$WORK/err")"
unchanged "matrix PNG -o the project is refused" "$P" cli matrix "$P" --format png -o "$P"
unchanged "codebook export -o the project is refused" "$P" cli codebook export "$P" -o "$P"
ln "$P" "$WORK/hard-link.csv"
unchanged "-o a hard link to the project is refused" "$WORK/hard-link.csv" cli matrix "$P" --format csv -o "$WORK/hard-link.csv"
rm -f "$WORK/hard-link.csv"
mkdir -p "$WORK/sub"
unchanged "-o the project by a relative path is refused" "$P" \
  sh -c 'cd "$1/sub" && "$2" matrix ../talks.standpoint --format csv -o "../sub/../talks.standpoint"' sh "$WORK" "$CLI"

# A project another program holds open right after creating it has its application id in
# the WAL only, so the header on disk does not say "Standpoint" yet: the open project is
# still recognised, by what it is rather than by its header.
cp "$P" "$WORK/held.standpoint"
python3 - "$WORK/held.standpoint" "$CLI" "$WORK/held-result" <<'PY'
import sqlite3, subprocess, sys
path, cli, result = sys.argv[1:]
db = sqlite3.connect(path, isolation_level=None)
db.execute("PRAGMA journal_mode = DELETE")
db.execute("PRAGMA application_id = 0")
db.execute("PRAGMA journal_mode = WAL")
db.execute("PRAGMA wal_autocheckpoint = 0")
db.execute("PRAGMA application_id = %d" % 0x53745074)
before = open(path, "rb").read()
run = subprocess.run([cli, "matrix", path, "--format", "csv", "-o", path], capture_output=True, text=True)
after = open(path, "rb").read()
with open(result, "w") as f:
    f.write("%d %s %s" % (run.returncode, before == after, run.stderr.strip()))
PY
case "$(cat "$WORK/held-result")" in
  "1 True "*"held.standpoint"*) ok "-o a project whose header is still in the WAL is refused" ;;
  *) not_ok "-o a project whose header is still in the WAL is refused" "$(cat "$WORK/held-result")" ;;
esac

echo "keep me" >"$WORK/target.csv"
ln -s target.csv "$WORK/link.csv"
unchanged "-o a symbolic link is refused" "$WORK/link.csv" cli matrix "$P" --format csv -o "$WORK/link.csv"
[ "$(cat "$WORK/target.csv")" = "keep me" ] && ok "the file the link points to is unchanged" || not_ok "the file the link points to is unchanged"
unchanged "PNG -o a symbolic link is refused" "$WORK/link.csv" cli matrix "$P" --format png -o "$WORK/link.csv"
unchanged "codebook export -o a symbolic link is refused" "$WORK/link.csv" cli codebook export "$P" -o "$WORK/link.csv"
ln -s nowhere "$WORK/dangling.csv"
unchanged "-o a dangling symbolic link is refused" "$WORK/dangling.csv" cli matrix "$P" --format csv -o "$WORK/dangling.csv"
[ ! -e "$WORK/nowhere" ] && ok "nothing was created where the link points" || not_ok "nothing was created where the link points"

mkfifo "$WORK/fifo"
unchanged "-o a FIFO is refused" "$WORK/fifo" cli matrix "$P" --format csv -o "$WORK/fifo"
unchanged "codebook export -o a FIFO is refused" "$WORK/fifo" cli codebook export "$P" -o "$WORK/fifo"
unchanged "-o a folder is refused" "$WORK/sub" cli matrix "$P" --format csv -o "$WORK/sub"
refuse_with 1 "-o an empty name is refused" "no name" cli matrix "$P" --format csv -o ""

# A device: as root a node of our own (replacing /dev/null there would break the machine if
# this failed); as anyone else /dev/null, which they cannot replace anyway.
if [ "$(id -u)" -eq 0 ]; then
  if mknod "$WORK/null" c 1 3 2>/dev/null; then
    unchanged "-o a device is refused" "$WORK/null" cli matrix "$P" --format csv -o "$WORK/null"
  else
    skip "-o a device is refused" "mknod is not permitted here"
  fi
else
  unchanged "-o a device is refused" /dev/null cli matrix "$P" --format csv -o /dev/null
fi

echo old >"$WORK/old"
for kind in csv png json; do
  cp "$WORK/old" "$WORK/private.$kind"
  chmod 0600 "$WORK/private.$kind"
  if [ $kind = json ]; then
    check "codebook export over a 0600 file" cli codebook export "$P" -o "$WORK/private.$kind"
  else
    check "matrix $kind over a 0600 file" cli matrix "$P" --format $kind -o "$WORK/private.$kind"
  fi
  [ "$(stat -c %a "$WORK/private.$kind")" = 600 ] && ! cmp -s "$WORK/old" "$WORK/private.$kind" \
    && ok "a replaced $kind file keeps its mode 0600" \
    || not_ok "a replaced $kind file keeps its mode 0600" "$(stat -c '%a %s' "$WORK/private.$kind")"
done
cli matrix "$P" --format csv -o - >"$WORK/matrix-now.csv"
same "the replaced CSV holds the matrix" "$WORK/matrix-now.csv" "$WORK/private.csv"

# Arguments: a second project for names, quotes and offsets
Q=$WORK/arguments.standpoint
refuse_with 2 "new refuses an empty path" "empty" cli new ""
mkdir -p "$WORK/blank"
refuse_with 2 "new refuses a blank path" "empty" sh -c 'cd "$1" && "$2" new "   "' sh "$WORK/blank" "$CLI"
[ -z "$(ls -A "$WORK/blank")" ] && ok "a blank path created no file" || not_ok "a blank path created no file" "$(ls -A "$WORK/blank")"
refuse_with 1 "new refuses a folder" "folder" cli new "$WORK/sub"
ln -s nowhere-project "$WORK/dangling.standpoint"
refuse_with 1 "new refuses a dangling symbolic link" "already exists" cli new "$WORK/dangling.standpoint"
[ ! -e "$WORK/nowhere-project" ] && ok "new created nothing where the link points" || not_ok "new created nothing where the link points"
refuse_with 2 "a listing refuses an empty project path" "empty" cli documents ""

check "new" cli new "$Q"
mkdir -p "$WORK/names"
printf 'Talks resume\n\n\xc3\x89mile Dupont said the ceasefire must hold through the winter.\n' >"$WORK/names/caf$(printf '\351').txt"
check "import of a file whose name is not UTF-8" cli import "$Q" "$WORK/names"
utf8 "$WORK/out" && ok "import prints valid UTF-8" || not_ok "import prints valid UTF-8" "$(od -c "$WORK/out" | head -3)"
check "actor with a precomposed name" cli actor add "$Q" "$(printf '\303\211mile Dupont')"
check "issue" cli issue add "$Q" ceasefire --label Ceasefire

check "a quote typed in decomposed form is found" cli claim add "$Q" --document 1 --actor "$(printf '\303\211mile Dupont')" \
  --issue ceasefire --stance 1 --quote "$(printf 'E\314\201mile Dupont said the ceasefire')"
check "claims as JSON" cli claims "$Q" --format json
python3 - "$WORK/out" <<'PY' && ok "the claim's span is the precomposed text in the body" || not_ok "the claim's span is the precomposed text in the body" "$(cat "$WORK/out")"
import json, sys
c = json.load(open(sys.argv[1]))[0]
assert c["quote"] == "\u00c9mile Dupont said the ceasefire", c
assert c["end"] - c["start"] == len(c["quote"]), c
PY

refuse_with 2 "reversed offsets are refused for the right reason" "the end comes before the start" \
  cli claim add "$Q" --document 1 --actor Dupont --issue ceasefire --stance 1 --start 10 --end 5
refuse_with 2 "an empty span is refused" "empty" \
  cli claim add "$Q" --document 1 --actor "Émile Dupont" --issue ceasefire --stance 1 --start 5 --end 5

check "a name that starts with - is added after --" cli actor add "$Q" -- -Foo
check "and edited after --, with options after it" cli actor edit "$Q" -- -Foo --name "-Foo Bar" --alias=-fb
check "actors" cli actors "$Q" --format json
python3 - "$WORK/out" <<'PY' && ok "the edit shows in the listing" || not_ok "the edit shows in the listing" "$(cat "$WORK/out")"
import json, sys
a = {x["name"]: x for x in json.load(open(sys.argv[1]))}
assert a["-Foo Bar"]["aliases"] == ["-fb"], a
PY
check "and deleted after --" cli actor delete "$Q" -- "-Foo Bar"
cli actors "$Q" | grep -q -- "Foo" && not_ok "the actor is gone" "$(cli actors "$Q")" || ok "the actor is gone"
check "an issue key that starts with - after --" cli issue add "$Q" -- -key --label "Dash key"
check "and deleted after --" cli issue delete "$Q" -- -key
refuse_with 2 "a name that starts with - without -- is an unknown option, with a hint" "put “--” before" cli actor delete "$Q" -Foo
refuse_with 2 "-- taken as an option's value is refused" "goes right before" cli actor edit "$Q" "Émile Dupont" --name -- -X

check "actor add --help" cli actor add --help
grep -q "standpoint-cli actor add \[OPTION…\] PROJECT NAME" "$WORK/out" && ok "a subcommand's --help names the command" \
  || not_ok "a subcommand's --help names the command" "$(head -3 "$WORK/out")"
check "matrix --help" cli matrix --help
grep -q "standpoint-cli matrix \[OPTION…\] PROJECT" "$WORK/out" && ok "a verb's --help names the verb" \
  || not_ok "a verb's --help names the verb" "$(head -3 "$WORK/out")"

# Text that is not UTF-8, in a file name (above) and in a document's metadata in a crafted
# project (names that are not UTF-8 make a project refused as damaged: tests/test-open.c),
# comes out as UTF-8
python3 - "$Q" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("UPDATE documents SET author = CAST(? AS TEXT), source = CAST(? AS TEXT)", (b"Ren\xe9 \xff", b"\xc3("))
db.commit()
PY
for listing in documents claims; do
  for format in csv json; do
    if cli $listing "$Q" --format $format --with-body >"$WORK/out" 2>"$WORK/err" ||
       cli $listing "$Q" --format $format >"$WORK/out" 2>"$WORK/err"; then
      utf8 "$WORK/out" && grep -q "$(printf '\357\277\275')" "$WORK/out" \
        && ok "$listing as $format is valid UTF-8, with U+FFFD for the bytes that are not" \
        || not_ok "$listing as $format is valid UTF-8, with U+FFFD for the bytes that are not" "$(od -c "$WORK/out" | head -5)"
    else
      not_ok "$listing as $format" "$(cat "$WORK/err")"
    fi
  done
done
cli documents "$Q" --format json >"$WORK/out" && python3 - "$WORK/out" <<'PY' && ok "the file name keeps its valid part" || not_ok "the file name keeps its valid part" "$(cat "$WORK/out")"
import json, sys
d = json.load(open(sys.argv[1]))[0]
assert d["file"] == "caf\ufffd.txt", d
assert d["author"] == "Ren\ufffd \ufffd", d
PY
"$CLI" documents "$WORK/missing-$(printf '\376').standpoint" >"$WORK/out" 2>"$WORK/err"
utf8 "$WORK/err" && [ -s "$WORK/err" ] && ok "an error naming a file that is not UTF-8 is valid UTF-8" \
  || not_ok "an error naming a file that is not UTF-8 is valid UTF-8" "$(od -c "$WORK/err" | head -3)"
check "new with a name that is not UTF-8" cli new "$WORK/$(printf '\376').standpoint"
utf8 "$WORK/out" && ok "new prints it as valid UTF-8" || not_ok "new prints it as valid UTF-8" "$(od -c "$WORK/out" | head -3)"

# Hostile arguments: each is refused with one line and a non-zero status, and nothing crashes
snapshot before-hostile
refuse_with 2 "--stance 99" "stance" claim --document 01-harbour-talks.txt --actor Berg --issue ceasefire --stance 99 --quote ceasefire
refuse_with 2 "--stance +-1" "stance" claim --document 01-harbour-talks.txt --actor Berg --issue ceasefire --stance +-1 --quote ceasefire
refuse_with 2 "--stance empty" "stance" claim --document 01-harbour-talks.txt --actor Berg --issue ceasefire --stance "" --quote ceasefire
refuse_with 2 "--start huge" "--start" claim --document 01-harbour-talks.txt --actor Berg --issue ceasefire --stance 1 --start 99999999999999999999 --end 5
refuse_with 2 "--end past any document" "past the end" claim --document 01-harbour-talks.txt --actor Berg --issue ceasefire --stance 1 --start 0 --end 3000000000
refuse_with 1 "codebook import from a closed standard input" "standard input" sh -c '"$1" codebook import "$2" - <&-' sh "$CLI" "$P"
refuse_with 1 "a listing to a full disk" "standard output" sh -c '"$1" documents "$2" >/dev/full' sh "$CLI" "$P"
refuse_with 2 "--document empty" "--document" claim --document "" --actor Berg --issue ceasefire --stance 1 --quote ceasefire
refuse_with 2 "--quote empty" "--quote" claim --document 01-harbour-talks.txt --actor Berg --issue ceasefire --stance 1 --quote ""
refuse_with 1 "claim delete with the largest id" "no claim" cli claim delete "$P" 9223372036854775807
refuse_with 1 "claim edit with the largest id" "no claim" cli claim edit "$P" 9223372036854775807 --stance 1
refuse_with 2 "a claim id past the largest" "not a claim id" cli claim delete "$P" 99999999999999999999
refuse_with 2 "an actor name that is not UTF-8" "not valid UTF-8" cli actor add "$P" "$(printf 'A\377\376')"
refuse_with 2 "an issue key that is not UTF-8" "not valid UTF-8" cli issue add "$P" "$(printf 'k\377')" --label X
refuse_with 2 "an option value that is not UTF-8" "" cli issue add "$P" key --label "$(printf '\377')"
mkdir -p "$WORK/empty-folder"
refuse_with 2 "import of an empty path (which would be the current folder)" "empty path" \
  sh -c 'cd "$1" && "$2" import "$3" ""' sh "$WORK/empty-folder" "$CLI" "$P"
refuse_with 1 "a folder as the project" "$(basename "$WORK")" cli documents "$WORK"
refuse_with 1 "a FIFO as the project" "fifo" timeout 60 "$CLI" documents "$WORK/fifo"
refuse_with 1 "a device as the project" "null" cli documents /dev/null
refuse_with 1 "codebook import of a FIFO" "not a regular file" timeout 60 "$CLI" codebook import "$P" "$WORK/fifo"
refuse_with 1 "codebook import of a folder" "folder" cli codebook import "$P" "$WORK/sub"
refuse_with 1 "codebook import of a device" "not a regular file" cli codebook import "$P" /dev/zero
refuse_with 2 "--scale nan" "--scale" cli matrix "$P" --format png --scale nan -o "$WORK/x.png"
snapshot after-hostile
same "hostile arguments changed nothing" "$WORK/before-hostile" "$WORK/after-hostile"

# A project the store opens read-only: the listings and exports work, edits are refused.
# As root every file is writable, so the project is read by an unprivileged user instead.
if [ "$(id -u)" -eq 0 ]; then
  reader () { setpriv --reuid=65534 --regid=65534 --clear-groups "$CLI" "$@"; }
else
  reader () { "$CLI" "$@"; }
fi
R=$RO/read-only.standpoint
cp "$P" "$R"
mkdir -p "$RO/out"
chmod 0777 "$RO/out"
chmod 0444 "$R"
chmod 0555 "$RO"
if ! reader --version >/dev/null 2>&1; then
  skip "read-only projects" "an unprivileged user cannot run $CLI here"
elif ! reader documents "$R" >"$WORK/out" 2>"$WORK/err"; then
  if grep -qiE "read-?only" "$WORK/err"; then
    skip "read-only projects" "the store cannot open a read-only project yet: $(cat "$WORK/err")"
  else
    not_ok "documents of a read-only project" "$(cat "$WORK/err")"
  fi
else
  ok "documents of a read-only project"
  before=$(fingerprint "$R")
  for listing in actors issues claims; do
    check "$listing of a read-only project" reader $listing "$R"
  done
  check "matrix of a read-only project to a file elsewhere" reader matrix "$R" --format csv -o "$RO/out/matrix.csv"
  same "the matrix of the read-only project is the project's matrix" "$WORK/matrix-now.csv" "$RO/out/matrix.csv"
  check "codebook export of a read-only project" reader codebook export "$R" -o "$RO/out/codebook.json"
  read_only () { refuse_with 1 "$1 is refused on a read-only project" "read-only.standpoint is read-only: " reader "${@:2}"; }
  read_only "actor add" actor add "$R" "New Actor"
  read_only "actor edit" actor edit "$R" Berg --kind group
  read_only "actor delete" actor delete "$R" "Tomas Reyes" --with-claims
  read_only "issue add" issue add "$R" elections --label Elections
  read_only "issue edit" issue edit "$R" ceasefire --label Truce
  read_only "issue delete" issue delete "$R" ceasefire --with-claims
  read_only "claim add" claim add "$R" --document 05-troops.txt --actor Berg --issue ceasefire --stance 1 --start 0 --end 5
  read_only "claim edit" claim edit "$R" 1 --stance 2
  read_only "claim delete" claim delete "$R" 1
  read_only "codebook import" codebook import "$R" "$FIXTURES/codebooks/border-talks.json"
  read_only "import" import "$R" "$FIXTURES/articles"
  [ "$(fingerprint "$R")" = "$before" ] && ok "the read-only project is unchanged" || not_ok "the read-only project is unchanged"
fi

# What opening a project found is said on standard error, the listing still on standard output
cp "$P" "$WORK/with-missing-actor.standpoint"
python3 - "$WORK/with-missing-actor.standpoint" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("PRAGMA foreign_keys = OFF")
db.execute("UPDATE claims SET actor_id = 999999 WHERE id = (SELECT min(id) FROM claims)")
db.commit()
PY
if cli claims "$WORK/with-missing-actor.standpoint" >"$WORK/out" 2>"$WORK/err" &&
   grep -q '^standpoint-cli: note: .*claims.*actors.*does not exist' "$WORK/err" && [ -s "$WORK/out" ]; then
  ok "a dangling reference is noted on opening"
else
  not_ok "a dangling reference is noted on opening" "$(cat "$WORK/err")"
fi

# Documents: search, sort, edit, delete, removed blocks
D=$WORK/documents.standpoint
cp "$P" "$D"
check "documents --search" cli documents "$D" --search "ceasefire HARBOUR"
[ "$(tail -n +2 "$WORK/out" | cut -d, -f2)" = "01-harbour-talks.txt" ] && ok "search finds the document with every word" \
  || not_ok "search finds the document with every word" "$(cat "$WORK/out")"
check "documents --search with FTS5 syntax in it" cli documents "$D" --search '"ceasefire" (harbour*'
tail -n +2 "$WORK/out" | cut -d, -f2 | grep -qx "01-harbour-talks.txt" && ok "quotes and operators are searched as words" \
  || not_ok "quotes and operators are searched as words" "$(cat "$WORK/out")"
refuse_with 1 "a search with no word in it" "holds no word" cli documents "$D" --search '" * "'
refuse_with 2 "an unknown sort order" "--sort" cli documents "$D" --sort size

check "document edit" cli document edit "$D" 01-harbour-talks.txt --title "Harbour talks: an edited title" --no-date --source "Ledger"
check "documents after the edit" cli documents "$D" --format json
python3 - "$WORK/out" <<'PY' && ok "the edit is stored, the date's source is the analyst" || not_ok "the edit is stored, the date's source is the analyst" "$(cat "$WORK/out")"
import json, sys
doc = {d["file"]: d for d in json.load(open(sys.argv[1]))}["01-harbour-talks.txt"]
assert doc["title"] == "Harbour talks: an edited title", doc
assert doc["date"] is None and doc["date_source"] == "analyst" and doc["date_confidence"] is None, doc
assert doc["source"] == "Ledger", doc
PY
cli documents "$D" --sort date | tail -1 | cut -d, -f2 | grep -qx "01-harbour-talks.txt" && ok "sorted by date, undated documents come last" \
  || not_ok "sorted by date, undated documents come last" "$(cli documents "$D" --sort date)"
cli documents "$D" --sort source | sed -n 2,3p | cut -d, -f5 | tr '\n' ' ' | grep -qx "Ledger The Harbour Ledger " && ok "sorted by source, none last" \
  || not_ok "sorted by source, none last" "$(cli documents "$D" --sort source)"
cli documents "$D" --sort title | sed -n 2p | cut -d, -f2 | grep -qx "04-sanctions.html" && ok "sorted by title" \
  || not_ok "sorted by title" "$(cli documents "$D" --sort title)"
refuse_with 2 "document edit with a date that is not a day" "2025-02-30" cli document edit "$D" 01-harbour-talks.txt --date 2025-02-30
refuse_with 1 "document edit to an empty title" "title cannot be empty" cli document edit "$D" 01-harbour-talks.txt --title " "
refuse_with 1 "document edit of a document that is not there" "no document" cli document edit "$D" 99 --title X

# A removed block, as import keeps them, goes back where it stood and the claims after it move along
# (the import's cleaning took other blocks out before: the new block's id comes from the insert)
R=$(python3 - "$D" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
doc = db.execute("SELECT id FROM documents WHERE file_name = '05-troops.txt'").fetchone()[0]
cursor = db.execute("INSERT INTO removals (document_id, body_offset, text, reason) VALUES (?, 0, 'Share this article', 'share bar')", (doc,))
db.commit()
print(cursor.lastrowid)
PY
)
check "document removed" cli document removed "$D" 05-troops.txt
grep -q "^$R,5,0,share bar,Share this article\$" "$WORK/out" && ok "removed blocks are listed with their ids" \
  || not_ok "removed blocks are listed with their ids" "$(cat "$WORK/out")"
check "document removed as JSON, the option first" cli document removed --format json "$D" 05-troops.txt
python3 - "$WORK/out" "$R" <<'PY' && ok "removed blocks as JSON" || not_ok "removed blocks as JSON" "$(cat "$WORK/out")"
import json, sys
rows = json.load(open(sys.argv[1]))
assert {"id": int(sys.argv[2]), "document_id": 5, "offset": 0, "reason": "share bar", "text": "Share this article"} in rows, rows
PY
refuse_with 2 "document removed in a format it has not" "--format: “xml”" cli document removed "$D" 05-troops.txt --format xml
cli document removed "$D" >"$WORK/out" 2>"$WORK/err"
[ $? -eq 2 ] && grep -q "wrong number of arguments" "$WORK/err" && ok "document removed without a document is a usage error" \
  || not_ok "document removed without a document is a usage error" "$(cat "$WORK/err")"
cli claims "$D" | grep ',05-troops.txt,' | cut -d, -f12 | sort -n >"$WORK/starts-before"
check "document restore" cli document restore "$D" "$R"
cli claims "$D" | grep ',05-troops.txt,' | cut -d, -f12 | sort -n >"$WORK/starts-after"
python3 - "$WORK/starts-before" "$WORK/starts-after" <<'PY' && ok "claims after the restored block move by its length" || not_ok "claims after the restored block move by its length" "$(cat "$WORK/starts-before" "$WORK/starts-after")"
import sys
before = [int(x) for x in open(sys.argv[1])]
after = [int(x) for x in open(sys.argv[2])]
assert before and after == [x + len("Share this article\n") for x in before], (before, after)
PY
cli documents "$D" --format json --with-body | grep -q '"body" : "Share this article\\n' && ok "the block is back in the body" \
  || not_ok "the block is back in the body"
refuse_with 1 "restoring a block twice" "no removed block $R" cli document restore "$D" "$R"
refuse_with 2 "restoring a block that is not an id" "not the id" cli document restore "$D" first

refuse_with 1 "deleting a document with claims" "--with-claims" cli document delete "$D" 05-troops.txt
cli documents "$D" | grep -q ",05-troops.txt," && ok "the refused delete left the document" || not_ok "the refused delete left the document"
check "deleting a document with its claims" cli document delete "$D" 05-troops.txt --with-claims
! cli documents "$D" | grep -q ",05-troops.txt," && ! cli claims "$D" | grep -q ",05-troops.txt," \
  && ok "the document and its claims are gone" || not_ok "the document and its claims are gone"
printf 'A note without claims\n\nNothing was said about anything.\n' >"$WORK/unclaimed.txt"
check "import of one more file" cli import "$D" "$WORK/unclaimed.txt"
check "deleting a document without claims" cli document delete "$D" unclaimed.txt

# Suggestions: rows as a suggestion pass stores them, then the analyst's decisions
N_CLAIMS=$(cli claims "$P" | tail -n +2 | wc -l)
python3 - "$P" <<'PY' || not_ok "pending suggestions written for the test"
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
doc = db.execute("SELECT id FROM documents WHERE file_name = '01-harbour-talks.txt'").fetchone()[0]
def actor(name): return db.execute("SELECT id FROM actors WHERE name = ?", (name,)).fetchone()[0]
def issue(key): return db.execute("SELECT id FROM issues WHERE key = ?", (key,)).fetchone()[0]
rows = [(actor("Ana Berg"), issue("ceasefire"), 2, 0.9, 0, 12, "said", "attr:said\ncue:must"),
        (actor("Ana Berg"), issue("territory"), -1, 0.5, 13, 20, "by the way", "attr:none"),
        (actor("Ana Berg"), issue("sanctions"), 1, 0.2, 21, 30, "hedged", "attr:none\nhedge")]
for a, i, stance, conf, start, end, why, feats in rows:
    db.execute("INSERT INTO suggestions (document_id, start_offset, end_offset, actor_id, issue_id, stance, "
               "confidence, prior, explanation, features, sentence, conditional, status, created) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 'pending', '2026-01-01T00:00:00Z')",
               (doc, start, end, a, i, stance, conf, conf, why, feats))
db.commit()
PY
check "suggestions as CSV" cli suggestions "$P"
head -n 1 "$WORK/out" >"$WORK/header"
echo "id,document_id,file,title,date,actor,group,issue,stance,status,confidence,start,end,quote,note,conditional,prior,explanation" >"$WORK/expected-header"
same "suggestions CSV has the claims columns, then its own" "$WORK/expected-header" "$WORK/header"
[ "$(tail -n +2 "$WORK/out" | wc -l)" -eq 3 ] && sed -n 2p "$WORK/out" | grep -q ",Ana Berg,Northland,ceasefire,2,pending,0.90,0,12," \
  && ok "pending suggestions, most confident first" || not_ok "pending suggestions, most confident first" "$(cat "$WORK/out")"
S1=$(sed -n 2p "$WORK/out" | cut -d, -f1); S2=$(sed -n 3p "$WORK/out" | cut -d, -f1); S3=$(sed -n 4p "$WORK/out" | cut -d, -f1)
snapshot before-bad-decisions
refuse_with 1 "accepting an id that names no suggestion" "no suggestion 999999" cli accept "$P" "$S1" 999999
refuse_with 1 "a suggestion id that is not a number" "not a suggestion id" cli reject "$P" first
cli accept "$P" >/dev/null 2>&1; [ $? -eq 2 ] && ok "accept without an id is a usage error" || not_ok "accept without an id is a usage error"
snapshot after-bad-decisions
same "refused decisions changed nothing" "$WORK/before-bad-decisions" "$WORK/after-bad-decisions"
check "accept" cli accept "$P" "$S1"
grep -q "^suggestion $S1 accepted as claim [0-9]*\$" "$WORK/out" && grep -q "precision so far: 1.00 (accepted as proposed, of 1 decisions)" "$WORK/out" \
  && ok "accept names the new claim and the running precision" || not_ok "accept names the new claim and the running precision" "$(cat "$WORK/out")"
check "reject" cli reject "$P" "$S2"
grep -q "precision so far: 0.50" "$WORK/out" && ok "a rejection lowers the running precision" || not_ok "a rejection lowers the running precision" "$(cat "$WORK/out")"
refuse_with 1 "a decided suggestion is not decided again" "already rejected" cli accept "$P" "$S2"
check "claims with suggestions" cli claims "$P" --include-suggestions --format json
python3 - "$WORK/out" "$S1" "$S2" "$S3" "$N_CLAIMS" <<'PY' && ok "claims with suggestions: accepted, pending and rejected in text order" || not_ok "claims with suggestions: accepted, pending and rejected in text order" "$(cat "$WORK/out")"
import json, sys
rows = json.load(open(sys.argv[1]))
s1, s2, s3, n_claims = (int(x) for x in sys.argv[2:6])
assert len(rows) == n_claims + 3, (len(rows), n_claims)
statuses = {r["status"] for r in rows}
assert statuses == {"manual", "accepted", "pending", "rejected"}, statuses
accepted = [r for r in rows if r["status"] == "accepted"][0]
assert accepted["start"] == 0 and accepted["end"] == 12 and accepted["confidence"] == 0.9
assert [r["id"] for r in rows if r["status"] == "pending"] == [s3]
assert [r["id"] for r in rows if r["status"] == "rejected"] == [s2]
harbour = [r for r in rows if r["file"] == "01-harbour-talks.txt"]
assert [r["start"] for r in harbour] == sorted(r["start"] for r in harbour)
PY
cli claims "$P" >"$WORK/out"
[ "$(tail -n +2 "$WORK/out" | wc -l)" -eq $((N_CLAIMS + 1)) ] && ok "claims without the option lists claims only" || not_ok "claims without the option lists claims only" "$(cat "$WORK/out")"
cli suggestions "$P" --format json | python3 -c 'import json,sys; r=json.load(sys.stdin); assert len(r)==1 and r[0]["conditional"]=="false" and r[0]["explanation"]=="hedged"' \
  && ok "only the undecided suggestion is pending" || not_ok "only the undecided suggestion is pending"
printf 'doc\tactor\tissue\tstance\tsentence\n01-harbour-talks.txt\tNorthland\tceasefire\t+1\t1\n01-harbour-talks.txt\tSouthland\tterritory\t-1\t2\n' >"$WORK/gold.tsv"
check "evaluate" cli evaluate "$P" "$WORK/gold.tsv"
grep -qi "precision" "$WORK/out" && grep -qi "recall" "$WORK/out" && ok "evaluate prints precision and recall" || not_ok "evaluate prints precision and recall" "$(cat "$WORK/out")"
printf 'doc\tactor\n' >"$WORK/bad-gold.tsv"
refuse_with 1 "a malformed gold file is refused" "bad-gold.tsv" cli evaluate "$P" "$WORK/bad-gold.tsv"

# DNA projects and networks (tests/test-interop-dna.c and test-network-graphml.py test them
# in depth): refusals leave the project alone, the verbs' options are checked
printf 'not a database' >"$WORK/bad.dna"
snapshot before-dna
refuse_with 1 "import-dna refuses a file that is not a DNA project" "bad.dna: not a DNA project" cli import-dna "$P" "$WORK/bad.dna"
snapshot after-dna
same "a refused DNA file changed nothing" "$WORK/before-dna" "$WORK/after-dna"
refuse_with 2 "network refuses an unknown type" "--type" cli network "$P" --type triadic -o "$WORK/n.graphml"
refuse_with 2 "network does not normalise two-mode networks" "--normalize" cli network "$P" --type two-mode --normalize jaccard -o "$WORK/n.graphml"
refuse_with 2 "network refuses a malformed date" "--from" cli network "$P" --type conflict --from 2024-13-45 -o "$WORK/n.graphml"
refuse_with 1 "network will not write over the project" "Will not write" cli network "$P" --type two-mode -o "$P"
check "network two-mode as CSV" cli network "$P" --type two-mode --format csv -o -
head -n 1 "$WORK/out" | grep -q "^source,source_label,target,target_label,weight,stance" \
  && ok "the two-mode CSV has its documented columns" || not_ok "the two-mode CSV has its documented columns" "$(head -n 2 "$WORK/out")"

refuse "an unknown command is refused" "unknown command" cli frobnicate

echo "1..$n"
exit $((failed > 0))
