/* sp-html-bounds.c
 *
 * libxml2 2.9 has two limits that hostile or just unusual pages run into. It compares each
 * attribute of a tag with every one before it (80,000 attributes on one tag take over a
 * minute), so attributes past SP_HTML_MAX_ATTRIBUTES are cut from the tag; attributes are
 * never article text. And it stops building the tree at a depth of 256, dropping the rest
 * of the page without a word (HTML_PARSE_HUGE lifts that, but then every end tag searches
 * the whole stack of open elements, which is quadratic on a deep page): so this pass follows
 * the stack of open elements the way libxml2 will, and a start tag that would open more than
 * SP_HTML_MAX_DEPTH elements at once is left out — its text stays, only the nesting goes
 * (a block element leaves a <br> in its place). A <p> and the like, which the next of its
 * kind closes, may still open up to SP_HTML_MAX_DEPTH_AUTO_CLOSED.
 *
 * To be safe the stack here may only be deeper than libxml2's, never shallower: it pops
 * where libxml2 certainly pops (an end tag whose element is open and not shielded by a
 * table cell, row, table or division; a start tag that libxml2's table says closes the open
 * <p>, <li>, cell or row) and keeps elements libxml2 might drop. The tokens are libxml2's:
 * start tags begin with '<' and a letter, end tags with "</" and a name, comments end at
 * "-->" or "--!>", and <script> and <style> run to their own end tag.
 */
#define G_LOG_DOMAIN "sp-html-bounds"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-article.h"
#include "sp-html-bounds.h"

/* libxml2 reads this much of an element's name */
#define MAX_NAME 100
/* libxml2 adds <html>, <head> or <body> around what a page leaves out */
#define IMPLIED_ELEMENTS 3

typedef struct
{
  const char *name;     /* into the page */
  guint       length;
  guint       priority;
} SpOpen;

typedef struct
{
  const char   *html;
  gsize         length;
  SpReadBudget *budget;
  GArray       *stack;        /* SpOpen */
  GString      *out;          /* the rewritten page, once something had to change */
  gsize         copied;       /* how much of the page out has taken over */
  guint         n_tags;
} SpBounds;

/* Elements libxml2 never opens (its empty elements) */
static const char * const empty_elements[] = {
  "area", "base", "basefont", "br", "col", "frame", "hr", "img", "input", "isindex", "link",
  "meta", "param", NULL
};

/* Block elements left out keep a line break in their place */
static const char * const block_elements[] = {
  "address", "article", "aside", "blockquote", "center", "dd", "details", "dialog", "div",
  "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
  "h5", "h6", "header", "hgroup", "li", "main", "menu", "nav", "ol", "p", "pre", "section",
  "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", NULL
};

/* Start tags that close an open element on top of the stack, from libxml2's own table;
 * each entry is the open element, then the start tags that close it */
static const char * const * const start_closes[] = {
  (const char * const[]) { "p", "address", "blockquote", "body", "caption", "center", "col",
                           "colgroup", "dd", "dir", "div", "dl", "dt", "fieldset", "form",
                           "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr",
                           "li", "listing", "menu", "ol", "p", "pre", "table", "tbody", "td",
                           "tfoot", "th", "title", "tr", "ul", "xmp", NULL },
  (const char * const[]) { "li", "li", NULL },
  (const char * const[]) { "dd", "dt", NULL },
  (const char * const[]) { "dt", "dd", "dl", NULL },
  (const char * const[]) { "option", "optgroup", "option", NULL },
  (const char * const[]) { "td", "tbody", "td", "tfoot", "th", "tr", NULL },
  (const char * const[]) { "th", "tbody", "td", "tfoot", "th", "tr", NULL },
  (const char * const[]) { "tr", "tbody", "tfoot", "tr", NULL },
  (const char * const[]) { "thead", "tbody", "tfoot", NULL },
  (const char * const[]) { "tbody", "tbody", "tfoot", NULL },
  (const char * const[]) { "tfoot", "tbody", NULL },
};

/* libxml2's end priorities: an end tag does not close an element of higher priority */
static const struct {
  const char *name;
  guint       priority;
} end_priorities[] = {
  { "div", 150 }, { "td", 160 }, { "th", 160 }, { "tr", 170 }, { "thead", 180 },
  { "tbody", 180 }, { "tfoot", 180 }, { "table", 190 }, { "head", 200 }, { "body", 200 },
  { "html", 220 },
};
#define DEFAULT_PRIORITY 100

