/* sp-suggest-codebook.c
 *
 * The engine's own copy of a codebook: actors with their aliases, kind and group, issues
 * with their keywords. Built from a project (in the project's thread) or entry by entry
 * (tests, benchmarks), then handed to sp_suggest_engine_new(), which compiles it.
 */
#define G_LOG_DOMAIN "sp-suggest"

#include "config.h"

#include <string.h>

#include "sp-actor.h"
#include "sp-claim.h"
#include "sp-issue.h"
#include "sp-suggest-private.h"

static void
codebook_actor_free (SpCodebookActor *actor)
{
  g_free ((char *) actor->public.name);
  g_strfreev (actor->aliases);
  g_free (actor->surname);
  g_free (actor);
}

static void
codebook_issue_free (SpCodebookIssue *issue)
{
  g_free ((char *) issue->public.key);
  g_free ((char *) issue->public.label);
  g_free ((char *) issue->public.proposition);
  g_strfreev (issue->keywords);
  g_strfreev (issue->opposing);
  g_strfreev (issue->excluded);
  g_strfreev (issue->derived);
  g_ptr_array_unref (issue->examples);
  g_strfreev (issue->learned);
  g_free (issue);
}

SpSuggestCodebook *
sp_suggest_codebook_new (void)
{
  SpSuggestCodebook *codebook = g_new0 (SpSuggestCodebook, 1);

  codebook->actors = g_ptr_array_new_with_free_func ((GDestroyNotify) codebook_actor_free);
  codebook->issues = g_ptr_array_new_with_free_func ((GDestroyNotify) codebook_issue_free);
  return codebook;
}

void
sp_suggest_codebook_free (SpSuggestCodebook *codebook)
{
  if (codebook == NULL)
    return;
  g_ptr_array_unref (codebook->actors);
  g_ptr_array_unref (codebook->issues);
  g_free (codebook);
}

/**
 * sp_suggest_codebook_add_actor:
 *
 * Copies @actor. A person's last name ("Putin" of "Vladimir Putin") becomes a mention once
 * the person is known in a document, or after a title.
 */
void
sp_suggest_codebook_add_actor (SpSuggestCodebook    *codebook,
                               const SpSuggestActor *actor)
{
  SpCodebookActor *copy;
  const char *space;

  g_return_if_fail (codebook != NULL);
  g_return_if_fail (actor != NULL && actor->name != NULL);

  copy = g_new0 (SpCodebookActor, 1);
  copy->public = *actor;
  copy->public.name = g_strdup (actor->name);
  copy->aliases = g_strdupv ((char **) (actor->aliases != NULL ? actor->aliases
                                                               : (const char *[]) { NULL }));
  copy->public.aliases = (const char **) copy->aliases;
  if (copy->public.group_id == 0)
    copy->public.group_id = actor->id;

  if (actor->kind == SP_ACTOR_KIND_PERSON && (space = strrchr (actor->name, ' ')) != NULL
      && space[1] != '\0')
    copy->surname = g_strdup (space + 1);
  g_ptr_array_add (codebook->actors, copy);
}

void
sp_suggest_codebook_add_issue (SpSuggestCodebook    *codebook,
                               const SpSuggestIssue *issue)
{
  SpCodebookIssue *copy;

  g_return_if_fail (codebook != NULL);
  g_return_if_fail (issue != NULL && issue->key != NULL);

  copy = g_new0 (SpCodebookIssue, 1);
  copy->public = *issue;
  copy->public.key = g_strdup (issue->key);
  copy->public.label = g_strdup (issue->label != NULL ? issue->label : "");
  copy->public.proposition = g_strdup (issue->proposition != NULL ? issue->proposition : "");
  copy->keywords = g_strdupv ((char **) (issue->keywords != NULL ? issue->keywords
                                                                 : (const char *[]) { NULL }));
  copy->public.keywords = (const char **) copy->keywords;
  copy->opposing = g_strdupv ((char **) (issue->opposing_keywords != NULL ? issue->opposing_keywords
                                                                           : (const char *[]) { NULL }));
  copy->public.opposing_keywords = (const char **) copy->opposing;
  copy->excluded = g_strdupv ((char **) (issue->excluded_phrases != NULL ? issue->excluded_phrases
                                                                         : (const char *[]) { NULL }));
  copy->public.excluded_phrases = (const char **) copy->excluded;
  copy->examples = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (codebook->issues, copy);
}

