/* test-matrix-options.c
 *
 * The position matrix under its options: every aggregate per claim and per document, the
 * filters and the undated claims they leave out, pending suggestions, group level with an
 * expanded group, the order of rows and columns (similarity on a constructed case), a cell's
 * evidence in time order and the changes between two dates.
 */
#define G_LOG_DOMAIN "test-matrix-options"

#include "config.h"

#include <math.h>
#include <string.h>

#include "sp-matrix.h"
#include "sp-project.h"
#include "sp-test-matrix.h"
#include "sp-test-util.h"

typedef struct
{
  char      *dir;
  SpProject *project;
  gint64     d1, d2, d3, d4;   /* Jan, Feb, Mar 2025 and undated */
  gint64     northland, ana, ben, southland, cy, idle;
  gint64     ceasefire, membership, toll, unused;
  gint64     ana_feb_claim;
} Fixture;

/* One sentence each, so that a suggestion can point at sentence 0 */
static gint64
add_dated (Fixture    *f,
           const char *file_name,
           const char *date,
           const char *source)
{
  return sp_test_matrix_add_dated (f->project, file_name, date, source,
                                   "The delegates of both shores met again by the old lighthouse.");
}

static gint64
actor (Fixture    *f,
       const char *name,
       gint64      affiliation)
{
  g_autoptr(GError) error = NULL;
  gint64 id = sp_project_add_actor (f->project, name, SP_ACTOR_KIND_PERSON, affiliation, NULL, &error);

  g_assert_no_error (error);
  return id;
}

static gint64
issue (Fixture    *f,
       const char *key)
{
  g_autoptr(GError) error = NULL;
  gint64 id = sp_project_add_issue (f->project, key, key, "", NULL, &error);

  g_assert_no_error (error);
  return id;
}

