/* test-codebook.c
 *
 * The codebook file: import, merge, validation messages, atomicity, undo, and export that
 * round-trips byte for byte.
 */
#define G_LOG_DOMAIN "test-codebook"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "sp-codebook.h"
#include "sp-project.h"

typedef struct
{
  char      *dir;
  SpProject *project;
} Fixture;

static const char example[] =
  "{ \"format\": \"standpoint-codebook\", \"version\": 1,\n"
  "  \"actors\": [ {\"name\": \"Russia\", \"kind\": \"state\", \"aliases\": [\"Moscow\", \"Kremlin\"]},\n"
  "              {\"name\": \"Vladimir Putin\", \"kind\": \"person\", \"affiliation\": \"Russia\", \"aliases\": [\"Putin\"]} ],\n"
  "  \"issues\": [ {\"key\": \"ukraine_nato\", \"label\": \"Ukraine in NATO\", \"proposition\": \"Ukraine should join NATO\",\n"
  "               \"keywords\": [\"NATO membership\", \"join NATO\"]} ] }\n";

static const char example_export[] =
  "{\n"
  "  \"format\" : \"standpoint-codebook\",\n"
  "  \"version\" : 1,\n"
  "  \"actors\" : [\n"
  "    {\n"
  "      \"name\" : \"Russia\",\n"
  "      \"kind\" : \"state\",\n"
  "      \"aliases\" : [\n"
  "        \"Kremlin\",\n"
  "        \"Moscow\"\n"
  "      ]\n"
  "    },\n"
  "    {\n"
  "      \"name\" : \"Vladimir Putin\",\n"
  "      \"kind\" : \"person\",\n"
  "      \"affiliation\" : \"Russia\",\n"
  "      \"aliases\" : [\n"
  "        \"Putin\"\n"
  "      ]\n"
  "    }\n"
  "  ],\n"
  "  \"issues\" : [\n"
  "    {\n"
  "      \"key\" : \"ukraine_nato\",\n"
  "      \"label\" : \"Ukraine in NATO\",\n"
  "      \"proposition\" : \"Ukraine should join NATO\",\n"
  "      \"keywords\" : [\n"
  "        \"NATO membership\",\n"
  "        \"join NATO\"\n"
  "      ]\n"
  "    }\n"
  "  ]\n"
  "}\n";

static SpProject *
create_project (const char *dir,
                const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  SpProject *project = sp_project_create (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);
  return project;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("standpoint-codebook-XXXXXX", &error);
  g_assert_no_error (error);
  f->project = create_project (f->dir, "test.standpoint");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&f->project);

  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static char *
export (SpProject *project)
{
  g_autoptr(GError) error = NULL;
  char *json = sp_codebook_export (project, &error);

  g_assert_no_error (error);
  g_assert_nonnull (json);
  return json;
}

static void
import_ok (SpProject             *project,
           const char            *json,
           SpCodebookImportStats *stats)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sp_codebook_import (project, json, -1, "codebook.json", stats, &error));
  g_assert_no_error (error);
}

static SpActor *
get_actor (SpProject  *project,
           const char *name)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;
  SpActor *actor;

  g_assert_true (sp_project_find_actor (project, name, &id, &error));
  g_assert_no_error (error);
  actor = sp_project_get_actor (project, id, &error);
  g_assert_no_error (error);
  return actor;
}

static SpIssue *
get_issue (SpProject  *project,
           const char *key)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;
  SpIssue *issue;

  g_assert_true (sp_project_find_issue (project, key, &id, &error));
  g_assert_no_error (error);
  issue = sp_project_get_issue (project, id, &error);
  g_assert_no_error (error);
  return issue;
}

static void
assert_strv (const char * const *actual,
             const char * const *expected)
{
  g_assert_cmpstrv (actual, expected);
}

static void
test_import_example (Fixture       *f,
                     gconstpointer  data)
{
  SpCodebookImportStats stats = { 99, 99, 99, 99 };
  g_autoptr(SpActor) russia = NULL;
  g_autoptr(SpActor) putin = NULL;
  g_autoptr(SpIssue) issue = NULL;
  g_autofree char *json = NULL;

  import_ok (f->project, example, &stats);
  g_assert_cmpuint (stats.actors_added, ==, 2);
  g_assert_cmpuint (stats.actors_updated, ==, 0);
  g_assert_cmpuint (stats.issues_added, ==, 1);
  g_assert_cmpuint (stats.issues_updated, ==, 0);

  russia = get_actor (f->project, "kremlin");
  g_assert_cmpstr (sp_actor_get_name (russia), ==, "Russia");
  g_assert_cmpint (sp_actor_get_kind (russia), ==, SP_ACTOR_KIND_STATE);
  g_assert_cmpint (sp_actor_get_affiliation_id (russia), ==, 0);
  assert_strv (sp_actor_get_aliases (russia), (const char * const[]) { "Kremlin", "Moscow", NULL });

  putin = get_actor (f->project, "Putin");
  g_assert_cmpstr (sp_actor_get_name (putin), ==, "Vladimir Putin");
  g_assert_cmpint (sp_actor_get_kind (putin), ==, SP_ACTOR_KIND_PERSON);
  g_assert_cmpint (sp_actor_get_affiliation_id (putin), ==, sp_actor_get_id (russia));

  issue = get_issue (f->project, "ukraine_nato");
  g_assert_cmpstr (sp_issue_get_label (issue), ==, "Ukraine in NATO");
  g_assert_cmpstr (sp_issue_get_proposition (issue), ==, "Ukraine should join NATO");
  assert_strv (sp_issue_get_keywords (issue),
               (const char * const[]) { "NATO membership", "join NATO", NULL });

  g_assert_true (sp_project_can_undo (f->project));
  g_assert_cmpstr (sp_project_get_undo_label (f->project), ==, "Import Codebook");

  json = export (f->project);
  g_assert_cmpstr (json, ==, example_export);
}

