/* sp-codebook-reader.c
 *
 * Reading a codebook file into an SpCodebook, checking everything that needs no project:
 * types, kinds, keys, and that no name, alias or issue key is given twice. Two names are the
 * same when the store says so (sp_name_fold: NFC and Unicode case folding), so "ōSAKA GROUP"
 * repeats "Ōsaka Group", and a decomposed "Émile Dupont" the precomposed one. What a file
 * says about the project (matches, conflicts, affiliations) is checked by the merge.
 */
#define G_LOG_DOMAIN "sp-codebook"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-codebook-private.h"
#include "sp-name.h"

G_DEFINE_QUARK (sp-codebook-error-quark, sp_codebook_error)

static void
sp_file_actor_free (SpFileActor *actor)
{
  g_free (actor->name);
  g_free (actor->fold);
  g_free (actor->affiliation);
  g_free (actor->affiliation_fold);
  g_clear_pointer (&actor->aliases, g_ptr_array_unref);
  g_clear_pointer (&actor->alias_folds, g_ptr_array_unref);
  g_free (actor);
}

static void
sp_file_issue_free (SpFileIssue *issue)
{
  g_free (issue->key);
  g_free (issue->fold);
  g_free (issue->label);
  g_free (issue->proposition);
  g_clear_pointer (&issue->keywords, g_ptr_array_unref);
  g_clear_pointer (&issue->opposing_keywords, g_ptr_array_unref);
  g_clear_pointer (&issue->excluded_phrases, g_ptr_array_unref);
  g_free (issue);
}

