/* sp-codebook-json.c
 *
 * The gate in front of json-glib. json-glib 1.6 is a forgiving parser: it keeps the last of
 * two members with the same name, cuts a string at an escaped NUL ("A\u0000B" becomes "A"),
 * turns a lone surrogate escape into bytes that are not UTF-8, accepts comments, single
 * quotes and leading zeros, wraps integers that do not fit in 64 bits, recurses once per
 * nesting level, and looks up a repeated member in a list (quadratic in the members of one
 * object). A codebook comes from anywhere, so before json-glib sees a byte this file checks
 * the whole text in one pass, against RFC 8259 and the codebook's limits, and refuses the
 * file with FILE:LINE:COLUMN (and the member's path where there is one) at the first fault.
 * What passes is plain JSON that json-glib reads exactly.
 */
#define G_LOG_DOMAIN "sp-codebook"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-codebook-private.h"

typedef struct
{
  gboolean    is_object;
  guint       index;  /* arrays: the element being read */
  const char *key;    /* objects: the member being read, owned by keys; NULL between members */
} Frame;

typedef struct
{
  const char *data;
  gsize       length;
  gsize       pos;
  const char *source;
  guint       depth;
  guint       n_values;
  gboolean    between;  /* between members or elements: the innermost frame is no part of the path */
  Frame       frames[SP_CODEBOOK_MAX_NESTING];
  /* The member names of the object open at each level (name -> offset + 1), emptied when
   * the object closes and reused by the next object at that level. */
  GHashTable *keys[SP_CODEBOOK_MAX_NESTING];
} Scanner;

static void
scanner_clear (Scanner *self)
{
  for (guint i = 0; i < SP_CODEBOOK_MAX_NESTING; i++)
    g_clear_pointer (&self->keys[i], g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Scanner, scanner_clear)

/* The first bytes of a file saved with a byte order mark, which RFC 8259 lets a reader skip */
#define UTF8_BOM "\xef\xbb\xbf"

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

  if (line_start == data && offset >= 3 && memcmp (data, UTF8_BOM, 3) == 0)
    line_start += 3;

  /* Only ever called for text that passed g_utf8_validate(), up to a character boundary */
  *column = g_utf8_strlen (line_start, data + offset - line_start) + 1;
}

/* The path of the value being read, as the reader's messages name members: actors[3].name */
static char *
current_path (Scanner *self)
{
  g_autoptr(GString) path = g_string_new (NULL);

  for (guint i = 0; i < self->depth - (self->between ? 1 : 0); i++)
    {
      const Frame *frame = &self->frames[i];

      if (!frame->is_object)
        g_string_append_printf (path, "[%u]", frame->index);
      else if (frame->key != NULL)
        {
          g_autofree char *key = _sp_codebook_one_line (frame->key);

          g_string_append_printf (path, "%s%s", path->len > 0 ? "." : "", key);
        }
      else
        break;
    }

  return g_string_free (g_steal_pointer (&path), FALSE);
}

G_GNUC_PRINTF (4, 5)
static gboolean
fail_at (Scanner     *self,
         gsize        offset,
         GError     **error,
         const char  *format,
         ...)
{
  g_autofree char *message = NULL;
  g_autofree char *path = current_path (self);
  guint line, column;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  locate (self->data, MIN (offset, self->length), &line, &column);
  g_set_error (error, SP_CODEBOOK_ERROR, SP_CODEBOOK_ERROR_PARSE, "%s:%u:%u: %s%s%s",
               self->source, line, column, path, path[0] ? ": " : "", message);
  return FALSE;
}

/* What stands at the current position, for "expected …, not …" */
static char *
describe_here (Scanner *self)
{
  const char *p = self->data + self->pos;

  if (self->pos >= self->length)
    return g_strdup (_("the end of the file"));
  if (*p == '"')
    return g_strdup (_("a string"));
  if ((guchar) *p < 0x20)
    return g_strdup_printf ("U+%04X", (guint)(guchar) *p);

  return g_strdup_printf ("\"%.*s\"", (int)(g_utf8_next_char (p) - p), p);
}

