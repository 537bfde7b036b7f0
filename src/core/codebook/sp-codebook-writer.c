/* sp-codebook-writer.c
 *
 * Writing a project's codebook as JSON. The output is deterministic — the same project gives
 * the same bytes — and a file is written only through sp_output_file_replace(), which never
 * writes through a link, over a device or over a project, and replaces atomically.
 */
#define G_LOG_DOMAIN "sp-codebook"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sp-codebook-private.h"
#include "sp-output-file.h"

static void
add_string_array (JsonBuilder        *builder,
                  const char         *member,
                  const char * const *strings)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; strings != NULL && strings[i] != NULL; i++)
    json_builder_add_string_value (builder, strings[i]);
  json_builder_end_array (builder);
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value ? value : "");
}

static void
add_actors (JsonBuilder *builder,
            GListModel  *actors)
{
  guint n = g_list_model_get_n_items (actors);

  json_builder_set_member_name (builder, "actors");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SpActor) actor = g_list_model_get_item (actors, i);

      json_builder_begin_object (builder);
      add_string (builder, "name", sp_actor_get_name (actor));
      add_string (builder, "kind", sp_actor_kind_to_string (sp_actor_get_kind (actor)));
      if (sp_actor_get_affiliation_id (actor) != 0)
        add_string (builder, "affiliation", sp_actor_get_affiliation_name (actor));
      add_string_array (builder, "aliases", sp_actor_get_aliases (actor));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_issues (JsonBuilder *builder,
            GListModel  *issues)
{
  guint n = g_list_model_get_n_items (issues);

  json_builder_set_member_name (builder, "issues");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SpIssue) issue = g_list_model_get_item (issues, i);

      json_builder_begin_object (builder);
      add_string (builder, "key", sp_issue_get_key (issue));
      add_string (builder, "label", sp_issue_get_label (issue));
      add_string (builder, "proposition", sp_issue_get_proposition (issue));
      add_string_array (builder, "keywords", sp_issue_get_keywords (issue));
      /* Only when there are some: a codebook without them stays as it was written before
       * opposing keywords and excluded phrases existed */
      if (sp_issue_get_opposing_keywords (issue)[0] != NULL)
        add_string_array (builder, "opposing_keywords", sp_issue_get_opposing_keywords (issue));
      if (sp_issue_get_excluded_phrases (issue)[0] != NULL)
        add_string_array (builder, "excluded_phrases", sp_issue_get_excluded_phrases (issue));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/**
 * sp_codebook_export:
 *
 * Writes the project's codebook: actors sorted by name, issues in codebook order, aliases
 * sorted, keywords in their order. The same project always gives the same bytes, and
 * importing them into an empty project and exporting again gives them back.
 *
 * Returns: (transfer full): the codebook as pretty-printed JSON ending in a newline, or
 *   %NULL on error
 */
char *
sp_codebook_export (SpProject  *project,
                    GError    **error)
{
  g_autoptr(GListModel) actors = NULL;
  g_autoptr(GListModel) issues = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;

  g_return_val_if_fail (SP_IS_PROJECT (project), NULL);

  if (!(actors = sp_project_list_actors (project, error)) ||
      !(issues = sp_project_list_issues (project, error)))
    return NULL;

  builder = json_builder_new_immutable ();
  json_builder_begin_object (builder);
  add_string (builder, "format", SP_CODEBOOK_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, SP_CODEBOOK_VERSION);
  add_actors (builder, actors);
  add_issues (builder, issues);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  json = json_generator_to_data (generator, NULL);

  return g_strconcat (json, "\n", NULL);
}

/* Whether @path names the project's own file. sp_output_file_replace() recognises a project
 * by its header, which a project fresh from sp_project_create() may still hold only in its
 * -wal file; the project being exported is known for sure. */
static gboolean
is_project_path (SpProject  *project,
                 const char *path)
{
  GStatBuf target, own;

  return g_stat (path, &target) == 0 &&
         g_stat (sp_project_get_path (project), &own) == 0 &&
         target.st_dev == own.st_dev && target.st_ino == own.st_ino;
}

/**
 * sp_codebook_export_to_file:
 * @project: the project, in the thread that uses it
 * @path: the file to write, in the GLib file name encoding
 *
 * Writes sp_codebook_export() to @path with sp_output_file_replace(): a symbolic link, a
 * device, a folder or a project is refused, and an existing file is replaced atomically and
 * keeps its mode. Thread-safe in the sense of #SpProject: it uses only @project.
 */
gboolean
sp_codebook_export_to_file (SpProject   *project,
                            const char  *path,
                            GError     **error)
{
  g_autofree char *json = NULL;

  g_return_val_if_fail (SP_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (is_project_path (project, path))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("Will not write %s: it is the project being exported"), display);
      return FALSE;
    }

  if (!(json = sp_codebook_export (project, error)))
    return FALSE;

  return sp_output_file_replace (path, json, strlen (json), error);
}