static void
test_merge (Fixture       *f,
            gconstpointer  data)
{
  static const char update[] =
    "{\"format\": \"standpoint-codebook\", \"version\": 1, \"comment\": \"ignored\",\n"
    " \"actors\": [{\"name\": \"RUSSIA\", \"kind\": \"group\", \"aliases\": [\"Russian Federation\", \"moscow\"], \"extra\": 1},\n"
    "            {\"name\": \"Vladimir Putin\", \"kind\": \"person\", \"affiliation\": \"Russia\", \"aliases\": [\"Putin\"]},\n"
    "            {\"name\": \"NATO\", \"kind\": \"organisation\"}],\n"
    " \"issues\": [{\"key\": \"ukraine_nato\", \"label\": \"Ukraine joins NATO\",\n"
    "             \"keywords\": [\"join NATO\", \"NATO accession\"]}]}";
  SpCodebookImportStats stats = { 0 };
  g_autoptr(SpActor) russia = NULL;
  g_autoptr(SpActor) nato = NULL;
  g_autoptr(SpIssue) issue = NULL;
  g_autoptr(GListModel) actors = NULL;

  import_ok (f->project, example, NULL);
  import_ok (f->project, update, &stats);

  /* Russia: new kind, aliases united (the existing spelling kept); Putin unchanged. */
  g_assert_cmpuint (stats.actors_added, ==, 1);
  g_assert_cmpuint (stats.actors_updated, ==, 1);
  g_assert_cmpuint (stats.issues_added, ==, 0);
  g_assert_cmpuint (stats.issues_updated, ==, 1);

  actors = sp_project_list_actors (f->project, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (actors), ==, 3);

  russia = get_actor (f->project, "Russia");
  g_assert_cmpstr (sp_actor_get_name (russia), ==, "Russia");
  g_assert_cmpint (sp_actor_get_kind (russia), ==, SP_ACTOR_KIND_GROUP);
  assert_strv (sp_actor_get_aliases (russia),
               (const char * const[]) { "Kremlin", "Moscow", "Russian Federation", NULL });

  nato = get_actor (f->project, "NATO");
  g_assert_cmpint (sp_actor_get_kind (nato), ==, SP_ACTOR_KIND_ORGANISATION);

  /* The issue takes the new label, keeps its proposition (absent from the file) and its
   * keywords, and gains the new one. */
  issue = get_issue (f->project, "ukraine_nato");
  g_assert_cmpstr (sp_issue_get_label (issue), ==, "Ukraine joins NATO");
  g_assert_cmpstr (sp_issue_get_proposition (issue), ==, "Ukraine should join NATO");
  assert_strv (sp_issue_get_keywords (issue),
               (const char * const[]) { "NATO membership", "join NATO", "NATO accession", NULL });
}

/* Opposing keywords are read, exported only when an issue has some, and merged like
 * keywords; a phrase the file gives as the other kind of keyword changes kind; one undo */
static void
test_opposing_keywords (Fixture       *f,
                        gconstpointer  data)
{
  static const char first[] =
    "{\"format\": \"standpoint-codebook\", \"version\": 1,\n"
    " \"issues\": [{\"key\": \"ukraine_nato\", \"label\": \"Ukraine in NATO\",\n"
    "             \"keywords\": [\"join NATO\", \"neutral status\"],\n"
    "             \"opposing_keywords\": [\"neutrality\"]},\n"
    "            {\"key\": \"ceasefire\", \"label\": \"Ceasefire\"}]}";
  static const char second[] =
    "{\"format\": \"standpoint-codebook\", \"version\": 1,\n"
    " \"issues\": [{\"key\": \"ukraine_nato\", \"label\": \"Ukraine in NATO\",\n"
    "             \"opposing_keywords\": [\"Neutral status\", \"non-alignment\"],\n"
    "             \"excluded_phrases\": [\"join NATO summit\"]}]}";
  SpCodebookImportStats stats = { 0 };
  g_autoptr(SpIssue) issue = NULL;
  g_autoptr(SpIssue) ceasefire = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *after_first = NULL;
  g_autofree char *undone = NULL;

  import_ok (f->project, first, NULL);
  issue = get_issue (f->project, "ukraine_nato");
  assert_strv (sp_issue_get_keywords (issue), (const char * const[]) { "join NATO", "neutral status", NULL });
  assert_strv (sp_issue_get_opposing_keywords (issue), (const char * const[]) { "neutrality", NULL });
  ceasefire = get_issue (f->project, "ceasefire");
  g_assert_null (sp_issue_get_opposing_keywords (ceasefire)[0]);

  json = export (f->project);
  g_assert_nonnull (strstr (json, "\"opposing_keywords\" : [\n        \"neutrality\"\n      ]"));
  /* the issue without any has no such member */
  g_assert_null (strstr (strstr (json, "opposing_keywords") + 1, "opposing_keywords"));
  after_first = g_steal_pointer (&json);

  import_ok (f->project, second, &stats);
  g_assert_cmpuint (stats.issues_updated, ==, 1);
  g_clear_object (&issue);
  issue = get_issue (f->project, "ukraine_nato");
  assert_strv (sp_issue_get_keywords (issue), (const char * const[]) { "join NATO", NULL });
  assert_strv (sp_issue_get_opposing_keywords (issue),
               (const char * const[]) { "neutrality", "Neutral status", "non-alignment", NULL });
  assert_strv (sp_issue_get_excluded_phrases (issue), (const char * const[]) { "join NATO summit", NULL });
  json = export (f->project);
  g_assert_nonnull (strstr (json, "\"excluded_phrases\" : [\n        \"join NATO summit\"\n      ]"));
  g_clear_pointer (&json, g_free);

  g_assert_true (sp_project_undo (f->project, &error));
  g_assert_no_error (error);
  undone = export (f->project);
  g_assert_cmpstr (undone, ==, after_first);
}

static void
test_reimport_changes_nothing (Fixture       *f,
                               gconstpointer  data)
{
  SpCodebookImportStats stats = { 9, 9, 9, 9 };
  g_autoptr(GError) error = NULL;

  import_ok (f->project, example, NULL);
  import_ok (f->project, example, &stats);

  g_assert_cmpuint (stats.actors_added + stats.actors_updated, ==, 0);
  g_assert_cmpuint (stats.issues_added + stats.issues_updated, ==, 0);

  /* Nothing changed, so no second undo step: one undo empties the project. */
  g_assert_true (sp_project_undo (f->project, &error));
  g_assert_no_error (error);
  g_assert_false (sp_project_can_undo (f->project));
}