static void
skip_space (Scanner *self)
{
  while (self->pos < self->length)
    {
      char c = self->data[self->pos];

      if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
        break;
      self->pos++;
    }
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Reads the four hex digits of a \u escape whose backslash is at @start. */
static gboolean
read_u_escape (Scanner   *self,
               gsize      start,
               gunichar  *value,
               GError   **error)
{
  *value = 0;

  if (self->length - start < 6)
    return fail_at (self, start, error, _("\"\\u\" needs four hexadecimal digits"));

  for (guint i = 2; i < 6; i++)
    {
      int digit = hex_value (self->data[start + i]);

      if (digit < 0)
        return fail_at (self, start, error, _("\"\\u\" needs four hexadecimal digits"));
      *value = (*value << 4) | (gunichar) digit;
    }

  return TRUE;
}

/*
 * Checks the string whose opening quote is at the current position and moves past its
 * closing quote. With @decoded, also writes its text there (for member names).
 */
static gboolean
scan_string (Scanner  *self,
             GString  *decoded,
             GError  **error)
{
  gsize start = self->pos++;

  while (self->pos < self->length)
    {
      gsize here = self->pos;
      guchar c = self->data[here];
      gunichar value;

      if (c == '"')
        {
          self->pos++;
          return TRUE;
        }

      if (c < 0x20)
        return fail_at (self, here, error,
                        _("the control character U+%04X must be written as an escape (\\n, \\t, \\u%04X)"),
                        c, c);

      if (c != '\\')
        {
          /* The text is valid UTF-8 (checked before), so a character ends where it says. */
          const char *next = g_utf8_next_char (self->data + here);

          if (decoded != NULL)
            g_string_append_len (decoded, self->data + here, next - (self->data + here));
          self->pos = next - self->data;
          continue;
        }

      if (here + 1 >= self->length)
        break;

      switch (self->data[here + 1])
        {
        case '"':  value = '"';  break;
        case '\\': value = '\\'; break;
        case '/':  value = '/';  break;
        case 'b':  value = '\b'; break;
        case 'f':  value = '\f'; break;
        case 'n':  value = '\n'; break;
        case 'r':  value = '\r'; break;
        case 't':  value = '\t'; break;
        case 'u':
          if (!read_u_escape (self, here, &value, error))
            return FALSE;
          break;
        default:
          {
            const char *p = self->data + here + 1;

            if ((guchar) *p < 0x20)
              return fail_at (self, here, error, _("a backslash before U+%04X is not an escape JSON knows"),
                              (guint)(guchar) *p);
            return fail_at (self, here, error, _("\"\\%.*s\" is not an escape JSON knows"),
                            (int)(g_utf8_next_char (p) - p), p);
          }
        }

      if (self->data[here + 1] != 'u')
        {
          self->pos = here + 2;
        }
      else if (value == 0)
        {
          /* json-glib would end the text here and drop the rest without a word */
          return fail_at (self, here, error,
                          _("\"\\u0000\" (the NUL character) is not allowed in text"));
        }
      else if (value >= 0xDC00 && value <= 0xDFFF)
        {
          return fail_at (self, here, error,
                          _("\"\\u%04X\" is the second half of a UTF-16 surrogate pair without a first half"),
                          value);
        }
      else if (value >= 0xD800 && value <= 0xDBFF)
        {
          gunichar low = 0;

          if (self->length - here < 12 ||
              self->data[here + 6] != '\\' || self->data[here + 7] != 'u' ||
              !read_u_escape (self, here + 6, &low, NULL) ||
              low < 0xDC00 || low > 0xDFFF)
            return fail_at (self, here, error,
                            _("\"\\u%04X\" is the first half of a UTF-16 surrogate pair without a second half"),
                            value);

          value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00);
          self->pos = here + 12;
        }
      else
        {
          self->pos = here + 6;
        }

      if (decoded != NULL)
        g_string_append_unichar (decoded, value);
    }

  return fail_at (self, start, error, _("the text in quotes is not closed"));
}

static gboolean
scan_digits (Scanner *self)
{
  gsize start = self->pos;

  while (self->pos < self->length && g_ascii_isdigit (self->data[self->pos]))
    self->pos++;

  return self->pos > start;
}

static gboolean
scan_number (Scanner  *self,
             GError  **error)
{
  gsize start = self->pos;
  gboolean integer = TRUE;

  if (self->data[self->pos] == '-')
    self->pos++;

  if (self->pos < self->length && self->data[self->pos] == '0')
    {
      self->pos++;
      if (self->pos < self->length && g_ascii_isdigit (self->data[self->pos]))
        return fail_at (self, start, error, _("a number may not start with 0"));
    }
  else if (!scan_digits (self))
    return fail_at (self, start, error, _("\"-\" must be followed by digits"));

  if (self->pos < self->length && self->data[self->pos] == '.')
    {
      integer = FALSE;
      self->pos++;
      if (!scan_digits (self))
        return fail_at (self, start, error, _("a number's \".\" must be followed by digits"));
    }

  if (self->pos < self->length && (self->data[self->pos] == 'e' || self->data[self->pos] == 'E'))
    {
      integer = FALSE;
      self->pos++;
      if (self->pos < self->length && (self->data[self->pos] == '+' || self->data[self->pos] == '-'))
        self->pos++;
      if (!scan_digits (self))
        return fail_at (self, start, error, _("a number's exponent needs digits"));
    }

  if (integer)
    {
      g_autofree char *text = g_strndup (self->data + start, self->pos - start);
      gint64 value;

      /* json-glib would wrap it around without a word */
      if (!g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &value, NULL))
        return fail_at (self, start, error, _("the number %s is too large"), text);
    }

  return TRUE;
}