gboolean
_sp_codebook_fail (GError          **error,
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

/**
 * _sp_codebook_one_line:
 *
 * Returns: (transfer full): @text as a message quotes it: on one line (control characters
 *   as spaces) and cut to SP_CODEBOOK_MAX_QUOTE characters with "…"
 */
char *
_sp_codebook_one_line (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint n = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (n == SP_CODEBOOK_MAX_QUOTE)
        {
          g_string_append (out, "…");
          break;
        }

      g_string_append_unichar (out, g_unichar_iscntrl (c) || c == 0x2028 || c == 0x2029 ? ' ' : c);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
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

static gboolean
is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* A name as the store keeps it; %NULL when nothing but white space is left. */
static char *
normalize_name (const char *text)
{
  g_autofree char *normal = sp_name_normalize (text);

  return normal != NULL && normal[0] != '\0' ? g_steal_pointer (&normal) : NULL;
}

/*
 * read_string:
 * @is_name: whether the value is a name (normalised like the store's names) rather than
 *   text (trimmed)
 * @value: (out) (transfer full): the value; %NULL when the member is absent or null and not
 *   @required
 *
 * Reads a string member of the object at @where.
 */
static gboolean
read_string (JsonObject  *object,
             const char  *member,
             gboolean     required,
             gboolean     is_name,
             const char  *source,
             const char  *where,
             char       **value,
             GError     **error)
{
  g_autofree char *path = g_strdup_printf ("%s%s%s", where ? where : "", where ? "." : "", member);
  JsonNode *node = json_object_get_member (object, member);
  const char *text;

  *value = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        return _sp_codebook_fail (error, SP_CODEBOOK_ERROR_INVALID, source, path, _("missing"));
      return TRUE;
    }

  if (!is_string (node))
    return _sp_codebook_fail (error, SP_CODEBOOK_ERROR_INVALID, source, path,
                              _("expected a string, not %s"), describe_node (node));

  text = json_node_get_string (node);
  *value = is_name ? normalize_name (text) : g_strstrip (g_strdup (text));
  if (*value == NULL)
    *value = g_strdup ("");

  if (required && (*value)[0] == '\0')
    {
      g_clear_pointer (value, g_free);
      return _sp_codebook_fail (error, SP_CODEBOOK_ERROR_INVALID, source, path, _("empty"));
    }

  if (is_name && g_utf8_strlen (*value, -1) > SP_CODEBOOK_MAX_NAME)
    {
      g_clear_pointer (value, g_free);
      return _sp_codebook_fail (error, SP_CODEBOOK_ERROR_INVALID, source, path,
                                _("longer than %u characters"), SP_CODEBOOK_MAX_NAME);
    }

  return TRUE;
}

/* Reads an optional array of non-empty strings (aliases, keywords). */
static gboolean
read_strings (JsonObject  *object,
              const char  *member,
              gboolean     are_names,
              const char  *source,
              const char  *where,
              GPtrArray  **value,
              GError     **error)
{
  g_autoptr(GPtrArray) strings = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  g_autofree char *path = g_strdup_printf ("%s.%s", where, member);
  JsonNode *node = json_object_get_member (object, member);
  JsonArray *array;
  guint n;

  *value = NULL;

  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      if (!JSON_NODE_HOLDS_ARRAY (node))
        return _sp_codebook_fail (error, SP_CODEBOOK_ERROR_INVALID, source, path,
                                  _("expected an array of strings, not %s"), describe_node (node));

      array = json_node_get_array (node);
      n = json_array_get_length (array);
      for (guint i = 0; i < n; i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          const char *text;
          char *item;

          if (!is_string (element))
            {
              g_autofree char *element_path = g_strdup_printf ("%s[%u]", path, i);

              return _sp_codebook_fail (error, SP_CODEBOOK_ERROR_INVALID, source, element_path,
                                        _("expected a string, not %s"), describe_node (element));
            }

          text = json_node_get_string (element);
          item = are_names ? normalize_name (text) : g_strstrip (g_strdup (text));
          if (item == NULL || item[0] == '\0' ||
              (are_names && g_utf8_strlen (item, -1) > SP_CODEBOOK_MAX_NAME))
            {
              g_autofree char *element_path = g_strdup_printf ("%s[%u]", path, i);
              gboolean empty = item == NULL || item[0] == '\0';

              g_free (item);
              if (empty)
                return _sp_codebook_fail (error, SP_CODEBOOK_ERROR_INVALID, source, element_path,
                                          _("empty"));
              return _sp_codebook_fail (error, SP_CODEBOOK_ERROR_INVALID, source, element_path,
                                        _("longer than %u characters"), SP_CODEBOOK_MAX_NAME);
            }
          g_ptr_array_add (strings, item);
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
      _sp_codebook_fail (error, SP_CODEBOOK_ERROR_INVALID, source, member,
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

  if (format == NULL || !is_string (format))
    return _sp_codebook_fail (error, SP_CODEBOOK_ERROR_NOT_A_CODEBOOK, source, NULL,
                              _("not a Standpoint codebook (it has no \"format\": \"%s\")"),
                              SP_CODEBOOK_FORMAT);

  if (!g_str_equal (json_node_get_string (format), SP_CODEBOOK_FORMAT))
    {
      g_autofree char *quoted = _sp_codebook_one_line (json_node_get_string (format));

      return _sp_codebook_fail (error, SP_CODEBOOK_ERROR_NOT_A_CODEBOOK, source, "format",
                                _("\"%s\" is not \"%s\""), quoted, SP_CODEBOOK_FORMAT);
    }

  if (version == NULL)
    return _sp_codebook_fail (error, SP_CODEBOOK_ERROR_INVALID, source, "version", _("missing"));

  if (!JSON_NODE_HOLDS_VALUE (version) || json_node_get_value_type (version) != G_TYPE_INT64)
    return _sp_codebook_fail (error, SP_CODEBOOK_ERROR_INVALID, source, "version",
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
    return _sp_codebook_fail (error, SP_CODEBOOK_ERROR_INVALID, source, "version",
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
    return _sp_codebook_fail (error, SP_CODEBOOK_ERROR_INVALID, source, where,
                              _("expected an object, not %s"), describe_node (node));

  object = json_node_get_object (node);
  actor = g_new0 (SpFileActor, 1);
  *out = actor;

  if (!read_string (object, "name", TRUE, TRUE, source, where, &actor->name, error) ||
      !read_string (object, "kind", TRUE, FALSE, source, where, &kind, error) ||
      !read_string (object, "affiliation", FALSE, TRUE, source, where, &actor->affiliation, error) ||
      !read_strings (object, "aliases", TRUE, source, where, &actor->aliases, error))
    return FALSE;

  if (!sp_actor_kind_from_string (kind, &actor->kind))
    {
      g_autofree char *path = g_strdup_printf ("%s.kind", where);
      g_autofree char *quoted = _sp_codebook_one_line (kind);

      return _sp_codebook_fail (error, SP_CODEBOOK_ERROR_INVALID, source, path,
                                _("\"%s\" is not one of person, organisation, state, group"), quoted);
    }

  if (actor->affiliation != NULL && actor->affiliation[0] == '\0')
    g_clear_pointer (&actor->affiliation, g_free);

  actor->fold = sp_name_fold (actor->name);
  actor->affiliation_fold = actor->affiliation ? sp_name_fold (actor->affiliation) : NULL;
  actor->alias_folds = g_ptr_array_new_full (actor->aliases->len, g_free);
  for (guint i = 0; i < actor->aliases->len; i++)
    g_ptr_array_add (actor->alias_folds, sp_name_fold (g_ptr_array_index (actor->aliases, i)));

  return TRUE;
}

/* A phrase is of one kind only: a keyword, an opposing keyword or an excluded phrase of the
 * issue; as two it would give one statement both signs, or none. Compared under the rule for
 * names (sp_name_fold); the later of the two is named. */
static gboolean
check_keyword_kinds (SpFileIssue  *issue,
                     const char   *source,
                     const char   *where,
                     GError      **error)
{
  static const char * const members[] = { "keywords", "opposing_keywords", "excluded_phrases" };
  static const char * const said[] = { N_("keywords"), N_("opposing keywords"), N_("excluded phrases") };
  const char * const *lists[] = {
    (const char * const *) issue->keywords->pdata,
    (const char * const *) issue->opposing_keywords->pdata,
    (const char * const *) issue->excluded_phrases->pdata,
  };
  guint list, index, earlier;

  if (sp_name_lists_overlap (lists, G_N_ELEMENTS (lists), &list, &index, &earlier))
    {
      g_autofree char *path = g_strdup_printf ("%s.%s[%u]", where, members[list], index);
      g_autofree char *quoted = _sp_codebook_one_line (lists[list][index]);

      return _sp_codebook_fail (error, SP_CODEBOOK_ERROR_INVALID, source, path,
                                _("\"%s\" is also one of the issue's %s"), quoted, _(said[earlier]));
    }

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
    return _sp_codebook_fail (error, SP_CODEBOOK_ERROR_INVALID, source, where,
                              _("expected an object, not %s"), describe_node (node));

  object = json_node_get_object (node);
  issue = g_new0 (SpFileIssue, 1);
  *out = issue;

  if (!read_string (object, "key", TRUE, FALSE, source, where, &issue->key, error) ||
      !read_string (object, "label", TRUE, FALSE, source, where, &issue->label, error) ||
      !read_string (object, "proposition", FALSE, FALSE, source, where, &issue->proposition, error) ||
      !read_strings (object, "keywords", FALSE, source, where, &issue->keywords, error) ||
      !read_strings (object, "opposing_keywords", FALSE, source, where, &issue->opposing_keywords, error) ||
      !read_strings (object, "excluded_phrases", FALSE, source, where, &issue->excluded_phrases, error) ||
      !check_keyword_kinds (issue, source, where, error))
    return FALSE;

  if (strlen (issue->key) > SP_CODEBOOK_MAX_NAME)
    {
      g_autofree char *path = g_strdup_printf ("%s.key", where);

      return _sp_codebook_fail (error, SP_CODEBOOK_ERROR_INVALID, source, path,
                                _("longer than %u characters"), SP_CODEBOOK_MAX_NAME);
    }

  if (!sp_issue_key_is_valid (issue->key))
    {
      g_autofree char *path = g_strdup_printf ("%s.key", where);
      g_autofree char *quoted = _sp_codebook_one_line (issue->key);

      return _sp_codebook_fail (error, SP_CODEBOOK_ERROR_INVALID, source, path,
                                _("\"%s\" may only use letters, digits, \"_\", \"-\" and \".\""),
                                quoted);
    }

  issue->fold = sp_name_fold (issue->key);

  return TRUE;
}

/* Who in the file holds a fold key: actors[actor], by its name or by aliases[alias]. */
typedef struct
{
  guint actor;
  gint  alias;  /* -1 for the name */
} FileHolder;

static gboolean
check_actor_names (SpCodebook  *book,
                   GError     **error)
{
  g_autoptr(GHashTable) held = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  for (guint i = 0; i < book->actors->len; i++)
    {
      SpFileActor *actor = g_ptr_array_index (book->actors, i);
      FileHolder *holder = g_hash_table_lookup (held, actor->fold);

      if (holder != NULL)
        {
          g_autofree char *path = g_strdup_printf ("actors[%u].name", i);
          SpFileActor *first = g_ptr_array_index (book->actors, holder->actor);

          return _sp_codebook_fail (error, SP_CODEBOOK_ERROR_INVALID, book->source, path,
                                    _("\"%s\" is listed twice (also as actors[%u], \"%s\")"),
                                    actor->name, holder->actor, first->name);
        }

      holder = g_new (FileHolder, 1);
      *holder = (FileHolder) { i, -1 };
      g_hash_table_insert (held, actor->fold, holder);
    }

  /* An alias belongs to one actor: it is no other actor's name or alias. */
  for (guint i = 0; i < book->actors->len; i++)
    {
      SpFileActor *actor = g_ptr_array_index (book->actors, i);

      for (guint j = 0; j < actor->aliases->len; j++)
        {
          const char *alias = g_ptr_array_index (actor->aliases, j);
          char *fold = g_ptr_array_index (actor->alias_folds, j);
          FileHolder *holder = g_hash_table_lookup (held, fold);
          SpFileActor *other;

          if (holder == NULL)
            {
              holder = g_new (FileHolder, 1);
              *holder = (FileHolder) { i, (gint) j };
              g_hash_table_insert (held, fold, holder);
              continue;
            }

          if (holder->actor == i)
            continue;

          other = g_ptr_array_index (book->actors, holder->actor);
          {
            g_autofree char *path = g_strdup_printf ("actors[%u].aliases[%u]", i, j);

            return _sp_codebook_fail (error, SP_CODEBOOK_ERROR_CONFLICT, book->source, path,
                                      holder->alias >= 0 ? _("\"%s\" is already an alias of %s")
                                                         : _("\"%s\" is the name of another actor, %s"),
                                      alias, other->name);
          }
        }
    }

  return TRUE;
}

static gboolean
check_issue_keys (SpCodebook  *book,
                  GError     **error)
{
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < book->issues->len; i++)
    {
      SpFileIssue *issue = g_ptr_array_index (book->issues, i);
      gpointer seen;

      if (g_hash_table_lookup_extended (keys, issue->fold, NULL, &seen))
        {
          g_autofree char *path = g_strdup_printf ("issues[%u].key", i);
          SpFileIssue *first = g_ptr_array_index (book->issues, GPOINTER_TO_UINT (seen));

          return _sp_codebook_fail (error, SP_CODEBOOK_ERROR_INVALID, book->source, path,
                                    _("\"%s\" is listed twice (also as issues[%u], \"%s\")"),
                                    issue->key, GPOINTER_TO_UINT (seen), first->key);
        }
      g_hash_table_insert (keys, issue->fold, GUINT_TO_POINTER (i));
    }

  return TRUE;
}

static gboolean
read_codebook (SpCodebook  *book,
               const char  *data,
               gsize        length,
               GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonArray) actors = NULL;
  g_autoptr(JsonArray) issues = NULL;
  JsonObject *object;
  guint n;

  if (!(root = _sp_codebook_parse_json (data, length, book->source, error)))
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
      gboolean ok = read_actor (json_array_get_element (actors, i), i, book->source, &actor, error);

      if (actor != NULL)
        g_ptr_array_add (book->actors, actor);
      if (!ok)
        return FALSE;
    }

  n = json_array_get_length (issues);
  for (guint i = 0; i < n; i++)
    {
      SpFileIssue *issue = NULL;
      gboolean ok = read_issue (json_array_get_element (issues, i), i, book->source, &issue, error);

      if (issue != NULL)
        g_ptr_array_add (book->issues, issue);
      if (!ok)
        return FALSE;
    }

  return check_actor_names (book, error) && check_issue_keys (book, error);
}

/**
 * sp_codebook_read:
 * @data: the file's bytes
 * @length: the length of @data, or -1 when it is NUL-terminated
 * @source_name: (nullable): the file's name, for messages ("codebook.json: actors[3].kind: …")
 *
 * Reads a codebook file and checks everything that needs no project: strict JSON (no member
 * given twice in one object, no "\u0000", no lone surrogate, only UTF-8), the format and
 * version, the members' types and values, and that no actor name, alias or issue key is
 * given twice (compared as the store compares them). Uses no project: call it from any
 * thread.
 *
 * Returns: (transfer full): the codebook, or %NULL with an #SP_CODEBOOK_ERROR whose message
 *   names the file and the offending member or position
 */
SpCodebook *
sp_codebook_read (const char  *data,
                  gssize       length,
                  const char  *source_name,
                  GError     **error)
{
  g_autoptr(SpCodebook) book = g_new0 (SpCodebook, 1);

  g_return_val_if_fail (data != NULL || length <= 0, NULL);

  book->source = g_strdup (source_name ? source_name : "codebook");
  book->actors = g_ptr_array_new_with_free_func ((GDestroyNotify)sp_file_actor_free);
  book->issues = g_ptr_array_new_with_free_func ((GDestroyNotify)sp_file_issue_free);

  if (data == NULL)
    data = "";
  if (!read_codebook (book, data, length < 0 ? strlen (data) : (gsize)length, error))
    return NULL;

  return g_steal_pointer (&book);
}

void
sp_codebook_free (SpCodebook *book)
{
  if (book == NULL)
    return;

  g_free (book->source);
  g_clear_pointer (&book->actors, g_ptr_array_unref);
  g_clear_pointer (&book->issues, g_ptr_array_unref);
  g_free (book);
}

/* Returns: the file's name as given to sp_codebook_read(), for messages */
const char *
sp_codebook_get_source_name (const SpCodebook *book)
{
  g_return_val_if_fail (book != NULL, NULL);
  return book->source;
}

guint
sp_codebook_get_n_actors (const SpCodebook *book)
{
  g_return_val_if_fail (book != NULL, 0);
  return book->actors->len;
}

guint
sp_codebook_get_n_issues (const SpCodebook *book)
{
  g_return_val_if_fail (book != NULL, 0);
  return book->issues->len;
}
