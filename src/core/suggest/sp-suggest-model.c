/* sp-suggest-model.c
 *
 * An online logistic regression: p = σ(bias + w_prior · logit(prior) + Σ w[h(f)]) over the
 * suggestion's string features f, each hashed (FNV-1a, 32 bits) into a table of
 * SP_MODEL_N_WEIGHTS weights. w_prior starts at 1 and everything else at 0, so that before
 * any decision the score is the engine's own confidence. Each decision is one step of
 * stochastic gradient descent on the log loss with an L2 penalty L2 on the weights it
 * touches (w_prior is pulled towards 1, not 0). The step shrinks as decisions accumulate,
 * LEARNING_RATE / (1 + n / DECAY_DECISIONS) for the n-th: the first decisions move the
 * ranking, and what the model ends with depends little on the order of the decisions. With
 * steps as large as the first, a run of one kind (an "Accept All Above…" of a hundred, then
 * the rejects of what is left) dragged every score to that end.
 *
 * Stored bytes (all little-endian), sparse because most weights stay 0:
 *   "SPSM"  u32 version  u32 n_decisions  u32 n_entries  f64 bias  f64 prior_weight
 *   n_entries × (u32 index, f64 weight), indices strictly increasing and < SP_MODEL_N_WEIGHTS,
 *   weights not zero (a zero weight is not written)
 * A blob of any other length, version or content (an index out of range or out of order,
 * a weight that is not finite or beyond MAX_WEIGHT) is refused: project files come from
 * anywhere.
 */
#define G_LOG_DOMAIN "sp-suggest-model"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-suggest-engine.h"
#include "sp-suggest-model.h"

#define SP_MODEL_BITS       16
#define SP_MODEL_N_WEIGHTS  (1u << SP_MODEL_BITS)
#define MODEL_MAGIC         "SPSM"
#define MODEL_VERSION       1u
#define HEADER_BYTES        32
#define ENTRY_BYTES         12
#define LEARNING_RATE       0.5
#define DECAY_DECISIONS     3.0
#define L2                  0.001
#define MAX_WEIGHT          1e6
#define PRIOR_EPSILON       1e-4

struct _SpSuggestModel
{
  double  bias;
  double  prior_weight;
  guint   n_decisions;
  double *weights;   /* SP_MODEL_N_WEIGHTS */
};

SpSuggestModel *
sp_suggest_model_new (void)
{
  SpSuggestModel *model = g_new0 (SpSuggestModel, 1);

  model->prior_weight = 1.0;
  model->weights = g_new0 (double, SP_MODEL_N_WEIGHTS);

  return model;
}

void
sp_suggest_model_free (SpSuggestModel *model)
{
  if (model == NULL)
    return;

  g_free (model->weights);
  g_free (model);
}

guint
sp_suggest_model_get_n_decisions (const SpSuggestModel *model)
{
  g_return_val_if_fail (model != NULL, 0);
  return model->n_decisions;
}

static guint
feature_index (const char *feature)
{
  guint32 h = 2166136261u;

  for (const guchar *p = (const guchar *)feature; *p; p++)
    h = (h ^ *p) * 16777619u;

  return h & (SP_MODEL_N_WEIGHTS - 1);
}

static double
prior_logit (double prior)
{
  double p = isfinite (prior) ? CLAMP (prior, PRIOR_EPSILON, 1.0 - PRIOR_EPSILON) : 0.5;

  return log (p / (1.0 - p));
}

static double
sigmoid (double z)
{
  return 1.0 / (1.0 + exp (-z));
}

static double
linear (const SpSuggestModel *model,
        const char * const   *features,
        double                prior)
{
  double z = model->bias + model->prior_weight * prior_logit (prior);

  for (guint i = 0; features != NULL && features[i] != NULL; i++)
    z += model->weights[feature_index (features[i])];

  return z;
}

/**
 * sp_suggest_model_score:
 *
 * Returns: the probability, 0 … 1, that a suggestion with @features and the engine's
 *   @prior is right; @prior itself before any decision
 */
double
sp_suggest_model_score (const SpSuggestModel *model,
                        const char * const   *features,
                        double                prior)
{
  g_return_val_if_fail (model != NULL, 0.0);

  if (model->n_decisions == 0)
    return isfinite (prior) ? CLAMP (prior, 0.0, 1.0) : 0.0;

  return CLAMP (sigmoid (linear (model, features, prior)), 0.0, 1.0);
}

/**
 * sp_suggest_model_learn:
 * @right: whether the analyst kept the suggestion (accepted or edited) or rejected it
 */
