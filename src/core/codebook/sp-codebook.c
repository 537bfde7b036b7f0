/* sp-codebook.c
 *
 * Reading and writing the codebook file. A file comes from anywhere, so an import checks the
 * whole file against the project first — JSON syntax, types, kinds, keys, affiliations,
 * aliases — and refuses it as a whole with a message naming the file and the offending
 * member. Only then does it write, in one action: one transaction and one undo step, so that
 * a failure halfway leaves nothing behind and Undo takes the whole import back.
 *
 * Names and aliases are compared the way the store's UNIQUE … COLLATE NOCASE columns compare
 * them (ASCII letters without case), so that what the check lets through the store accepts.
 */
#define G_LOG_DOMAIN "sp-codebook"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "sp-codebook.h"

/* A codebook of ten thousand actors is a few megabytes; anything far larger is not one. */
#define MAX_CODEBOOK_SIZE (64 * 1024 * 1024)

/* The format nests four levels deep. json-glib recurses once per level, so a hostile file
 * of a million brackets would overflow the stack: such files are refused before parsing. */
#define MAX_NESTING 32

G_DEFINE_QUARK (sp-codebook-error-quark, sp_codebook_error)

typedef struct
{
  char        *name;
  SpActorKind  kind;
  char        *affiliation;  /* as written in the file; nullable */
  GPtrArray   *aliases;

  /* Resolved against the project before writing */
  gint64       owner;        /* the project actor's id, or -(index + 1) for a new actor */
  gint64       parent;       /* owner of the affiliation, 0 for none */
  SpActor     *existing;     /* nullable */
  gint64       id;           /* the actor's id once written */
  GStrv        final_aliases;
  gboolean     reaffiliate;  /* the affiliation is set in the second pass */
} SpFileActor;

typedef struct
{
  char      *key;
  char      *label;
  char      *proposition;  /* nullable: absent from the file */
  GPtrArray *keywords;
  SpIssue   *existing;     /* nullable */
} SpFileIssue;

typedef struct
{
  const char *source;
  GPtrArray  *actors;      /* SpFileActor */
  GPtrArray  *issues;      /* SpFileIssue */
} SpCodebook;

typedef struct
{
  gint64      owner;
  gboolean    is_alias;
  const char *owner_name;
} SpHolder;

static void
sp_file_actor_free (SpFileActor *actor)
{
  g_free (actor->name);
  g_free (actor->affiliation);
  g_clear_pointer (&actor->aliases, g_ptr_array_unref);
  g_clear_object (&actor->existing);
  g_clear_pointer (&actor->final_aliases, g_strfreev);
  g_free (actor);
}

static void
sp_file_issue_free (SpFileIssue *issue)
{
  g_free (issue->key);
  g_free (issue->label);
  g_free (issue->proposition);
  g_clear_pointer (&issue->keywords, g_ptr_array_unref);
  g_clear_object (&issue->existing);
  g_free (issue);
}

/* The store's COLLATE NOCASE: only ASCII letters lose their case. */
static char *
fold (const char *text)
{
  return g_ascii_strdown (text, -1);
}

G_GNUC_PRINTF (5, 6)
static gboolean
fail (GError          **error,
      SpCodebookError   code,
      const char       *source,
      const char       *where,
      const char       *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (where != NULL)
    g_set_error (error, SP_CODEBOOK_ERROR, code, "%s: %s: %s", source, where, message);
  else
    g_set_error (error, SP_CODEBOOK_ERROR, code, "%s: %s", source, message);

  return FALSE;
}

static const char *
describe_node (JsonNode *node)
{
  GType type;

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("an array");
    case JSON_NODE_NULL:
      return _("null");
    case JSON_NODE_VALUE:
    default:
      break;
    }

  type = json_node_get_value_type (node);
  if (type == G_TYPE_STRING)
    return _("a string");
  if (type == G_TYPE_BOOLEAN)
    return _("true or false");
  return _("a number");
}

