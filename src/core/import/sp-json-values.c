/* sp-json-values.c
 *
 * The values of a JSON export's fields as an article's metadata wants them: the text of a
 * string, of an object holding it ({"name": …}, {"main": …}, {"rendered": …}) or of an array
 * of them, and dates given as text, as Unix times or in a web address's path.
 */
#define G_LOG_DOMAIN "sp-json-reader"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "sp-date-scan.h"
#include "sp-json-values.h"

/* A date given as a number: seconds since 1970, or milliseconds when it is this large */
#define MILLISECONDS_FROM 100000000000LL

/* In a field whose value is an object, where the text is */
static const char * const inner_names[] = {
  "name", "main", "original", "rendered", "value", "text", "#text", "$date", "title",
  "displayname", NULL
};

/* The text of a field's value: a string, the text inside an object ({"name": …}, {"main": …},
 * {"rendered": …}), or the texts of an array joined with @separator */
char *
sp_json_value_text (JsonNode   *node,
                    const char *separator,
                    guint       level)
{
  if (node == NULL || level > 2)
    return NULL;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);

      for (guint i = 0; inner_names[i] != NULL; i++)
        {
          JsonNode *inner = json_object_get_member (object, inner_names[i]);

          if (inner != NULL)
            return sp_json_value_text (inner, separator, level + 1);
        }
      return NULL;
    }

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      GString *out = g_string_new (NULL);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *text = sp_json_value_text (json_array_get_element (array, i), separator,
                                              level + 1);

          if (text == NULL || text[0] == '\0')
            continue;
          if (out->len > 0)
            g_string_append (out, separator);
          g_string_append (out, text);
        }

      if (out->len == 0)
        {
          g_string_free (out, TRUE);
          return NULL;
        }
      return g_string_free (out, FALSE);
    }

  return NULL;
}

/* A date field: a date in any form sp_date_parse() reads, or a Unix time in seconds or
 * milliseconds */
char *
sp_json_value_date (JsonNode *node)
{
  g_autofree char *text = NULL;

  if (node == NULL)
    return NULL;

  if (JSON_NODE_HOLDS_VALUE (node) &&
      (json_node_get_value_type (node) == G_TYPE_INT64 ||
       json_node_get_value_type (node) == G_TYPE_DOUBLE))
    {
      gint64 seconds = json_node_get_value_type (node) == G_TYPE_INT64
                         ? json_node_get_int (node)
                         : (gint64)CLAMP (json_node_get_double (node), 0.0, (double)G_MAXINT64 / 2);
      g_autoptr(GDateTime) time = NULL;

      if (seconds >= MILLISECONDS_FROM)
        seconds /= 1000;
      /* 1970 to 9999 */
      if (seconds <= 0 || seconds > 253402300799LL ||
          !(time = g_date_time_new_from_unix_utc (seconds)))
        return NULL;
      return g_date_time_format (time, "%Y-%m-%d");
    }

  if (JSON_NODE_HOLDS_OBJECT (node) && json_object_has_member (json_node_get_object (node), "$date"))
    return sp_json_value_date (json_object_get_member (json_node_get_object (node), "$date"));

  if (!(text = sp_json_value_text (node, " ", 0)))
    return NULL;

  return sp_date_parse (text);
}

/* A date in a web address's path: /2025/3/31/ or /2025-03-31 */
char *
sp_json_date_from_url (const char *url)
{
  for (const char *p = url != NULL ? strchr (url, '/') : NULL; p != NULL; p = strchr (p + 1, '/'))
    {
      guint year, month, day;
      char separator;
      int consumed = 0;

      if (sscanf (p, "/%4u%c%2u%*[/-]%2u%n", &year, &separator, &month, &day, &consumed) == 4 &&
          consumed > 0 && (separator == '/' || separator == '-') &&
          (p[consumed] == '/' || p[consumed] == '\0' || p[consumed] == '-' || p[consumed] == '.') &&
          year >= 1990 && year <= 2100)
        {
          g_autofree char *iso = g_strdup_printf ("%04u-%02u-%02u", year, month, day);

          return sp_date_parse (iso);
        }
    }

  return NULL;
}

/* U+FFFF, a noncharacter: no text holds one once sp_json_mark_nuls() has been over it */
#define NUL_MARK "\357\277\277"

/**
 * sp_json_mark_nuls:
 * @text: JSON text, changed in place
 *
 * json-glib reads a string into a C string, so a "\u0000" in it would end the string there
 * without a word. Each such escape becomes "\uffff" instead, after every U+FFFF already in
 * @text (raw or escaped) has become U+FFFD, so that a U+FFFF in a parsed string can only have
 * been a NUL (sp_json_value_holds_nul()). Nothing changes length. "\\u0000" is an escaped
 * backslash and the letters "u0000", not a NUL.
 *
 * Returns: how many NULs were marked
 */
guint
sp_json_mark_nuls (char  *text,
                   gsize  length)
{
  guint n = 0;

  for (gsize i = 0; i < length; i++)
    {
      if (text[i] == '\\' && i + 1 < length)
        {
          if (text[i + 1] == 'u' && i + 6 <= length)
            {
              char *hex = text + i + 2;

              if (memcmp (hex, "0000", 4) == 0)
                {
                  memcpy (hex, "ffff", 4);
                  n++;
                }
              else if (g_ascii_strncasecmp (hex, "ffff", 4) == 0)
                memcpy (hex, "fffd", 4);
            }
          /* the escaped character is not the start of another escape */
          i++;
        }
      else if (i + 3 <= length && memcmp (text + i, NUL_MARK, 3) == 0)
        text[i + 2] = '\275';
    }

  return n;
}

/**
 * sp_json_value_holds_nul:
 *
 * Returns: whether a string of @node, as deep as sp_json_value_text() looks, held a NUL
 *   marked by sp_json_mark_nuls()
 */
gboolean
sp_json_value_holds_nul (JsonNode *node,
                         guint     level)
{
  if (node == NULL || level > 2)
    return FALSE;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return strstr (json_node_get_string (node), NUL_MARK) != NULL;

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      JsonNode *member;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, NULL, &member))
        if (sp_json_value_holds_nul (member, level + 1))
          return TRUE;
    }

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (sp_json_value_holds_nul (json_array_get_element (array, i), level + 1))
          return TRUE;
    }

  return FALSE;
}