static void
test_malformed (Fixture       *f,
                gconstpointer  data)
{
  static const char broken[] =
    "{\"format\": \"standpoint-codebook\", \"version\": 1,\n"
    " \"actors\": [{\"name\": \"NATO\", \"kind\": \"organisation\"},\n"
    "            {\"name\": \"EU\" \"kind\": \"organisation\"}]}\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  import_ok (f->project, example, NULL);
  before = export (f->project);

  g_assert_false (sp_codebook_import (f->project, broken, -1, "codebook.json", NULL, &error));
  g_assert_error (error, SP_CODEBOOK_ERROR, SP_CODEBOOK_ERROR_PARSE);
  g_test_message ("%s", error->message);
  g_assert_cmpstr (error->message, ==, "codebook.json:3:27: actors[1]: expected \",\" or \"}\" after a member, not a string");
  g_assert_null (strstr (error->message, "<data>"));

  after = export (f->project);
  g_assert_cmpstr (before, ==, after);
}

typedef struct
{
  const char      *json;
  SpCodebookError  code;
  const char      *message;
} Refusal;

#define HEAD "{\"format\": \"standpoint-codebook\", \"version\": 1, "

static const Refusal refusals[] = {
  { "", SP_CODEBOOK_ERROR_PARSE, "codebook.json: the file is empty" },
  { "[1, 2]", SP_CODEBOOK_ERROR_NOT_A_CODEBOOK,
    "codebook.json: not a Standpoint codebook (expected a JSON object)" },
  { "{\"actors\": []}", SP_CODEBOOK_ERROR_NOT_A_CODEBOOK,
    "codebook.json: not a Standpoint codebook (it has no \"format\": \"standpoint-codebook\")" },
  { "{\"format\": \"dna-codebook\", \"version\": 1}", SP_CODEBOOK_ERROR_NOT_A_CODEBOOK,
    "codebook.json: format: \"dna-codebook\" is not \"standpoint-codebook\"" },
  { "{\"format\": \"standpoint-codebook\", \"version\": 2}", SP_CODEBOOK_ERROR_NEWER_VERSION,
    "codebook.json was written for a newer Standpoint (codebook version 2; this version reads up to 1)" },
  { "{\"format\": \"standpoint-codebook\", \"version\": \"1\"}", SP_CODEBOOK_ERROR_INVALID,
    "codebook.json: version: expected a whole number, not a string" },
  { "{\"format\": \"standpoint-codebook\"}", SP_CODEBOOK_ERROR_INVALID,
    "codebook.json: version: missing" },
  { HEAD "\"actors\": {}}", SP_CODEBOOK_ERROR_INVALID,
    "codebook.json: actors: expected an array, not an object" },
  { HEAD "\"actors\": [\"Russia\"]}", SP_CODEBOOK_ERROR_INVALID,
    "codebook.json: actors[0]: expected an object, not a string" },
  { HEAD "\"actors\": [{\"kind\": \"state\"}]}", SP_CODEBOOK_ERROR_INVALID,
    "codebook.json: actors[0].name: missing" },
  { HEAD "\"actors\": [{\"name\": \"  \", \"kind\": \"state\"}]}", SP_CODEBOOK_ERROR_INVALID,
    "codebook.json: actors[0].name: empty" },
  { HEAD "\"actors\": [{\"name\": 7, \"kind\": \"state\"}]}", SP_CODEBOOK_ERROR_INVALID,
    "codebook.json: actors[0].name: expected a string, not a number" },
  { HEAD "\"actors\": [{\"name\": \"A\", \"kind\": \"state\"}, {\"name\": \"B\", \"kind\": \"state\"},"
    " {\"name\": \"C\", \"kind\": \"state\"}, {\"name\": \"D\", \"kind\": \"country\"}]}",
    SP_CODEBOOK_ERROR_INVALID,
    "codebook.json: actors[3].kind: \"country\" is not one of person, organisation, state, group" },
  { HEAD "\"actors\": [{\"name\": \"A\"}]}", SP_CODEBOOK_ERROR_INVALID,
    "codebook.json: actors[0].kind: missing" },
  { HEAD "\"actors\": [{\"name\": \"A\", \"kind\": \"state\", \"aliases\": \"AA\"}]}",
    SP_CODEBOOK_ERROR_INVALID,
    "codebook.json: actors[0].aliases: expected an array of strings, not a string" },
  { HEAD "\"actors\": [{\"name\": \"A\", \"kind\": \"state\", \"aliases\": [\"AA\", true]}]}",
    SP_CODEBOOK_ERROR_INVALID,
    "codebook.json: actors[0].aliases[1]: expected a string, not true or false" },
  { HEAD "\"actors\": [{\"name\": \"A\", \"kind\": \"state\", \"aliases\": [\" \"]}]}",
    SP_CODEBOOK_ERROR_INVALID, "codebook.json: actors[0].aliases[0]: empty" },
  { HEAD "\"actors\": [{\"name\": \"A\", \"kind\": \"person\", \"affiliation\": \"Atlantis\"}]}",
    SP_CODEBOOK_ERROR_INVALID,
    "codebook.json: actors[0].affiliation: \"Atlantis\" is not the name of an actor in codebook.json or in the project" },
  { HEAD "\"actors\": [{\"name\": \"A\", \"kind\": \"person\", \"affiliation\": [\"B\"]}]}",
    SP_CODEBOOK_ERROR_INVALID,
    "codebook.json: actors[0].affiliation: expected a string, not an array" },
  { HEAD "\"actors\": [{\"name\": \"A\", \"kind\": \"group\", \"affiliation\": \"a\"}]}",
    SP_CODEBOOK_ERROR_INVALID,
    "codebook.json: actors[0].affiliation: A cannot be affiliated with itself" },
  { HEAD "\"actors\": [{\"name\": \"A\", \"kind\": \"group\", \"affiliation\": \"B\"},"
    " {\"name\": \"B\", \"kind\": \"group\", \"affiliation\": \"A\"}]}",
    SP_CODEBOOK_ERROR_INVALID,
    "codebook.json: actors[0].affiliation: A cannot be affiliated with B, which is part of A itself" },
  { HEAD "\"actors\": [{\"name\": \"A\", \"kind\": \"group\"}, {\"name\": \"a\", \"kind\": \"group\"}]}",
    SP_CODEBOOK_ERROR_INVALID,
    "codebook.json: actors[1].name: \"a\" is listed twice (also as actors[0], \"A\")" },
  { HEAD "\"actors\": [{\"name\": \"Russia\", \"kind\": \"state\", \"aliases\": [\"Moscow\"]},"
    " {\"name\": \"City of Moscow\", \"kind\": \"organisation\", \"aliases\": [\"moscow\"]}]}",
    SP_CODEBOOK_ERROR_CONFLICT,
    "codebook.json: actors[1].aliases[0]: \"moscow\" is already an alias of Russia" },
  { HEAD "\"actors\": [{\"name\": \"Ukraine\", \"kind\": \"state\", \"aliases\": [\"Zelensky\"]},"
    " {\"name\": \"Zelensky\", \"kind\": \"person\"}]}",
    SP_CODEBOOK_ERROR_CONFLICT,
    "codebook.json: actors[0].aliases[0]: \"Zelensky\" is the name of another actor, Zelensky" },
  { HEAD "\"issues\": [{\"key\": \"ukraine nato\", \"label\": \"Ukraine in NATO\"}]}",
    SP_CODEBOOK_ERROR_INVALID,
    "codebook.json: issues[0].key: \"ukraine nato\" may only use letters, digits, \"_\", \"-\" and \".\"" },
  { HEAD "\"issues\": [{\"key\": \"k\"}]}", SP_CODEBOOK_ERROR_INVALID,
    "codebook.json: issues[0].label: missing" },
  { HEAD "\"issues\": [{\"key\": \"k\", \"label\": \"K\", \"proposition\": 1}]}",
    SP_CODEBOOK_ERROR_INVALID,
    "codebook.json: issues[0].proposition: expected a string, not a number" },
  { HEAD "\"issues\": [{\"key\": \"k\", \"label\": \"K\", \"keywords\": [null]}]}",
    SP_CODEBOOK_ERROR_INVALID,
    "codebook.json: issues[0].keywords[0]: expected a string, not null" },
  { HEAD "\"issues\": [{\"key\": \"k\", \"label\": \"K\", \"opposing_keywords\": \"neutrality\"}]}",
    SP_CODEBOOK_ERROR_INVALID,
    "codebook.json: issues[0].opposing_keywords: expected an array of strings, not a string" },
  { HEAD "\"issues\": [{\"key\": \"k\", \"label\": \"K\", \"keywords\": [\"Neutrality\"],\n"
         "  \"opposing_keywords\": [\"status\", \"neutrality\"]}]}",
    SP_CODEBOOK_ERROR_INVALID,
    "codebook.json: issues[0].opposing_keywords[1]: \"neutrality\" is also one of the issue's keywords" },
  { HEAD "\"issues\": [{\"key\": \"k\", \"label\": \"K\", \"opposing_keywords\": [\"neutral status\"],\n"
         "  \"excluded_phrases\": [\"NEUTRAL STATUS\"]}]}",
    SP_CODEBOOK_ERROR_INVALID,
    "codebook.json: issues[0].excluded_phrases[0]: \"NEUTRAL STATUS\" is also one of the issue's opposing keywords" },
  { HEAD "\"issues\": [{\"key\": \"k\", \"label\": \"K\", \"excluded_phrases\": {}}]}",
    SP_CODEBOOK_ERROR_INVALID,
    "codebook.json: issues[0].excluded_phrases: expected an array of strings, not an object" },
  { HEAD "\"issues\": [{\"key\": \"k\", \"label\": \"K\"}, {\"key\": \"k\", \"label\": \"L\"}]}",
    SP_CODEBOOK_ERROR_INVALID,
    "codebook.json: issues[1].key: \"k\" is listed twice (also as issues[0], \"k\")" },
  { "{\"format\": \"standpoint-codebook\", \"version\": 1, \"actors\": [{\"name\": \"\xc3\"}]}",
    SP_CODEBOOK_ERROR_PARSE, "codebook.json:1:70: the file is not UTF-8 text" },

  /* One rule for names: the store's fold (NFC, Unicode case folding) */
  { HEAD "\"actors\": [{\"name\": \"Ōsaka Group\", \"kind\": \"group\"},"
    " {\"name\": \"ōSAKA GROUP\", \"kind\": \"group\"}]}",
    SP_CODEBOOK_ERROR_INVALID,
    "codebook.json: actors[1].name: \"ōSAKA GROUP\" is listed twice (also as actors[0], \"Ōsaka Group\")" },
  { HEAD "\"actors\": [{\"name\": \"Osaka Prefecture\", \"kind\": \"organisation\", \"aliases\": [\"ōsaka\"]},"
    " {\"name\": \"Ōsaka Group\", \"kind\": \"group\", \"aliases\": [\"Ōsaka\"]}]}",
    SP_CODEBOOK_ERROR_CONFLICT,
    "codebook.json: actors[1].aliases[0]: \"Ōsaka\" is already an alias of Osaka Prefecture" },
  { HEAD "\"actors\": [{\"name\": \"\xc3\x89mile Dupont\", \"kind\": \"person\"},"
    " {\"name\": \"E\xcc\x81mile  Dupont\", \"kind\": \"person\"}]}",
    SP_CODEBOOK_ERROR_INVALID,
    "codebook.json: actors[1].name: \"\xc3\x89mile Dupont\" is listed twice (also as actors[0], \"\xc3\x89mile Dupont\")" },
  { HEAD "\"actors\": [{\"name\": \"Dupont\", \"kind\": \"person\", \"aliases\": [\"E\xcc\x81mile\"]},"
    " {\"name\": \"\xc3\x89MILE\", \"kind\": \"person\"}]}",
    SP_CODEBOOK_ERROR_CONFLICT,
    "codebook.json: actors[0].aliases[0]: \"\xc3\x89mile\" is the name of another actor, \xc3\x89MILE" },
  { HEAD "\"issues\": [{\"key\": \"nato\", \"label\": \"NATO\"}, {\"key\": \"NATO\", \"label\": \"NATO\"}]}",
    SP_CODEBOOK_ERROR_INVALID,
    "codebook.json: issues[1].key: \"NATO\" is listed twice (also as issues[0], \"nato\")" },

  /* Strict JSON: what json-glib alone would take silently */
  { HEAD "\"actors\": [],\n \"actors\": []}", SP_CODEBOOK_ERROR_PARSE,
    "codebook.json:2:2: the member \"actors\" is given twice (first at 1:49)" },
  { HEAD "\"actors\": [{\"name\": \"A\", \"kind\": \"state\", \"name\": \"B\"}]}", SP_CODEBOOK_ERROR_PARSE,
    "codebook.json:1:91: actors[0]: the member \"name\" is given twice (first at 1:61)" },
  { HEAD "\"actors\": [{\"name\": \"A\", \"kind\": \"state\", \"\\u006eame\": \"B\"}]}", SP_CODEBOOK_ERROR_PARSE,
    "codebook.json:1:91: actors[0]: the member \"name\" is given twice (first at 1:61)" },
  { HEAD "\"actors\": [{\"name\": \"A\\u0000B\", \"kind\": \"state\"}]}", SP_CODEBOOK_ERROR_PARSE,
    "codebook.json:1:71: actors[0].name: \"\\u0000\" (the NUL character) is not allowed in text" },
  { HEAD "\"actors\": [{\"name\": \"A\\uD800\", \"kind\": \"state\"}]}", SP_CODEBOOK_ERROR_PARSE,
    "codebook.json:1:71: actors[0].name: \"\\uD800\" is the first half of a UTF-16 surrogate pair without a second half" },
  { HEAD "\"actors\": [{\"name\": \"A\\ud800\\u0041\", \"kind\": \"state\"}]}", SP_CODEBOOK_ERROR_PARSE,
    "codebook.json:1:71: actors[0].name: \"\\uD800\" is the first half of a UTF-16 surrogate pair without a second half" },
  { HEAD "\"actors\": [{\"name\": \"\\udc00A\", \"kind\": \"state\"}]}", SP_CODEBOOK_ERROR_PARSE,
    "codebook.json:1:70: actors[0].name: \"\\uDC00\" is the second half of a UTF-16 surrogate pair without a first half" },
  { HEAD "\"actors\": [{\"name\": \"A\\x41\", \"kind\": \"state\"}]}", SP_CODEBOOK_ERROR_PARSE,
    "codebook.json:1:71: actors[0].name: \"\\x\" is not an escape JSON knows" },
  { HEAD "\"actors\": [{\"name\": \"A\\u00\", \"kind\": \"state\"}]}", SP_CODEBOOK_ERROR_PARSE,
    "codebook.json:1:71: actors[0].name: \"\\u\" needs four hexadecimal digits" },
  { HEAD "\"actors\": [{\"name\": \"A\tB\", \"kind\": \"state\"}]}", SP_CODEBOOK_ERROR_PARSE,
    "codebook.json:1:71: actors[0].name: the control character U+0009 must be written as an escape (\\n, \\t, \\u0009)" },
  { HEAD "\"actors\": [{'name': 'A'}]}", SP_CODEBOOK_ERROR_PARSE,
    "codebook.json:1:61: actors[0]: expected a member name in double quotes, not \"'\"" },
  { "/* a comment */ " HEAD "}", SP_CODEBOOK_ERROR_PARSE,
    "codebook.json:1:1: expected a value, not \"/\"" },
  { HEAD "\"actors\": [],}", SP_CODEBOOK_ERROR_PARSE,
    "codebook.json:1:62: expected a member name in double quotes, not \"}\"" },
  { HEAD "\"actors\": [1,]}", SP_CODEBOOK_ERROR_PARSE,
    "codebook.json:1:62: actors[1]: expected a value, not \"]\"" },
  { HEAD "\"actors\": [", SP_CODEBOOK_ERROR_PARSE,
    "codebook.json:1:60: actors[0]: expected a value, not the end of the file" },
  { HEAD "\"actors\": [{\"name\": \"A", SP_CODEBOOK_ERROR_PARSE,
    "codebook.json:1:69: actors[0].name: the text in quotes is not closed" },
  { HEAD "\"actors\": []} []", SP_CODEBOOK_ERROR_PARSE,
    "codebook.json:1:63: expected the end of the file after the JSON, not \"[\"" },
  { "{\"format\": \"standpoint-codebook\", \"version\": 01}", SP_CODEBOOK_ERROR_PARSE,
    "codebook.json:1:46: version: a number may not start with 0" },
  { "{\"format\": \"standpoint-codebook\", \"version\": 99999999999999999999}", SP_CODEBOOK_ERROR_PARSE,
    "codebook.json:1:46: version: the number 99999999999999999999 is too large" },
  { "{\"format\": \"standpoint-codebook\", \"version\": -}", SP_CODEBOOK_ERROR_PARSE,
    "codebook.json:1:46: version: \"-\" must be followed by digits" },
  { "{\"format\": \"standpoint-codebook\", \"version\": tru}", SP_CODEBOOK_ERROR_PARSE,
    "codebook.json:1:46: version: expected a value, not \"t\"" },
  { "{\"format\" \"standpoint-codebook\"}", SP_CODEBOOK_ERROR_PARSE,
    "codebook.json:1:11: format: expected \":\" after the member name, not a string" },
};

