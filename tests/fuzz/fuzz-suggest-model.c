/* fuzz-suggest-model.c
 *
 * libFuzzer harness for the learnt model's reader: a project file's model blob comes from
 * anywhere. Any bytes go to sp_suggest_model_new_from_bytes(); what it accepts must score
 * within 0 … 1, learn without leaving that range, and write back the very bytes it read
 * (the format has one spelling of each model). What it refuses says so in the model error.
 * Criticals and warnings count as crashes.
 *
 *   ./fuzz-suggest-model FRESH-DIR tests/fuzz/corpus/suggest-model
 */
#define G_LOG_DOMAIN "fuzz-suggest-model"

#include "config.h"

#include <stdint.h>

#include "sp-suggest-engine.h"
#include "sp-suggest-model.h"

int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char *features[] = { "attr:quote-said", "cue:reject", "neg", "kw:toll", NULL };
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpSuggestModel) model = sp_suggest_model_new_from_bytes (bytes, &error);
  g_autoptr(GBytes) again = NULL;
  double score;

  if (model == NULL)
    {
      g_assert_error (error, SP_SUGGEST_ERROR, SP_SUGGEST_ERROR_MODEL);
      return 0;
    }

  again = sp_suggest_model_to_bytes (model);
  g_assert_true (g_bytes_equal (bytes, again));

  score = sp_suggest_model_score (model, features, 0.5);
  g_assert_true (score >= 0.0 && score <= 1.0);
  sp_suggest_model_learn (model, features, 0.5, score < 0.5);
  score = sp_suggest_model_score (model, features, 0.99);
  g_assert_true (score >= 0.0 && score <= 1.0);

  return 0;
}