/* Line and column (both from 1, the column in characters) of a byte offset. */
static void
locate (const char *data,
        gsize       offset,
        guint      *line,
        guint      *column)
{
  const char *line_start = data;

  *line = 1;
  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        {
          (*line)++;
          line_start = data + i + 1;
        }
    }

  /* The text up to the offset is valid UTF-8: it passed g_utf8_validate(). */
  *column = g_utf8_strlen (line_start, data + offset - line_start) + 1;
}

/* What json-glib cannot be trusted with: bytes that are not UTF-8, and deep nesting. */
static gboolean
check_text (const char  *data,
            gsize        length,
            const char  *source,
            GError     **error)
{
  const char *end = NULL;
  gboolean in_string = FALSE;
  gboolean escaped = FALSE;
  guint depth = 0;
  guint line, column;

  if (length > MAX_CODEBOOK_SIZE)
    return fail (error, SP_CODEBOOK_ERROR_INVALID, source, NULL,
                 _("%llu bytes is too large for a codebook"), (unsigned long long) length);

  if (!g_utf8_validate (data, length, &end))
    {
      locate (data, end - data, &line, &column);
      g_set_error (error, SP_CODEBOOK_ERROR, SP_CODEBOOK_ERROR_PARSE,
                   _("%s:%u:%u: the file is not UTF-8 text"), source, line, column);
      return FALSE;
    }

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (escaped)
            escaped = FALSE;
          else if (c == '\\')
            escaped = TRUE;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > MAX_NESTING)
            {
              locate (data, i, &line, &column);
              g_set_error (error, SP_CODEBOOK_ERROR, SP_CODEBOOK_ERROR_PARSE,
                           _("%s:%u:%u: nested more than %u levels deep"),
                           source, line, column, MAX_NESTING);
              return FALSE;
            }
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }

  return TRUE;
}

static JsonNode *
parse (const char  *data,
       gsize        length,
       const char  *source,
       GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  if (!check_text (data, length, source, error))
    return NULL;

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      const char *message = local_error->message;

      /* json-glib says "<data>:LINE:COLUMN: …"; the user needs the file's name there. */
      if (g_str_has_prefix (message, "<data>:"))
        g_set_error (error, SP_CODEBOOK_ERROR, SP_CODEBOOK_ERROR_PARSE,
                     "%s%s", source, message + strlen ("<data>"));
      else
        g_set_error (error, SP_CODEBOOK_ERROR, SP_CODEBOOK_ERROR_PARSE,
                     "%s: %s", source, message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      fail (error, SP_CODEBOOK_ERROR_PARSE, source, NULL, _("the file is empty"));
      return NULL;
    }

  if (json_parser_has_assignment (parser, NULL) || !JSON_NODE_HOLDS_OBJECT (root))
    {
      fail (error, SP_CODEBOOK_ERROR_NOT_A_CODEBOOK, source, NULL,
            _("not a Standpoint codebook (expected a JSON object)"));
      return NULL;
    }

  return json_node_ref (root);
}

/*
 * read_string:
 * @value: (out) (transfer full): the trimmed string; %NULL when the member is absent or null
 *   and not @required
 *
 * Reads a string member of the object at @where.
 */
static gboolean
read_string (JsonObject  *object,
             const char  *member,
             gboolean     required,
             const char  *source,
             const char  *where,
             char       **value,
             GError     **error)
{
  g_autofree char *path = g_strdup_printf ("%s%s%s", where ? where : "", where ? "." : "", member);
  JsonNode *node = json_object_get_member (object, member);

  *value = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        return fail (error, SP_CODEBOOK_ERROR_INVALID, source, path, _("missing"));
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (error, SP_CODEBOOK_ERROR_INVALID, source, path,
                 _("expected a string, not %s"), describe_node (node));

  *value = g_strstrip (g_strdup (json_node_get_string (node)));
  if (required && (*value)[0] == '\0')
    {
      g_clear_pointer (value, g_free);
      return fail (error, SP_CODEBOOK_ERROR_INVALID, source, path, _("empty"));
    }

  return TRUE;
}

