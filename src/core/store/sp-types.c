/* sp-types.c
 *
 * The string forms of the shared enums are part of the project file and of the codebook
 * JSON: they are stored and exchanged, so they must never change.
 */
#define G_LOG_DOMAIN "sp-types"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-types.h"

G_DEFINE_QUARK (sp-project-error-quark, sp_project_error)

static const char * const actor_kinds[] = {
  [SP_ACTOR_KIND_PERSON] = "person",
  [SP_ACTOR_KIND_ORGANISATION] = "organisation",
  [SP_ACTOR_KIND_STATE] = "state",
  [SP_ACTOR_KIND_GROUP] = "group",
};

static const char * const claim_origins[] = {
  [SP_CLAIM_ORIGIN_MANUAL] = "manual",
  [SP_CLAIM_ORIGIN_SUGGESTED] = "suggested",
};

static gboolean
lookup (const char * const *names,
        guint               n_names,
        const char         *str,
        guint              *value)
{
  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < n_names; i++)
    {
      if (g_str_equal (names[i], str))
        {
          *value = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
sp_actor_kind_to_string (SpActorKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (actor_kinds), NULL);
  return actor_kinds[kind];
}

/* Returns: the kind as the user reads it, translated */
const char *
sp_actor_kind_to_label (SpActorKind kind)
{
  switch (kind)
    {
    case SP_ACTOR_KIND_PERSON: return C_("actor kind", "Person");
    case SP_ACTOR_KIND_ORGANISATION: return C_("actor kind", "Organisation");
    case SP_ACTOR_KIND_STATE: return C_("actor kind", "State");
    case SP_ACTOR_KIND_GROUP: return C_("actor kind", "Group");
    default: g_return_val_if_reached (NULL);
    }
}

gboolean
sp_actor_kind_from_string (const char  *str,
                           SpActorKind *kind)
{
  guint value;

  if (!lookup (actor_kinds, G_N_ELEMENTS (actor_kinds), str, &value))
    return FALSE;
  *kind = value;
  return TRUE;
}

const char *
sp_claim_origin_to_string (SpClaimOrigin origin)
{
  g_return_val_if_fail ((guint) origin < G_N_ELEMENTS (claim_origins), NULL);
  return claim_origins[origin];
}

gboolean
sp_claim_origin_from_string (const char    *str,
                             SpClaimOrigin *origin)
{
  guint value;

  if (!lookup (claim_origins, G_N_ELEMENTS (claim_origins), str, &value))
    return FALSE;
  *origin = value;
  return TRUE;
}

/**
 * sp_issue_key_is_valid:
 *
 * An issue key names a column in the matrix CSV, so it is kept to letters, digits, `_`, `-`
 * and `.`.
 */
gboolean
sp_issue_key_is_valid (const char *key)
{
  if (key == NULL || key[0] == '\0')
    return FALSE;

  for (const char *p = key; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-' && *p != '.')
      return FALSE;

  return TRUE;
}
