#define G_LOG_DOMAIN "sp-removal"

#include "config.h"

#include "sp-removal-private.h"

struct _SpRemoval
{
  GObject  parent_instance;
  gint64   id;
  gint64   document_id;
  guint    offset;
  char    *text;
  char    *reason;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_DOCUMENT_ID,
  PROP_OFFSET,
  PROP_TEXT,
  PROP_REASON,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (SpRemoval, sp_removal, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
sp_removal_finalize (GObject *object)
{
  SpRemoval *self = (SpRemoval *)object;

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->reason, g_free);

  G_OBJECT_CLASS (sp_removal_parent_class)->finalize (object);
}

static void
sp_removal_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SpRemoval *self = SP_REMOVAL (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_DOCUMENT_ID:
      g_value_set_int64 (value, self->document_id);
      break;

    case PROP_OFFSET:
      g_value_set_uint (value, self->offset);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_removal_class_init (SpRemovalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sp_removal_finalize;
  object_class->get_property = sp_removal_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_DOCUMENT_ID] =
    g_param_spec_int64 ("document-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_OFFSET] =
    g_param_spec_uint ("offset", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_REASON] =
    g_param_spec_string ("reason", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_removal_init (SpRemoval *self)
{
}

SpRemoval *
_sp_removal_new (gint64      id,
                 gint64      document_id,
                 guint       offset,
                 const char *text,
                 const char *reason)
{
  SpRemoval *self = g_object_new (SP_TYPE_REMOVAL, NULL);

  self->id = id;
  self->document_id = document_id;
  self->offset = offset;
  self->text = g_strdup (text ? text : "");
  self->reason = g_strdup (reason ? reason : "");

  return self;
}

gint64
sp_removal_get_id (SpRemoval *self)
{
  g_return_val_if_fail (SP_IS_REMOVAL (self), 0);
  return self->id;
}

gint64
sp_removal_get_document_id (SpRemoval *self)
{
  g_return_val_if_fail (SP_IS_REMOVAL (self), 0);
  return self->document_id;
}

/* Returns: the body character (counted from 0) before which the block stood, in the body as
 * it is now: restoring other blocks before it moves it on */
guint
sp_removal_get_offset (SpRemoval *self)
{
  g_return_val_if_fail (SP_IS_REMOVAL (self), 0);
  return self->offset;
}

const char *
sp_removal_get_text (SpRemoval *self)
{
  g_return_val_if_fail (SP_IS_REMOVAL (self), NULL);
  return self->text;
}

/* Returns: why cleaning took the block out, in a few words; may be empty */
const char *
sp_removal_get_reason (SpRemoval *self)
{
  g_return_val_if_fail (SP_IS_REMOVAL (self), NULL);
  return self->reason;
}