/* Reads an optional array of non-empty strings (aliases, keywords). */
static gboolean
read_strings (JsonObject  *object,
              const char  *member,
              const char  *source,
              const char  *where,
              GPtrArray  **value,
              GError     **error)
{
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *path = g_strdup_printf ("%s.%s", where, member);
  JsonNode *node = json_object_get_member (object, member);
  JsonArray *array;
  guint n;

  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      if (!JSON_NODE_HOLDS_ARRAY (node))
        return fail (error, SP_CODEBOOK_ERROR_INVALID, source, path,
                     _("expected an array of strings, not %s"), describe_node (node));

      array = json_node_get_array (node);
      n = json_array_get_length (array);
      for (guint i = 0; i < n; i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          g_autofree char *element_path = g_strdup_printf ("%s[%u]", path, i);
          char *text;

          if (!JSON_NODE_HOLDS_VALUE (element) ||
              json_node_get_value_type (element) != G_TYPE_STRING)
            return fail (error, SP_CODEBOOK_ERROR_INVALID, source, element_path,
                         _("expected a string, not %s"), describe_node (element));

          text = g_strstrip (g_strdup (json_node_get_string (element)));
          if (text[0] == '\0')
            {
              g_free (text);
              return fail (error, SP_CODEBOOK_ERROR_INVALID, source, element_path, _("empty"));
            }
          g_ptr_array_add (strings, text);
        }
    }

  *value = g_steal_pointer (&strings);
  return TRUE;
}

static JsonArray *
read_list (JsonObject  *root,
           const char  *member,
           const char  *source,
           GError     **error)
{
  JsonNode *node = json_object_get_member (root, member);

  if (node == NULL)
    return json_array_new ();

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      fail (error, SP_CODEBOOK_ERROR_INVALID, source, member,
            _("expected an array, not %s"), describe_node (node));
      return NULL;
    }

  return json_array_ref (json_node_get_array (node));
}

static gboolean
read_header (JsonObject  *root,
             const char  *source,
             GError     **error)
{
  JsonNode *format = json_object_get_member (root, "format");
  JsonNode *version = json_object_get_member (root, "version");
  gint64 number;

  if (format == NULL || !JSON_NODE_HOLDS_VALUE (format) ||
      json_node_get_value_type (format) != G_TYPE_STRING)
    return fail (error, SP_CODEBOOK_ERROR_NOT_A_CODEBOOK, source, NULL,
                 _("not a Standpoint codebook (it has no \"format\": \"%s\")"),
                 SP_CODEBOOK_FORMAT);

  if (!g_str_equal (json_node_get_string (format), SP_CODEBOOK_FORMAT))
    return fail (error, SP_CODEBOOK_ERROR_NOT_A_CODEBOOK, source, "format",
                 _("\"%s\" is not \"%s\""), json_node_get_string (format), SP_CODEBOOK_FORMAT);

  if (version == NULL)
    return fail (error, SP_CODEBOOK_ERROR_INVALID, source, "version", _("missing"));

  if (!JSON_NODE_HOLDS_VALUE (version) || json_node_get_value_type (version) != G_TYPE_INT64)
    return fail (error, SP_CODEBOOK_ERROR_INVALID, source, "version",
                 _("expected a whole number, not %s"), describe_node (version));

  number = json_node_get_int (version);
  if (number > SP_CODEBOOK_VERSION)
    {
      g_set_error (error, SP_CODEBOOK_ERROR, SP_CODEBOOK_ERROR_NEWER_VERSION,
                   _("%s was written for a newer Standpoint (codebook version %lld; this version reads up to %d)"),
                   source, (long long) number, SP_CODEBOOK_VERSION);
      return FALSE;
    }

  if (number < 1)
    return fail (error, SP_CODEBOOK_ERROR_INVALID, source, "version",
                 _("%lld is not a codebook version"), (long long) number);

  return TRUE;
}

