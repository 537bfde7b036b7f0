/* test-suggest-pass.c
 *
 * The suggestion pass around the engine: what it stores, how the learnt model scores it,
 * decisions kept across passes, discovered speakers, progress, cancellation and the worker
 * thread. The engine here is a small one of the test's own, with the engine's interface
 * (sp-suggest-engine.h): a sentence that names an actor and an issue key is that actor's
 * claim on that issue, "not" makes it against, and a capitalised "Envoy NAME" is a speaker
 * the codebook lacks. The pass's work, not the engine's judgement, is under test.
 */
#include "config.h"

#include <string.h>

#include "sp-project-private.h"
#include "sp-suggest-engine.h"
#include "sp-suggest-pass.h"
#include "sp-test-util.h"

/* The test's engine */

struct _SpSuggestLexicons { int unused; };
struct _SpSuggestCodebook { GPtrArray *actors; GPtrArray *issues; };   /* (id, name) pairs as strings */
struct _SpSuggestEngine { SpSuggestCodebook *codebook; SpSuggestLexicons *lexicons; };

typedef struct { gint64 id; char *name; } Entry;

static void
entry_free (Entry *e)
{
  g_free (e->name);
  g_free (e);
}

SpSuggestLexicons *
sp_suggest_lexicons_load (const char  *language,
                          GError     **error)
{
  return g_new0 (SpSuggestLexicons, 1);
}

void
sp_suggest_lexicons_free (SpSuggestLexicons *lexicons)
{
  g_free (lexicons);
}

SpSuggestCodebook *
sp_suggest_codebook_new_from_project (SpProject  *project,
                                      GError    **error)
{
  g_autoptr(GListModel) actors = sp_project_list_actors (project, error);
  g_autoptr(GListModel) issues = sp_project_list_issues (project, error);
  SpSuggestCodebook *codebook;

  if (actors == NULL || issues == NULL)
    return NULL;

  codebook = g_new0 (SpSuggestCodebook, 1);
  codebook->actors = g_ptr_array_new_with_free_func ((GDestroyNotify)entry_free);
  codebook->issues = g_ptr_array_new_with_free_func ((GDestroyNotify)entry_free);
  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(SpActor) a = g_list_model_get_item (actors, i);
      Entry *e = g_new0 (Entry, 1);

      e->id = sp_actor_get_id (a);
      e->name = g_strdup (sp_actor_get_name (a));
      g_ptr_array_add (codebook->actors, e);
    }
  for (guint i = 0; i < g_list_model_get_n_items (issues); i++)
    {
      g_autoptr(SpIssue) is = g_list_model_get_item (issues, i);
      Entry *e = g_new0 (Entry, 1);

      e->id = sp_issue_get_id (is);
      e->name = g_strdup (sp_issue_get_key (is));
      g_ptr_array_add (codebook->issues, e);
    }

  return codebook;
}

void
sp_suggest_codebook_free (SpSuggestCodebook *codebook)
{
  if (codebook == NULL)
    return;
  g_ptr_array_unref (codebook->actors);
  g_ptr_array_unref (codebook->issues);
  g_free (codebook);
}

SpSuggestEngine *
sp_suggest_engine_new (SpSuggestCodebook *codebook,
                       SpSuggestLexicons *lexicons)
{
  SpSuggestEngine *engine = g_new0 (SpSuggestEngine, 1);

  engine->codebook = codebook;
  engine->lexicons = lexicons;
  return engine;
}

void
sp_suggest_engine_free (SpSuggestEngine *engine)
{
  if (engine == NULL)
    return;
  sp_suggest_codebook_free (engine->codebook);
  sp_suggest_lexicons_free (engine->lexicons);
  g_free (engine);
}

void
sp_suggest_candidate_free (SpSuggestCandidate *candidate)
{
  g_free (candidate->explanation);
  g_strfreev (candidate->features);
  g_free (candidate);
}

void
sp_suggest_speaker_free (SpSuggestSpeaker *speaker)
{
  g_free (speaker->name);
  g_free (speaker->title);
  g_free (speaker->affiliation);
  g_free (speaker);
}

void
sp_suggest_result_free (SpSuggestResult *result)
{
  g_ptr_array_unref (result->candidates);
  g_ptr_array_unref (result->speakers);
  g_free (result);
}