static gboolean
is_letter (char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static gboolean
is_name_start (char c)
{
  return is_letter (c) || c == '_' || c == ':' || c == '.';
}

static gboolean
is_name_char (char c)
{
  return is_name_start (c) || (c >= '0' && c <= '9') || c == '-';
}

static gboolean
is_blank (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Whether the name at @name (@length bytes, any case) is @word */
static gboolean
name_is (const char *name,
         guint       length,
         const char *word)
{
  return strlen (word) == length && g_ascii_strncasecmp (name, word, length) == 0;
}

static gboolean
name_in (const char         *name,
         guint               length,
         const char * const *words)
{
  for (guint i = 0; words[i] != NULL; i++)
    if (name_is (name, length, words[i]))
      return TRUE;

  return FALSE;
}

static guint
priority_of (const char *name,
             guint       length)
{
  for (guint i = 0; i < G_N_ELEMENTS (end_priorities); i++)
    if (name_is (name, length, end_priorities[i].name))
      return end_priorities[i].priority;

  return DEFAULT_PRIORITY;
}

/* Whether a later start tag closes an element of this name */
static gboolean
is_auto_closed (const char *name,
                guint       length)
{
  for (guint i = 0; i < G_N_ELEMENTS (start_closes); i++)
    if (name_is (name, length, start_closes[i][0]))
      return TRUE;

  return FALSE;
}

static gboolean
start_closes_open (const char   *name,
                   guint         length,
                   const SpOpen *open)
{
  for (guint i = 0; i < G_N_ELEMENTS (start_closes); i++)
    if (name_is (open->name, open->length, start_closes[i][0]))
      return name_in (name, length, start_closes[i] + 1);

  return FALSE;
}

/* The end of the name starting at @p, and its length as libxml2 keeps it */
static gsize
read_name (SpBounds *self,
           gsize     p,
           guint    *length)
{
  gsize start = p;

  while (p < self->length && is_name_char (self->html[p]))
    p++;

  *length = MIN (p - start, MAX_NAME);
  return p;
}

/* Replaces html[from..to) with @replacement in the page libxml2 will see */
static void
replace (SpBounds   *self,
         gsize       from,
         gsize       to,
         const char *replacement)
{
  if (self->out == NULL)
    self->out = g_string_sized_new (self->length);

  g_string_append_len (self->out, self->html + self->copied, from - self->copied);
  g_string_append (self->out, replacement);
  self->copied = to;
}

static gboolean
count_tag (SpBounds  *self,
           GError   **error)
{
  if (++self->n_tags > SP_HTML_MAX_TAGS)
    {
      g_set_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_TOO_LARGE,
                   _("too many HTML elements (over %u)"), SP_HTML_MAX_TAGS);
      return FALSE;
    }

  return TRUE;
}

static gsize
end_tag (SpBounds *self,
         gsize     at)
{
  const char *name = self->html + at + 2;
  guint length = 0;
  gsize p = read_name (self, at + 2, &length);
  const char *close = memchr (self->html + p, '>', self->length - p);
  guint priority = priority_of (name, length);

  /* libxml2 keeps its own count of stray <html>, <head> and <body>: never popped here */
  if (!name_is (name, length, "html") && !name_is (name, length, "head") &&
      !name_is (name, length, "body"))
    {
      for (guint k = self->stack->len; k > 0; k--)
        {
          const SpOpen *open = &g_array_index (self->stack, SpOpen, k - 1);

          sp_read_budget_spend (self->budget, 1);
          if (open->length == length && g_ascii_strncasecmp (open->name, name, length) == 0)
            {
              g_array_set_size (self->stack, k - 1);
              break;
            }
          if (open->priority > priority)
            break;
        }
    }

  return close != NULL ? (gsize)(close - self->html) + 1 : self->length;
}

/* Past the attributes of a start tag; @keep_end is where its first
 * SP_HTML_MAX_ATTRIBUTES attributes end, @n_attributes how many it has */
static gsize
skip_attributes (SpBounds *self,
                 gsize     p,
                 gsize    *keep_end,
                 guint    *n_attributes)
{
  const char *html = self->html;
  gsize length = self->length;

  *n_attributes = 0;
  *keep_end = p;

  for (;;)
    {
      while (p < length && is_blank (html[p]))
        p++;

      if (p >= length || html[p] == '>' || (html[p] == '/' && p + 1 < length && html[p + 1] == '>'))
        return p;

      sp_read_budget_spend (self->budget, 1);

      if (is_name_start (html[p]))
        {
          guint name_length;

          p = read_name (self, p, &name_length);
          while (p < length && is_blank (html[p]))
            p++;

          if (p < length && html[p] == '=')
            {
              p++;
              while (p < length && is_blank (html[p]))
                p++;

              if (p < length && (html[p] == '"' || html[p] == '\''))
                {
                  const char *quote = memchr (html + p + 1, html[p], length - p - 1);

                  p = quote != NULL ? (gsize)(quote - html) + 1 : length;
                }
              else
                while (p < length && !is_blank (html[p]) && html[p] != '>')
                  p++;
            }

          if (++*n_attributes <= SP_HTML_MAX_ATTRIBUTES)
            *keep_end = p;
        }
      else
        {
          /* libxml2 drops what is not an attribute up to the next blank or the tag's end */
          while (p < length && !is_blank (html[p]) && html[p] != '>' &&
                 !(html[p] == '/' && p + 1 < length && html[p + 1] == '>'))
            p++;
        }
    }
}

/* Where the text of a <script> or <style> opened before @p ends: at its own end tag */
static gsize
skip_raw_text (SpBounds   *self,
               gsize       p,
               const char *name,
               guint       length)
{
  while (p < self->length)
    {
      const char *lt = memchr (self->html + p, '<', self->length - p);

      if (lt == NULL)
        return self->length;

      p = lt - self->html;
      if (p + 2 + length <= self->length && lt[1] == '/' &&
          g_ascii_strncasecmp (lt + 2, name, length) == 0)
        return p;
      p++;
    }

  return self->length;
}

static gsize
start_tag (SpBounds *self,
           gsize     at)
{
  const char *name = self->html + at + 1;
  guint length = 0;
  gsize p = read_name (self, at + 1, &length);
  gsize keep_end = p;
  guint n_attributes = 0;
  gboolean self_closing = FALSE;
  gboolean raw_text;
  gsize end;

  p = skip_attributes (self, p, &keep_end, &n_attributes);
  if (p < self->length && self->html[p] == '/')
    {
      self_closing = TRUE;
      end = p + 2;
    }
  else
    end = MIN (p + 1, self->length);

  while (self->stack->len > 0 &&
         start_closes_open (name, length,
                            &g_array_index (self->stack, SpOpen, self->stack->len - 1)))
    g_array_set_size (self->stack, self->stack->len - 1);

  if (self_closing || name_in (name, length, empty_elements))
    {
      if (n_attributes > SP_HTML_MAX_ATTRIBUTES)
        replace (self, keep_end, p, "");
      return end;
    }

  raw_text = name_is (name, length, "script") || name_is (name, length, "style");

  /* Too deep: the tag goes, its text stays (a <script> or <style> closes right away) */
  if (!raw_text &&
      self->stack->len + IMPLIED_ELEMENTS >= (is_auto_closed (name, length) ? SP_HTML_MAX_DEPTH_AUTO_CLOSED
                                                                            : SP_HTML_MAX_DEPTH))
    {
      g_autofree char *lower = g_ascii_strdown (name, length);

      replace (self, at, end, g_strv_contains (block_elements, lower) ? "<br>" : "");
      return end;
    }

  if (n_attributes > SP_HTML_MAX_ATTRIBUTES)
    replace (self, keep_end, p, "");

  {
    SpOpen open = { name, length, priority_of (name, length) };

    g_array_append_val (self->stack, open);
  }

  return raw_text ? skip_raw_text (self, end, name, length) : end;
}

/* Where the comment opened at @at ends */
static gsize
comment (SpBounds *self,
         gsize     at)
{
  const char *html = self->html;
  gsize p = at + 4;

  while (p < self->length)
    {
      const char *dash = memchr (html + p, '-', self->length - p);

      if (dash == NULL)
        break;

      p = dash - html;
      if (p + 2 < self->length && html[p + 1] == '-' && html[p + 2] == '>')
        return p + 3;
      if (p + 3 < self->length && html[p + 1] == '-' && html[p + 2] == '!' && html[p + 3] == '>')
        return p + 4;
      p++;
    }

  return self->length;
}

/**
 * sp_html_bound:
 * @html: (array length=length): the page, as UTF-8 markup
 * @bounded: (out) (transfer full) (nullable): the page to parse instead, or %NULL when
 *   @html needs no change
 * @bounded_length: (out): its length
 *
 * Returns: %FALSE with %SP_IMPORT_ERROR_TOO_LARGE for a page with too many tags, or
 *   %SP_IMPORT_ERROR_TOO_SLOW when @budget ran out
 */
gboolean
sp_html_bound (const char    *html,
               gsize          length,
               SpReadBudget  *budget,
               char         **bounded,
               gsize         *bounded_length,
               GError       **error)
{
  SpBounds self = { html, length, budget, NULL, NULL, 0, 0 };
  gboolean failed = FALSE;
  gsize i = 0;

  *bounded = NULL;
  *bounded_length = 0;
  self.stack = g_array_new (FALSE, FALSE, sizeof (SpOpen));

  while (i < length)
    {
      const char *lt = memchr (html + i, '<', length - i);
      char next;

      if (lt == NULL)
        break;

      i = lt - html;
      next = i + 1 < length ? html[i + 1] : '\0';

      if (!sp_read_budget_spend (budget, 1))
        failed = TRUE;
      else if (next == '/' && i + 2 < length && is_name_start (html[i + 2]))
        {
          if (!(failed = !count_tag (&self, error)))
            i = end_tag (&self, i);
        }
      else if (next == '!' && i + 3 < length && html[i + 2] == '-' && html[i + 3] == '-')
        i = comment (&self, i);
      else if (is_letter (next))
        {
          if (!(failed = !count_tag (&self, error)))
            i = start_tag (&self, i);
        }
      else
        i++;

      if (failed)
        break;
    }

  g_array_unref (self.stack);

  if (failed || sp_read_budget_is_exhausted (budget))
    {
      if (self.out != NULL)
        g_string_free (self.out, TRUE);
      if (error != NULL && *error == NULL)
        sp_read_budget_set_error (budget, error);
      return FALSE;
    }

  if (self.out != NULL)
    {
      g_string_append_len (self.out, html + self.copied, length - self.copied);
      *bounded_length = self.out->len;
      *bounded = g_string_free (self.out, FALSE);
    }

  return TRUE;
}
