/* sp-json-reader.c
 *
 * JSON exports of articles come from news APIs and scrapers, each with its own names: NewsAPI
 * ({"articles": [{"title", "publishedAt", "content", "source": {"name"}}]}), the Guardian
 * ({"response": {"results": [{"webTitle", "fields": {"bodyText"}}]}}), the New York Times
 * ({"response": {"docs": [{"headline": {"main"}, "pub_date"}]}}), Elasticsearch
 * ({"hits": {"hits": [{"_source": {...}}]}}), WordPress ({"content": {"rendered"}}), or a
 * scraper's plain list of objects. The reader finds the list of records (the top array, an
 * "articles"/"items"/"data"/"results"… array, at most two objects down), and in each record
 * the fields by their names folded to lower case without '_', '-' and ':', so that
 * published_at, publishedAt and PublishedAt are one name. A record without body text is not
 * an article: it is reported as skipped, with the records' numbers, never dropped silently.
 *
 * json-glib parses recursively, so the nesting is measured before it parses: a file (or, in
 * JSON Lines, a line) deeper than SP_JSON_MAX_DEPTH is refused. Everything else is linear:
 * one scan for the depth, one parse, one walk over each record's members.
 */
#define G_LOG_DOMAIN "sp-json-reader"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "sp-date-scan.h"
#include "sp-field-text.h"
#include "sp-html-metadata.h"
#include "sp-html-reader.h"
#include "sp-json-reader.h"
#include "sp-json-values.h"
#include "sp-markdown-reader.h"
#include "sp-text-decode.h"
#include "sp-text-reader.h"

/* How many record (or line) numbers a skip message lists before "…" */
#define MAX_LISTED 8
/* How many objects down from the top the list of records may be ({"response": {"docs"}}) */
#define MAX_CONTAINER_LEVELS 2
/* With no body field, the longest string of a record is its body when it is this long and
 * has this many spaces: prose, not an identifier */
#define LONG_TEXT_BYTES 200
#define LONG_TEXT_SPACES 20

typedef enum
{
  FIELD_TITLE,
  FIELD_DATE,
  FIELD_BODY,
  FIELD_SUMMARY,
  FIELD_SOURCE,
  FIELD_URL,
  FIELD_AUTHOR,
  N_FIELDS,
} Field;

/* Folded member names, the likeliest first within each field */
static const char * const field_names[N_FIELDS][16] = {
  [FIELD_TITLE] = { "title", "headline", "webtitle", NULL },
  [FIELD_DATE] = { "datepublished", "publishedat", "published", "pubdate", "publicationdate",
                   "webpublicationdate", "publishdate", "datepublish", "date", "datetime",
                   "firstpublished", "createdat", "created", "time", "timestamp", NULL },
  [FIELD_BODY] = { "articlebody", "body", "bodytext", "fulltext", "text", "content",
                   "formattedcontent", "articletext", "plaintext", "maintext", "story", "article",
                   "contentencoded", "bodyhtml", "html", NULL },
  [FIELD_SUMMARY] = { "description", "summary", "abstract", "leadparagraph", "lead",
                      "standfirst", "excerpt", "snippet", "teaser", NULL },
  [FIELD_SOURCE] = { "source", "sourcename", "site", "sitename", "publisher", "publication",
                     "outlet", "sourcetitle", "domain", NULL },
  [FIELD_URL] = { "url", "canonicalurl", "link", "weburl", "articleurl", "permalink", "href",
                  NULL },
  [FIELD_AUTHOR] = { "author", "authors", "byline", "creator", "dccreator", "writer",
                     "authorname", NULL },
};

/* Arrays of records, by their folded names */
static const char * const container_names[] = {
  "articles", "items", "data", "results", "documents", "docs", "posts", "entries", "stories",
  "hits", "news", "records", "value", NULL
};

/* Objects a record's fields may be wrapped in, by their folded names */
static const char * const wrapper_names[] = {
  "source", "fields", "thread", "attributes", "document", "meta", "metadata", NULL
};

