/* sp-types.c
 *
 * The string forms of the shared enums are part of the project file and of the codebook
 * JSON: they are stored and exchanged, so they must never change.
 */
#define G_LOG_DOMAIN "sp-types"

#include "config.h"

#include <string.h>

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

static const char * const suggestion_statuses[] = {
  [SP_SUGGESTION_STATUS_PENDING] = "pending",
  [SP_SUGGESTION_STATUS_ACCEPTED] = "accepted",
  [SP_SUGGESTION_STATUS_EDITED] = "edited",
  [SP_SUGGESTION_STATUS_REJECTED] = "rejected",
};

static const char * const title_kinds[] = {
  [SP_TITLE_KIND_HEADLINE] = "headline",
  [SP_TITLE_KIND_FIRST_WORDS] = "first-words",
  [SP_TITLE_KIND_FILE_NAME] = "file-name",
};

static const char * const date_sources[] = {
  [SP_DATE_SOURCE_NONE] = "none",
  [SP_DATE_SOURCE_METADATA] = "metadata",
  [SP_DATE_SOURCE_DATELINE] = "dateline",
  [SP_DATE_SOURCE_TEXT] = "text",
  [SP_DATE_SOURCE_FILE] = "file",
  [SP_DATE_SOURCE_ANALYST] = "analyst",
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

/* Returns: the status as the project file and the CLI write it */
const char *
sp_suggestion_status_to_string (SpSuggestionStatus status)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (suggestion_statuses), NULL);
  return suggestion_statuses[status];
}

gboolean
sp_suggestion_status_from_string (const char         *str,
                                  SpSuggestionStatus *status)
{
  guint value;

  if (!lookup (suggestion_statuses, G_N_ELEMENTS (suggestion_statuses), str, &value))
    return FALSE;
  *status = value;
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

const char *
sp_title_kind_to_string (SpTitleKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (title_kinds), NULL);
  return title_kinds[kind];
}

gboolean
sp_title_kind_from_string (const char  *str,
                           SpTitleKind *kind)
{
  guint value;

  if (!lookup (title_kinds, G_N_ELEMENTS (title_kinds), str, &value))
    return FALSE;
  *kind = value;
  return TRUE;
}

const char *
sp_date_source_to_string (SpDateSource source)
{
  g_return_val_if_fail ((guint) source < G_N_ELEMENTS (date_sources), NULL);
  return date_sources[source];
}

gboolean
sp_date_source_from_string (const char   *str,
                            SpDateSource *source)
{
  guint value;

  if (!lookup (date_sources, G_N_ELEMENTS (date_sources), str, &value))
    return FALSE;
  *source = value;
  return TRUE;
}

/**
 * sp_date_is_valid:
 *
 * Whether @date is a document date as the project stores it: YYYY-MM-DD, a real day of the
 * Gregorian calendar from the year 1 on ("2025-02-29" is not one).
 */
gboolean
sp_date_is_valid (const char *date)
{
  guint year, month, day;

  if (date == NULL || strlen (date) != 10 || date[4] != '-' || date[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (date[i]))
      return FALSE;

  year = g_ascii_digit_value (date[0]) * 1000 + g_ascii_digit_value (date[1]) * 100 +
         g_ascii_digit_value (date[2]) * 10 + g_ascii_digit_value (date[3]);
  month = g_ascii_digit_value (date[5]) * 10 + g_ascii_digit_value (date[6]);
  day = g_ascii_digit_value (date[8]) * 10 + g_ascii_digit_value (date[9]);

  return year >= 1 && g_date_valid_dmy (day, month, year);
}
