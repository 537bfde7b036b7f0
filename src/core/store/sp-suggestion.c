/* sp-suggestion.c
 *
 * The snapshot of one suggestion, built by sp-project-suggestions.c from one row.
 */
#define G_LOG_DOMAIN "sp-suggestion"

#include "config.h"

#include "sp-suggestion-private.h"

struct _SpSuggestion
{
  GObject            parent_instance;
  SpStatement        statement;
  guint              sentence;
  gboolean           conditional;
  double             confidence;
  double             prior;
  char               *explanation;
  char               **features;
  SpSuggestionStatus status;
  gint64             claim_id;
};

enum {
  PROP_CONFIDENCE = SP_STATEMENT_N_PROPS,
  PROP_EXPLANATION,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (SpSuggestion, sp_suggestion, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
sp_suggestion_finalize (GObject *object)
{
  SpSuggestion *self = (SpSuggestion *)object;

  _sp_statement_clear (&self->statement);
  g_clear_pointer (&self->explanation, g_free);
  g_clear_pointer (&self->features, g_strfreev);

  G_OBJECT_CLASS (sp_suggestion_parent_class)->finalize (object);
}

static void
sp_suggestion_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SpSuggestion *self = SP_SUGGESTION (object);

  if (_sp_statement_get_property (&self->statement, prop_id, value))
    return;

  switch (prop_id)
    {
    case PROP_CONFIDENCE:
      g_value_set_double (value, self->confidence);
      break;

    case PROP_EXPLANATION:
      g_value_set_string (value, self->explanation);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_suggestion_class_init (SpSuggestionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sp_suggestion_finalize;
  object_class->get_property = sp_suggestion_get_property;

  _sp_statement_init_properties (properties);
  properties[PROP_CONFIDENCE] =
    g_param_spec_double ("confidence", NULL, NULL, 0, 1, 0,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_EXPLANATION] =
    g_param_spec_string ("explanation", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_suggestion_init (SpSuggestion *self)
{
}

/*
 * _sp_suggestion_new:
 * @statement: (transfer full): taken over, and left empty
 */
SpSuggestion *
_sp_suggestion_new (SpStatement                *statement,
                    const SpSuggestionSnapshot *f)
{
  SpSuggestion *self = g_object_new (SP_TYPE_SUGGESTION, NULL);

  self->statement = *statement;
  *statement = (SpStatement) { 0 };
  self->sentence = f->sentence;
  self->conditional = f->conditional;
  self->confidence = f->confidence;
  self->prior = f->prior;
  self->explanation = g_strdup (f->explanation ? f->explanation : "");
  self->features = f->features ? g_strdupv ((char **) f->features) : g_new0 (char *, 1);
  self->status = f->status;
  self->claim_id = f->claim_id;

  return self;
}

gint64
sp_suggestion_get_id (SpSuggestion *self)
{
  g_return_val_if_fail (SP_IS_SUGGESTION (self), 0);
  return self->statement.id;
}

gint64
sp_suggestion_get_document_id (SpSuggestion *self)
{
  g_return_val_if_fail (SP_IS_SUGGESTION (self), 0);
  return self->statement.document_id;
}

const char *
sp_suggestion_get_document_file (SpSuggestion *self)
{
  g_return_val_if_fail (SP_IS_SUGGESTION (self), NULL);
  return self->statement.document_file;
}

const char *
sp_suggestion_get_document_title (SpSuggestion *self)
{
  g_return_val_if_fail (SP_IS_SUGGESTION (self), NULL);
  return self->statement.document_title;
}

/* Returns: (nullable): YYYY-MM-DD */
const char *
sp_suggestion_get_document_date (SpSuggestion *self)
{
  g_return_val_if_fail (SP_IS_SUGGESTION (self), NULL);
  return self->statement.document_date;
}

/* Returns: the index of the sentence the span lies in, among the document's sentences */
guint
sp_suggestion_get_sentence (SpSuggestion *self)
{
  g_return_val_if_fail (SP_IS_SUGGESTION (self), 0);
  return self->sentence;
}

guint
sp_suggestion_get_start (SpSuggestion *self)
{
  g_return_val_if_fail (SP_IS_SUGGESTION (self), 0);
  return self->statement.start;
}

guint
sp_suggestion_get_end (SpSuggestion *self)
{
  g_return_val_if_fail (SP_IS_SUGGESTION (self), 0);
  return self->statement.end;
}

/* Returns: the suggested span of the body */
const char *
sp_suggestion_get_quote (SpSuggestion *self)
{
  g_return_val_if_fail (SP_IS_SUGGESTION (self), NULL);
  return self->statement.quote;
}

gint64
sp_suggestion_get_actor_id (SpSuggestion *self)
{
  g_return_val_if_fail (SP_IS_SUGGESTION (self), 0);
  return self->statement.actor_id;
}

const char *
sp_suggestion_get_actor_name (SpSuggestion *self)
{
  g_return_val_if_fail (SP_IS_SUGGESTION (self), NULL);
  return self->statement.actor_name;
}

/* Returns: the name of the actor's top-most affiliation (its own name when it has none) */
const char *
sp_suggestion_get_group_name (SpSuggestion *self)
{
  g_return_val_if_fail (SP_IS_SUGGESTION (self), NULL);
  return self->statement.group_name;
}

gint64
sp_suggestion_get_issue_id (SpSuggestion *self)
{
  g_return_val_if_fail (SP_IS_SUGGESTION (self), 0);
  return self->statement.issue_id;
}

const char *
sp_suggestion_get_issue_key (SpSuggestion *self)
{
  g_return_val_if_fail (SP_IS_SUGGESTION (self), NULL);
  return self->statement.issue_key;
}

const char *
sp_suggestion_get_issue_label (SpSuggestion *self)
{
  g_return_val_if_fail (SP_IS_SUGGESTION (self), NULL);
  return self->statement.issue_label;
}

int
sp_suggestion_get_stance (SpSuggestion *self)
{
  g_return_val_if_fail (SP_IS_SUGGESTION (self), 0);
  return self->statement.stance;
}

/* Returns: whether the statement is hedged or modal ("would be willing", "reportedly") */
gboolean
sp_suggestion_get_conditional (SpSuggestion *self)
{
  g_return_val_if_fail (SP_IS_SUGGESTION (self), FALSE);
  return self->conditional;
}

/* Returns: the learnt model's probability, 0 … 1, that the suggestion is right: the order
 *   in which suggestions are shown. With no decisions yet it equals the prior. */
double
sp_suggestion_get_confidence (SpSuggestion *self)
{
  g_return_val_if_fail (SP_IS_SUGGESTION (self), 0);
  return self->confidence;
}

/* Returns: the engine's own confidence, 0 … 1, before any learning */
double
sp_suggestion_get_prior (SpSuggestion *self)
{
  g_return_val_if_fail (SP_IS_SUGGESTION (self), 0);
  return self->prior;
}

/* Returns: why the engine proposed it, for people */
const char *
sp_suggestion_get_explanation (SpSuggestion *self)
{
  g_return_val_if_fail (SP_IS_SUGGESTION (self), NULL);
  return self->explanation;
}

/* Returns: (transfer none) (array zero-terminated=1): what the learning model reads */
const char * const *
sp_suggestion_get_features (SpSuggestion *self)
{
  g_return_val_if_fail (SP_IS_SUGGESTION (self), NULL);
  return (const char * const *) self->features;
}

SpSuggestionStatus
sp_suggestion_get_status (SpSuggestion *self)
{
  g_return_val_if_fail (SP_IS_SUGGESTION (self), 0);
  return self->status;
}

/* Returns: the claim an accepted or edited suggestion became, or 0 (none yet, or deleted since) */
gint64
sp_suggestion_get_claim_id (SpSuggestion *self)
{
  g_return_val_if_fail (SP_IS_SUGGESTION (self), 0);
  return self->claim_id;
}

const char *
sp_suggestion_get_created (SpSuggestion *self)
{
  g_return_val_if_fail (SP_IS_SUGGESTION (self), NULL);
  return self->statement.created;
}