typedef enum
{
  SKIP_NO_BODY,
  SKIP_NOT_OBJECT,
  SKIP_NOT_JSON,
  SKIP_TOO_DEEP,
  SKIP_NUL,
  N_SKIPS,
} Skip;

typedef struct
{
  guint    count;
  GString *where;
  char    *first_message;
} SkipList;

typedef struct
{
  SpReadBudget *budget;
  SpReadBudget *own_budget;
  GPtrArray    *articles;
  guint         n_records;
  gboolean      has_nuls;       /* sp_json_mark_nuls() marked some */
  SkipList      skips[N_SKIPS];
} JsonRead;

static void
json_read_clear (JsonRead *read)
{
  g_clear_pointer (&read->articles, g_ptr_array_unref);
  g_clear_pointer (&read->own_budget, sp_read_budget_free);
  for (guint i = 0; i < N_SKIPS; i++)
    {
      if (read->skips[i].where != NULL)
        g_string_free (read->skips[i].where, TRUE);
      g_free (read->skips[i].first_message);
    }
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (JsonRead, json_read_clear)

static void
add_skip (JsonRead   *read,
          Skip        skip,
          guint       number,
          const char *message)
{
  SkipList *list = &read->skips[skip];

  if (list->where == NULL)
    list->where = g_string_new (NULL);

  if (list->count < MAX_LISTED)
    g_string_append_printf (list->where, list->count == 0 ? "%u" : ", %u", number);
  else if (list->count == MAX_LISTED)
    g_string_append (list->where, ", …");

  if (list->first_message == NULL && message != NULL)
    list->first_message = g_strdup (message);

  list->count++;
}

/* One line saying what was skipped and where, e.g. "2 records skipped, no body text: 3, 7" */
static char *
describe_skip (JsonRead *read,
               Skip      skip)
{
  SkipList *list = &read->skips[skip];
  const char *where = list->where->str;

  switch (skip)
    {
    case SKIP_NO_BODY:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u record skipped, no body text (no body, text, "
                                           "content, articleBody or description field): "
                                           "record %s",
                                           "%u records skipped, no body text (no body, text, "
                                           "content, articleBody or description field): "
                                           "records %s",
                                           list->count),
                              list->count, where);
    case SKIP_NOT_OBJECT:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u record skipped, not an object: record %s",
                                           "%u records skipped, not objects: records %s",
                                           list->count),
                              list->count, where);
    case SKIP_NOT_JSON:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u line skipped, not valid JSON: line %s (%s)",
                                           "%u lines skipped, not valid JSON: lines %s (%s)",
                                           list->count),
                              list->count, where, list->first_message);
    case SKIP_TOO_DEEP:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u line skipped, nested deeper than %u levels: line %s",
                                           "%u lines skipped, nested deeper than %u levels: lines %s",
                                           list->count),
                              list->count, SP_JSON_MAX_DEPTH, where);
    case SKIP_NUL:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u record skipped, a NUL character (\\u0000) in its "
                                           "“%s” field would cut its text short: record %s",
                                           "%u records skipped, a NUL character (\\u0000) in a "
                                           "field (first “%s”) would cut its text short: records %s",
                                           list->count),
                              list->count, list->first_message, where);
    case N_SKIPS:
    default:
      g_assert_not_reached ();
    }
}

/* A member name folded: lower case, without '_', '-', ':' and '@' */
static char *
fold_name (const char *name)
{
  GString *out = g_string_sized_new (strlen (name));

  for (const char *p = name; *p; p++)
    if (*p != '_' && *p != '-' && *p != ':' && *p != '@')
      g_string_append_c (out, g_ascii_tolower (*p));

  return g_string_free (out, FALSE);
}

static int
name_index (const char * const *names,
            const char         *folded)
{
  for (int i = 0; names[i] != NULL; i++)
    if (strcmp (names[i], folded) == 0)
      return i;

  return -1;
}