static gboolean
scan_word (Scanner    *self,
           const char *word)
{
  gsize n = strlen (word);

  if (self->length - self->pos < n || memcmp (self->data + self->pos, word, n) != 0)
    return FALSE;

  self->pos += n;
  return TRUE;
}

static gboolean
push (Scanner   *self,
      gboolean   is_object,
      GError   **error)
{
  Frame *frame;

  if (self->depth == SP_CODEBOOK_MAX_NESTING)
    {
      guint line, column;

      /* No path: it would be as long as the nesting is deep */
      locate (self->data, self->pos, &line, &column);
      g_set_error (error, SP_CODEBOOK_ERROR, SP_CODEBOOK_ERROR_PARSE,
                   _("%s:%u:%u: nested more than %u levels deep"),
                   self->source, line, column, SP_CODEBOOK_MAX_NESTING);
      return FALSE;
    }

  frame = &self->frames[self->depth++];
  frame->is_object = is_object;
  frame->index = 0;
  frame->key = NULL;
  self->pos++;

  return TRUE;
}

static void
pop (Scanner *self)
{
  self->depth--;
  if (self->keys[self->depth] != NULL)
    g_hash_table_remove_all (self->keys[self->depth]);
  self->pos++;
}

/* Reads one value; for an object or array only its opening bracket. */
static gboolean
scan_value (Scanner  *self,
            GError  **error)
{
  char c;

  if (++self->n_values > SP_CODEBOOK_MAX_VALUES)
    return fail_at (self, self->pos, error,
                    _("more than %u values: far too many for a codebook"), SP_CODEBOOK_MAX_VALUES);

  c = self->pos < self->length ? self->data[self->pos] : '\0';
  switch (c)
    {
    case '{':
      return push (self, TRUE, error);
    case '[':
      return push (self, FALSE, error);
    case '"':
      return scan_string (self, NULL, error);
    case '-':
    case '0' ... '9':
      return scan_number (self, error);
    default:
      if (scan_word (self, "true") || scan_word (self, "false") || scan_word (self, "null"))
        return TRUE;
      {
        g_autofree char *found = describe_here (self);

        return fail_at (self, self->pos, error, _("expected a value, not %s"), found);
      }
    }
}

/* Reads a member name and its colon; refuses a name the object already has. */
static gboolean
scan_member_name (Scanner  *self,
                  GError  **error)
{
  Frame *frame = &self->frames[self->depth - 1];
  GHashTable **keys = &self->keys[self->depth - 1];
  g_autoptr(GString) name = g_string_new (NULL);
  gsize start = self->pos;
  gpointer first;

  if (self->pos >= self->length || self->data[self->pos] != '"')
    {
      g_autofree char *found = describe_here (self);

      return fail_at (self, self->pos, error, _("expected a member name in double quotes, not %s"),
                      found);
    }

  if (!scan_string (self, name, error))
    return FALSE;

  if (*keys == NULL)
    *keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (g_hash_table_lookup_extended (*keys, name->str, NULL, &first))
    {
      g_autofree char *quoted = _sp_codebook_one_line (name->str);
      guint line, column;

      locate (self->data, GPOINTER_TO_SIZE (first) - 1, &line, &column);
      return fail_at (self, start, error, _("the member \"%s\" is given twice (first at %u:%u)"),
                      quoted, line, column);
    }

  frame->key = name->str;
  g_hash_table_insert (*keys, g_string_free (g_steal_pointer (&name), FALSE),
                       GSIZE_TO_POINTER (start + 1));

  skip_space (self);
  if (self->pos >= self->length || self->data[self->pos] != ':')
    {
      g_autofree char *found = describe_here (self);

      return fail_at (self, self->pos, error, _("expected \":\" after the member name, not %s"), found);
    }
  self->pos++;

  return TRUE;
}