/* Bodies are ASCII here, so bytes are characters */
SpSuggestResult *
sp_suggest_engine_run (SpSuggestEngine *engine,
                       const char      *body,
                       const guint32   *sentences,
                       guint            n_sentences)
{
  SpSuggestResult *result = g_new0 (SpSuggestResult, 1);

  result->candidates = g_ptr_array_new_with_free_func ((GDestroyNotify)sp_suggest_candidate_free);
  result->speakers = g_ptr_array_new_with_free_func ((GDestroyNotify)sp_suggest_speaker_free);

  for (guint s = 0; s < n_sentences; s++)
    {
      g_autofree char *text = g_strndup (body + sentences[2 * s], sentences[2 * s + 1] - sentences[2 * s]);
      const char *envoy = strstr (text, "Envoy ");

      if (envoy != NULL && g_ascii_isupper (envoy[6]))
        {
          SpSuggestSpeaker *speaker = g_new0 (SpSuggestSpeaker, 1);
          const char *end = envoy + 6;

          while (g_ascii_isalpha (*end))
            end++;
          speaker->name = g_strndup (envoy + 6, end - envoy - 6);
          speaker->title = g_strdup ("envoy");
          speaker->n_mentions = 1;
          g_ptr_array_add (result->speakers, speaker);
        }

      for (guint a = 0; a < engine->codebook->actors->len; a++)
        for (guint i = 0; i < engine->codebook->issues->len; i++)
          {
            Entry *actor = g_ptr_array_index (engine->codebook->actors, a);
            Entry *issue = g_ptr_array_index (engine->codebook->issues, i);
            SpSuggestCandidate *c;
            gboolean against = strstr (text, " not ") != NULL;
            gboolean reported = strstr (text, "reportedly") != NULL;

            if (strstr (text, actor->name) == NULL || strstr (text, issue->name) == NULL)
              continue;

            c = g_new0 (SpSuggestCandidate, 1);
            c->sentence = s;
            c->start = sentences[2 * s];
            c->end = sentences[2 * s + 1];
            c->actor_id = actor->id;
            c->issue_id = issue->id;
            c->stance = against ? -1 : 1;
            c->conditional = reported;
            c->confidence = 0.5;
            c->explanation = g_strdup_printf ("%s names %s", actor->name, issue->name);
            c->features = g_new0 (char *, 3);
            c->features[0] = g_strdup (reported ? "attr:reportedly" : "attr:said");
            c->features[1] = g_strdup_printf ("kw:%s", issue->name);
            g_ptr_array_add (result->candidates, c);
          }
    }

  return result;
}

/* The tests */

typedef struct
{
  char      *dir;
  SpProject *project;
  gint64     docs[3];
  gint64     mayor;
  gint64     toll;
} Fixture;

/* A document whose sentences are its lines */
static gint64
add_document (SpProject  *project,
              const char *file_name,
              const char *body)
{
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, body, -1);
  g_autofree char *content = g_strconcat (file_name, hash, NULL);
  g_autofree char *content_hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, content, -1);
  guint32 start = 0;
  SpDocumentFields fields = { .file_name = file_name, .title = file_name, .body = body,
                              .content_hash = content_hash, .text_hash = hash };
  gint64 id;

  for (guint32 i = 0; ; i++)
    if (body[i] == '\n' || body[i] == '\0')
      {
        guint32 end = i;

        if (end > start)
          {
            g_array_append_val (pairs, start);
            g_array_append_val (pairs, end);
          }
        start = i + 1;
        if (body[i] == '\0')
          break;
      }

  fields.sentences = (const guint32 *)(gpointer)pairs->data;
  fields.n_sentences = pairs->len / 2;
  id = sp_project_add_document (project, &fields, &error);
  g_assert_no_error (error);
  return id;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = sp_test_make_tmpdir ();
  f->project = sp_test_new_project (f->dir, "pass.standpoint");
  f->mayor = sp_project_add_actor (f->project, "Mayor", SP_ACTOR_KIND_PERSON, 0, NULL, &error);
  f->toll = sp_project_add_issue (f->project, "toll", "Abolish the toll", "", NULL, &error);
  g_assert_no_error (error);
  f->docs[0] = add_document (f->project, "one.txt",
                             "The Mayor said the toll must go.\n"
                             "The Mayor reportedly wants the toll kept.\n"
                             "Envoy Halvorsen arrived late.");
  f->docs[1] = add_document (f->project, "two.txt",
                             "The Mayor does not back the toll.\n"
                             "Nobody else spoke.");
  f->docs[2] = add_document (f->project, "three.txt",
                             "The Mayor reportedly doubts the toll.\n"
                             "Envoy Halvorsen met Envoy Okafor.");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->project);
  sp_test_remove_tree (f->dir);
  g_free (f->dir);
}

static void
count_progress_cb (guint    done,
                   guint    total,
                   gpointer user_data)
{
  guint *calls = user_data;

  g_assert_cmpuint (done, <=, total);
  (*calls)++;
}

static guint
n_pending (Fixture *f,
           gint64   document)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) pending = sp_project_list_suggestions (f->project, document,
                                                               SP_SUGGESTION_STATUS_MASK (SP_SUGGESTION_STATUS_PENDING),
                                                               &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (pending);
}