/* Every refusal names the file and the member, and changes nothing. */
static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *before = NULL;

  import_ok (f->project, example, NULL);
  before = export (f->project);

  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;
      g_autofree char *escaped = g_strescape (refusals[i].json, NULL);

      g_test_message ("refusal %u: %s", i, escaped);
      g_assert_false (sp_codebook_import (f->project, refusals[i].json, -1, "codebook.json",
                                          NULL, &error));
      g_assert_error (error, SP_CODEBOOK_ERROR, (int)refusals[i].code);
      g_assert_cmpstr (error->message, ==, refusals[i].message);

      after = export (f->project);
      g_assert_cmpstr (after, ==, before);
    }

  g_assert_cmpstr (sp_project_get_undo_label (f->project), ==, "Import Codebook");
}

/* Conflicts with what the project holds are refused before anything is written. */
static void
test_conflict_with_project (Fixture       *f,
                            gconstpointer  data)
{
  static const char alias_of_other[] =
    HEAD "\"actors\": [{\"name\": \"NATO\", \"kind\": \"organisation\"},"
    " {\"name\": \"Kremlin Press Office\", \"kind\": \"organisation\", \"aliases\": [\"KREMLIN\"]}],"
    " \"issues\": [{\"key\": \"sanctions\", \"label\": \"Sanctions\"}]}";
  static const char name_is_alias[] =
    HEAD "\"actors\": [{\"name\": \"NATO\", \"kind\": \"organisation\"},"
    " {\"name\": \"Putin\", \"kind\": \"person\"}]}";
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 id = 0;

  import_ok (f->project, example, NULL);
  before = export (f->project);

  g_assert_false (sp_codebook_import (f->project, alias_of_other, -1, "more.json", NULL, &error));
  g_assert_error (error, SP_CODEBOOK_ERROR, SP_CODEBOOK_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==,
                   "more.json: actors[1].aliases[0]: \"KREMLIN\" is already an alias of Russia");
  g_clear_error (&error);

  g_assert_false (sp_codebook_import (f->project, name_is_alias, -1, "more.json", NULL, &error));
  g_assert_error (error, SP_CODEBOOK_ERROR, SP_CODEBOOK_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==,
                   "more.json: actors[1].name: \"Putin\" is already an alias of Vladimir Putin");
  g_clear_error (&error);

  /* NATO, listed before the conflict, was not written either. */
  g_assert_false (sp_project_find_actor (f->project, "NATO", &id, &error));
  g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_NOT_FOUND);
  after = export (f->project);
  g_assert_cmpstr (after, ==, before);
}