/* After a value: the end of the text, or a comma or closing bracket of the container. */
static gboolean
scan_after_value (Scanner   *self,
                  gboolean  *more,
                  GError   **error)
{
  Frame *frame = &self->frames[self->depth - 1];
  char close = frame->is_object ? '}' : ']';
  char c = self->pos < self->length ? self->data[self->pos] : '\0';

  *more = FALSE;

  if (c == ',')
    {
      self->pos++;
      *more = TRUE;
      if (frame->is_object)
        frame->key = NULL;
      else
        frame->index++;
      return TRUE;
    }

  if (c == close)
    {
      pop (self);
      return TRUE;
    }

  {
    g_autofree char *found = describe_here (self);

    self->between = TRUE;
    return fail_at (self, self->pos, error,
                    frame->is_object ? _("expected \",\" or \"}\" after a member, not %s")
                                     : _("expected \",\" or \"]\" after an element, not %s"),
                    found);
  }
}

typedef enum
{
  WANT_VALUE,
  AFTER_OPEN,
  WANT_MEMBER,
  AFTER_VALUE,
} State;

static gboolean
check_json (Scanner  *self,
            GError  **error)
{
  State state = WANT_VALUE;

  for (;;)
    {
      Frame *frame = self->depth > 0 ? &self->frames[self->depth - 1] : NULL;
      guint depth = self->depth;
      gboolean more;

      skip_space (self);

      switch (state)
        {
        case WANT_VALUE:
          if (!scan_value (self, error))
            return FALSE;
          state = self->depth > depth ? AFTER_OPEN : AFTER_VALUE;
          break;

        case AFTER_OPEN:
          /* Right after the opening bracket the container may close at once. */
          if (self->pos < self->length && self->data[self->pos] == (frame->is_object ? '}' : ']'))
            {
              pop (self);
              state = AFTER_VALUE;
            }
          else
            state = frame->is_object ? WANT_MEMBER : WANT_VALUE;
          break;

        case WANT_MEMBER:
          if (!scan_member_name (self, error))
            return FALSE;
          state = WANT_VALUE;
          break;

        case AFTER_VALUE:
          if (self->depth == 0)
            {
              if (self->pos < self->length)
                {
                  g_autofree char *found = describe_here (self);

                  return fail_at (self, self->pos, error,
                                  _("expected the end of the file after the JSON, not %s"), found);
                }
              return TRUE;
            }

          if (!scan_after_value (self, &more, error))
            return FALSE;
          if (more)
            state = frame->is_object ? WANT_MEMBER : WANT_VALUE;
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

/**
 * _sp_codebook_parse_json:
 *
 * Checks @data as strict JSON within the codebook's limits (size, nesting, number of values),
 * then parses it with json-glib.
 *
 * Returns: (transfer full): the root node, an object; %NULL with an %SP_CODEBOOK_ERROR
 */
JsonNode *
_sp_codebook_parse_json (const char  *data,
                         gsize        length,
                         const char  *source,
                         GError     **error)
{
  g_auto(Scanner) scanner = { data, length, 0, source, };
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *end = NULL;
  JsonNode *root;

  if (length > SP_CODEBOOK_MAX_SIZE)
    {
      _sp_codebook_fail (error, SP_CODEBOOK_ERROR_INVALID, source, NULL,
                         _("%llu bytes is too large for a codebook"), (unsigned long long) length);
      return NULL;
    }

  /* g_utf8_validate() also refuses a NUL byte within @length. */
  if (!g_utf8_validate (data, length, &end))
    {
      guint line, column;

      locate (data, end - data, &line, &column);
      g_set_error (error, SP_CODEBOOK_ERROR, SP_CODEBOOK_ERROR_PARSE,
                   _("%s:%u:%u: the file is not UTF-8 text"), source, line, column);
      return NULL;
    }

  if (length >= 3 && memcmp (data, UTF8_BOM, 3) == 0)
    scanner.pos = 3;

  skip_space (&scanner);
  if (scanner.pos == length)
    {
      _sp_codebook_fail (error, SP_CODEBOOK_ERROR_PARSE, source, NULL, _("the file is empty"));
      return NULL;
    }

  if (!check_json (&scanner, error))
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      const char *message = local_error->message;

      /* What the check lets through is plain JSON: json-glib refusing it is a bug here. */
      g_warning ("json-glib refused what the JSON check accepted: %s", message);

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
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      _sp_codebook_fail (error, SP_CODEBOOK_ERROR_NOT_A_CODEBOOK, source, NULL,
                         _("not a Standpoint codebook (expected a JSON object)"));
      return NULL;
    }

  return json_node_ref (root);
}