static gboolean
read_actor (JsonNode      *node,
            guint          index,
            const char    *source,
            SpFileActor  **out,
            GError       **error)
{
  g_autofree char *where = g_strdup_printf ("actors[%u]", index);
  g_autofree char *kind = NULL;
  SpFileActor *actor;
  JsonObject *object;

  *out = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (error, SP_CODEBOOK_ERROR_INVALID, source, where,
                 _("expected an object, not %s"), describe_node (node));

  object = json_node_get_object (node);
  actor = g_new0 (SpFileActor, 1);
  *out = actor;

  if (!read_string (object, "name", TRUE, source, where, &actor->name, error) ||
      !read_string (object, "kind", TRUE, source, where, &kind, error) ||
      !read_string (object, "affiliation", FALSE, source, where, &actor->affiliation, error) ||
      !read_strings (object, "aliases", source, where, &actor->aliases, error))
    return FALSE;

  if (!sp_actor_kind_from_string (kind, &actor->kind))
    {
      g_autofree char *path = g_strdup_printf ("%s.kind", where);

      return fail (error, SP_CODEBOOK_ERROR_INVALID, source, path,
                   _("\"%s\" is not one of person, organisation, state, group"), kind);
    }

  if (actor->affiliation != NULL && actor->affiliation[0] == '\0')
    g_clear_pointer (&actor->affiliation, g_free);

  return TRUE;
}

static gboolean
read_issue (JsonNode      *node,
            guint          index,
            const char    *source,
            SpFileIssue  **out,
            GError       **error)
{
  g_autofree char *where = g_strdup_printf ("issues[%u]", index);
  SpFileIssue *issue;
  JsonObject *object;

  *out = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (error, SP_CODEBOOK_ERROR_INVALID, source, where,
                 _("expected an object, not %s"), describe_node (node));

  object = json_node_get_object (node);
  issue = g_new0 (SpFileIssue, 1);
  *out = issue;

  if (!read_string (object, "key", TRUE, source, where, &issue->key, error) ||
      !read_string (object, "label", TRUE, source, where, &issue->label, error) ||
      !read_string (object, "proposition", FALSE, source, where, &issue->proposition, error) ||
      !read_strings (object, "keywords", source, where, &issue->keywords, error))
    return FALSE;

  if (!sp_issue_key_is_valid (issue->key))
    {
      g_autofree char *path = g_strdup_printf ("%s.key", where);

      return fail (error, SP_CODEBOOK_ERROR_INVALID, source, path,
                   _("\"%s\" may only use letters, digits, \"_\", \"-\" and \".\""), issue->key);
    }

  return TRUE;
}

/* Reads the whole file into @book, checking everything that needs no project. */
static gboolean
read_codebook (SpCodebook  *book,
               const char  *data,
               gsize        length,
               GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonArray) actors = NULL;
  g_autoptr(JsonArray) issues = NULL;
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *object;
  guint n;

  if (!(root = parse (data, length, book->source, error)))
    return FALSE;

  object = json_node_get_object (root);
  if (!read_header (object, book->source, error) ||
      !(actors = read_list (object, "actors", book->source, error)) ||
      !(issues = read_list (object, "issues", book->source, error)))
    return FALSE;

  n = json_array_get_length (actors);
  for (guint i = 0; i < n; i++)
    {
      SpFileActor *actor = NULL;
      gpointer seen;
      gboolean ok = read_actor (json_array_get_element (actors, i), i, book->source, &actor, error);
      g_autofree char *folded = NULL;

      if (actor != NULL)
        g_ptr_array_add (book->actors, actor);
      if (!ok)
        return FALSE;

      folded = fold (actor->name);
      if (g_hash_table_lookup_extended (names, folded, NULL, &seen))
        {
          g_autofree char *path = g_strdup_printf ("actors[%u].name", i);

          return fail (error, SP_CODEBOOK_ERROR_INVALID, book->source, path,
                       _("\"%s\" is listed twice (also as actors[%u])"),
                       actor->name, GPOINTER_TO_UINT (seen));
        }
      g_hash_table_insert (names, g_steal_pointer (&folded), GUINT_TO_POINTER (i));
    }

  n = json_array_get_length (issues);
  for (guint i = 0; i < n; i++)
    {
      SpFileIssue *issue = NULL;
      gpointer seen;
      gboolean ok = read_issue (json_array_get_element (issues, i), i, book->source, &issue, error);

      if (issue != NULL)
        g_ptr_array_add (book->issues, issue);
      if (!ok)
        return FALSE;

      if (g_hash_table_lookup_extended (keys, issue->key, NULL, &seen))
        {
          g_autofree char *path = g_strdup_printf ("issues[%u].key", i);

          return fail (error, SP_CODEBOOK_ERROR_INVALID, book->source, path,
                       _("\"%s\" is listed twice (also as issues[%u])"),
                       issue->key, GPOINTER_TO_UINT (seen));
        }
      g_hash_table_insert (keys, issue->key, GUINT_TO_POINTER (i));
    }

  return TRUE;
}

