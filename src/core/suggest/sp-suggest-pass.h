/* sp-suggest-pass.h
 *
 * A suggestion pass: the engine over some documents of a project (or all), scored by the
 * project's learnt model, stored as pending suggestions (replacing the documents' earlier
 * pending ones; a span rejected before is never proposed again). Runs in a worker thread
 * with its own connection; progress and a GCancellable as the import's.
 */
#pragma once

#include <gio/gio.h>

#include "sp-project.h"
#include "sp-suggest-model.h"

G_BEGIN_DECLS

typedef struct
{
  guint n_documents;
  guint n_suggestions;   /* stored, pending */
  guint n_speakers;      /* unknown speakers seen (actor discovery) */
} SpSuggestStats;

typedef void (*SpSuggestProgressFunc) (guint    done,
                                       guint    total,
                                       gpointer user_data);

/* @document_ids: NULL or empty for every document. Runs in the calling thread. */
gboolean  sp_suggest_documents        (SpProject              *project,
                                       const gint64           *document_ids,
                                       guint                   n_document_ids,
                                       SpSuggestProgressFunc   progress,
                                       gpointer                progress_data,
                                       GCancellable           *cancellable,
                                       SpSuggestStats         *stats,
                                       GError                **error);

void      sp_suggest_documents_async  (const char             *project_path,
                                       const gint64           *document_ids,
                                       guint                   n_document_ids,
                                       SpSuggestProgressFunc   progress,  /* called in the caller's main context */
                                       gpointer                progress_data,
                                       GCancellable           *cancellable,
                                       GAsyncReadyCallback     callback,
                                       gpointer                user_data);
gboolean  sp_suggest_documents_finish (GAsyncResult           *result,
                                       SpSuggestStats         *stats,
                                       GError                **error);

/* The analyst's decisions. Each is one action (one undo step): the suggestion's status,
 * the claim it becomes (accept: as proposed; @edited: the analyst's version), the model
 * taught and every other pending suggestion re-scored. */
gint64    sp_suggest_accept           (SpProject              *project,
                                       gint64                  suggestion_id,
                                       const SpClaimSpec      *edited,   /* nullable */
                                       GError                **error);
gboolean  sp_suggest_reject           (SpProject              *project,
                                       gint64                  suggestion_id,
                                       GError                **error);
/* Accepted as proposed over all decisions (accepted, edited, rejected) so far; 0 before
 * any, with 0 in @n_decisions; negative on error */
double    sp_suggest_running_precision (SpProject             *project,
                                        guint                 *n_decisions,
                                        GError               **error);

/* The project's learnt model (a new one when it has none; SP_SUGGEST_ERROR_MODEL when the
 * stored one cannot be read), and the pending suggestions of a document (0: all) re-scored
 * with it */
SpSuggestModel *sp_suggest_load_model  (SpProject             *project,
                                        GError               **error);
gboolean  sp_suggest_rescore          (SpProject              *project,
                                       const SpSuggestModel   *model,
                                       gint64                  document_id,
                                       GError                **error);

G_END_DECLS
