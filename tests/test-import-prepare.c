/* test-import-prepare.c
 *
 * What the import makes of each article besides its text: sentences, a fingerprint and the
 * document it nearly repeats (in the same import or an earlier one), how its title and date
 * were found, and the counts of recurring lines the cleaning is given. The articles are
 * made-up words from a seeded generator, so that stories differ in wording as real ones do.
 */
#include "config.h"

#include <string.h>

#include "import-test-util.h"
#include "sp-import-pipeline.h"
#include "sp-sentences.h"
#include "sp-text-cleaner.h"

static const char * const syllables[] = {
  "ka", "lo", "mi", "ne", "ra", "to", "vu", "sel", "mar", "dun", "tre", "pol", "an", "is",
};

/* Six paragraphs of about fifty made-up words, the same for a seed */
static char *
make_story (guint32 seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  GString *story = g_string_new (NULL);

  for (guint paragraph = 0; paragraph < 6; paragraph++)
    {
      for (guint sentence = 0; sentence < 4; sentence++)
        {
          guint n_words = g_rand_int_range (rand, 10, 16);

          for (guint word = 0; word < n_words; word++)
            {
              guint n = g_rand_int_range (rand, 1, 4);
              gsize start = story->len;

              if (word > 0)
                g_string_append_c (story, ' ');
              start = story->len;
              for (guint i = 0; i < n; i++)
                g_string_append (story, syllables[g_rand_int_range (rand, 0, G_N_ELEMENTS (syllables))]);
              if (word == 0)
                story->str[start] = g_ascii_toupper (story->str[start]);
            }
          g_string_append (story, sentence < 3 ? ". " : ".");
        }
      g_string_append (story, "\n\n");
    }

  return g_string_free (story, FALSE);
}

static gint64
document_for (SpImportReport *report,
              const char     *name)
{
  const SpImportEntry *entry = sp_test_entry_for (report, name);

  g_assert_nonnull (entry);
  g_assert_cmpint (entry->status, ==, SP_IMPORT_STATUS_IMPORTED);
  return entry->document_id;
}

static gint64
near_duplicate_of (SpProject *project,
                   gint64     id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpDocument) document = sp_project_get_document (project, id, &error);

  g_assert_no_error (error);
  return sp_document_get_near_duplicate_of (document);
}

/* The same story under two sites' headers and footers, in one import and in a later one */
static void
test_near_duplicates (void)
{
  g_autofree char *tmp = sp_test_make_tmpdir ();
  g_autofree char *in = g_build_filename (tmp, "in", NULL);
  g_autofree char *later = g_build_filename (tmp, "later", NULL);
  g_autoptr(SpProject) project = sp_test_new_project (tmp, "test.standpoint");
  g_autofree char *story = make_story (1);
  g_autofree char *other = make_story (2);
  g_autofree char *first = g_strconcat ("Talks resume\nBy Staff\n17 August 2025\n\n", story,
                                        "Share this article\n", NULL);
  g_autofree char *second = g_strconcat ("WORLD | EUROPE\nTalks resume again\n\n", story,
                                         "Reporting by the desk; editing by another desk\n",
                                         NULL);
  g_autofree char *unrelated = g_strconcat ("Something else\n\n", other, NULL);
  g_autofree char *third = g_strconcat ("Talks\n\n", story, "Comments (3)\n", NULL);
  g_autoptr(SpImportReport) report = NULL;
  g_autoptr(SpImportReport) later_report = NULL;
  gint64 a, b, c, d;

  g_free (sp_test_write_file (in, "a.txt", first, -1));
  g_free (sp_test_write_file (in, "b.txt", second, -1));
  g_free (sp_test_write_file (in, "c.md", unrelated, -1));
  g_free (sp_test_write_file (later, "d.txt", third, -1));

  report = sp_test_import_path (project, in);
  a = document_for (report, "a.txt");
  b = document_for (report, "b.txt");
  c = document_for (report, "c.md");

  g_assert_cmpint (near_duplicate_of (project, a), ==, 0);
  g_assert_cmpint (near_duplicate_of (project, b), ==, a);
  g_assert_cmpint (near_duplicate_of (project, c), ==, 0);

  later_report = sp_test_import_path (project, later);
  d = document_for (later_report, "d.txt");
  g_assert_cmpint (near_duplicate_of (project, d), ==, a);

  sp_test_remove_tree (tmp);
}

