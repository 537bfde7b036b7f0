#define G_LOG_DOMAIN "sp-document"

#include "config.h"

#include "sp-document-private.h"

struct _SpDocument
{
  GObject  parent_instance;
  gint64   id;
  char    *file_name;
  char    *title;
  char    *date;
  char    *source;
  char    *url;
  char    *author;
  guint    length;
  guint    claim_count;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_FILE_NAME,
  PROP_TITLE,
  PROP_DATE,
  PROP_SOURCE,
  PROP_URL,
  PROP_AUTHOR,
  PROP_CLAIM_COUNT,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (SpDocument, sp_document, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
sp_document_finalize (GObject *object)
{
  SpDocument *self = (SpDocument *)object;

  g_clear_pointer (&self->file_name, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->author, g_free);

  G_OBJECT_CLASS (sp_document_parent_class)->finalize (object);
}

static void
sp_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SpDocument *self = SP_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_FILE_NAME:
      g_value_set_string (value, self->file_name);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;

    case PROP_URL:
      g_value_set_string (value, self->url);
      break;

    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;

    case PROP_CLAIM_COUNT:
      g_value_set_uint (value, self->claim_count);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_document_class_init (SpDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sp_document_finalize;
  object_class->get_property = sp_document_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_FILE_NAME] =
    g_param_spec_string ("file-name", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_CLAIM_COUNT] =
    g_param_spec_uint ("claim-count", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_document_init (SpDocument *self)
{
}

SpDocument *
_sp_document_new (gint64      id,
                  const char *file_name,
                  const char *title,
                  const char *date,
                  const char *source,
                  const char *url,
                  const char *author,
                  guint       length,
                  guint       claim_count)
{
  SpDocument *self = g_object_new (SP_TYPE_DOCUMENT, NULL);

  self->id = id;
  self->file_name = g_strdup (file_name);
  self->title = g_strdup (title ? title : "");
  self->date = g_strdup (date);
  self->source = g_strdup (source);
  self->url = g_strdup (url);
  self->author = g_strdup (author);
  self->length = length;
  self->claim_count = claim_count;

  return self;
}

gint64
sp_document_get_id (SpDocument *self)
{
  g_return_val_if_fail (SP_IS_DOCUMENT (self), 0);
  return self->id;
}

/* Returns: the base name of the file the document was imported from */
const char *
sp_document_get_file_name (SpDocument *self)
{
  g_return_val_if_fail (SP_IS_DOCUMENT (self), NULL);
  return self->file_name;
}

const char *
sp_document_get_title (SpDocument *self)
{
  g_return_val_if_fail (SP_IS_DOCUMENT (self), NULL);
  return self->title;
}

/* Returns: (nullable): the date as YYYY-MM-DD, or %NULL when the article has none */
const char *
sp_document_get_date (SpDocument *self)
{
  g_return_val_if_fail (SP_IS_DOCUMENT (self), NULL);
  return self->date;
}

/* Returns: (nullable) */
const char *
sp_document_get_source (SpDocument *self)
{
  g_return_val_if_fail (SP_IS_DOCUMENT (self), NULL);
  return self->source;
}

/* Returns: (nullable) */
const char *
sp_document_get_url (SpDocument *self)
{
  g_return_val_if_fail (SP_IS_DOCUMENT (self), NULL);
  return self->url;
}

/* Returns: (nullable) */
const char *
sp_document_get_author (SpDocument *self)
{
  g_return_val_if_fail (SP_IS_DOCUMENT (self), NULL);
  return self->author;
}

/* Returns: the body's length in characters (the unit of claim offsets) */
guint
sp_document_get_length (SpDocument *self)
{
  g_return_val_if_fail (SP_IS_DOCUMENT (self), 0);
  return self->length;
}

guint
sp_document_get_claim_count (SpDocument *self)
{
  g_return_val_if_fail (SP_IS_DOCUMENT (self), 0);
  return self->claim_count;
}