/* A member may come before its group, and groups may nest. */
static void
test_forward_affiliation (Fixture       *f,
                          gconstpointer  data)
{
  static const char forward[] =
    HEAD "\"actors\": ["
    " {\"name\": \"Steve Witkoff\", \"kind\": \"person\", \"affiliation\": \"White House\"},"
    " {\"name\": \"White House\", \"kind\": \"organisation\", \"affiliation\": \"united states\"},"
    " {\"name\": \"United States\", \"kind\": \"state\", \"aliases\": [\"US\", \"Washington\"]}]}";
  g_autoptr(SpActor) witkoff = NULL;
  g_autoptr(SpActor) house = NULL;
  g_autoptr(SpActor) us = NULL;

  import_ok (f->project, forward, NULL);

  witkoff = get_actor (f->project, "Steve Witkoff");
  house = get_actor (f->project, "White House");
  us = get_actor (f->project, "US");

  g_assert_cmpint (sp_actor_get_affiliation_id (witkoff), ==, sp_actor_get_id (house));
  g_assert_cmpint (sp_actor_get_affiliation_id (house), ==, sp_actor_get_id (us));
  g_assert_cmpint (sp_actor_get_affiliation_id (us), ==, 0);
  g_assert_cmpint (sp_actor_get_group_id (witkoff), ==, sp_actor_get_id (us));
}