typedef enum
{
  SHAPE_ONE_VALUE,
  SHAPE_TOO_DEEP,
  SHAPE_SEVERAL_VALUES,
} Shape;

/* Whether @text nests deeper than SP_JSON_MAX_DEPTH, and whether anything follows its first
 * array or object: json-glib 1.6 parses "{…} {…}" as the first object alone, and would
 * drop the rest without a word. Strings are skipped. */
static Shape
measure (const char *text,
         gsize       length)
{
  guint depth = 0;
  gboolean in_string = FALSE;
  gboolean closed = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (closed && !g_ascii_isspace (c))
        return SHAPE_SEVERAL_VALUES;
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > SP_JSON_MAX_DEPTH)
            return SHAPE_TOO_DEEP;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        closed = --depth == 0;
    }

  return SHAPE_ONE_VALUE;
}

/* Whether @object has a title, a date or text of an article, and so wraps a record's fields */
static gboolean
holds_article_fields (JsonObject *object)
{
  static const Field fields[] = { FIELD_TITLE, FIELD_DATE, FIELD_BODY, FIELD_SUMMARY };
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    {
      g_autofree char *folded = fold_name (l->data);

      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        if (name_index (field_names[fields[i]], folded) >= 0)
          return TRUE;
    }

  return FALSE;
}

/* The best member for each field in @object, a better one (earlier in its list) replacing a
 * worse one found before */
static void
find_fields (JsonObject  *object,
             JsonNode   **found,
             const char **names,
             int         *rank,
             gboolean     with_wrappers)
{
  g_autoptr(GList) members = json_object_get_members (object);
  g_autoptr(GPtrArray) wrappers = g_ptr_array_new ();

  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *node = json_object_get_member (object, l->data);
      g_autofree char *folded = fold_name (l->data);

      for (int field = 0; field < N_FIELDS; field++)
        {
          int index = name_index (field_names[field], folded);

          if (index >= 0 && (found[field] == NULL || index < rank[field]))
            {
              /* A wrapper ("_source": {"title", "body"…}) is searched, not taken; "source":
               * {"id", "name"} is a field */
              if (JSON_NODE_HOLDS_OBJECT (node) && with_wrappers &&
                  name_index (wrapper_names, folded) >= 0 &&
                  holds_article_fields (json_node_get_object (node)))
                continue;
              found[field] = node;
              names[field] = l->data;
              rank[field] = index;
            }
        }

      if (with_wrappers && JSON_NODE_HOLDS_OBJECT (node) && name_index (wrapper_names, folded) >= 0 &&
          holds_article_fields (json_node_get_object (node)))
        g_ptr_array_add (wrappers, json_node_get_object (node));
    }

  for (guint i = 0; i < wrappers->len; i++)
    {
      JsonNode *inner[N_FIELDS] = { NULL };
      const char *inner_names[N_FIELDS] = { NULL };
      int inner_rank[N_FIELDS] = { 0 };

      find_fields (g_ptr_array_index (wrappers, i), inner, inner_names, inner_rank, FALSE);
      for (int field = 0; field < N_FIELDS; field++)
        if (found[field] == NULL && inner[field] != NULL)
          {
            found[field] = inner[field];
            names[field] = inner_names[field];
            rank[field] = inner_rank[field];
          }
    }
}

static gboolean
looks_like_html (const char *text)
{
  static const char * const tags[] = { "</p>", "<p>", "<p ", "<br", "</div>", "</a>", "<div", NULL };
  g_autofree char *lower = g_ascii_strdown (text, -1);

  for (guint i = 0; tags[i] != NULL; i++)
    if (strstr (lower, tags[i]) != NULL)
      return TRUE;

  return FALSE;
}

/* A body field's text as plain text; HTML in it goes through the web page reader, Markdown
 * through the Markdown reader's reduction */