/* Project-dependent checks */

static void
hold (GHashTable *held,
      const char *text,
      gint64      owner,
      gboolean    is_alias,
      const char *owner_name)
{
  g_autofree char *folded = fold (text);
  SpHolder *holder;

  if (g_hash_table_contains (held, folded))
    return;

  holder = g_new0 (SpHolder, 1);
  holder->owner = owner;
  holder->is_alias = is_alias;
  holder->owner_name = owner_name;
  g_hash_table_insert (held, g_steal_pointer (&folded), holder);
}

static SpHolder *
find_holder (GHashTable *held,
             const char *text)
{
  g_autofree char *folded = fold (text);

  return g_hash_table_lookup (held, folded);
}

/* Matches the file's actors to the project's by name and checks that no name or alias
 * would end up with two actors. */
static gboolean
resolve_actors (SpCodebook  *book,
                GListModel  *project_actors,
                GHashTable  *held,
                GError     **error)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  guint n = g_list_model_get_n_items (project_actors);

  /* Everything the project's actors hold stays theirs: an import only adds aliases. */
  for (guint i = 0; i < n; i++)
    {
      SpActor *actor = g_list_model_get_item (project_actors, i);
      gint64 id = sp_actor_get_id (actor);

      hold (held, sp_actor_get_name (actor), id, FALSE, sp_actor_get_name (actor));
      g_hash_table_insert (by_id, g_memdup2 (&id, sizeof id), actor);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SpActor) actor = g_list_model_get_item (project_actors, i);
      const char * const *aliases = sp_actor_get_aliases (actor);

      for (guint j = 0; aliases[j] != NULL; j++)
        hold (held, aliases[j], sp_actor_get_id (actor), TRUE, sp_actor_get_name (actor));
    }

  for (guint i = 0; i < book->actors->len; i++)
    {
      SpFileActor *actor = g_ptr_array_index (book->actors, i);
      SpHolder *holder = find_holder (held, actor->name);

      if (holder != NULL && !holder->is_alias)
        {
          /* Same name, in any case: the file's entry updates the project's actor. */
          actor->existing = g_object_ref (g_hash_table_lookup (by_id, &holder->owner));
          actor->owner = holder->owner;
        }
      else if (holder != NULL)
        {
          g_autofree char *path = g_strdup_printf ("actors[%u].name", i);

          return fail (error, SP_CODEBOOK_ERROR_CONFLICT, book->source, path,
                       _("\"%s\" is already an alias of %s"), actor->name, holder->owner_name);
        }
      else
        {
          actor->owner = -(gint64)i - 1;
          hold (held, actor->name, actor->owner, FALSE, actor->name);
        }
    }

  for (guint i = 0; i < book->actors->len; i++)
    {
      SpFileActor *actor = g_ptr_array_index (book->actors, i);

      for (guint j = 0; j < actor->aliases->len; j++)
        {
          const char *alias = g_ptr_array_index (actor->aliases, j);
          SpHolder *holder = find_holder (held, alias);

          if (holder != NULL && holder->owner != actor->owner)
            {
              g_autofree char *path = g_strdup_printf ("actors[%u].aliases[%u]", i, j);

              return fail (error, SP_CODEBOOK_ERROR_CONFLICT, book->source, path,
                           holder->is_alias ? _("\"%s\" is already an alias of %s")
                                            : _("\"%s\" is the name of another actor, %s"),
                           alias, holder->owner_name);
            }

          hold (held, alias, actor->owner, TRUE, actor->name);
        }
    }

  return TRUE;
}

static gint64
lookup_parent (GHashTable *parents,
               gint64      owner)
{
  gint64 *parent = g_hash_table_lookup (parents, &owner);

  return parent ? *parent : 0;
}

