#define G_LOG_DOMAIN "sp-document"

#include "config.h"

#include <string.h>

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
  char    *section;
  char    *document_type;
  guint    length;
  guint    claim_count;
  SpTitleKind  title_kind;
  SpDateSource date_source;
  double   date_confidence;
  guint    removed_count;
  gint64   near_duplicate_of;

  /* g_utf8_collate_key() of the title and the source, made on the first sort by them */
  char    *title_key;
  char    *source_key;
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
  PROP_REMOVED_COUNT,
  PROP_NEAR_DUPLICATE_OF,
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
  g_clear_pointer (&self->section, g_free);
  g_clear_pointer (&self->document_type, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->title_key, g_free);
  g_clear_pointer (&self->source_key, g_free);

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

    case PROP_REMOVED_COUNT:
      g_value_set_uint (value, self->removed_count);
      break;

    case PROP_NEAR_DUPLICATE_OF:
      g_value_set_int64 (value, self->near_duplicate_of);
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
  properties[PROP_REMOVED_COUNT] =
    g_param_spec_uint ("removed-count", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_NEAR_DUPLICATE_OF] =
    g_param_spec_int64 ("near-duplicate-of", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_document_init (SpDocument *self)
{
}

/* The row's values are checked here, once, because a project file comes from anywhere: a
 * value the schema's constraints would refuse is read as the nearest one they allow. */
SpDocument *
_sp_document_new (const SpDocumentRow *row)
{
  SpDocument *self = g_object_new (SP_TYPE_DOCUMENT, NULL);

  self->id = row->id;
  self->file_name = g_strdup (row->file_name ? row->file_name : "");
  self->title = g_strdup (row->title ? row->title : "");
  self->date = sp_date_is_valid (row->date) ? g_strdup (row->date) : NULL;
  self->source = g_strdup (row->source);
  self->url = g_strdup (row->url);
  self->author = g_strdup (row->author);
  self->section = g_strdup (row->section);
  self->document_type = g_strdup (row->document_type);
  self->length = row->length;
  self->claim_count = row->claim_count;
  self->title_kind = row->title_kind;
  self->date_source = self->date != NULL || row->date_source == SP_DATE_SOURCE_ANALYST
                      ? row->date_source : SP_DATE_SOURCE_NONE;
  self->date_confidence = row->date_confidence >= 0 && row->date_confidence <= 1
                          ? row->date_confidence : 0;
  self->removed_count = row->removed_count;
  self->near_duplicate_of = row->near_duplicate_of > 0 && row->near_duplicate_of != row->id
                            ? row->near_duplicate_of : 0;

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

/* Returns: (nullable): where the document stood in its publication, as its source gave it */
const char *
sp_document_get_section (SpDocument *self)
{
  g_return_val_if_fail (SP_IS_DOCUMENT (self), NULL);
  return self->section;
}

/* Returns: (nullable): what kind of text the document is ("Opinion", "Testimony"), as its
 * source gave it */
const char *
sp_document_get_document_type (SpDocument *self)
{
  g_return_val_if_fail (SP_IS_DOCUMENT (self), NULL);
  return self->document_type;
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

/* Returns: how the title was found */
SpTitleKind
sp_document_get_title_kind (SpDocument *self)
{
  g_return_val_if_fail (SP_IS_DOCUMENT (self), SP_TITLE_KIND_HEADLINE);
  return self->title_kind;
}

/* Returns: where the date came from; %SP_DATE_SOURCE_NONE when there is no date, unless an
 *   analyst took it away (%SP_DATE_SOURCE_ANALYST) */
SpDateSource
sp_document_get_date_source (SpDocument *self)
{
  g_return_val_if_fail (SP_IS_DOCUMENT (self), SP_DATE_SOURCE_NONE);
  return self->date_source;
}

/* Returns: how sure import was of the date, from 0 to 1 */
double
sp_document_get_date_confidence (SpDocument *self)
{
  g_return_val_if_fail (SP_IS_DOCUMENT (self), 0);
  return self->date_confidence;
}

/* Returns: how many blocks cleaning took out and are not restored */
guint
sp_document_get_removed_count (SpDocument *self)
{
  g_return_val_if_fail (SP_IS_DOCUMENT (self), 0);
  return self->removed_count;
}

/* Returns: the document this one nearly repeats, or 0 */
gint64
sp_document_get_near_duplicate_of (SpDocument *self)
{
  g_return_val_if_fail (SP_IS_DOCUMENT (self), 0);
  return self->near_duplicate_of;
}

static const char *
title_key (SpDocument *self)
{
  if (self->title_key == NULL)
    self->title_key = g_utf8_collate_key (self->title, -1);
  return self->title_key;
}

static const char *
source_key (SpDocument *self)
{
  if (self->source_key == NULL)
    self->source_key = g_utf8_collate_key (self->source, -1);
  return self->source_key;
}

static gboolean
has_source (SpDocument *self)
{
  return self->source != NULL && self->source[0] != '\0';
}

/**
 * sp_document_compare:
 *
 * Orders documents for a list sorted by @sort: by date, oldest first, documents without a
 * date last; by title as the user's locale sorts text; by source, documents without one
 * last. Documents equal under @sort stay in import order (by id), so the order is total and
 * the same on every run.
 *
 * Returns: a negative number when @a comes first, positive when @b does, 0 for the same id
 */
int
sp_document_compare (SpDocument     *a,
                     SpDocument     *b,
                     SpDocumentSort  sort)
{
  int result = 0;

  g_return_val_if_fail (SP_IS_DOCUMENT (a), 0);
  g_return_val_if_fail (SP_IS_DOCUMENT (b), 0);

  switch (sort)
    {
    case SP_DOCUMENT_SORT_DATE:
      if ((a->date == NULL) != (b->date == NULL))
        return a->date == NULL ? 1 : -1;
      if (a->date != NULL)
        result = strcmp (a->date, b->date);
      break;

    case SP_DOCUMENT_SORT_TITLE:
      result = strcmp (title_key (a), title_key (b));
      break;

    case SP_DOCUMENT_SORT_SOURCE:
      if (has_source (a) != has_source (b))
        return has_source (a) ? -1 : 1;
      if (has_source (a))
        result = strcmp (source_key (a), source_key (b));
      break;

    case SP_DOCUMENT_SORT_IMPORTED:
    default:
      break;
    }

  if (result != 0)
    return result;

  return (a->id > b->id) - (a->id < b->id);
}