static gint64
claim (Fixture *f,
       gint64   document,
       gint64   who,
       gint64   what,
       int      stance)
{
  return sp_test_add_claim (f->project, document, 0, 10, who, what, stance, NULL);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SpSuggestionFields pending = { .sentence = 0, .start = 0, .end = 12, .stance = 1,
                                 .prior = 0.6, .confidence = 0.6 };

  f->dir = sp_test_make_tmpdir ();
  f->project = sp_test_new_project (f->dir, "options.standpoint");
  f->d1 = add_dated (f, "jan.txt", "2025-01-10", "Harbour Post");
  f->d2 = add_dated (f, "feb.txt", "2025-02-10", "Harbour Post");
  f->d3 = add_dated (f, "mar.txt", "2025-03-10", "River Times");
  f->d4 = add_dated (f, "undated.txt", NULL, "River Times");

  f->northland = actor (f, "Northland", 0);
  f->ana = actor (f, "Ana Berg", f->northland);
  f->ben = actor (f, "Ben Okafor", f->northland);
  f->southland = actor (f, "Southland", 0);
  f->cy = actor (f, "Cy Lund", f->southland);
  f->idle = actor (f, "Idle Observer", 0);
  f->ceasefire = issue (f, "ceasefire");
  f->membership = issue (f, "membership");
  f->toll = issue (f, "toll");
  f->unused = issue (f, "unused");

  /* Ana repeats herself in January, then turns in February */
  claim (f, f->d1, f->ana, f->ceasefire, 2);
  claim (f, f->d1, f->ana, f->ceasefire, 2);
  claim (f, f->d1, f->ana, f->ceasefire, 2);
  f->ana_feb_claim = claim (f, f->d2, f->ana, f->ceasefire, -1);
  claim (f, f->d3, f->ana, f->membership, 0);
  claim (f, f->d3, f->ben, f->ceasefire, 1);
  claim (f, f->d1, f->ben, f->toll, -1);
  claim (f, f->d3, f->ben, f->toll, 2);
  claim (f, f->d3, f->ben, f->toll, 2);
  claim (f, f->d1, f->cy, f->membership, -2);
  claim (f, f->d4, f->cy, f->membership, -1);

  pending.actor_id = f->cy;
  pending.issue_id = f->toll;
  g_assert_true (sp_project_replace_suggestions (f->project, f->d2, &pending, 1, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->project);
  sp_test_remove_tree (f->dir);
  g_free (f->dir);
}

static SpMatrix *
compute (Fixture         *f,
         SpMatrixOptions *options)
{
  g_autoptr(GError) error = NULL;
  SpMatrix *matrix = sp_matrix_compute_with_options (f->project, options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (matrix);
  return matrix;
}

/* The cell of @row_id × @column_id; fails the test when either is not in the matrix */
static SpMatrixCellInfo
cell (SpMatrix *matrix,
      gint64    row_id,
      gint64    column_id)
{
  SpMatrixCellInfo info;
  guint r, c;

  g_assert_true (sp_matrix_find_row (matrix, row_id, &r));
  g_assert_true (sp_matrix_find_column (matrix, column_id, &c));
  sp_matrix_get_cell_info (matrix, r, c, &info);
  return info;
}

static double
score (Fixture           *f,
       SpMatrixAggregate  aggregate,
       SpMatrixUnit       unit,
       gint64             row_id,
       gint64             column_id)
{
  g_autoptr(SpMatrixOptions) options = sp_matrix_options_new ();
  g_autoptr(SpMatrix) matrix = NULL;

  sp_matrix_options_set_aggregate (options, aggregate);
  sp_matrix_options_set_unit (options, unit);
  matrix = compute (f, options);
  return cell (matrix, row_id, column_id).score;
}

static void
test_aggregates (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(SpMatrixOptions) options = sp_matrix_options_new ();
  g_autoptr(SpMatrix) matrix = compute (f, options);
  SpMatrixCellInfo info = cell (matrix, f->ana, f->ceasefire);
  char date[SP_MATRIX_DATE_TEXT_SIZE];

  /* Mean per claim: (2 + 2 + 2 − 1) / 4 */
  g_assert_cmpfloat_with_epsilon (info.score, 1.25, 1e-9);
  g_assert_cmpuint (info.n_claims, ==, 4);
  g_assert_cmpuint (info.n_support, ==, 3);
  g_assert_cmpuint (info.n_oppose, ==, 1);
  g_assert_cmpuint (info.n_neutral, ==, 0);
  g_assert_cmpuint (info.n_documents, ==, 2);
  g_assert_cmpuint (info.flags, ==, SP_MATRIX_CELL_DISAGREEMENT);
  sp_matrix_format_date (info.first_date, date);
  g_assert_cmpstr (date, ==, "2025-01-10");
  sp_matrix_format_date (info.last_date, date);
  g_assert_cmpstr (date, ==, "2025-02-10");

  info = cell (matrix, f->ana, f->membership);
  g_assert_cmpfloat (info.score, ==, 0.0);
  g_assert_cmpuint (info.n_neutral, ==, 1);
  g_assert_cmpuint (info.flags, ==, 0);

  /* Per document, January's three claims are one vote of 2: (2 − 1) / 2 */
  g_assert_cmpfloat_with_epsilon (score (f, SP_MATRIX_AGGREGATE_MEAN, SP_MATRIX_UNIT_DOCUMENT, f->ana, f->ceasefire), 0.5, 1e-9);
  /* Latest: February's claim, either way */
  g_assert_cmpfloat (score (f, SP_MATRIX_AGGREGATE_LATEST, SP_MATRIX_UNIT_CLAIM, f->ana, f->ceasefire), ==, -1);
  g_assert_cmpfloat (score (f, SP_MATRIX_AGGREGATE_LATEST, SP_MATRIX_UNIT_DOCUMENT, f->ana, f->ceasefire), ==, -1);
  /* Majority per claim: three supports against one; per document one against one, no majority */
  g_assert_cmpfloat (score (f, SP_MATRIX_AGGREGATE_MAJORITY, SP_MATRIX_UNIT_CLAIM, f->ana, f->ceasefire), ==, 2);
  g_assert_cmpfloat (score (f, SP_MATRIX_AGGREGATE_MAJORITY, SP_MATRIX_UNIT_DOCUMENT, f->ana, f->ceasefire), ==, 0);
  /* Latest puts undated claims first: Cy's dated −2 is the latest, not the undated −1 */
  g_assert_cmpfloat (score (f, SP_MATRIX_AGGREGATE_LATEST, SP_MATRIX_UNIT_CLAIM, f->cy, f->membership), ==, -2);
  /* Ben's toll per document: January −1, March (2 + 2) / 2 = 2: mean 0.5 and no majority;
   * per claim two supports against one */
  g_assert_cmpfloat_with_epsilon (score (f, SP_MATRIX_AGGREGATE_MEAN, SP_MATRIX_UNIT_DOCUMENT, f->ben, f->toll), 0.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (score (f, SP_MATRIX_AGGREGATE_MEAN, SP_MATRIX_UNIT_CLAIM, f->ben, f->toll), 1.0, 1e-9);
  g_assert_cmpfloat (score (f, SP_MATRIX_AGGREGATE_MAJORITY, SP_MATRIX_UNIT_DOCUMENT, f->ben, f->toll), ==, 0);
  g_assert_cmpfloat (score (f, SP_MATRIX_AGGREGATE_MAJORITY, SP_MATRIX_UNIT_CLAIM, f->ben, f->toll), ==, 2);

  g_assert_cmpuint (sp_matrix_get_n_claims (matrix), ==, 11);
  g_assert_cmpuint (sp_matrix_get_n_documents (matrix), ==, 4);
  g_assert_cmpuint (sp_matrix_get_n_undated (matrix), ==, 0);
}

static void
test_hide_empty (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(SpMatrixOptions) options = sp_matrix_options_new ();
  g_autoptr(SpMatrix) hidden = compute (f, options);
  g_autoptr(SpMatrix) all = NULL;
  g_autoptr(SpMatrix) old = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (sp_matrix_options_get_hide_empty (options));
  g_assert_false (sp_matrix_find_row (hidden, f->idle, NULL));
  g_assert_false (sp_matrix_find_row (hidden, f->northland, NULL));
  g_assert_false (sp_matrix_find_column (hidden, f->unused, NULL));
  g_assert_cmpuint (sp_matrix_get_n_rows (hidden), ==, 3);
  g_assert_cmpuint (sp_matrix_get_n_columns (hidden), ==, 3);
  g_assert_cmpstr (sp_matrix_get_row_label (hidden, 0), ==, "Ana Berg");

  sp_matrix_options_set_hide_empty (options, FALSE);
  all = compute (f, options);
  g_assert_cmpuint (sp_matrix_get_n_rows (all), ==, 6);
  g_assert_cmpuint (sp_matrix_get_n_columns (all), ==, 4);
  g_assert_true (sp_matrix_find_row (all, f->idle, NULL));

  /* sp_matrix_compute() keeps every row and column, as it always did */
  old = sp_matrix_compute (f->project, SP_MATRIX_LEVEL_ACTOR, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sp_matrix_get_n_rows (old), ==, 6);
  g_assert_cmpuint (sp_matrix_get_n_columns (old), ==, 4);
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(SpMatrixOptions) options = sp_matrix_options_new ();
  g_autoptr(GError) error = NULL;
  const char *river[] = { "River Times", NULL };
  gint64 only_jan[] = { f->d1 };
  gint64 only_ana[] = { f->ana };
  gint64 only_toll[] = { f->toll };

  /* From February: Ana's January claims and Cy's undated one are out */
  g_assert_true (sp_matrix_options_set_date_range (options, "2025-02-01", NULL, &error));
  {
    g_autoptr(SpMatrix) matrix = compute (f, options);

    g_assert_cmpfloat (cell (matrix, f->ana, f->ceasefire).score, ==, -1);
    g_assert_cmpuint (sp_matrix_get_n_undated (matrix), ==, 1);
    g_assert_false (sp_matrix_find_row (matrix, f->cy, NULL));
    g_assert_cmpuint (sp_matrix_get_n_claims (matrix), ==, 5);
  }

  /* As of January: only January */
  g_assert_true (sp_matrix_options_set_date_range (options, NULL, "2025-01-31", &error));
  {
    g_autoptr(SpMatrix) matrix = compute (f, options);

    g_assert_cmpfloat (cell (matrix, f->ana, f->ceasefire).score, ==, 2);
    g_assert_cmpfloat (cell (matrix, f->cy, f->membership).score, ==, -2);
    g_assert_cmpuint (sp_matrix_get_n_undated (matrix), ==, 1);
    g_assert_cmpuint (sp_matrix_get_n_documents (matrix), ==, 1);
  }

  /* Bad ranges change nothing */
  g_assert_false (sp_matrix_options_set_date_range (options, "2025-03-01", "2025-02-01", &error));
  g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sp_matrix_options_set_date_range (options, "2025-02-30", NULL, &error));
  g_clear_error (&error);
  g_assert_false (sp_matrix_options_set_date_range (options, "March", NULL, &error));
  g_clear_error (&error);
  g_assert_cmpstr (sp_matrix_options_get_date_to (options), ==, "2025-01-31");
  g_assert_true (sp_matrix_options_set_date_range (options, NULL, NULL, &error));

  /* Sources: the undated document counts without a date filter */
  sp_matrix_options_set_sources (options, river);
  {
    g_autoptr(SpMatrix) matrix = compute (f, options);

    g_assert_cmpfloat (cell (matrix, f->cy, f->membership).score, ==, -1);
    g_assert_cmpuint (sp_matrix_get_n_claims (matrix), ==, 5);
    g_assert_cmpuint (sp_matrix_get_n_undated (matrix), ==, 0);
  }
  sp_matrix_options_set_sources (options, NULL);

  sp_matrix_options_set_document_ids (options, only_jan, 1);
  {
    g_autoptr(SpMatrix) matrix = compute (f, options);

    g_assert_cmpuint (sp_matrix_get_n_claims (matrix), ==, 5);
    g_assert_cmpuint (sp_matrix_get_n_documents (matrix), ==, 1);
  }
  sp_matrix_options_set_document_ids (options, NULL, 0);

  sp_matrix_options_set_actor_ids (options, only_ana, 1);
  sp_matrix_options_set_issue_ids (options, only_toll, 1);
  {
    g_autoptr(SpMatrix) matrix = compute (f, options);

    /* Ana has no toll claim: nothing is left */
    g_assert_cmpuint (sp_matrix_get_n_rows (matrix), ==, 0);
    g_assert_cmpuint (sp_matrix_get_n_columns (matrix), ==, 0);
    g_assert_cmpuint (sp_matrix_get_n_claims (matrix), ==, 0);
  }
  sp_matrix_options_set_issue_ids (options, NULL, 0);
  {
    g_autoptr(SpMatrix) matrix = compute (f, options);

    g_assert_cmpuint (sp_matrix_get_n_rows (matrix), ==, 1);
    g_assert_cmpuint (sp_matrix_get_n_claims (matrix), ==, 5);
  }
}

static void
test_pending (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(SpMatrixOptions) options = sp_matrix_options_new ();
  g_autoptr(SpMatrix) without = compute (f, options);
  g_autoptr(SpMatrix) with = NULL;
  SpMatrixCellInfo info;
  const SpMatrixEvidence *evidence;
  guint r, c, n;

  g_assert_true (sp_matrix_find_row (without, f->cy, &r));
  g_assert_true (sp_matrix_find_column (without, f->toll, &c));
  g_assert_false (sp_matrix_get_cell_info (without, r, c, &info));
  g_assert_cmpuint (sp_matrix_get_n_pending (without), ==, 0);

  sp_matrix_options_set_include_suggestions (options, TRUE);
  with = compute (f, options);
  info = cell (with, f->cy, f->toll);
  g_assert_cmpuint (info.n_claims, ==, 1);
  g_assert_cmpuint (info.n_pending, ==, 1);
  g_assert_cmpuint (info.flags, ==, SP_MATRIX_CELL_PENDING);
  g_assert_cmpfloat (info.score, ==, 1);
  g_assert_cmpuint (sp_matrix_get_n_pending (with), ==, 1);
  g_assert_cmpuint (sp_matrix_get_n_claims (with), ==, 12);

  g_assert_true (sp_matrix_find_row (with, f->cy, &r));
  g_assert_true (sp_matrix_find_column (with, f->toll, &c));
  evidence = sp_matrix_get_cell_evidence (with, r, c, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_true (evidence[0].pending);
  g_assert_cmpint (evidence[0].document_id, ==, f->d2);
}

static void
test_groups (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(SpMatrixOptions) options = sp_matrix_options_new ();
  gint64 expanded[] = { f->northland };

  sp_matrix_options_set_level (options, SP_MATRIX_LEVEL_GROUP);
  {
    g_autoptr(SpMatrix) matrix = compute (f, options);

    g_assert_cmpuint (sp_matrix_get_n_rows (matrix), ==, 2);
    g_assert_cmpstr (sp_matrix_get_row_label (matrix, 0), ==, "Northland");
    g_assert_cmpstr (sp_matrix_get_row_label (matrix, 1), ==, "Southland");
    /* Ana's four claims and Ben's one: (6 − 1 + 1) / 5 */
    g_assert_cmpfloat_with_epsilon (cell (matrix, f->northland, f->ceasefire).score, 1.2, 1e-9);
    g_assert_cmpuint (cell (matrix, f->northland, f->ceasefire).n_claims, ==, 5);
  }

  /* Northland expanded: its members in its place, before Southland */
  sp_matrix_options_set_expanded_groups (options, expanded, 1);
  {
    g_autoptr(SpMatrix) matrix = compute (f, options);

    g_assert_cmpuint (sp_matrix_get_n_rows (matrix), ==, 3);
    g_assert_cmpstr (sp_matrix_get_row_label (matrix, 0), ==, "Ana Berg");
    g_assert_cmpstr (sp_matrix_get_row_label (matrix, 1), ==, "Ben Okafor");
    g_assert_cmpstr (sp_matrix_get_row_label (matrix, 2), ==, "Southland");
    g_assert_cmpint (sp_matrix_get_row_group_id (matrix, 0), ==, f->northland);
    g_assert_cmpint (sp_matrix_get_row_group_id (matrix, 2), ==, 0);
    g_assert_cmpfloat_with_epsilon (cell (matrix, f->ana, f->ceasefire).score, 1.25, 1e-9);
  }

  /* With activity order the block moves as one: Northland's members have 9 claims */
  sp_matrix_options_set_order (options, SP_MATRIX_ORDER_ACTIVITY);
  {
    g_autoptr(SpMatrix) matrix = compute (f, options);

    g_assert_cmpstr (sp_matrix_get_row_label (matrix, 0), ==, "Ana Berg");
    g_assert_cmpstr (sp_matrix_get_row_label (matrix, 1), ==, "Ben Okafor");
    g_assert_cmpstr (sp_matrix_get_row_label (matrix, 2), ==, "Southland");
  }
}

static void
test_evidence_and_changes (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(SpMatrixOptions) options = sp_matrix_options_new ();
  g_autoptr(SpMatrix) matrix = compute (f, options);
  g_autoptr(SpMatrix) later = NULL;
  g_autoptr(GArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  const SpMatrixEvidence *evidence;
  SpMatrixChange *change;
  guint r, c, n;

  g_assert_true (sp_matrix_find_row (matrix, f->ana, &r));
  g_assert_true (sp_matrix_find_column (matrix, f->ceasefire, &c));
  evidence = sp_matrix_get_cell_evidence (matrix, r, c, &n);
  g_assert_cmpuint (n, ==, 4);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpuint (evidence[i].date, ==, 20250110);
      g_assert_cmpint (evidence[i].stance, ==, 2);
      g_assert_cmpint (evidence[i].actor_id, ==, f->ana);
      g_assert_true (i == 0 || evidence[i].id > evidence[i - 1].id);
    }
  g_assert_cmpuint (evidence[3].date, ==, 20250210);
  g_assert_cmpint (evidence[3].id, ==, f->ana_feb_claim);

  /* Ben's toll: −1 as of February, +1 as of March; Ana's ceasefire stays positive */
  changes = sp_matrix_compute_changes (f->project, options, "2025-02-28", "2025-03-31", &later, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 1);
  change = &g_array_index (changes, SpMatrixChange, 0);
  g_assert_cmpint (sp_matrix_get_row_id (later, change->row), ==, f->ben);
  g_assert_cmpint (sp_matrix_get_column_id (later, change->column), ==, f->toll);
  g_assert_cmpfloat (change->before, ==, -1);
  g_assert_cmpfloat (change->after, ==, 1);

  g_clear_pointer (&changes, g_array_unref);
  changes = sp_matrix_compute_changes (f->project, options, "2025-02-31", "2025-03-31", NULL, &error);
  g_assert_null (changes);
  g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID);
}

static char *
row_order (SpMatrix *matrix)
{
  GString *order = g_string_new (NULL);

  for (guint r = 0; r < sp_matrix_get_n_rows (matrix); r++)
    g_string_append_printf (order, "%s%s", r > 0 ? "|" : "", sp_matrix_get_row_label (matrix, r));
  g_string_append (order, " / ");
  for (guint c = 0; c < sp_matrix_get_n_columns (matrix); c++)
    g_string_append_printf (order, "%s%s", c > 0 ? "|" : "", sp_matrix_get_column_key (matrix, c));

  return g_string_free (order, FALSE);
}

static void
test_activity_order (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(SpMatrixOptions) options = sp_matrix_options_new ();
  g_autoptr(SpMatrix) alpha = compute (f, options);
  g_autoptr(SpMatrix) activity = NULL;
  g_autofree char *alpha_order = row_order (alpha);
  g_autofree char *activity_order = NULL;

  g_assert_cmpstr (alpha_order, ==, "Ana Berg|Ben Okafor|Cy Lund / ceasefire|membership|toll");

  /* Three more claims of Cy: Ana 5 and Cy 5 (the name breaks the tie), Ben 4; membership 6,
   * ceasefire 5, toll 3 */
  for (guint i = 0; i < 3; i++)
    claim (f, f->d2, f->cy, f->membership, -2);
  sp_matrix_options_set_order (options, SP_MATRIX_ORDER_ACTIVITY);
  activity = compute (f, options);
  activity_order = row_order (activity);
  g_assert_cmpstr (activity_order, ==, "Ana Berg|Cy Lund|Ben Okafor / membership|ceasefire|toll");

  /* The cells follow their rows and columns */
  g_assert_cmpfloat_with_epsilon (cell (activity, f->ana, f->ceasefire).score, 1.25, 1e-9);
  g_assert_cmpfloat (cell (activity, f->ben, f->toll).n_claims, ==, 3);
}

/* Two camps whose names alternate alphabetically, on issues whose codebook order alternates
 * too: similarity puts each camp, and each pair of issues, together */
static void
test_similarity_order (void)
{
  g_autofree char *dir = sp_test_make_tmpdir ();
  g_autoptr(SpProject) project = sp_test_new_project (dir, "camps.standpoint");
  g_autoptr(SpMatrixOptions) options = sp_matrix_options_new ();
  g_autoptr(GError) error = NULL;
  static const char * const names[] = { "Alder", "Birch", "Cedar", "Dogwood", "Elm", "Fir" };
  static const char * const keys[] = { "north-a", "south-a", "north-b", "south-b" };
  /* issues in codebook order north-a, south-a, north-b, south-b; hawks back the north ones */
  static const int stances[6][4] = {
    { 2, -2, 2, -1 },   /* Alder: hawk */
    { -2, 2, -1, 2 },   /* Birch: dove */
    { 2, -1, 1, -2 },   /* Cedar: hawk */
    { -1, 2, -2, 2 },   /* Dogwood: dove */
    { 1, -2, 2, -2 },   /* Elm: hawk */
    { -2, 1, -2, 1 },   /* Fir: dove */
  };
  gint64 issues[4];
  gint64 document = sp_test_add_document (project, "camps.txt", "Camps", "The two camps spoke.");
  g_autofree char *first = NULL;

  for (guint i = 0; i < 4; i++)
    {
      issues[i] = sp_project_add_issue (project, keys[i], keys[i], "", NULL, &error);
      g_assert_no_error (error);
    }
  for (guint a = 0; a < 6; a++)
    {
      gint64 id = sp_project_add_actor (project, names[a], SP_ACTOR_KIND_PERSON, 0, NULL, &error);

      g_assert_no_error (error);
      for (guint i = 0; i < 4; i++)
        sp_test_add_claim (project, document, 0, 3, id, issues[i], stances[a][i], NULL);
    }

  sp_matrix_options_set_order (options, SP_MATRIX_ORDER_SIMILARITY);
  for (guint run = 0; run < 3; run++)
    {
      g_autoptr(SpMatrix) matrix = sp_matrix_compute_with_options (project, options, &error);
      g_autofree char *order = NULL;
      guint hawks_seen = 0;
      gboolean hawk_first;

      g_assert_no_error (error);
      order = row_order (matrix);
      if (first == NULL)
        first = g_strdup (order);
      g_assert_cmpstr (order, ==, first);   /* the same on every run */

      /* The first three rows are one camp, the last three the other */
      hawk_first = strchr ("ACE", sp_matrix_get_row_label (matrix, 0)[0]) != NULL;
      for (guint r = 0; r < 3; r++)
        if ((strchr ("ACE", sp_matrix_get_row_label (matrix, r)[0]) != NULL) == hawk_first)
          hawks_seen++;
      g_assert_cmpuint (hawks_seen, ==, 3);

      /* north-a next to north-b, south-a next to south-b */
      for (guint c = 0; c + 1 < 4; c += 2)
        g_assert_cmpint (sp_matrix_get_column_key (matrix, c)[0], ==, sp_matrix_get_column_key (matrix, c + 1)[0]);
    }
  g_test_message ("similarity order: %s", first);

  g_clear_object (&project);
  sp_test_remove_tree (dir);
}

static void
test_option_strings (void)
{
  g_autoptr(SpMatrixOptions) a = sp_matrix_options_new ();
  g_autoptr(SpMatrixOptions) b = NULL;
  SpMatrixAggregate aggregate;
  SpMatrixUnit unit;
  SpMatrixOrder order;
  gint64 ids[] = { 5, 3, 5, 1 };
  const gint64 *kept;
  guint n;

  g_assert_true (sp_matrix_aggregate_from_string ("majority", &aggregate));
  g_assert_cmpint (aggregate, ==, SP_MATRIX_AGGREGATE_MAJORITY);
  g_assert_false (sp_matrix_aggregate_from_string ("median", &aggregate));
  g_assert_true (sp_matrix_unit_from_string ("document", &unit));
  g_assert_cmpint (unit, ==, SP_MATRIX_UNIT_DOCUMENT);
  g_assert_true (sp_matrix_order_from_string ("similarity", &order));
  g_assert_cmpstr (sp_matrix_order_to_string (SP_MATRIX_ORDER_ACTIVITY), ==, "activity");
  g_assert_false (sp_matrix_order_from_string (NULL, &order));

  sp_matrix_options_set_actor_ids (a, ids, G_N_ELEMENTS (ids));
  kept = sp_matrix_options_get_actor_ids (a, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpint (kept[0], ==, 1);
  g_assert_cmpint (kept[2], ==, 5);

  b = sp_matrix_options_copy (a);
  g_assert_true (sp_matrix_options_equal (a, b));
  sp_matrix_options_set_title (b, "Title");
  g_assert_false (sp_matrix_options_equal (a, b));
  sp_matrix_options_set_title (b, "");
  g_assert_true (sp_matrix_options_equal (a, b));
  sp_matrix_options_set_actor_ids (b, ids, 0);
  g_assert_false (sp_matrix_options_equal (a, b));   /* an empty filter is not "no filter" */
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/matrix-options/aggregates", test_aggregates);
  ADD ("/matrix-options/hide-empty", test_hide_empty);
  ADD ("/matrix-options/filters", test_filters);
  ADD ("/matrix-options/pending", test_pending);
  ADD ("/matrix-options/groups", test_groups);
  ADD ("/matrix-options/evidence-and-changes", test_evidence_and_changes);
  ADD ("/matrix-options/activity-order", test_activity_order);
  g_test_add_func ("/matrix-options/similarity-order", test_similarity_order);
  g_test_add_func ("/matrix-options/strings", test_option_strings);

  return g_test_run ();
}