static char *
body_text (JsonRead    *read,
           JsonNode    *node,
           GError     **error)
{
  g_autofree char *text = sp_json_value_text (node, "\n\n", 0);
  g_autofree char *clean = NULL;

  if (text == NULL)
    return g_strdup ("");

  if (looks_like_html (text))
    {
      g_autoptr(SpArticle) html = NULL;
      g_autoptr(GError) html_error = NULL;

      html = sp_html_reader_read (text, strlen (text), read->budget, &html_error);
      if (html == NULL)
        {
          if (g_error_matches (html_error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_TOO_SLOW))
            {
              g_propagate_error (error, g_steal_pointer (&html_error));
              return NULL;
            }
          /* Not HTML after all (or HTML it cannot read): the text as it is */
        }
      else
        return g_steal_pointer (&html->body);
    }

  clean = sp_field_text_clean (text, -1);
  if (sp_markdown_detect (clean))
    {
      g_autoptr(GError) markdown_error = NULL;
      char *reduced = sp_markdown_to_text (clean, read->budget, &markdown_error);

      if (reduced != NULL)
        return reduced;
      if (g_error_matches (markdown_error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_TOO_SLOW))
        {
          g_propagate_error (error, g_steal_pointer (&markdown_error));
          return NULL;
        }
      /* Markdown md4c gave up on: the text as it is */
    }

  return sp_text_tidy (clean);
}

static char *
line_text (JsonNode *node,
           const char *separator)
{
  g_autofree char *text = sp_json_value_text (node, separator, 0);

  return text != NULL ? sp_field_text_line (text, -1) : NULL;
}

/* The longest string of @object that is prose, for a record whose body field has a name not
 * in the lists above */
static JsonNode *
longest_text (JsonObject  *object,
              const char **name)
{
  g_autoptr(GList) members = json_object_get_members (object);
  JsonNode *longest = NULL;
  gsize longest_length = 0;

  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *node = json_object_get_member (object, l->data);
      const char *text;
      gsize length;
      guint spaces = 0;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        continue;

      text = json_node_get_string (node);
      length = strlen (text);
      if (length < LONG_TEXT_BYTES || length <= longest_length)
        continue;
      for (const char *p = text; *p && spaces < LONG_TEXT_SPACES; p++)
        if (*p == ' ')
          spaces++;
      if (spaces < LONG_TEXT_SPACES)
        continue;

      longest = node;
      longest_length = length;
      *name = l->data;
    }

  return longest;
}

/* The name of the first field a record's article would be read from that held a NUL */
static const char *
field_with_nul (JsonObject  *object,
                JsonNode   **found,
                const char **names)
{
  const char *longest_name = NULL;
  JsonNode *longest;

  for (int field = 0; field < N_FIELDS; field++)
    if (sp_json_value_holds_nul (found[field], 0))
      return names[field];

  longest = longest_text (object, &longest_name);
  return sp_json_value_holds_nul (longest, 0) ? longest_name : NULL;
}

