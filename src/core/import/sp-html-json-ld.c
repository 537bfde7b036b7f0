/* sp-html-json-ld.c
 *
 * JSON-LD is read with json-glib, which parses recursively: JSON nested deeper than
 * MAX_JSON_DEPTH is not handed to it. The objects are visited depth first in the order they
 * are written, an object's own members before what it nests, so that the article's own
 * date comes before the dates of the items it lists or mentions.
 */
#define G_LOG_DOMAIN "sp-html-json-ld"

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "sp-date-scan.h"
#include "sp-html-json-ld.h"
#include "sp-html-node.h"

/* json-glib parses recursively: deeper JSON is not handed to it */
#define MAX_JSON_DEPTH 64

void
sp_html_json_ld_clear (SpHtmlJsonLd *ld)
{
  ld->has_article = FALSE;
  g_clear_pointer (&ld->headline, g_free);
  g_clear_pointer (&ld->date, g_free);
  g_clear_pointer (&ld->any_date, g_free);
  g_clear_pointer (&ld->author, g_free);
  g_clear_pointer (&ld->publisher, g_free);
  g_clear_pointer (&ld->body, g_free);
  g_clear_pointer (&ld->url, g_free);
}

/* Whether @json nests no deeper than json-glib can take; strings are skipped. */
static gboolean
json_depth_ok (const char *json)
{
  guint depth = 0;
  gboolean in_string = FALSE;

  for (const char *p = json; *p; p++)
    {
      if (in_string)
        {
          if (*p == '\\' && p[1] != '\0')
            p++;
          else if (*p == '"')
            in_string = FALSE;
        }
      else if (*p == '"')
        in_string = TRUE;
      else if (*p == '[' || *p == '{')
        {
          if (++depth > MAX_JSON_DEPTH)
            return FALSE;
        }
      else if ((*p == ']' || *p == '}') && depth > 0)
        depth--;
    }

  return TRUE;
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
      json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);

  return NULL;
}

/* "NewsArticle", "schema:BlogPosting", "http://schema.org/Article"... */
static gboolean
is_article_type (const char *type)
{
  static const char * const postings[] = { "BlogPosting", "LiveBlogPosting", "Report", NULL };
  const char *name;

  if (type == NULL)
    return FALSE;

  name = strrchr (type, '/');
  name = name != NULL ? name + 1 : type;
  if (strchr (name, ':') != NULL)
    name = strrchr (name, ':') + 1;

  return g_str_has_suffix (name, "Article") || g_strv_contains (postings, name);
}

static gboolean
is_article (JsonObject *object)
{
  JsonNode *type = json_object_get_member (object, "@type");

  if (type == NULL)
    return FALSE;

  if (JSON_NODE_HOLDS_VALUE (type))
    return is_article_type (member_string (object, "@type"));

  if (JSON_NODE_HOLDS_ARRAY (type))
    {
      JsonArray *types = json_node_get_array (type);

      for (guint i = 0; i < json_array_get_length (types); i++)
        {
          JsonNode *element = json_array_get_element (types, i);

          if (JSON_NODE_HOLDS_VALUE (element) &&
              json_node_get_value_type (element) == G_TYPE_STRING &&
              is_article_type (json_node_get_string (element)))
            return TRUE;
        }
    }

  return FALSE;
}

/* A person or organisation as a name: "Ann Lee", {"name": "Ann Lee"} */
static const char *
name_of (JsonNode *node)
{
  if (node == NULL)
    return NULL;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);

  if (JSON_NODE_HOLDS_OBJECT (node))
    return member_string (json_node_get_object (node), "name");

  return NULL;
}

/* One name or a list of them, joined; names that are addresses are left out */
static char *
names_of (JsonNode *node)
{
  g_autoptr(GString) names = g_string_new (NULL);

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *name = sp_html_collapse_spaces (name_of (json_array_get_element (array, i)));

          if (name == NULL || g_str_has_prefix (name, "http") || strstr (names->str, name) != NULL)
            continue;
          if (names->len > 0)
            g_string_append (names, ", ");
          g_string_append (names, name);
        }
    }
  else
    {
      g_autofree char *name = sp_html_collapse_spaces (name_of (node));

      if (name != NULL && !g_str_has_prefix (name, "http"))
        g_string_append (names, name);
    }

  return names->len > 0 ? g_string_free (g_steal_pointer (&names), FALSE) : NULL;
}

static char *
date_of (JsonObject *object,
         const char *name)
{
  return sp_date_parse (member_string (object, name));
}

