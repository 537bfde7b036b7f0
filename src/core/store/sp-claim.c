#define G_LOG_DOMAIN "sp-claim"

#include "config.h"

#include "sp-claim-private.h"

struct _SpClaim
{
  GObject        parent_instance;
  gint64         id;
  gint64         document_id;
  char          *document_file;
  char          *document_title;
  char          *document_date;
  guint          start;
  guint          end;
  char          *quote;
  gint64         actor_id;
  char          *actor_name;
  char          *group_name;
  gint64         issue_id;
  char          *issue_key;
  char          *issue_label;
  int            stance;
  SpClaimOrigin  origin;
  double         confidence;
  char          *note;
  char          *created;
  char          *updated;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_QUOTE,
  PROP_ACTOR_NAME,
  PROP_ISSUE_KEY,
  PROP_ISSUE_LABEL,
  PROP_STANCE,
  PROP_NOTE,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (SpClaim, sp_claim, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
sp_claim_finalize (GObject *object)
{
  SpClaim *self = (SpClaim *)object;

  g_clear_pointer (&self->document_file, g_free);
  g_clear_pointer (&self->document_title, g_free);
  g_clear_pointer (&self->document_date, g_free);
  g_clear_pointer (&self->quote, g_free);
  g_clear_pointer (&self->actor_name, g_free);
  g_clear_pointer (&self->group_name, g_free);
  g_clear_pointer (&self->issue_key, g_free);
  g_clear_pointer (&self->issue_label, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->created, g_free);
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

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_QUOTE:
      g_value_set_string (value, self->quote);
      break;

    case PROP_ACTOR_NAME:
      g_value_set_string (value, self->actor_name);
      break;

    case PROP_ISSUE_KEY:
      g_value_set_string (value, self->issue_key);
      break;

    case PROP_ISSUE_LABEL:
      g_value_set_string (value, self->issue_label);
      break;

    case PROP_STANCE:
      g_value_set_int (value, self->stance);
      break;

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

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_QUOTE] =
    g_param_spec_string ("quote", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_ACTOR_NAME] =
    g_param_spec_string ("actor-name", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_ISSUE_KEY] =
    g_param_spec_string ("issue-key", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_ISSUE_LABEL] =
    g_param_spec_string ("issue-label", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_STANCE] =
    g_param_spec_int ("stance", NULL, NULL, SP_STANCE_MIN, SP_STANCE_MAX, 0,
                      (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_claim_init (SpClaim *self)
{
}

SpClaim *
_sp_claim_new (const SpClaimFields *f)
{
  SpClaim *self = g_object_new (SP_TYPE_CLAIM, NULL);

  self->id = f->id;
  self->document_id = f->document_id;
  self->document_file = g_strdup (f->document_file);
  self->document_title = g_strdup (f->document_title);
  self->document_date = g_strdup (f->document_date);
  self->start = f->start;
  self->end = f->end;
  self->quote = g_strdup (f->quote ? f->quote : "");
  self->actor_id = f->actor_id;
  self->actor_name = g_strdup (f->actor_name);
  self->group_name = g_strdup (f->group_name);
  self->issue_id = f->issue_id;
  self->issue_key = g_strdup (f->issue_key);
  self->issue_label = g_strdup (f->issue_label);
  self->stance = f->stance;
  self->origin = f->origin;
  self->confidence = f->confidence;
  self->note = g_strdup (f->note ? f->note : "");
  self->created = g_strdup (f->created);
  self->updated = g_strdup (f->updated);

  return self;
}

gint64
sp_claim_get_id (SpClaim *self)
{
  g_return_val_if_fail (SP_IS_CLAIM (self), 0);
  return self->id;
}

gint64
sp_claim_get_document_id (SpClaim *self)
{
  g_return_val_if_fail (SP_IS_CLAIM (self), 0);
  return self->document_id;
}

const char *
sp_claim_get_document_file (SpClaim *self)
{
  g_return_val_if_fail (SP_IS_CLAIM (self), NULL);
  return self->document_file;
}

const char *
sp_claim_get_document_title (SpClaim *self)
{
  g_return_val_if_fail (SP_IS_CLAIM (self), NULL);
  return self->document_title;
}

/* Returns: (nullable): YYYY-MM-DD */
const char *
sp_claim_get_document_date (SpClaim *self)
{
  g_return_val_if_fail (SP_IS_CLAIM (self), NULL);
  return self->document_date;
}

guint
sp_claim_get_start (SpClaim *self)
{
  g_return_val_if_fail (SP_IS_CLAIM (self), 0);
  return self->start;
}

guint
sp_claim_get_end (SpClaim *self)
{
  g_return_val_if_fail (SP_IS_CLAIM (self), 0);
  return self->end;
}

/* Returns: the claimed span of the body */
const char *
sp_claim_get_quote (SpClaim *self)
{
  g_return_val_if_fail (SP_IS_CLAIM (self), NULL);
  return self->quote;
}

gint64
sp_claim_get_actor_id (SpClaim *self)
{
  g_return_val_if_fail (SP_IS_CLAIM (self), 0);
  return self->actor_id;
}

const char *
sp_claim_get_actor_name (SpClaim *self)
{
  g_return_val_if_fail (SP_IS_CLAIM (self), NULL);
  return self->actor_name;
}

/* Returns: the name of the actor's top-most affiliation (its own name when it has none) */
const char *
sp_claim_get_group_name (SpClaim *self)
{
  g_return_val_if_fail (SP_IS_CLAIM (self), NULL);
  return self->group_name;
}

gint64
sp_claim_get_issue_id (SpClaim *self)
{
  g_return_val_if_fail (SP_IS_CLAIM (self), 0);
  return self->issue_id;
}

const char *
sp_claim_get_issue_key (SpClaim *self)
{
  g_return_val_if_fail (SP_IS_CLAIM (self), NULL);
  return self->issue_key;
}

const char *
sp_claim_get_issue_label (SpClaim *self)
{
  g_return_val_if_fail (SP_IS_CLAIM (self), NULL);
  return self->issue_label;
}

int
sp_claim_get_stance (SpClaim *self)
{
  g_return_val_if_fail (SP_IS_CLAIM (self), 0);
  return self->stance;
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
  return self->created;
}

const char *
sp_claim_get_updated (SpClaim *self)
{
  g_return_val_if_fail (SP_IS_CLAIM (self), NULL);
  return self->updated;
}