/* One record: an article, or a skip when it has no body text */
static gboolean
read_record (JsonRead  *read,
             JsonNode  *node,
             GError   **error)
{
  g_autoptr(SpArticle) article = NULL;
  JsonNode *found[N_FIELDS] = { NULL };
  const char *names[N_FIELDS] = { NULL };
  int rank[N_FIELDS] = { 0 };
  const char *nul_field = NULL;
  const char *longest_name = NULL;
  g_autofree char *title = NULL;
  JsonObject *object;
  guint number = ++read->n_records;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      add_skip (read, SKIP_NOT_OBJECT, number, NULL);
      return TRUE;
    }

  object = json_node_get_object (node);
  if (!sp_read_budget_spend (read->budget, 1 + json_object_get_size (object)))
    return !sp_read_budget_set_error (read->budget, error);

  find_fields (object, found, names, rank, TRUE);

  /* A field json-glib cut at a NUL: the record is refused rather than read short */
  if (read->has_nuls && (nul_field = field_with_nul (object, found, names)) != NULL)
    {
      add_skip (read, SKIP_NUL, number, nul_field);
      return TRUE;
    }

  article = sp_article_new ();
  if (!(article->body = body_text (read, found[FIELD_BODY], error)))
    return FALSE;
  if (article->body[0] == '\0')
    {
      g_free (article->body);
      if (!(article->body = body_text (read, found[FIELD_SUMMARY], error)))
        return FALSE;
    }
  if (article->body[0] == '\0')
    {
      g_free (article->body);
      if (!(article->body = body_text (read, longest_text (object, &longest_name), error)))
        return FALSE;
    }

  if (article->body[0] == '\0')
    {
      add_skip (read, SKIP_NO_BODY, number, NULL);
      return TRUE;
    }

  if ((article->date = sp_json_value_date (found[FIELD_DATE])) != NULL)
    {
      article->date_source = SP_DATE_SOURCE_METADATA;
      article->date_confidence = 0.9;
    }
  article->source = line_text (found[FIELD_SOURCE], ", ");
  article->url = line_text (found[FIELD_URL], " ");
  article->author = line_text (found[FIELD_AUTHOR], ", ");

  /* "Talks resume | World | The Coast Times": the site's name goes, and is the source when
   * the record names none */
  if ((title = line_text (found[FIELD_TITLE], " ")) != NULL)
    {
      g_autofree char *site = NULL;
      g_autofree char *stripped = sp_html_title_strip_site (title, article->source, article->url,
                                                            &site);

      article->title = sp_text_title_from_body (stripped[0] != '\0' ? stripped : title);
      article->title_kind = SP_TITLE_KIND_HEADLINE;
      if (article->source == NULL)
        article->source = g_steal_pointer (&site);
    }
  if (article->date == NULL && (article->date = sp_json_date_from_url (article->url)) != NULL)
    {
      article->date_source = SP_DATE_SOURCE_METADATA;
      article->date_confidence = 0.6;
    }

  g_ptr_array_add (read->articles, g_steal_pointer (&article));
  return TRUE;
}

/* The array of records in @object, when it is a container of them rather than a record */
static JsonArray *
find_container (JsonObject *object,
                guint       level)
{
  g_autoptr(GList) members = json_object_get_members (object);
  JsonObject *inner = NULL;

  for (GList *l = members; l != NULL; l = l->next)
    {
      g_autofree char *folded = fold_name (l->data);

      /* A record with a body is a record, whatever else it holds */
      if (name_index (field_names[FIELD_BODY], folded) >= 0)
        return NULL;
    }

  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *node = json_object_get_member (object, l->data);
      g_autofree char *folded = fold_name (l->data);

      if (name_index (container_names, folded) < 0 && g_strcmp0 (folded, "response") != 0 &&
          g_strcmp0 (folded, "result") != 0 && g_strcmp0 (folded, "feed") != 0)
        continue;

      if (JSON_NODE_HOLDS_ARRAY (node))
        return json_node_get_array (node);
      if (JSON_NODE_HOLDS_OBJECT (node) && inner == NULL)
        inner = json_node_get_object (node);
    }

  if (inner != NULL && level + 1 < MAX_CONTAINER_LEVELS)
    return find_container (inner, level + 1);

  return NULL;
}

/* A top-level value: a list of records, an object holding one, or one record */
static gboolean
read_top (JsonRead  *read,
          JsonNode  *root,
          GError   **error)
{
  JsonArray *records = NULL;

  if (JSON_NODE_HOLDS_ARRAY (root))
    records = json_node_get_array (root);
  else if (JSON_NODE_HOLDS_OBJECT (root))
    records = find_container (json_node_get_object (root), 0);

  if (records == NULL)
    return read_record (read, root, error);

  for (guint i = 0; i < json_array_get_length (records); i++)
    if (!read_record (read, json_array_get_element (records, i), error))
      return FALSE;

  return TRUE;
}