static void
set_parent (GHashTable *parents,
            gint64      owner,
            gint64      parent)
{
  g_hash_table_insert (parents, g_memdup2 (&owner, sizeof owner), g_memdup2 (&parent, sizeof parent));
}

/* Resolves affiliations by name, forward references included, and refuses circles in the
 * project as it would be after the import. */
static gboolean
resolve_affiliations (SpCodebook  *book,
                      GListModel  *project_actors,
                      GHashTable  *held,
                      GError     **error)
{
  g_autoptr(GHashTable) parents = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  guint n = g_list_model_get_n_items (project_actors);
  guint limit = n + book->actors->len + 1;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SpActor) actor = g_list_model_get_item (project_actors, i);

      set_parent (parents, sp_actor_get_id (actor), sp_actor_get_affiliation_id (actor));
    }

  for (guint i = 0; i < book->actors->len; i++)
    {
      SpFileActor *actor = g_ptr_array_index (book->actors, i);
      g_autofree char *path = g_strdup_printf ("actors[%u].affiliation", i);
      SpHolder *holder;

      actor->parent = 0;
      if (actor->affiliation != NULL)
        {
          holder = find_holder (held, actor->affiliation);
          if (holder == NULL || holder->is_alias)
            return fail (error, SP_CODEBOOK_ERROR_INVALID, book->source, path,
                         _("\"%s\" is not the name of an actor in %s or in the project"),
                         actor->affiliation, book->source);

          if (holder->owner == actor->owner)
            return fail (error, SP_CODEBOOK_ERROR_INVALID, book->source, path,
                         _("%s cannot be affiliated with itself"), actor->name);

          actor->parent = holder->owner;
        }

      set_parent (parents, actor->owner, actor->parent);
    }

  for (guint i = 0; i < book->actors->len; i++)
    {
      SpFileActor *actor = g_ptr_array_index (book->actors, i);
      gint64 up = actor->parent;

      for (guint depth = 0; up != 0 && depth < limit; depth++)
        {
          if (up == actor->owner)
            {
              g_autofree char *path = g_strdup_printf ("actors[%u].affiliation", i);

              return fail (error, SP_CODEBOOK_ERROR_INVALID, book->source, path,
                           _("%s cannot be affiliated with %s, which is part of %s itself"),
                           actor->name, actor->affiliation, actor->name);
            }
          up = lookup_parent (parents, up);
        }
    }

  return TRUE;
}

static void
resolve_issues (SpCodebook *book,
                GListModel *project_issues)
{
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  guint n = g_list_model_get_n_items (project_issues);

  for (guint i = 0; i < n; i++)
    {
      SpIssue *issue = g_list_model_get_item (project_issues, i);

      g_hash_table_insert (by_key, (gpointer)sp_issue_get_key (issue), issue);
    }

  for (guint i = 0; i < book->issues->len; i++)
    {
      SpFileIssue *issue = g_ptr_array_index (book->issues, i);
      SpIssue *existing = g_hash_table_lookup (by_key, issue->key);

      if (existing != NULL)
        issue->existing = g_object_ref (existing);
    }
}

/* Writing */

/* @first followed by @more, trimmed, without repeats in any case and without @skip: the way
 * the store cleans alias and keyword lists, so that "nothing new" can be told beforehand. */
static GStrv
merge_lists (const char * const *first,
             GPtrArray          *more,
             const char         *skip)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_first = first ? g_strv_length ((char **)first) : 0;

  if (skip != NULL)
    g_hash_table_add (seen, g_utf8_casefold (skip, -1));

  for (guint i = 0; i < n_first + more->len; i++)
    {
      const char *item = i < n_first ? first[i] : g_ptr_array_index (more, i - n_first);
      g_autofree char *trimmed = g_strstrip (g_strdup (item));
      g_autofree char *folded = NULL;

      if (trimmed[0] == '\0')
        continue;

      folded = g_utf8_casefold (trimmed, -1);
      if (g_hash_table_contains (seen, folded))
        continue;

      g_hash_table_add (seen, g_steal_pointer (&folded));
      g_strv_builder_add (builder, trimmed);
    }

  return g_strv_builder_end (builder);
}