/* The sentences stored are the splitter's, over the body stored; the date's origin is kept */
static void
test_sentences_and_metadata (void)
{
  g_autofree char *tmp = sp_test_make_tmpdir ();
  g_autofree char *in = g_build_filename (tmp, "in", NULL);
  g_autoptr(SpProject) project = sp_test_new_project (tmp, "test.standpoint");
  g_autoptr(SpSentenceSplitter) splitter = NULL;
  g_autoptr(SpImportReport) report = NULL;
  g_autoptr(SpDocument) document = NULL;
  g_autoptr(GArray) expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree guint32 *sentences = NULL;
  g_autofree char *body = NULL;
  guint n_pairs = 0;
  gint64 id;

  g_free (sp_test_write_file (in, "talks.txt",
                              "Talks resume in Istanbul\nMay 16, 2025\n\n"
                              "The U.S. envoy met Gen. Ivo Marsh on Dec. 9 in the palace. "
                              "“Is this the end?” asked J. D. Vance. Nobody answered…\n\n"
                              "The next round is due in June.\n", -1));
  report = sp_test_import_path (project, in);
  id = document_for (report, "talks.txt");

  document = sp_project_get_document (project, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sp_document_get_date_source (document), ==, SP_DATE_SOURCE_DATELINE);
  g_assert_cmpstr (sp_document_get_date (document), ==, "2025-05-16");
  g_assert_cmpint (sp_document_get_title_kind (document), ==, SP_TITLE_KIND_HEADLINE);

  body = sp_project_dup_document_body (project, id, &error);
  g_assert_no_error (error);
  sentences = sp_project_dup_document_sentences (project, id, &n_pairs, &error);
  g_assert_no_error (error);

  splitter = sp_sentence_splitter_new (&error);
  g_assert_no_error (error);
  expected = sp_sentence_splitter_split (splitter, body, strlen (body));

  g_assert_cmpuint (n_pairs, >=, 4);
  g_assert_cmpuint (n_pairs * 2, ==, expected->len);
  g_assert_cmpmem (sentences, n_pairs * 2 * sizeof (guint32), expected->data,
                   expected->len * sizeof (guint32));

  sp_test_remove_tree (tmp);
}

/* A batch's counts: the project's documents holding a line, and the import's not written
 * yet, the article itself among them */
static SpReadFile *
make_read (const char *body,
           gboolean    clean)
{
  SpReadFile *read = g_new0 (SpReadFile, 1);

  read->article = sp_article_new ();
  read->article->body = g_strdup (body);
  read->clean = clean;
  read->line_hashes = sp_text_line_hashes (body);
  return read;
}

