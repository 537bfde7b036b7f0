#define G_LOG_DOMAIN "sp-html-node"

#include "config.h"

#include "sp-html-node.h"

const char *
sp_html_node_name (xmlNode *node)
{
  return node->name != NULL ? (const char *)node->name : "";
}

gboolean
sp_html_is_named (xmlNode    *node,
                  const char *name)
{
  return node->type == XML_ELEMENT_NODE && g_str_equal (sp_html_node_name (node), name);
}

gboolean
sp_html_name_in (xmlNode            *node,
                 const char * const *names)
{
  return g_strv_contains (names, sp_html_node_name (node));
}

/* An attribute's value as the parser stored it (entities decoded), or NULL */
const char *
sp_html_attribute (xmlNode    *node,
                   const char *name)
{
  for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    {
      if (g_ascii_strcasecmp ((const char *)attr->name, name) != 0)
        continue;

      if (attr->children != NULL && attr->children->type == XML_TEXT_NODE &&
          attr->children->content != NULL)
        return (const char *)attr->children->content;
      return "";
    }

  return NULL;
}

/* The node after @node in document order, staying under @top */
xmlNode *
sp_html_next_node (xmlNode *node,
                   xmlNode *top)
{
  if (node->children != NULL)
    return node->children;

  while (node != NULL && node != top && node->next == NULL)
    node = node->parent;

  return node != NULL && node != top ? node->next : NULL;
}

gboolean
sp_html_is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

gsize
sp_html_count_visible (const char *text)
{
  gsize n = 0;

  for (const char *p = text; p != NULL && *p; p++)
    if (!sp_html_is_space (*p))
      n++;

  return n;
}

/* @text on one line with single spaces, or NULL when it is blank */
char *
sp_html_collapse_spaces (const char *text)
{
  GString *out;

  if (text == NULL)
    return NULL;

  out = g_string_new (NULL);
  for (const char *p = text; *p; p++)
    {
      if (!sp_html_is_space (*p))
        g_string_append_c (out, *p);
      else if (out->len > 0 && out->str[out->len - 1] != ' ')
        g_string_append_c (out, ' ');
    }

  if (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);

  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }

  return g_string_free (out, FALSE);
}

/* Words in a run of text without spaces: one, or one per character of a script written
 * without spaces between words (Chinese, Japanese) */
guint
sp_html_count_words (const char *run,
                     gsize       length)
{
  guint n = 1;

  for (const char *p = run; p < run + length; p++)
    {
      /* U+3000 to U+9FFF (CJK punctuation, kana, ideographs) lead with 0xE3 to 0xE9;
       * Korean, which has spaces, does not */
      if ((guchar)*p >= 0xE3 && (guchar)*p <= 0xE9)
        n++;
    }

  return n;
}

/* An <article> or <main> */
gboolean
sp_html_is_landmark (xmlNode *node)
{
  return sp_html_is_named (node, "article") || sp_html_is_named (node, "main");
}

gboolean
sp_html_is_heading (xmlNode *node)
{
  static const char * const headings[] = { "h1", "h2", "h3", "h4", "h5", "h6", NULL };

  return sp_html_name_in (node, headings);
}
