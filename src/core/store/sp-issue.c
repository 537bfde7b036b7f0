#define G_LOG_DOMAIN "sp-issue"

#include "config.h"

#include "sp-issue-private.h"

struct _SpIssue
{
  GObject   parent_instance;
  gint64    id;
  char     *key;
  char     *label;
  char     *proposition;
  char    **keywords;
  char    **opposing_keywords;
  char    **excluded_phrases;
  guint     claim_count;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_KEY,
  PROP_LABEL,
  PROP_PROPOSITION,
  PROP_KEYWORDS_TEXT,
  PROP_OPPOSING_KEYWORDS_TEXT,
  PROP_EXCLUDED_PHRASES_TEXT,
  PROP_CLAIM_COUNT,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (SpIssue, sp_issue, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
sp_issue_finalize (GObject *object)
{
  SpIssue *self = (SpIssue *)object;

  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->proposition, g_free);
  g_clear_pointer (&self->keywords, g_strfreev);
  g_clear_pointer (&self->opposing_keywords, g_strfreev);
  g_clear_pointer (&self->excluded_phrases, g_strfreev);

  G_OBJECT_CLASS (sp_issue_parent_class)->finalize (object);
}

static void
sp_issue_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  SpIssue *self = SP_ISSUE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;

    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    case PROP_PROPOSITION:
      g_value_set_string (value, self->proposition);
      break;

    case PROP_KEYWORDS_TEXT:
      g_value_take_string (value, g_strjoinv (", ", self->keywords));
      break;

    case PROP_OPPOSING_KEYWORDS_TEXT:
      g_value_take_string (value, g_strjoinv (", ", self->opposing_keywords));
      break;

    case PROP_EXCLUDED_PHRASES_TEXT:
      g_value_take_string (value, g_strjoinv (", ", self->excluded_phrases));
      break;

    case PROP_CLAIM_COUNT:
      g_value_set_uint (value, self->claim_count);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_issue_class_init (SpIssueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sp_issue_finalize;
  object_class->get_property = sp_issue_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_PROPOSITION] =
    g_param_spec_string ("proposition", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_KEYWORDS_TEXT] =
    g_param_spec_string ("keywords-text", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_OPPOSING_KEYWORDS_TEXT] =
    g_param_spec_string ("opposing-keywords-text", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_EXCLUDED_PHRASES_TEXT] =
    g_param_spec_string ("excluded-phrases-text", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_CLAIM_COUNT] =
    g_param_spec_uint ("claim-count", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_issue_init (SpIssue *self)
{
}

SpIssue *
_sp_issue_new (gint64              id,
               const char         *key,
               const char         *label,
               const char         *proposition,
               const char * const *keywords,
               const char * const *opposing_keywords,
               const char * const *excluded_phrases,
               guint               claim_count)
{
  SpIssue *self = g_object_new (SP_TYPE_ISSUE, NULL);
  static const char * const no_keywords[] = { NULL };

  self->id = id;
  self->key = g_strdup (key);
  self->label = g_strdup (label);
  self->proposition = g_strdup (proposition ? proposition : "");
  self->keywords = g_strdupv ((char **)(keywords ? keywords : no_keywords));
  self->opposing_keywords = g_strdupv ((char **)(opposing_keywords ? opposing_keywords : no_keywords));
  self->excluded_phrases = g_strdupv ((char **)(excluded_phrases ? excluded_phrases : no_keywords));
  self->claim_count = claim_count;

  return self;
}

gint64
sp_issue_get_id (SpIssue *self)
{
  g_return_val_if_fail (SP_IS_ISSUE (self), 0);
  return self->id;
}

const char *
sp_issue_get_key (SpIssue *self)
{
  g_return_val_if_fail (SP_IS_ISSUE (self), NULL);
  return self->key;
}

const char *
sp_issue_get_label (SpIssue *self)
{
  g_return_val_if_fail (SP_IS_ISSUE (self), NULL);
  return self->label;
}

const char *
sp_issue_get_proposition (SpIssue *self)
{
  g_return_val_if_fail (SP_IS_ISSUE (self), NULL);
  return self->proposition;
}

/* Returns: (transfer none): the keywords in codebook order, never %NULL */
const char * const *
sp_issue_get_keywords (SpIssue *self)
{
  g_return_val_if_fail (SP_IS_ISSUE (self), NULL);
  return (const char * const *)self->keywords;
}

/* Returns: (transfer none): the phrases that name the contrary of the proposition, a
 * statement for them being against it ("neutrality" for "X should join the alliance"), in
 * codebook order, never %NULL */
const char * const *
sp_issue_get_opposing_keywords (SpIssue *self)
{
  g_return_val_if_fail (SP_IS_ISSUE (self), NULL);
  return (const char * const *)self->opposing_keywords;
}

/* Returns: (transfer none): the phrases in which a keyword does not stand for the issue
 * ("nuclear weapons" for "weapons"), in codebook order, never %NULL */
const char * const *
sp_issue_get_excluded_phrases (SpIssue *self)
{
  g_return_val_if_fail (SP_IS_ISSUE (self), NULL);
  return (const char * const *)self->excluded_phrases;
}

guint
sp_issue_get_claim_count (SpIssue *self)
{
  g_return_val_if_fail (SP_IS_ISSUE (self), 0);
  return self->claim_count;
}