static void
test_line_counts (void)
{
  g_autofree char *tmp = sp_test_make_tmpdir ();
  g_autoptr(SpProject) project = sp_test_new_project (tmp, "test.standpoint");
  g_autoptr(SpLineCounts) unwritten = _sp_line_counts_new ();
  g_autoptr(GPtrArray) first = g_ptr_array_new_with_free_func ((GDestroyNotify)_sp_read_file_free);
  g_autoptr(GPtrArray) second = g_ptr_array_new_with_free_func ((GDestroyNotify)_sp_read_file_free);
  g_autoptr(SpBatchCounts) first_counts = NULL;
  g_autoptr(SpBatchCounts) second_counts = NULL;
  g_autoptr(GError) error = NULL;
  guint64 share = sp_text_line_hash ("Share this article", strlen ("Share this article"));
  guint64 own = sp_text_line_hash ("Only here", strlen ("Only here"));
  g_autofree char *in = g_build_filename (tmp, "in", NULL);

  /* Two documents of the project hold the line */
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *name = g_strdup_printf ("%u.txt", i);
      g_autofree char *text = g_strdup_printf ("Note %u\n\nThe council met.\nShare this article\n", i);

      g_free (sp_test_write_file (in, name, text, -1));
    }
  g_clear_pointer (&in, g_free);
  {
    g_autofree char *dir = g_build_filename (tmp, "in", NULL);
    g_autoptr(SpImportReport) report = sp_test_import_path (project, dir);

    g_assert_cmpuint (sp_import_report_get_n_imported (report), ==, 2);
  }

  g_ptr_array_add (first, make_read ("Item\nShare this article\nOnly here", TRUE));
  g_ptr_array_add (first, make_read ("Other\nShare this article", FALSE));
  first_counts = _sp_batch_counts_new (project, first, unwritten, &error);
  g_assert_no_error (error);
  /* Two in the project, two in the batch */
  g_assert_cmpuint (_sp_batch_counts_get (first_counts, share), ==, 4);
  g_assert_cmpuint (_sp_batch_counts_get (first_counts, own), ==, 1);

  /* The first batch is not written yet when the next one is counted */
  g_ptr_array_add (second, make_read ("Third\nShare this article", TRUE));
  second_counts = _sp_batch_counts_new (project, second, unwritten, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (_sp_batch_counts_get (second_counts, share), ==, 5);

  /* Once written, the first batch's lines count in the project, not twice */
  for (guint i = 0; i < first->len; i++)
    _sp_line_counts_add (unwritten, ((SpReadFile *)g_ptr_array_index (first, i))->line_hashes, -1);
  g_assert_cmpuint (_sp_line_counts_get (unwritten, share), ==, 1);
  g_assert_cmpuint (_sp_line_counts_get (unwritten, own), ==, 0);

  sp_test_remove_tree (tmp);
}

/* Many counts: the table grows, and counts that fell to nothing are dropped on the way */
static void
test_line_counts_grow (void)
{
  g_autoptr(SpLineCounts) counts = _sp_line_counts_new ();
  g_autoptr(GArray) hashes = g_array_new (FALSE, FALSE, sizeof (guint64));

  for (guint64 i = 1; i <= 100000; i++)
    g_array_append_val (hashes, i);

  _sp_line_counts_add (counts, hashes, 2);
  _sp_line_counts_add (counts, hashes, -1);
  _sp_line_counts_add (counts, hashes, -1);
  _sp_line_counts_add (counts, hashes, -1);
  g_assert_cmpuint (_sp_line_counts_get (counts, 77), ==, 0);

  _sp_line_counts_add (counts, hashes, 3);
  for (guint64 i = 1; i <= 100000; i += 997)
    g_assert_cmpuint (_sp_line_counts_get (counts, i), ==, 3);
  g_assert_cmpuint (_sp_line_counts_get (counts, 100001), ==, 0);
  g_assert_cmpuint (_sp_line_counts_get (counts, 0), ==, 0);
}

static gboolean
body_has (SpProject      *project,
          SpImportReport *report,
          const char     *name,
          const char     *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *body = sp_project_dup_document_body (project, document_for (report, name),
                                                        &error);

  g_assert_no_error (error);
  return strstr (body, text) != NULL;
}

/* A line that other documents hold too (site furniture) is cleaned out: the others are
 * counted in the same import and in the project, and an article does not count itself */
