/* sp-suggest-model.h
 *
 * What the engine learns from the analyst: an online logistic regression over a
 * suggestion's features (attribution pattern, cue words, negation, issue keywords, actor),
 * updated after each accept (1), edit (1 for the span and actor, the edited stance is taught
 * as the cue's) and reject (0). Its score re-ranks the pending suggestions; with no decisions
 * yet it returns the engine's own confidence unchanged. Stored in the project as bytes
 * (sp_project_get_model / sp_project_set_model) in a versioned, bounds-checked format.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _SpSuggestModel SpSuggestModel;

SpSuggestModel *sp_suggest_model_new         (void);
/* Refuses bytes that are not a model this version understands (SP_SUGGEST_ERROR_MODEL) */
SpSuggestModel *sp_suggest_model_new_from_bytes (GBytes               *bytes,
                                              GError              **error);
GBytes         *sp_suggest_model_to_bytes    (const SpSuggestModel *model);
void            sp_suggest_model_free        (SpSuggestModel       *model);

guint           sp_suggest_model_get_n_decisions (const SpSuggestModel *model);
/* The probability that a suggestion with @features and the engine's @prior confidence is right */
double          sp_suggest_model_score       (const SpSuggestModel *model,
                                              const char * const   *features,
                                              double                prior);
void            sp_suggest_model_learn       (SpSuggestModel       *model,
                                              const char * const   *features,
                                              double                prior,
                                              gboolean              right);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpSuggestModel, sp_suggest_model_free)

G_END_DECLS