static JsonNode *
parse (const char  *text,
       gsize        length,
       JsonParser **parser_out,
       GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonNode *root;

  if (!json_parser_load_from_data (parser, text, length, error))
    {
      /* json-glib quotes the byte it stopped at, which may be part of a UTF-8 sequence */
      if (error != NULL && *error != NULL)
        {
          char *message = sp_field_text_line ((*error)->message, -1);

          g_free ((*error)->message);
          (*error)->message = message != NULL ? message : g_strdup ("?");
        }
      return NULL;
    }

  if (!(root = json_parser_get_root (parser)))
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE, _("no value"));
      return NULL;
    }

  *parser_out = g_steal_pointer (&parser);
  return root;
}

/* The articles read, then one skipped entry for each kind of skip; or, when no record gave
 * an article, an error saying why */
static GPtrArray *
finish (JsonRead  *read,
        GError   **error)
{
  g_autoptr(GPtrArray) reasons = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < N_SKIPS; i++)
    if (read->skips[i].count > 0)
      g_ptr_array_add (reasons, describe_skip (read, i));

  if (read->articles->len == 0)
    {
      if (reasons->len == 0)
        g_set_error_literal (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_EMPTY,
                             _("holds no records (an empty list)"));
      else
        {
          g_autofree char *joined = NULL;

          g_ptr_array_add (reasons, NULL);
          joined = g_strjoinv ("; ", (char **)reasons->pdata);
          g_set_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_EMPTY, _("no article: %s"), joined);
        }
      return NULL;
    }

  for (guint i = 0; i < reasons->len; i++)
    {
      SpArticle *skipped = sp_article_new ();

      skipped->skipped = g_strdup (g_ptr_array_index (reasons, i));
      g_ptr_array_add (read->articles, skipped);
    }

  return g_steal_pointer (&read->articles);
}

/* Each non-blank line a JSON value; a line that is not is skipped and said so */
static gboolean
read_lines (JsonRead    *read,
            const char  *text,
            GError     **error)
{
  guint number = 0;

  for (const char *line = text; line != NULL; )
    {
      const char *start = line;
      const char *eol = strchr (line, '\n');
      gsize length = eol != NULL ? (gsize)(eol - line) : strlen (line);
      g_autoptr(JsonParser) parser = NULL;
      g_autoptr(GError) parse_error = NULL;
      JsonNode *root;

      number++;
      line = eol != NULL ? eol + 1 : NULL;

      if (sp_text_trimmed_length (start, length) == 0)
        continue;

      if (!sp_read_budget_spend (read->budget, length))
        return !sp_read_budget_set_error (read->budget, error);

      switch (measure (start, length))
        {
        case SHAPE_TOO_DEEP:
          add_skip (read, SKIP_TOO_DEEP, number, NULL);
          continue;
        case SHAPE_SEVERAL_VALUES:
          add_skip (read, SKIP_NOT_JSON, number, _("more than one value on the line"));
          continue;
        case SHAPE_ONE_VALUE:
        default:
          break;
        }

      if (!(root = parse (start, length, &parser, &parse_error)))
        {
          add_skip (read, SKIP_NOT_JSON, number, parse_error->message);
          continue;
        }

      if (!read_top (read, root, error))
        return FALSE;
    }

  return TRUE;
}

/* Starts @read on @bytes, under @budget or a budget of its own: their text */
static char *
json_read_start (JsonRead      *read,
                 GBytes        *bytes,
                 SpReadBudget  *budget,
                 GError       **error)
{
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);
  char *text;

  if (budget == NULL)
    budget = read->own_budget = sp_read_budget_new (length);
  read->budget = budget;
  read->articles = g_ptr_array_new_with_free_func ((GDestroyNotify)sp_article_free);

  if (!sp_read_budget_spend (budget, length))
    {
      sp_read_budget_set_error (budget, error);
      return NULL;
    }

  if (!(text = sp_text_decode (data != NULL ? data : "", length, "UTF-8", SP_TEXT_DECODE_MARKUP,
                               error)))
    return NULL;

  read->has_nuls = sp_json_mark_nuls (text, strlen (text)) > 0;
  return text;
}