/* Reversing an affiliation in one file passes through no circle on the way. */
static void
test_reverse_affiliation (Fixture       *f,
                          gconstpointer  data)
{
  static const char first[] =
    HEAD "\"actors\": [{\"name\": \"A\", \"kind\": \"group\", \"affiliation\": \"B\"},"
    " {\"name\": \"B\", \"kind\": \"group\"}]}";
  static const char reversed[] =
    HEAD "\"actors\": [{\"name\": \"B\", \"kind\": \"group\", \"affiliation\": \"A\"},"
    " {\"name\": \"A\", \"kind\": \"group\"}]}";
  SpCodebookImportStats stats = { 0 };
  g_autoptr(SpActor) a = NULL;
  g_autoptr(SpActor) b = NULL;

  import_ok (f->project, first, NULL);
  import_ok (f->project, reversed, &stats);
  g_assert_cmpuint (stats.actors_updated, ==, 2);

  a = get_actor (f->project, "A");
  b = get_actor (f->project, "B");
  g_assert_cmpint (sp_actor_get_affiliation_id (a), ==, 0);
  g_assert_cmpint (sp_actor_get_affiliation_id (b), ==, sp_actor_get_id (a));
}

static void
test_undo (Fixture       *f,
           gconstpointer  data)
{
  static const char update[] =
    HEAD "\"actors\": [{\"name\": \"Russia\", \"kind\": \"group\", \"aliases\": [\"RF\"]},"
    " {\"name\": \"Vladimir Putin\", \"kind\": \"person\", \"affiliation\": \"Kremlin staff\"},"
    " {\"name\": \"Kremlin staff\", \"kind\": \"organisation\", \"affiliation\": \"Russia\"}],"
    " \"issues\": [{\"key\": \"ukraine_nato\", \"label\": \"NATO\", \"keywords\": [\"accession\"]},"
    "             {\"key\": \"ceasefire\", \"label\": \"Ceasefire now\"}]}";
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;

  import_ok (f->project, example, NULL);
  before = export (f->project);

  import_ok (f->project, update, NULL);
  after = export (f->project);
  g_assert_cmpstr (after, !=, before);

  g_assert_true (sp_project_undo (f->project, &error));
  g_assert_no_error (error);
  undone = export (f->project);
  g_assert_cmpstr (undone, ==, before);

  g_assert_true (sp_project_redo (f->project, &error));
  g_assert_no_error (error);
  redone = export (f->project);
  g_assert_cmpstr (redone, ==, after);

  /* Two undos: the update, then the first import; the project is empty again. */
  g_assert_true (sp_project_undo (f->project, &error));
  g_assert_true (sp_project_undo (f->project, &error));
  g_assert_no_error (error);
  g_clear_pointer (&undone, g_free);
  undone = export (f->project);
  g_assert_cmpstr (undone, ==,
                   "{\n  \"format\" : \"standpoint-codebook\",\n  \"version\" : 1,\n"
                   "  \"actors\" : [],\n  \"issues\" : []\n}\n");
}

static void
test_export_round_trip (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpProject) other = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *copied = NULL;
  gint64 eu, commission;

  eu = sp_project_add_actor (f->project, "European Union", SP_ACTOR_KIND_ORGANISATION, 0,
                             (const char * const[]) { "EU", "Brussels", NULL }, &error);
  g_assert_no_error (error);
  commission = sp_project_add_actor (f->project, "European Commission", SP_ACTOR_KIND_ORGANISATION,
                                     eu, NULL, &error);
  g_assert_no_error (error);
  sp_project_add_actor (f->project, "Ursula von der Leyen", SP_ACTOR_KIND_PERSON, commission,
                        (const char * const[]) { "von der Leyen", NULL }, &error);
  g_assert_no_error (error);
  sp_project_add_actor (f->project, "Émile \"Quote\" Zoë, Jr.", SP_ACTOR_KIND_PERSON, 0,
                        (const char * const[]) { "Zoë", "émile", NULL }, &error);
  g_assert_no_error (error);
  sp_project_add_actor (f->project, "Kyiv\\Kiev", SP_ACTOR_KIND_STATE, 0, NULL, &error);
  g_assert_no_error (error);
  sp_project_add_issue (f->project, "sanctions.relief", "Sanctions relief",
                        "Sanctions on Russia should be lifted",
                        (const char * const[]) { "lift sanctions", "sanctions relief", NULL }, &error);
  g_assert_no_error (error);
  sp_project_add_issue (f->project, "ceasefire", "Ceasefire\tnow", "", NULL, &error);
  g_assert_no_error (error);

  first = export (f->project);
  second = export (f->project);
  g_assert_cmpstr (first, ==, second);

  other = create_project (f->dir, "other.standpoint");
  import_ok (other, first, NULL);
  copied = export (other);
  g_assert_cmpstr (copied, ==, first);
}