static void
read_article (SpHtmlJsonLd *ld,
              JsonObject   *object)
{
  JsonNode *page = json_object_get_member (object, "mainEntityOfPage");
  const char *url = member_string (object, "url");

  ld->has_article = TRUE;
  ld->headline = sp_html_collapse_spaces (member_string (object, "headline"));
  if ((ld->date = date_of (object, "datePublished")) == NULL)
    ld->date = date_of (object, "dateCreated");
  ld->author = names_of (json_object_get_member (object, "author"));
  ld->publisher = names_of (json_object_get_member (object, "publisher"));
  ld->body = g_strdup (member_string (object, "articleBody"));

  if (url == NULL && page != NULL)
    url = JSON_NODE_HOLDS_OBJECT (page) ? member_string (json_node_get_object (page), "@id")
                                        : name_of (page);
  if (url != NULL && g_str_has_prefix (url, "http"))
    ld->url = sp_html_collapse_spaces (url);
}

/**
 * sp_html_json_ld_read:
 * @json: the text of one <script type="application/ld+json">
 *
 * Adds what @json says to @ld; what an earlier script gave stays.
 */
void
sp_html_json_ld_read (SpHtmlJsonLd *ld,
                      const char   *json)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GPtrArray) stack = NULL;

  if (json == NULL || !json_depth_ok (json))
    return;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, json, -1, NULL) || json_parser_get_root (parser) == NULL)
    return;

  /* Depth first, members in the order they are written: children are pushed in reverse */
  stack = g_ptr_array_new ();
  g_ptr_array_add (stack, json_parser_get_root (parser));

  while (stack->len > 0)
    {
      JsonNode *node = g_ptr_array_steal_index (stack, stack->len - 1);

      if (JSON_NODE_HOLDS_OBJECT (node))
        {
          JsonObject *object = json_node_get_object (node);
          g_autoptr(GList) members = NULL;

          if (!ld->has_article && is_article (object))
            read_article (ld, object);

          if (ld->any_date == NULL)
            ld->any_date = date_of (object, "datePublished");

          members = json_object_get_members (object);
          for (GList *l = g_list_last (members); l != NULL; l = l->prev)
            g_ptr_array_add (stack, json_object_get_member (object, l->data));
        }
      else if (JSON_NODE_HOLDS_ARRAY (node))
        {
          JsonArray *array = json_node_get_array (node);

          for (guint i = json_array_get_length (array); i > 0; i--)
            g_ptr_array_add (stack, json_array_get_element (array, i - 1));
        }
    }
}

/**
 * sp_html_json_ld_date:
 * @json: the text of a <script type="application/ld+json">
 *
 * The article object's datePublished, else the first datePublished in the JSON, in
 * document order, that holds a date.
 *
 * Returns: (transfer full) (nullable): the date as YYYY-MM-DD
 */
char *
sp_html_json_ld_date (const char *json)
{
  g_auto(SpHtmlJsonLd) ld = { 0 };

  if (json == NULL || strstr (json, "date") == NULL)
    return NULL;

  sp_html_json_ld_read (&ld, json);
  if (ld.date != NULL)
    return g_steal_pointer (&ld.date);

  return g_steal_pointer (&ld.any_date);
}

/**
 * sp_html_json_ld_body_text:
 * @body: an articleBody, plain text or markup
 *
 * Returns: (transfer full): @body as text: tags out, a blank line for each tag that ends
 *   a paragraph or a line, a space for any other
 */
char *
sp_html_json_ld_body_text (const char *body)
{
  static const char * const breaking[] = {
    "p", "/p", "br", "br/", "div", "/div", "li", "/li", "h1", "h2", "h3", "h4", "h5", "h6",
    "/h1", "/h2", "/h3", "/h4", "/h5", "/h6", "blockquote", "/blockquote", NULL
  };
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = body; *p; p++)
    {
      if (*p == '<' && (g_ascii_isalpha (p[1]) || p[1] == '/'))
        {
          const char *end = strchr (p, '>');
          char name[12];
          gsize n = 0;

          if (end == NULL)
            break;
          for (const char *q = p + 1; q < end && n < sizeof name - 1 &&
               (g_ascii_isalnum (*q) || *q == '/'); q++)
            name[n++] = g_ascii_tolower (*q);
          name[n] = '\0';

          g_string_append (out, g_strv_contains (breaking, name) ? "\n\n" : " ");
          p = end;
          continue;
        }
      g_string_append_c (out, *p);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}