/**
 * sp_suggest_codebook_add_example:
 * @quote: the text of a claim the analyst made or accepted on the issue @issue_id
 *
 * The engine learns words for an issue from its examples (see sp-suggest-vocab.c): words
 * that several of them share and other issues' examples do not become keywords of their
 * own, marked as learnt. An unknown issue, or more than %SP_SUGGEST_MAX_EXAMPLES examples
 * of one issue, is passed over; a quote is read up to %SP_SUGGEST_MAX_EXAMPLE_BYTES.
 */
void
sp_suggest_codebook_add_example (SpSuggestCodebook *codebook,
                                 gint64             issue_id,
                                 const char        *quote)
{
  g_return_if_fail (codebook != NULL);
  g_return_if_fail (quote != NULL);

  for (guint i = 0; i < codebook->issues->len; i++)
    {
      SpCodebookIssue *issue = g_ptr_array_index (codebook->issues, i);

      if (issue->public.id != issue_id)
        continue;
      if (issue->examples->len < SP_SUGGEST_MAX_EXAMPLES)
        {
          gsize length = strlen (quote);
          const char *end = quote + MIN (length, SP_SUGGEST_MAX_EXAMPLE_BYTES);

          /* Cut at a character, never inside one */
          if (length > SP_SUGGEST_MAX_EXAMPLE_BYTES)
            end = g_utf8_find_prev_char (quote, end + 1);
          g_ptr_array_add (issue->examples, g_strndup (quote, end - quote));
        }
      return;
    }
}

/**
 * sp_suggest_codebook_new_from_project:
 *
 * Reads the project's actors and issues; call it in the thread that opened @project.
 *
 * Returns: (transfer full) (nullable): the codebook, or %NULL with the store's error
 */
SpSuggestCodebook *
sp_suggest_codebook_new_from_project (SpProject  *project,
                                      GError    **error)
{
  g_autoptr(SpSuggestCodebook) codebook = sp_suggest_codebook_new ();
  g_autoptr(GListModel) actors = NULL;
  g_autoptr(GListModel) issues = NULL;
  g_autoptr(GListModel) claims = NULL;
  guint n;

  g_return_val_if_fail (SP_IS_PROJECT (project), NULL);

  if (!(actors = sp_project_list_actors (project, error)))
    return NULL;
  if (!(issues = sp_project_list_issues (project, error)))
    return NULL;

  n = g_list_model_get_n_items (actors);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SpActor) actor = g_list_model_get_item (actors, i);
      SpSuggestActor spec = {
        .id = sp_actor_get_id (actor),
        .name = sp_actor_get_name (actor),
        .kind = sp_actor_get_kind (actor),
        .group_id = sp_actor_get_group_id (actor),
        .affiliation_id = sp_actor_get_affiliation_id (actor),
        .aliases = (const char **) sp_actor_get_aliases (actor),
      };

      sp_suggest_codebook_add_actor (codebook, &spec);
    }

  n = g_list_model_get_n_items (issues);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SpIssue) issue = g_list_model_get_item (issues, i);
      SpSuggestIssue spec = {
        .id = sp_issue_get_id (issue),
        .key = sp_issue_get_key (issue),
        .label = sp_issue_get_label (issue),
        .proposition = sp_issue_get_proposition (issue),
        .keywords = (const char **) sp_issue_get_keywords (issue),
        .opposing_keywords = (const char **) sp_issue_get_opposing_keywords (issue),
        .excluded_phrases = (const char **) sp_issue_get_excluded_phrases (issue),
      };

      sp_suggest_codebook_add_issue (codebook, &spec);
    }

  /* The analyst's claims, made by hand or accepted, teach the engine the issues' words */
  if (!(claims = sp_project_list_claims (project, 0, error)))
    return NULL;
  n = g_list_model_get_n_items (claims);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SpClaim) claim = g_list_model_get_item (claims, i);

      sp_suggest_codebook_add_example (codebook, sp_claim_get_issue_id (claim), sp_claim_get_quote (claim));
    }
  return g_steal_pointer (&codebook);
}