static void
test_deep_nesting (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GString) json = g_string_new (HEAD "\"x\": ");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (json, '[');
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (json, ']');
  g_string_append_c (json, '}');

  g_assert_false (sp_codebook_import (f->project, json->str, json->len, "deep.json", NULL, &error));
  g_assert_error (error, SP_CODEBOOK_ERROR, SP_CODEBOOK_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==, "deep.json:1:85: nested more than 32 levels deep");
}

/* What strict JSON still allows: escapes, surrogate pairs, a byte order mark, and a
 * backslash that is itself escaped before "u0000", which is text and no NUL. */
static void
test_strict_json_accepts (Fixture       *f,
                          gconstpointer  data)
{
  static const char json[] =
    "\xef\xbb\xbf" HEAD "\"actors\": ["
    " {\"name\": \"A\\\\u0000B\", \"kind\": \"group\"},"
    " {\"name\": \"\\u00c9mile \\ud83d\\ude00\", \"kind\": \"person\", \"affiliation\": \"A\\\\u0000B\"},"
    " {\"name\": \"Tab\\tand\\/slash\", \"kind\": \"state\", \"x\": [1, -0.5e3, true, false, null, {}, []]}]}";
  g_autoptr(SpActor) backslash = NULL;
  g_autoptr(SpActor) emile = NULL;
  g_autoptr(SpActor) tab = NULL;

  import_ok (f->project, json, NULL);

  backslash = get_actor (f->project, "A\\u0000B");
  g_assert_cmpstr (sp_actor_get_name (backslash), ==, "A\\u0000B");
  emile = get_actor (f->project, "\xc3\x89mile \xf0\x9f\x98\x80");
  g_assert_cmpint (sp_actor_get_affiliation_id (emile), ==, sp_actor_get_id (backslash));
  tab = get_actor (f->project, "Tab and/slash");
  g_assert_cmpint (sp_actor_get_kind (tab), ==, SP_ACTOR_KIND_STATE);
}

/* A file of a million tiny values would cost json-glib gigabytes: refused before parsing. */
static void
test_too_many_values (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GString) json = g_string_new (HEAD "\"x\": [0");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 1000000; i++)
    g_string_append (json, ",0");
  g_string_append (json, "]}");

  g_assert_false (sp_codebook_import (f->project, json->str, json->len, "big.json", NULL, &error));
  g_assert_error (error, SP_CODEBOOK_ERROR, SP_CODEBOOK_ERROR_PARSE);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "big.json:1:"));
  g_assert_nonnull (strstr (error->message, ": x[999996]: more than 1000000 values"));
}

/* A name longer than any real one is refused, and a message quotes at most a line of text. */
static void
test_long_values (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *long_name = g_strnfill (501, 'x');
  g_autofree char *long_kind = g_strnfill (100, 'k');
  g_autofree char *name_json = g_strdup_printf (HEAD "\"actors\": [{\"name\": \"%s\", \"kind\": \"state\"}]}",
                                                long_name);
  g_autofree char *alias_json = g_strdup_printf (HEAD "\"actors\": [{\"name\": \"A\", \"kind\": \"state\","
                                                 " \"aliases\": [\"%s\"]}]}", long_name);
  g_autofree char *kind_json = g_strdup_printf (HEAD "\"actors\": [{\"name\": \"A\", \"kind\": \"\\n%s\"}]}",
                                                long_kind);
  g_autoptr(GError) error = NULL;

  g_assert_false (sp_codebook_import (f->project, name_json, -1, "long.json", NULL, &error));
  g_assert_error (error, SP_CODEBOOK_ERROR, SP_CODEBOOK_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "long.json: actors[0].name: longer than 500 characters");
  g_clear_error (&error);

  g_assert_false (sp_codebook_import (f->project, alias_json, -1, "long.json", NULL, &error));
  g_assert_cmpstr (error->message, ==, "long.json: actors[0].aliases[0]: longer than 500 characters");
  g_clear_error (&error);

  /* The kind is trimmed first, so the escaped line break is gone; 60 characters are quoted */
  g_assert_false (sp_codebook_import (f->project, kind_json, -1, "long.json", NULL, &error));
  g_assert_cmpstr (error->message, ==,
                   "long.json: actors[0].kind: \"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk…\""
                   " is not one of person, organisation, state, group");
}

/* A damaged project whose own affiliations go in a circle: refused, not a crash. */
static void
test_damaged_project_circle (Fixture       *f,
                             gconstpointer  data)
{
  static const char file[] =
    HEAD "\"actors\": [{\"name\": \"C\", \"kind\": \"person\", \"affiliation\": \"A\"}]}";
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  gint64 a, b;

  a = sp_project_add_actor (f->project, "A", SP_ACTOR_KIND_GROUP, 0, NULL, &error);
  g_assert_no_error (error);
  b = sp_project_add_actor (f->project, "B", SP_ACTOR_KIND_GROUP, a, NULL, &error);
  g_assert_no_error (error);

  /* Past the store's checks, as another program could */
  g_assert_cmpint (sqlite3_open (sp_project_get_path (f->project), &db), ==, SQLITE_OK);
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE actors SET affiliation_id = %" G_GINT64_FORMAT
                                            " WHERE id = %" G_GINT64_FORMAT, b, a);

    g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  }
  sqlite3_close (db);

  g_assert_false (sp_codebook_import (f->project, file, -1, "codebook.json", NULL, &error));
  g_assert_error (error, SP_CODEBOOK_ERROR, SP_CODEBOOK_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "codebook.json: actors[0].affiliation: the project's affiliations above C go in a circle");
}