static void
test_furniture_counts (void)
{
  g_autofree char *tmp = sp_test_make_tmpdir ();
  g_autoptr(SpProject) project = sp_test_new_project (tmp, "test.standpoint");
  const char *furniture = "Most read | World | Business";
  g_autoptr(SpImportReport) pair = NULL;
  g_autoptr(SpImportReport) third = NULL;
  g_autoptr(SpImportReport) trio = NULL;
  g_autofree char *pair_dir = g_build_filename (tmp, "pair", NULL);
  g_autofree char *third_dir = g_build_filename (tmp, "third", NULL);
  g_autofree char *trio_dir = g_build_filename (tmp, "trio", NULL);

  for (guint i = 0; i < 6; i++)
    {
      const char *dir = i < 2 ? pair_dir : i < 3 ? third_dir : trio_dir;
      g_autofree char *name = g_strdup_printf ("%u.txt", i);
      g_autofree char *story = make_story (200 + i);
      g_autofree char *text = g_strdup_printf ("Headline number %u\n\n%s%s\n", i, story, furniture);

      g_free (sp_test_write_file (dir, name, text, -1));
    }

  /* Two articles: each has one other holding the line, which is not enough */
  pair = sp_test_import_path (project, pair_dir);
  g_assert_true (body_has (project, pair, "0.txt", furniture));
  g_assert_true (body_has (project, pair, "1.txt", furniture));

  /* A third, alone in its import: the two of the project hold the line */
  third = sp_test_import_path (project, third_dir);
  g_assert_false (body_has (project, third, "2.txt", furniture));

  /* Three in one new project: two others in the same import */
  g_clear_object (&project);
  project = sp_test_new_project (tmp, "other.standpoint");
  trio = sp_test_import_path (project, trio_dir);
  for (guint i = 3; i < 6; i++)
    {
      g_autofree char *name = g_strdup_printf ("%u.txt", i);

      g_assert_false (body_has (project, trio, name, furniture));
    }

  sp_test_remove_tree (tmp);
}

/* Files of very different sizes, read in parallel, are written in the order of their names */
static void
test_order_kept (void)
{
  g_autofree char *tmp = sp_test_make_tmpdir ();
  g_autofree char *in = g_build_filename (tmp, "in", NULL);
  g_autoptr(SpProject) project = sp_test_new_project (tmp, "test.standpoint");
  g_autoptr(SpImportReport) report = NULL;
  g_autoptr(GListModel) documents = NULL;
  g_autoptr(GError) error = NULL;
  const guint n_files = 300;

  for (guint i = 0; i < n_files; i++)
    {
      g_autofree char *name = g_strdup_printf ("%04u.txt", i);
      g_autofree char *story = make_story (100 + i);
      g_autoptr(GString) text = g_string_new (NULL);

      g_string_append_printf (text, "Note %u\n\n", i);
      /* Every seventh file is some thirty times longer */
      for (guint j = 0; j < (i % 7 == 0 ? 30 : 1); j++)
        g_string_append (text, story);
      g_free (sp_test_write_file (in, name, text->str, -1));
    }

  report = sp_test_import_path (project, in);
  g_assert_cmpuint (sp_import_report_get_n_imported (report), ==, n_files);

  documents = sp_project_list_documents (project, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n_files; i++)
    {
      g_autoptr(SpDocument) document = g_list_model_get_item (documents, i);
      g_autofree char *title = g_strdup_printf ("Note %u", i);
      const SpImportEntry *entry = sp_import_report_get_entry (report, i);

      g_assert_cmpstr (sp_document_get_title (document), ==, title);
      g_assert_cmpstr (entry->title, ==, title);
      g_assert_cmpint (entry->document_id, ==, sp_document_get_id (document));
    }

  sp_test_remove_tree (tmp);
}

/* The batches, whose ends decide which lines count as recurring for the articles in them, are
 * a fixed schedule: 32 files, then twice as many each time up to 512 */
static void
test_batch_schedule (void)
{
  guint expected[] = { 64, 128, 256, 512, 512 };
  guint size = 32;

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      size = _sp_import_next_batch_size (size);
      g_assert_cmpuint (size, ==, expected[i]);
    }
  g_assert_cmpuint (_sp_import_next_batch_size (1), ==, 32);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/prepare/near-duplicates", test_near_duplicates);
  g_test_add_func ("/import/prepare/sentences-and-metadata", test_sentences_and_metadata);
  g_test_add_func ("/import/prepare/line-counts", test_line_counts);
  g_test_add_func ("/import/prepare/furniture-counts", test_furniture_counts);
  g_test_add_func ("/import/prepare/line-counts-grow", test_line_counts_grow);
  g_test_add_func ("/import/prepare/order-kept", test_order_kept);
  g_test_add_func ("/import/prepare/batch-schedule", test_batch_schedule);

  return g_test_run ();
}
