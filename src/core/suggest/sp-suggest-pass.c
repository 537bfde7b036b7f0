/* sp-suggest-pass.c
 *
 * A suggestion pass (sp-suggest-pass.h): the engine over documents' stored bodies and
 * sentences, each candidate scored by the project's learnt model, stored per document in a
 * short transaction of its own (the engine runs outside any transaction, so a writer in
 * another connection never waits on it), then the speakers the pass saw. A pass over some
 * documents keeps the speakers other documents gave before.
 */
#define G_LOG_DOMAIN "sp-suggest-pass"

#include "config.h"


#include "sp-suggest-engine.h"
#include "sp-suggest-model.h"
#include "sp-suggest-pass.h"

static GArray *
all_document_ids (SpProject  *project,
                  GError    **error)
{
  g_autoptr(GListModel) documents = sp_project_list_documents (project, error);
  GArray *ids;

  if (documents == NULL)
    return NULL;

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(SpDocument) document = g_list_model_get_item (documents, i);
      gint64 id = sp_document_get_id (document);

      g_array_append_val (ids, id);
    }

  return ids;
}

/* Runs the engine on one document and stores its candidates */
static gboolean
suggest_document (SpProject             *project,
                  SpSuggestEngine       *engine,
                  const SpSuggestModel  *model,
                  gint64                 document_id,
                  GPtrArray             *speakers,
                  GArray                *speaker_documents,
                  guint                 *n_stored,
                  GError               **error)
{
  g_autofree char *body = NULL;
  g_autofree guint32 *sentences = NULL;
  g_autoptr(SpSuggestResult) result = NULL;
  g_autoptr(GArray) fields = NULL;
  guint n_sentences = 0;
  GError *local_error = NULL;
  gpointer *stolen;
  gsize n_stolen = 0;

  if (!(body = sp_project_dup_document_body (project, document_id, error)))
    return FALSE;
  sentences = sp_project_dup_document_sentences (project, document_id, &n_sentences, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  result = sp_suggest_engine_run (engine, body, sentences, n_sentences);

  fields = g_array_sized_new (FALSE, TRUE, sizeof (SpSuggestionFields), result->candidates->len);
  for (guint i = 0; i < result->candidates->len; i++)
    {
      const SpSuggestCandidate *c = g_ptr_array_index (result->candidates, i);
      const char * const *features = (const char * const *)c->features;
      SpSuggestionFields f = {
        .sentence = c->sentence,
        .start = c->start,
        .end = c->end,
        .actor_id = c->actor_id,
        .issue_id = c->issue_id,
        .stance = c->stance,
        .conditional = c->conditional,
        .prior = CLAMP (c->confidence, 0.0, 1.0),
        .confidence = sp_suggest_model_score (model, features, CLAMP (c->confidence, 0.0, 1.0)),
        .explanation = c->explanation,
        .features = features,
      };

      g_array_append_val (fields, f);
    }

  if (!sp_project_replace_suggestions (project, document_id, (SpSuggestionFields *)(gpointer)fields->data,
                                       fields->len, n_stored, error))
    return FALSE;

  /* the speakers outlive the result: the pass stores them at the end */
  stolen = g_ptr_array_steal (result->speakers, &n_stolen);
  for (gsize i = 0; i < n_stolen; i++)
    {
      g_ptr_array_add (speakers, stolen[i]);
      g_array_append_val (speaker_documents, document_id);
    }
  g_free (stolen);

  return TRUE;
}

static gboolean
contains (GArray *ids,
          gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

/* The pass's speakers, with those other documents gave before, as the new list */
static gboolean
store_speakers (SpProject  *project,
                GArray     *document_ids,
                GPtrArray  *speakers,
                GArray     *speaker_documents,
                gboolean    every_document,
                GError    **error)
{
  g_autoptr(GArray) fields = g_array_new (FALSE, TRUE, sizeof (SpSpeakerFields));
  g_autoptr(GPtrArray) earlier = NULL;

  if (!every_document)
    {
      if (!(earlier = sp_project_list_speakers (project, FALSE, error)))
        return FALSE;

      for (guint i = 0; i < earlier->len; i++)
        {
          const SpDiscoveredSpeaker *s = g_ptr_array_index (earlier, i);
          SpSpeakerFields f = { s->name, s->title, s->affiliation, s->n_mentions, s->document_id };

          if (!contains (document_ids, s->document_id))
            g_array_append_val (fields, f);
        }
    }

  for (guint i = 0; i < speakers->len; i++)
    {
      const SpSuggestSpeaker *s = g_ptr_array_index (speakers, i);
      SpSpeakerFields f = { s->name, s->title, s->affiliation, s->n_mentions,
                            g_array_index (speaker_documents, gint64, i) };

      g_array_append_val (fields, f);
    }

  return sp_project_replace_speakers (project, (SpSpeakerFields *)(gpointer)fields->data, fields->len, error);
}

/**
 * sp_suggest_documents:
 * @document_ids: (array length=n_document_ids) (nullable): the documents, or %NULL/empty for all
 * @progress: (nullable) (scope call): told after each document
 * @stats: (out caller-allocates) (optional): what the pass did
 *
 * Returns: %FALSE with @error set when the lexicons, the codebook, the model or a write
 *   failed, or when @cancellable was cancelled (the documents done by then keep their new
 *   suggestions)
 */
gboolean
sp_suggest_documents (SpProject              *project,
                      const gint64           *document_ids,
                      guint                   n_document_ids,
                      SpSuggestProgressFunc   progress,
                      gpointer                progress_data,
                      GCancellable           *cancellable,
                      SpSuggestStats         *stats,
                      GError                **error)
{
  g_autoptr(SpSuggestLexicons) lexicons = NULL;
  g_autoptr(SpSuggestCodebook) codebook = NULL;
  g_autoptr(SpSuggestEngine) engine = NULL;
  g_autoptr(SpSuggestModel) model = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) speakers = g_ptr_array_new_with_free_func ((GDestroyNotify)sp_suggest_speaker_free);
  g_autoptr(GArray) speaker_documents = g_array_new (FALSE, FALSE, sizeof (gint64));
  SpSuggestStats local = { 0 };
  gboolean every_document = document_ids == NULL || n_document_ids == 0;

  g_return_val_if_fail (SP_IS_PROJECT (project), FALSE);

  if (!(lexicons = sp_suggest_lexicons_load ("en", error)) ||
      !(codebook = sp_suggest_codebook_new_from_project (project, error)) ||
      !(model = sp_suggest_load_model (project, error)))
    return FALSE;
  engine = sp_suggest_engine_new (g_steal_pointer (&codebook), g_steal_pointer (&lexicons));

  if (every_document)
    {
      if (!(ids = all_document_ids (project, error)))
        return FALSE;
    }
  else
    {
      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_array_append_vals (ids, document_ids, n_document_ids);
    }

  for (guint i = 0; i < ids->len; i++)
    {
      guint stored = 0;
      GError *local_error = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      /* another connection may delete a document, actor or issue while the pass runs: that
       * document is passed over, the others go on */
      if (!suggest_document (project, engine, model, g_array_index (ids, gint64, i),
                             speakers, speaker_documents, &stored, &local_error))
        {
          if (!g_error_matches (local_error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_NOT_FOUND) ||
              !every_document)
            {
              g_propagate_error (error, local_error);
              return FALSE;
            }
          g_clear_error (&local_error);
        }
      else
        {
          local.n_documents++;
          local.n_suggestions += stored;
        }

      if (progress != NULL)
        progress (i + 1, ids->len, progress_data);
    }

  if (!store_speakers (project, ids, speakers, speaker_documents, every_document, error))
    return FALSE;
  local.n_speakers = speakers->len;

  if (stats != NULL)
    *stats = local;

  return TRUE;
}

/* The asynchronous pass: a worker thread with its own connection */

typedef struct
{
  char                  *path;
  GArray                *ids;
  SpSuggestProgressFunc  progress;
  gpointer               progress_data;
  GMainContext          *context;
  gint64                 last_report;
  SpSuggestStats         stats;
} PassData;

/* A report carries what it needs: the task may be gone by the time it runs */
typedef struct
{
  SpSuggestProgressFunc progress;
  gpointer              progress_data;
  guint                 done;
  guint                 total;
} Report;

static void
pass_data_free (PassData *data)
{
  g_free (data->path);
  g_array_unref (data->ids);
  g_main_context_unref (data->context);
  g_free (data);
}

static gboolean
report_cb (gpointer user_data)
{
  Report *report = user_data;

  report->progress (report->done, report->total, report->progress_data);
  return G_SOURCE_REMOVE;
}

/* In the worker: at most ten reports a second, and always the last one */
static void
worker_progress_cb (guint    done,
                    guint    total,
                    gpointer user_data)
{
  PassData *data = user_data;
  gint64 now = g_get_monotonic_time ();
  Report *report;

  if (data->progress == NULL || (done < total && now - data->last_report < G_USEC_PER_SEC / 10))
    return;

  data->last_report = now;
  report = g_new0 (Report, 1);
  report->progress = data->progress;
  report->progress_data = data->progress_data;
  report->done = done;
  report->total = total;
  g_main_context_invoke_full (data->context, G_PRIORITY_DEFAULT, report_cb, report, g_free);
}

static void
suggest_worker (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  PassData *data = task_data;
  g_autoptr(SpProject) project = NULL;
  GError *error = NULL;

  if (!(project = sp_project_open (data->path, &error)) ||
      !sp_suggest_documents (project, (const gint64 *)(gpointer)data->ids->data, data->ids->len,
                             worker_progress_cb, data, cancellable, &data->stats, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * sp_suggest_documents_async:
 *
 * Runs sp_suggest_documents() in a worker thread on a connection of its own to the project
 * at @project_path. @progress is called in the thread-default main context of the caller;
 * the task holds the data it needs, and the caller's own SpProject hears of the new
 * suggestions when it next reads (its SpProject::changed is not emitted from here).
 */
void
sp_suggest_documents_async (const char            *project_path,
                            const gint64          *document_ids,
                            guint                  n_document_ids,
                            SpSuggestProgressFunc  progress,
                            gpointer               progress_data,
                            GCancellable          *cancellable,
                            GAsyncReadyCallback    callback,
                            gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  PassData *data;

  g_return_if_fail (project_path != NULL);

  data = g_new0 (PassData, 1);
  data->path = g_strdup (project_path);
  data->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (document_ids != NULL)
    g_array_append_vals (data->ids, document_ids, n_document_ids);
  data->progress = progress;
  data->progress_data = progress_data;
  data->context = g_main_context_ref_thread_default ();

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sp_suggest_documents_async);
  g_task_set_task_data (task, data, (GDestroyNotify)pass_data_free);
  g_task_run_in_thread (task, suggest_worker);
}

gboolean
sp_suggest_documents_finish (GAsyncResult    *result,
                             SpSuggestStats  *stats,
                             GError         **error)
{
  GTask *task = G_TASK (result);
  PassData *data;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  if (!g_task_propagate_boolean (task, error))
    return FALSE;

  data = g_task_get_task_data (task);
  if (stats != NULL)
    *stats = data->stats;

  return TRUE;
}