void
sp_suggest_model_learn (SpSuggestModel     *model,
                        const char * const *features,
                        double              prior,
                        gboolean            right)
{
  double gradient;
  double rate;
  double x_prior = prior_logit (prior);
  guint n_features = features != NULL ? g_strv_length ((char **) features) : 0;

  g_return_if_fail (model != NULL);

  gradient = (right ? 1.0 : 0.0) - sigmoid (linear (model, features, prior));
  rate = LEARNING_RATE / (1.0 + model->n_decisions / DECAY_DECISIONS);

  model->bias = CLAMP (model->bias + rate * gradient, -MAX_WEIGHT, MAX_WEIGHT);
  model->prior_weight += rate * (gradient * x_prior - L2 * (model->prior_weight - 1.0));
  model->prior_weight = CLAMP (model->prior_weight, -MAX_WEIGHT, MAX_WEIGHT);

  for (guint i = 0; i < n_features; i++)
    {
      double *w = &model->weights[feature_index (features[i])];

      *w = CLAMP (*w + rate * (gradient - L2 * *w), -MAX_WEIGHT, MAX_WEIGHT);
    }

  if (model->n_decisions < G_MAXUINT32)
    model->n_decisions++;
}

static void
put_u32 (GByteArray *out,
         guint32     value)
{
  guint32 le = GUINT32_TO_LE (value);

  g_byte_array_append (out, (const guint8 *)&le, 4);
}

static void
put_f64 (GByteArray *out,
         double      value)
{
  guint64 bits;

  memcpy (&bits, &value, 8);
  bits = GUINT64_TO_LE (bits);
  g_byte_array_append (out, (const guint8 *)&bits, 8);
}

static guint32
get_u32 (const guint8 *p)
{
  guint32 v;

  memcpy (&v, p, 4);
  return GUINT32_FROM_LE (v);
}

static double
get_f64 (const guint8 *p)
{
  guint64 bits;
  double v;

  memcpy (&bits, p, 8);
  bits = GUINT64_FROM_LE (bits);
  memcpy (&v, &bits, 8);
  return v;
}

/**
 * sp_suggest_model_to_bytes:
 *
 * Returns: (transfer full): the model in the stored format (see the top of this file)
 */
GBytes *
sp_suggest_model_to_bytes (const SpSuggestModel *model)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  guint n_entries = 0;

  g_return_val_if_fail (model != NULL, NULL);

  for (guint i = 0; i < SP_MODEL_N_WEIGHTS; i++)
    if (model->weights[i] != 0.0)
      n_entries++;

  g_byte_array_append (out, (const guint8 *)MODEL_MAGIC, 4);
  put_u32 (out, MODEL_VERSION);
  put_u32 (out, model->n_decisions);
  put_u32 (out, n_entries);
  put_f64 (out, model->bias);
  put_f64 (out, model->prior_weight);

  for (guint i = 0; i < SP_MODEL_N_WEIGHTS; i++)
    if (model->weights[i] != 0.0)
      {
        put_u32 (out, i);
        put_f64 (out, model->weights[i]);
      }

  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

static gboolean
is_weight (double value)
{
  return isfinite (value) && fabs (value) <= MAX_WEIGHT;
}

static gpointer
refuse (GError     **error,
        const char  *why)
{
  g_set_error (error, SP_SUGGEST_ERROR, SP_SUGGEST_ERROR_MODEL,
               _("The project's learnt model cannot be read: %s"), why);
  return NULL;
}

/**
 * sp_suggest_model_new_from_bytes:
 *
 * Returns: (transfer full): the model @bytes hold, or %NULL with %SP_SUGGEST_ERROR_MODEL
 */
SpSuggestModel *
sp_suggest_model_new_from_bytes (GBytes  *bytes,
                                 GError **error)
{
  g_autoptr(SpSuggestModel) model = NULL;
  const guint8 *data;
  gsize size;
  guint32 n_entries;
  gint64 last = -1;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  if (size < HEADER_BYTES || memcmp (data, MODEL_MAGIC, 4) != 0)
    return refuse (error, _("it is not a Standpoint model"));
  if (get_u32 (data + 4) != MODEL_VERSION)
    return refuse (error, _("it was written by another version of Standpoint"));

  n_entries = get_u32 (data + 12);
  if (n_entries > SP_MODEL_N_WEIGHTS ||
      size != HEADER_BYTES + (gsize)n_entries * ENTRY_BYTES)
    return refuse (error, _("its length does not match its contents"));

  model = sp_suggest_model_new ();
  model->n_decisions = get_u32 (data + 8);
  model->bias = get_f64 (data + 16);
  model->prior_weight = get_f64 (data + 24);
  if (!is_weight (model->bias) || !is_weight (model->prior_weight))
    return refuse (error, _("a weight is out of range"));

  for (guint32 k = 0; k < n_entries; k++)
    {
      const guint8 *entry = data + HEADER_BYTES + (gsize)k * ENTRY_BYTES;
      guint32 index = get_u32 (entry);
      double weight = get_f64 (entry + 4);

      if (index >= SP_MODEL_N_WEIGHTS || (gint64)index <= last)
        return refuse (error, _("its weights are out of order"));
      if (!is_weight (weight))
        return refuse (error, _("a weight is out of range"));
      /* zero weights are never written: the format has one spelling of each model */
      if (weight == 0.0)
        return refuse (error, _("it lists a weight of zero"));

      model->weights[index] = weight;
      last = index;
    }

  return g_steal_pointer (&model);
}