static guint
count_actors (SpProject *project)
{
  g_autoptr(GListModel) actors = sp_project_list_actors (project, NULL);

  g_assert_nonnull (actors);
  return g_list_model_get_n_items (actors);
}

/* The file's names meet the project's under the same rule: other case, other Unicode form. */
static void
test_names_against_project (Fixture       *f,
                            gconstpointer  data)
{
  static const char first[] =
    HEAD "\"actors\": [{\"name\": \"\xc5\x8csaka Group\", \"kind\": \"group\", \"aliases\": [\"\xc5\x8dsaka\"]},"
    " {\"name\": \"E\xcc\x81mile Dupont\", \"kind\": \"person\"}],"
    " \"issues\": [{\"key\": \"nato\", \"label\": \"NATO\"}]}";
  static const char other_case[] =
    HEAD "\"actors\": [{\"name\": \"\xc5\x8dSAKA GROUP\", \"kind\": \"organisation\"},"
    " {\"name\": \"\xc3\x89MILE DUPONT\", \"kind\": \"person\", \"aliases\": [\"Dupont\"]}],"
    " \"issues\": [{\"key\": \"NATO\", \"label\": \"NATO membership\"}]}";
  static const char alias_taken[] =
    HEAD "\"actors\": [{\"name\": \"Osaka City\", \"kind\": \"organisation\", \"aliases\": [\"\xc5\x8csaka\"]}]}";
  SpCodebookImportStats stats = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SpActor) osaka = NULL;
  g_autoptr(SpIssue) issue = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 id = 0;

  import_ok (f->project, first, NULL);
  import_ok (f->project, other_case, &stats);

  g_assert_cmpuint (stats.actors_added, ==, 0);
  g_assert_cmpuint (stats.actors_updated, ==, 2);
  g_assert_cmpuint (stats.issues_added, ==, 0);
  g_assert_cmpuint (stats.issues_updated, ==, 1);
  g_assert_cmpuint (count_actors (f->project), ==, 2);

  /* The project's spelling stays */
  osaka = get_actor (f->project, "\xc5\x8csaka Group");
  g_assert_cmpstr (sp_actor_get_name (osaka), ==, "\xc5\x8csaka Group");
  g_assert_cmpint (sp_actor_get_kind (osaka), ==, SP_ACTOR_KIND_ORGANISATION);
  g_assert_true (sp_project_find_actor (f->project, "Dupont", &id, &error));
  g_assert_no_error (error);
  issue = get_issue (f->project, "nato");
  g_assert_cmpstr (sp_issue_get_key (issue), ==, "nato");
  g_assert_cmpstr (sp_issue_get_label (issue), ==, "NATO membership");

  before = export (f->project);
  g_assert_false (sp_codebook_import (f->project, alias_taken, -1, "more.json", NULL, &error));
  g_assert_error (error, SP_CODEBOOK_ERROR, SP_CODEBOOK_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==,
                   "more.json: actors[0].aliases[0]: \"\xc5\x8csaka\" is already an alias of \xc5\x8csaka Group");
  after = export (f->project);
  g_assert_cmpstr (after, ==, before);
}

/* Writing in one order, parents first, when existing affiliations run through the project's
 * actors that the file does not list. */
static void
test_affiliation_through_project (Fixture       *f,
                                  gconstpointer  data)
{
  static const char first[] =
    HEAD "\"actors\": [{\"name\": \"X\", \"kind\": \"group\"},"
    " {\"name\": \"R\", \"kind\": \"group\", \"affiliation\": \"X\"},"
    " {\"name\": \"Q\", \"kind\": \"group\", \"affiliation\": \"R\"}]}";
  /* X joins Q (which stays in R) and R leaves X: X → Q → R, no circle after the import,
   * but one halfway if X were written before R. */
  static const char second[] =
    HEAD "\"actors\": [{\"name\": \"X\", \"kind\": \"group\", \"affiliation\": \"Q\"},"
    " {\"name\": \"R\", \"kind\": \"group\"}]}";
  static const char circle[] =
    HEAD "\"actors\": [{\"name\": \"R\", \"kind\": \"group\", \"affiliation\": \"X\"}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(SpActor) x = NULL;
  g_autoptr(SpActor) q = NULL;
  g_autoptr(SpActor) r = NULL;

  import_ok (f->project, first, NULL);
  import_ok (f->project, second, NULL);

  x = get_actor (f->project, "X");
  q = get_actor (f->project, "Q");
  r = get_actor (f->project, "R");
  g_assert_cmpint (sp_actor_get_affiliation_id (x), ==, sp_actor_get_id (q));
  g_assert_cmpint (sp_actor_get_affiliation_id (q), ==, sp_actor_get_id (r));
  g_assert_cmpint (sp_actor_get_affiliation_id (r), ==, 0);

  /* R → X → Q → R, through Q, which the file does not list */
  g_assert_false (sp_codebook_import (f->project, circle, -1, "circle.json", NULL, &error));
  g_assert_error (error, SP_CODEBOOK_ERROR, SP_CODEBOOK_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "circle.json: actors[0].affiliation: R cannot be affiliated with X, which is part of R itself");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/codebook/import-example", test_import_example);
  ADD ("/codebook/merge", test_merge);
  ADD ("/codebook/opposing-keywords", test_opposing_keywords);
  ADD ("/codebook/reimport-changes-nothing", test_reimport_changes_nothing);
  ADD ("/codebook/malformed", test_malformed);
  ADD ("/codebook/refusals", test_refusals);
  ADD ("/codebook/conflict-with-project", test_conflict_with_project);
  ADD ("/codebook/forward-affiliation", test_forward_affiliation);
  ADD ("/codebook/reverse-affiliation", test_reverse_affiliation);
  ADD ("/codebook/undo", test_undo);
  ADD ("/codebook/export-round-trip", test_export_round_trip);
  ADD ("/codebook/deep-nesting", test_deep_nesting);
  ADD ("/codebook/strict-json-accepts", test_strict_json_accepts);
  ADD ("/codebook/too-many-values", test_too_many_values);
  ADD ("/codebook/long-values", test_long_values);
  ADD ("/codebook/damaged-project-circle", test_damaged_project_circle);
  ADD ("/codebook/names-against-project", test_names_against_project);
  ADD ("/codebook/affiliation-through-project", test_affiliation_through_project);

#undef ADD

  return g_test_run ();
}