static gint64
owner_to_id (SpCodebook *book,
             gint64      owner)
{
  SpFileActor *actor;

  if (owner >= 0)
    return owner;

  actor = g_ptr_array_index (book->actors, -owner - 1);
  return actor->id;
}

static gboolean
write_actors (SpProject              *project,
              SpCodebook             *book,
              SpCodebookImportStats  *stats,
              GError                **error)
{
  /* First pass: every actor exists, with its kind and aliases. An actor whose affiliation
   * changes is detached here and attached in the second pass, once the actor it refers to
   * exists; the affiliations in between are a subset of the final ones, which were checked
   * for circles, so no intermediate state has one. */
  for (guint i = 0; i < book->actors->len; i++)
    {
      SpFileActor *actor = g_ptr_array_index (book->actors, i);

      if (actor->existing == NULL)
        {
          actor->final_aliases = merge_lists (NULL, actor->aliases, actor->name);
          actor->id = sp_project_add_actor (project, actor->name, actor->kind, 0,
                                            (const char * const *)actor->final_aliases, error);
          if (actor->id == 0)
            return FALSE;

          actor->reaffiliate = actor->parent != 0;
          stats->actors_added++;
        }
      else
        {
          SpActor *existing = actor->existing;
          const char * const *old_aliases = sp_actor_get_aliases (existing);
          gint64 old_parent = sp_actor_get_affiliation_id (existing);
          gboolean more_aliases;

          actor->id = sp_actor_get_id (existing);
          actor->final_aliases = merge_lists (old_aliases, actor->aliases,
                                              sp_actor_get_name (existing));
          more_aliases = g_strv_length (actor->final_aliases) != g_strv_length ((char **)old_aliases);
          actor->reaffiliate = actor->parent != old_parent;

          if (!more_aliases && !actor->reaffiliate && actor->kind == sp_actor_get_kind (existing))
            continue;

          if (!sp_project_update_actor (project, actor->id, sp_actor_get_name (existing),
                                        actor->kind, actor->reaffiliate ? 0 : old_parent,
                                        (const char * const *)actor->final_aliases, error))
            return FALSE;

          stats->actors_updated++;
        }
    }

  for (guint i = 0; i < book->actors->len; i++)
    {
      SpFileActor *actor = g_ptr_array_index (book->actors, i);
      const char *name = actor->existing ? sp_actor_get_name (actor->existing) : actor->name;

      if (!actor->reaffiliate || actor->parent == 0)
        continue;

      if (!sp_project_update_actor (project, actor->id, name, actor->kind,
                                    owner_to_id (book, actor->parent),
                                    (const char * const *)actor->final_aliases, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_issues (SpProject              *project,
              SpCodebook             *book,
              SpCodebookImportStats  *stats,
              GError                **error)
{
  for (guint i = 0; i < book->issues->len; i++)
    {
      SpFileIssue *issue = g_ptr_array_index (book->issues, i);
      SpIssue *existing = issue->existing;
      g_auto(GStrv) keywords = NULL;

      if (existing == NULL)
        {
          keywords = merge_lists (NULL, issue->keywords, NULL);
          if (sp_project_add_issue (project, issue->key, issue->label,
                                    issue->proposition ? issue->proposition : "",
                                    (const char * const *)keywords, error) == 0)
            return FALSE;

          stats->issues_added++;
        }
      else
        {
          const char * const *old_keywords = sp_issue_get_keywords (existing);
          const char *proposition = issue->proposition ? issue->proposition
                                                       : sp_issue_get_proposition (existing);

          keywords = merge_lists (old_keywords, issue->keywords, NULL);
          if (g_strv_length (keywords) == g_strv_length ((char **)old_keywords) &&
              g_strcmp0 (issue->label, sp_issue_get_label (existing)) == 0 &&
              g_strcmp0 (proposition, sp_issue_get_proposition (existing)) == 0)
            continue;

          if (!sp_project_update_issue (project, sp_issue_get_id (existing), issue->key,
                                        issue->label, proposition,
                                        (const char * const *)keywords, error))
            return FALSE;

          stats->issues_updated++;
        }
    }

  return TRUE;
}

static gboolean
import_codebook (SpProject              *project,
                 SpCodebook             *book,
                 SpCodebookImportStats  *stats,
                 GError                **error)
{
  g_autoptr(GListModel) actors = NULL;
  g_autoptr(GListModel) issues = NULL;
  g_autoptr(GHashTable) held = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (!(actors = sp_project_list_actors (project, error)) ||
      !(issues = sp_project_list_issues (project, error)))
    return FALSE;

  if (!resolve_actors (book, actors, held, error) ||
      !resolve_affiliations (book, actors, held, error))
    return FALSE;

  resolve_issues (book, issues);

  if (!write_actors (project, book, stats, error) ||
      !write_issues (project, book, stats, error))
    {
      g_prefix_error (error, "%s: ", book->source);
      return FALSE;
    }

  return TRUE;
}

/**
 * sp_codebook_import:
 * @data: the file's bytes
 * @length: the length of @data, or -1 when it is NUL-terminated
 * @source_name: the file's name, for messages ("codebook.json: actors[3].kind: …")
 * @stats: (out) (optional): what the import added and changed
 *
 * Merges a codebook file into the project: actors by name (case-insensitively), issues by
 * key. A matched actor takes its kind and affiliation from the file and keeps its aliases
 * with the file's added; a matched issue takes label and proposition from the file and keeps
 * its keywords with the file's added. Everything is checked before anything is written; a
 * file with any error is refused as a whole, and a successful import is one undo step.
 *
 * Returns: %TRUE on success; %FALSE with an #SP_CODEBOOK_ERROR (or, when the store fails,
 *   an #SP_PROJECT_ERROR) whose message names the file and the offending member
 */
gboolean
sp_codebook_import (SpProject              *project,
                    const char             *data,
                    gssize                  length,
                    const char             *source_name,
                    SpCodebookImportStats  *stats,
                    GError                **error)
{
  SpCodebookImportStats counted = { 0 };
  g_autoptr(GPtrArray) actors = g_ptr_array_new_with_free_func ((GDestroyNotify)sp_file_actor_free);
  g_autoptr(GPtrArray) issues = g_ptr_array_new_with_free_func ((GDestroyNotify)sp_file_issue_free);
  SpCodebook book = { source_name ? source_name : "codebook", actors, issues };
  gboolean ok;

  g_return_val_if_fail (SP_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (!read_codebook (&book, data ? data : "", length < 0 ? strlen (data) : (gsize)length, error))
    return FALSE;

  /* Checking against the project inside the action means nothing changes in between. */
  if (!sp_project_begin_action (project, _("Import Codebook"), error))
    return FALSE;

  ok = import_codebook (project, &book, &counted, error);

  if (!sp_project_end_action (project, ok, ok ? error : NULL))
    return FALSE;

  if (stats != NULL)
    *stats = counted;

  return TRUE;
}

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
  guint n;

  g_return_val_if_fail (SP_IS_PROJECT (project), NULL);

  if (!(actors = sp_project_list_actors (project, error)) ||
      !(issues = sp_project_list_issues (project, error)))
    return NULL;

  builder = json_builder_new_immutable ();
  json_builder_begin_object (builder);
  add_string (builder, "format", SP_CODEBOOK_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, SP_CODEBOOK_VERSION);

  json_builder_set_member_name (builder, "actors");
  json_builder_begin_array (builder);
  n = g_list_model_get_n_items (actors);
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

  json_builder_set_member_name (builder, "issues");
  json_builder_begin_array (builder);
  n = g_list_model_get_n_items (issues);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SpIssue) issue = g_list_model_get_item (issues, i);

      json_builder_begin_object (builder);
      add_string (builder, "key", sp_issue_get_key (issue));
      add_string (builder, "label", sp_issue_get_label (issue));
      add_string (builder, "proposition", sp_issue_get_proposition (issue));
      add_string_array (builder, "keywords", sp_issue_get_keywords (issue));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  json = json_generator_to_data (generator, NULL);

  return g_strconcat (json, "\n", NULL);
}