/* Every document: candidates stored with their spans, explanation, features; speakers */
static void
test_pass_stores (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) one = NULL;
  g_autoptr(GPtrArray) speakers = NULL;
  g_autoptr(SpSuggestion) first = NULL;
  SpSuggestStats stats = { 0 };
  guint calls = 0;

  g_assert_true (sp_suggest_documents (f->project, NULL, 0, count_progress_cb, &calls, NULL, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (calls, ==, 3);
  g_assert_cmpuint (stats.n_documents, ==, 3);
  g_assert_cmpuint (stats.n_suggestions, ==, 4);
  g_assert_cmpuint (stats.n_speakers, ==, 2);

  one = sp_project_list_suggestions (f->project, f->docs[0], 0, &error);
  g_assert_cmpuint (g_list_model_get_n_items (one), ==, 2);
  first = g_list_model_get_item (one, 0);
  g_assert_cmpstr (sp_suggestion_get_quote (first), ==, "The Mayor said the toll must go.");
  g_assert_cmpfloat (sp_suggestion_get_confidence (first), ==, 0.5);
  g_assert_cmpstr (sp_suggestion_get_explanation (first), ==, "Mayor names toll");
  g_assert_cmpstr (sp_suggestion_get_features (first)[0], ==, "attr:said");

  speakers = sp_project_list_speakers (f->project, FALSE, &error);
  g_assert_cmpuint (speakers->len, ==, 1);
  g_assert_cmpstr (((SpDiscoveredSpeaker *)g_ptr_array_index (speakers, 0))->name, ==, "Halvorsen");
  g_assert_cmpuint (((SpDiscoveredSpeaker *)g_ptr_array_index (speakers, 0))->n_mentions, ==, 2);
}

/* Decisions teach the model: the next pass ranks the other documents' suggestions by them,
 * and never proposes a rejected one again */
static void
test_decisions_carry_over (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) one = NULL;
  g_autoptr(GListModel) three = NULL;
  g_autoptr(GListModel) two = NULL;
  g_autoptr(SpSuggestion) said = NULL;
  g_autoptr(SpSuggestion) reported = NULL;
  g_autoptr(SpSuggestion) doubts = NULL;
  g_autoptr(SpSuggestion) backs = NULL;
  gint64 only = 0;

  g_assert_true (sp_suggest_documents (f->project, NULL, 0, NULL, NULL, NULL, NULL, &error));
  one = sp_project_list_suggestions (f->project, f->docs[0], 0, &error);
  said = g_list_model_get_item (one, 0);
  reported = g_list_model_get_item (one, 1);
  g_assert_true (sp_suggest_accept (f->project, sp_suggestion_get_id (said), NULL, &error) > 0);
  g_assert_true (sp_suggest_reject (f->project, sp_suggestion_get_id (reported), &error));
  g_assert_no_error (error);

  only = f->docs[0];
  g_assert_true (sp_suggest_documents (f->project, &only, 1, NULL, NULL, NULL, NULL, &error));
  g_assert_cmpuint (n_pending (f, f->docs[0]), ==, 0);

  /* re-running on the others scores them with what was learnt */
  g_assert_true (sp_suggest_documents (f->project, &f->docs[1], 2, NULL, NULL, NULL, NULL, &error));
  two = sp_project_list_suggestions (f->project, f->docs[1], 0, &error);
  three = sp_project_list_suggestions (f->project, f->docs[2], 0, &error);
  backs = g_list_model_get_item (two, 0);
  doubts = g_list_model_get_item (three, 0);
  g_assert_cmpfloat (sp_suggestion_get_prior (doubts), ==, 0.5);
  g_assert_cmpfloat (sp_suggestion_get_confidence (backs), >, sp_suggestion_get_confidence (doubts));
}

/* A cancelled pass says so; the documents done before keep their suggestions */
static void
test_cancelled (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (sp_suggest_documents (f->project, NULL, 0, NULL, NULL, cancellable, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (sp_test_count_rows (f->project, "SELECT count(*) FROM suggestions"), ==, 0);
}

typedef struct
{
  GMainLoop      *loop;
  SpSuggestStats  stats;
  GError         *error;
  guint           progress_calls;
} AsyncResult;

static void
done_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  AsyncResult *r = user_data;

  sp_suggest_documents_finish (result, &r->stats, &r->error);
  g_main_loop_quit (r->loop);
}

/* The worker thread opens its own connection; this connection sees the result */
static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  AsyncResult r = { g_main_loop_new (NULL, FALSE), { 0 }, NULL, 0 };
  gint64 two = f->docs[1];

  sp_suggest_documents_async (sp_project_get_path (f->project), &two, 1,
                              count_progress_cb, &r.progress_calls, NULL, done_cb, &r);
  g_main_loop_run (r.loop);
  g_assert_no_error (r.error);
  g_assert_cmpuint (r.stats.n_documents, ==, 1);
  g_assert_cmpuint (r.stats.n_suggestions, ==, 1);
  g_assert_cmpuint (r.progress_calls, ==, 1);
  g_assert_cmpuint (n_pending (f, f->docs[1]), ==, 1);
  g_assert_cmpuint (n_pending (f, f->docs[0]), ==, 0);
  g_main_loop_unref (r.loop);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/suggest-pass/stores", test_pass_stores);
  ADD ("/suggest-pass/decisions-carry-over", test_decisions_carry_over);
  ADD ("/suggest-pass/cancelled", test_cancelled);
  ADD ("/suggest-pass/async", test_async);
#undef ADD

  return g_test_run ();
}