/**
 * sp_json_reader_read_lines:
 * @bytes: a JSON Lines file
 * @budget: (nullable): what reading it may cost; %NULL for the default
 *
 * Reads JSON Lines: each line a record, or a list of records as sp_json_reader_read() finds
 * them. Lines that are not JSON, or nest too deep, are skipped and said so.
 *
 * Returns: (transfer full) (element-type SpArticle): the articles, then an article with
 *   only SpArticle.skipped set for each kind of record or line skipped; %NULL with @error
 *   set when no record gave an article
 */
GPtrArray *
sp_json_reader_read_lines (GBytes        *bytes,
                           SpReadBudget  *budget,
                           GError       **error)
{
  g_auto(JsonRead) read = { 0 };
  g_autofree char *text = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);

  if (!(text = json_read_start (&read, bytes, budget, error)) ||
      !read_lines (&read, text, error))
    return NULL;

  return finish (&read, error);
}

/**
 * sp_json_reader_read:
 * @bytes: a JSON file
 * @budget: (nullable): what reading it may cost; %NULL for the default
 *
 * Reads a JSON export of articles: an array of records, an object holding one (under
 * "articles", "items", "data", "results"…, at most two objects down), or one record. Each
 * record with body text is an article, its metadata taken from the fields named like title,
 * date, source, url and author. A file that is not one JSON value but several lines of it
 * is read as JSON Lines.
 *
 * Fails with %SP_IMPORT_ERROR_READ for text that is not JSON, %SP_IMPORT_ERROR_TOO_LARGE
 * for JSON nested deeper than %SP_JSON_MAX_DEPTH, %SP_IMPORT_ERROR_EMPTY when no record has
 * body text, and as sp_text_decode() does.
 *
 * Returns: (transfer full) (element-type SpArticle): as sp_json_reader_read_lines()
 */
GPtrArray *
sp_json_reader_read (GBytes        *bytes,
                     SpReadBudget  *budget,
                     GError       **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_auto(JsonRead) read = { 0 };
  g_autofree char *text = NULL;
  JsonNode *root;

  g_return_val_if_fail (bytes != NULL, NULL);

  if (!(text = json_read_start (&read, bytes, budget, error)))
    return NULL;

  switch (measure (text, strlen (text)))
    {
    case SHAPE_TOO_DEEP:
      g_set_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_TOO_LARGE,
                   _("its JSON nests deeper than %u levels"), SP_JSON_MAX_DEPTH);
      return NULL;

    case SHAPE_SEVERAL_VALUES:
      /* Several values: JSON Lines saved as .json, if each is on a line of its own */
      if (!read_lines (&read, text, error))
        return NULL;
      if (read.skips[SKIP_NOT_JSON].count > 0 || read.skips[SKIP_TOO_DEEP].count > 0)
        {
          g_set_error_literal (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_READ,
                               _("not valid JSON: it holds more than one value, and not one "
                                 "on each line as JSON Lines has them"));
          return NULL;
        }
      return finish (&read, error);

    case SHAPE_ONE_VALUE:
    default:
      break;
    }

  if (!(root = parse (text, strlen (text), &parser, &parse_error)))
    {
      g_set_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_READ,
                   _("not valid JSON: %s"), parse_error->message);
      return NULL;
    }

  if (!sp_read_budget_check_clock (budget))
    {
      sp_read_budget_set_error (budget, error);
      return NULL;
    }

  /* A codebook dropped with the articles */
  if (JSON_NODE_HOLDS_OBJECT (root) &&
      g_strcmp0 (json_object_get_string_member_with_default (json_node_get_object (root), "format", NULL),
                 "standpoint-codebook") == 0)
    {
      g_set_error_literal (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_UNSUPPORTED,
                           _("a Standpoint codebook, not articles (import it as a codebook)"));
      return NULL;
    }

  if (!read_top (&read, root, error))
    return NULL;

  return finish (&read, error);
}
