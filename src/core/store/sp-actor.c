/* sp-actor.c
 *
 * Immutable after construction: the store fills it (sp-project-codebook.c) and hands it out.
 */
#define G_LOG_DOMAIN "sp-actor"

#include "config.h"

#include "sp-actor-private.h"

struct _SpActor
{
  GObject      parent_instance;
  gint64       id;
  char        *name;
  SpActorKind  kind;
  gint64       affiliation_id;
  char        *affiliation_name;
  gint64       group_id;
  char        *group_name;
  char       **aliases;
  guint        claim_count;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_KIND_NAME,
  PROP_KIND_LABEL,
  PROP_AFFILIATION_NAME,
  PROP_GROUP_NAME,
  PROP_ALIASES_TEXT,
  PROP_CLAIM_COUNT,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (SpActor, sp_actor, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
sp_actor_finalize (GObject *object)
{
  SpActor *self = (SpActor *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->affiliation_name, g_free);
  g_clear_pointer (&self->group_name, g_free);
  g_clear_pointer (&self->aliases, g_strfreev);

  G_OBJECT_CLASS (sp_actor_parent_class)->finalize (object);
}

static void
sp_actor_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  SpActor *self = SP_ACTOR (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_KIND_NAME:
      g_value_set_string (value, sp_actor_kind_to_string (self->kind));
      break;

    case PROP_KIND_LABEL:
      g_value_set_string (value, sp_actor_kind_to_label (self->kind));
      break;

    case PROP_AFFILIATION_NAME:
      g_value_set_string (value, self->affiliation_name);
      break;

    case PROP_GROUP_NAME:
      g_value_set_string (value, self->group_name);
      break;

    case PROP_ALIASES_TEXT:
      g_value_take_string (value, g_strjoinv (", ", self->aliases));
      break;

    case PROP_CLAIM_COUNT:
      g_value_set_uint (value, self->claim_count);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_actor_class_init (SpActorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sp_actor_finalize;
  object_class->get_property = sp_actor_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_KIND_NAME] =
    g_param_spec_string ("kind-name", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_KIND_LABEL] =
    g_param_spec_string ("kind-label", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_AFFILIATION_NAME] =
    g_param_spec_string ("affiliation-name", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_GROUP_NAME] =
    g_param_spec_string ("group-name", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_ALIASES_TEXT] =
    g_param_spec_string ("aliases-text", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_CLAIM_COUNT] =
    g_param_spec_uint ("claim-count", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_actor_init (SpActor *self)
{
}

SpActor *
_sp_actor_new (gint64              id,
               const char         *name,
               SpActorKind         kind,
               gint64              affiliation_id,
               const char         *affiliation_name,
               gint64              group_id,
               const char         *group_name,
               const char * const *aliases,
               guint               claim_count)
{
  SpActor *self = g_object_new (SP_TYPE_ACTOR, NULL);
  static const char * const no_aliases[] = { NULL };

  self->id = id;
  self->name = g_strdup (name);
  self->kind = kind;
  self->affiliation_id = affiliation_id;
  self->affiliation_name = g_strdup (affiliation_name);
  self->group_id = group_id;
  self->group_name = g_strdup (group_name);
  self->aliases = g_strdupv ((char **)(aliases ? aliases : no_aliases));
  self->claim_count = claim_count;

  return self;
}

gint64
sp_actor_get_id (SpActor *self)
{
  g_return_val_if_fail (SP_IS_ACTOR (self), 0);
  return self->id;
}

const char *
sp_actor_get_name (SpActor *self)
{
  g_return_val_if_fail (SP_IS_ACTOR (self), NULL);
  return self->name;
}

SpActorKind
sp_actor_get_kind (SpActor *self)
{
  g_return_val_if_fail (SP_IS_ACTOR (self), 0);
  return self->kind;
}

/* Returns: the parent actor's id, or 0 when the actor has no affiliation */
gint64
sp_actor_get_affiliation_id (SpActor *self)
{
  g_return_val_if_fail (SP_IS_ACTOR (self), 0);
  return self->affiliation_id;
}

/* Returns: (nullable): the parent actor's name */
const char *
sp_actor_get_affiliation_name (SpActor *self)
{
  g_return_val_if_fail (SP_IS_ACTOR (self), NULL);
  return self->affiliation_name;
}

/* Returns: the top-most affiliation's id; the actor's own id when it has none */
gint64
sp_actor_get_group_id (SpActor *self)
{
  g_return_val_if_fail (SP_IS_ACTOR (self), 0);
  return self->group_id;
}

const char *
sp_actor_get_group_name (SpActor *self)
{
  g_return_val_if_fail (SP_IS_ACTOR (self), NULL);
  return self->group_name;
}

/* Returns: (transfer none): the aliases, sorted, never %NULL */
const char * const *
sp_actor_get_aliases (SpActor *self)
{
  g_return_val_if_fail (SP_IS_ACTOR (self), NULL);
  return (const char * const *)self->aliases;
}

guint
sp_actor_get_claim_count (SpActor *self)
{
  g_return_val_if_fail (SP_IS_ACTOR (self), 0);
  return self->claim_count;
}

/**
 * sp_actor_dup_search_text:
 *
 * Returns: (transfer full): the name and aliases, case-folded and separated by newlines, for
 *   type-to-search filters that must match either.
 */
char *
sp_actor_dup_search_text (SpActor *self)
{
  g_autoptr(GString) str = NULL;
  g_autofree char *folded = NULL;

  g_return_val_if_fail (SP_IS_ACTOR (self), NULL);

  str = g_string_new (self->name);
  for (guint i = 0; self->aliases[i] != NULL; i++)
    {
      g_string_append_c (str, '\n');
      g_string_append (str, self->aliases[i]);
    }

  folded = g_utf8_casefold (str->str, str->len);
  return g_steal_pointer (&folded);
}
