#define G_LOG_DOMAIN "sp-claim"

#include "config.h"

#include "sp-claim-private.h"

struct _SpClaim
{
  GObject        parent_instance;
  SpStatement    statement;
  SpClaimOrigin  origin;
  double         confidence;
  char          *note;
  char          *updated;
};

enum {
  PROP_NOTE = SP_STATEMENT_N_PROPS,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (SpClaim, sp_claim, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
sp_claim_finalize (GObject *object)
{
  SpClaim *self = (SpClaim *)object;

  _sp_statement_clear (&self->statement);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->updated, g_free);

  G_OBJECT_CLASS (sp_claim_parent_class)->finalize (object);
}

static void
sp_claim_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  SpClaim *self = SP_CLAIM (object);

  if (_sp_statement_get_property (&self->statement, prop_id, value))
    return;

  switch (prop_id)
    {
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_claim_class_init (SpClaimClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sp_claim_finalize;
  object_class->get_property = sp_claim_get_property;

  _sp_statement_init_properties (properties);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_claim_init (SpClaim *self)
{
}

/*
 * _sp_claim_new:
 * @statement: (transfer full): taken over, and left empty
 */
SpClaim *
_sp_claim_new (SpStatement         *statement,
               const SpClaimFields *f)
{
  SpClaim *self = g_object_new (SP_TYPE_CLAIM, NULL);

  self->statement = *statement;
  *statement = (SpStatement) { 0 };
  self->origin = f->origin;
  self->confidence = f->confidence;
  self->note = g_strdup (f->note ? f->note : "");
  self->updated = g_strdup (f->updated);

  return self;
}

gint64
sp_claim_get_id (SpClaim *self)
{
  g_return_val_if_fail (SP_IS_CLAIM (self), 0);
  return self->statement.id;
}

gint64
sp_claim_get_document_id (SpClaim *self)
{
  g_return_val_if_fail (SP_IS_CLAIM (self), 0);
  return self->statement.document_id;
}

const char *
sp_claim_get_document_file (SpClaim *self)
{
  g_return_val_if_fail (SP_IS_CLAIM (self), NULL);
  return self->statement.document_file;
}

const char *
sp_claim_get_document_title (SpClaim *self)
{
  g_return_val_if_fail (SP_IS_CLAIM (self), NULL);
  return self->statement.document_title;
}

/* Returns: (nullable): YYYY-MM-DD */
const char *
sp_claim_get_document_date (SpClaim *self)
{
  g_return_val_if_fail (SP_IS_CLAIM (self), NULL);
  return self->statement.document_date;
}

guint
sp_claim_get_start (SpClaim *self)
{
  g_return_val_if_fail (SP_IS_CLAIM (self), 0);
  return self->statement.start;
}

guint
sp_claim_get_end (SpClaim *self)
{
  g_return_val_if_fail (SP_IS_CLAIM (self), 0);
  return self->statement.end;
}

/* Returns: the claimed span of the body */
const char *
sp_claim_get_quote (SpClaim *self)
{
  g_return_val_if_fail (SP_IS_CLAIM (self), NULL);
  return self->statement.quote;
}

gint64
sp_claim_get_actor_id (SpClaim *self)
{
  g_return_val_if_fail (SP_IS_CLAIM (self), 0);
  return self->statement.actor_id;
}

const char *
sp_claim_get_actor_name (SpClaim *self)
{
  g_return_val_if_fail (SP_IS_CLAIM (self), NULL);
  return self->statement.actor_name;
}

/* Returns: the name of the actor's top-most affiliation (its own name when it has none) */
const char *
sp_claim_get_group_name (SpClaim *self)
{
  g_return_val_if_fail (SP_IS_CLAIM (self), NULL);
  return self->statement.group_name;
}

gint64
sp_claim_get_issue_id (SpClaim *self)
{
  g_return_val_if_fail (SP_IS_CLAIM (self), 0);
  return self->statement.issue_id;
}

const char *
sp_claim_get_issue_key (SpClaim *self)
{
  g_return_val_if_fail (SP_IS_CLAIM (self), NULL);
  return self->statement.issue_key;
}

const char *
sp_claim_get_issue_label (SpClaim *self)
{
  g_return_val_if_fail (SP_IS_CLAIM (self), NULL);
  return self->statement.issue_label;
}

int
sp_claim_get_stance (SpClaim *self)
{
  g_return_val_if_fail (SP_IS_CLAIM (self), 0);
  return self->statement.stance;
}

SpClaimOrigin
sp_claim_get_origin (SpClaim *self)
{
  g_return_val_if_fail (SP_IS_CLAIM (self), 0);
  return self->origin;
}

/* Returns: the suggestion engine's confidence in 0..1, or a negative value for claims made
 *   by hand */
double
sp_claim_get_confidence (SpClaim *self)
{
  g_return_val_if_fail (SP_IS_CLAIM (self), -1);
  return self->confidence;
}

const char *
sp_claim_get_note (SpClaim *self)
{
  g_return_val_if_fail (SP_IS_CLAIM (self), NULL);
  return self->note;
}

const char *
sp_claim_get_created (SpClaim *self)
{
  g_return_val_if_fail (SP_IS_CLAIM (self), NULL);
  return self->statement.created;
}

const char *
sp_claim_get_updated (SpClaim *self)
{
  g_return_val_if_fail (SP_IS_CLAIM (self), NULL);
  return self->updated;
}
