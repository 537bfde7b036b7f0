/* sp-lexisnexis-reader.c
 *
 * Two layouts, told apart by their separators:
 *
 * - LexisNexis Academic ("1 of 10 DOCUMENTS" above each article): the source and the date
 *   line (centred, so indented in plain text), perhaps an edition, the headline (flush
 *   left), the fields BYLINE:, SECTION:, LENGTH:…, the body, then LOAD-DATE:, LANGUAGE:,
 *   PUBLICATION-TYPE:… and the copyright. What comes before the first separator is the
 *   download's cover.
 * - Nexis Uni ("End of Document" below each article, a cover with "Documents (10)" and a
 *   table of contents before the first): the headline, the source, the date line, perhaps a
 *   copyright, the fields Section:, Length:, Byline:…, a line "Body", the body, then perhaps
 *   "Classification" and Language:, Subject:…, Load-Date:.
 *
 * Both are read the same way once split. An article's lines are grouped in blocks (lines
 * between blank lines, a Word paragraph; every line in Nexis Uni's layout). The header ends at the first block that is
 * a header field; the date line is the last block before it that reads as a date, the
 * source the block above that, and the headline the block above the source (Nexis Uni) or
 * the last flush-left block between the date and the fields (Academic). The body runs from
 * the end of the fields to the trailer: the longest run of field and copyright blocks at the
 * article's end that starts with a trailer field. The headline stays as the body's first
 * paragraph; the rest of the header and the trailer are kept as removed text.
 *
 * The "M" of "N of M" is never used: it counts the search's results, not the file's
 * articles. An export whose last article stops before its trailer (its fields, its
 * copyright), when the others had one, was cut short and is refused whole.
 */
#define G_LOG_DOMAIN "sp-lexisnexis-reader"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-date-scan.h"
#include "sp-lexisnexis-reader.h"
#include "sp-text-reader.h"
#include "sp-xml-text.h"

/* A field's name is at most this long: "PUBLICATION-TYPE" */
#define MAX_LABEL_LENGTH 40

typedef enum
{
  LAYOUT_NONE,
  LAYOUT_ACADEMIC,
  LAYOUT_UNI,
} SpLayout;

typedef struct
{
  const char *start;      /* the first character that is not a space */
  gsize       length;     /* from @start, without the spaces at the end; 0 when blank */
  gboolean    indented;
} SpLine;

typedef struct
{
  guint first;            /* lines */
  guint end;
} SpBlock;

typedef struct
{
  GArray       *lines;    /* SpLine */
  SpLayout      layout;
  gboolean      indented; /* some lines are indented: the file keeps its centring */
} SpExport;

/* The fields' names, in English and in French exports */
static const char * const header_labels[] = {
  "byline", "section", "length", "dateline", "highlight", "edition",
  "auteur", "rubrique", "longueur", "encart", NULL
};

static const char * const trailer_labels[] = {
  "load-date", "language", "publication-type", "journal-code", "graphic", "url", "subject",
  "organization", "person", "geographic", "industry", "company", "ticker", "city", "state",
  "country", "correction-date", "correction", "notes", "document-type", "distribution",
  "series", "type", "acc-no",
  "date-chargement", "langue", "type-publication", "sujet", "localisation-geo", "societe",
  "symbole-boursier", "secteur-activite", "personne", "organisation", NULL
};

static const char * const byline_labels[] = { "byline", "auteur", NULL };
static const char * const load_date_labels[] = { "load-date", "date-chargement", NULL };

static gboolean
line_is (const SpLine *line,
         const char   *text)
{
  return line->length == strlen (text) && strncmp (line->start, text, line->length) == 0;
}

/* "12 of 345 DOCUMENTS", "1 of 1 DOCUMENT" */
static gboolean
is_separator (const SpLine *line)
{
  const char *p = line->start;
  const char *end = line->start + line->length;
  const char *digits;

  for (guint part = 0; part < 2; part++)
    {
      for (digits = p; p < end && g_ascii_isdigit (*p); p++)
        ;
      if (p == digits || p == end || *p != ' ')
        return FALSE;
      while (p < end && *p == ' ')
        p++;
      if (part == 0)
        {
          if (end - p < 3 || g_ascii_strncasecmp (p, "of ", 3) != 0)
            return FALSE;
          for (p += 3; p < end && *p == ' '; p++)
            ;
        }
    }

  return (end - p == 9 && strncmp (p, "DOCUMENTS", 9) == 0) ||
         (end - p == 8 && strncmp (p, "DOCUMENT", 8) == 0);
}

static gboolean
is_end_of_document (const SpLine *line)
{
  return line_is (line, "End of Document");
}

static gboolean
is_body_marker (const SpLine *line)
{
  return line_is (line, "Body");
}

/* A field's name: flush left, letters, spaces and hyphens, then a colon. Returns its
 * length, or 0 */
static gsize
label_length (const SpLine *line)
{
  gsize i;

  if (line->indented || line->length == 0 || !g_ascii_isalpha (line->start[0]))
    return 0;

  for (i = 1; i < line->length && i <= MAX_LABEL_LENGTH; i++)
    {
      char c = line->start[i];

      if (c == ':')
        return i;
      if (!g_ascii_isalpha (c) && c != '-' && c != ' ')
        return 0;
    }

  return 0;
}

/* Whether the line is one of @labels' fields: any case, a space for a hyphen */
static gboolean
is_field (const SpLine       *line,
          const char * const *labels)
{
  gsize length = label_length (line);
  char name[MAX_LABEL_LENGTH + 1];

  if (length == 0)
    return FALSE;

  for (gsize i = 0; i < length; i++)
    name[i] = line->start[i] == ' ' ? '-' : g_ascii_tolower (line->start[i]);
  name[length] = '\0';

  return g_strv_contains (labels, name);
}

static gboolean
is_copyright (const SpLine *line)
{
  return g_str_has_prefix (line->start, "Copyright") || g_str_has_prefix (line->start, "©") ||
         g_str_has_prefix (line->start, "(c)") || g_str_has_prefix (line->start, "All Rights Reserved");
}

static const SpLine *
line_at (SpExport *export,
         guint     index)
{
  return &g_array_index (export->lines, SpLine, index);
}

static GArray *
split_lines (const char *text,
             gboolean   *indented)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (SpLine));

  *indented = FALSE;
  for (const char *p = text; p != NULL; )
    {
      const char *eol = strchr (p, '\n');
      const char *end = eol != NULL ? eol : p + strlen (p);
      SpLine line = { p, 0, FALSE };

      while (line.start < end && g_unichar_isspace (g_utf8_get_char (line.start)))
        line.start = g_utf8_next_char (line.start);
      line.length = sp_text_trimmed_length (line.start, end - line.start);
      line.indented = line.length > 0 && line.start > p;
      *indented = *indented || line.indented;
      g_array_append_val (lines, line);

      p = eol != NULL ? eol + 1 : NULL;
    }

  return lines;
}

static SpLayout
find_layout (GArray *lines)
{
  gboolean separator = FALSE;
  gboolean end_of_document = FALSE;
  gboolean field = FALSE;

  for (guint i = 0; i < lines->len; i++)
    {
      const SpLine *line = &g_array_index (lines, SpLine, i);

      separator = separator || is_separator (line);
      end_of_document = end_of_document || is_end_of_document (line);
      field = field || is_field (line, header_labels) || is_field (line, trailer_labels);
    }

  if (separator && field)
    return LAYOUT_ACADEMIC;
  if (end_of_document && field)
    return LAYOUT_UNI;
  return LAYOUT_NONE;
}

/**
 * sp_lexisnexis_detect:
 * @text: decoded text
 *
 * Returns: whether @text is a LexisNexis export: separators ("N of M DOCUMENTS" or "End of
 *   Document") and LexisNexis fields (LOAD-DATE:, BYLINE:, Length:…)
 */
gboolean
sp_lexisnexis_detect (const char *text)
{
  g_autoptr(GArray) lines = NULL;
  gboolean indented;

  g_return_val_if_fail (text != NULL, FALSE);

  if (strstr (text, "DOCUMENT") == NULL && strstr (text, "End of Document") == NULL)
    return FALSE;

  lines = split_lines (text, &indented);
  return find_layout (lines) != LAYOUT_NONE;
}

/* The blocks of lines @first … @end - 1 */
static GArray *
find_blocks (SpExport *export,
             guint     first,
             guint     end)
{
  GArray *blocks = g_array_new (FALSE, FALSE, sizeof (SpBlock));
  SpBlock block = { 0, 0 };
  gboolean in_block = FALSE;

  for (guint i = first; i < end; i++)
    {
      gboolean blank = line_at (export, i)->length == 0;

      /* Nexis Uni puts every field on a line of its own, with or without blank lines */
      if (in_block && (blank || export->layout == LAYOUT_UNI))
        {
          block.end = i;
          g_array_append_val (blocks, block);
        }
      if (!blank && (!in_block || export->layout == LAYOUT_UNI))
        block.first = i;
      in_block = !blank;
    }

  if (in_block)
    {
      block.end = end;
      g_array_append_val (blocks, block);
    }

  return blocks;
}

static const SpLine *
block_line (SpExport *export,
            GArray   *blocks,
            guint     index)
{
  return line_at (export, g_array_index (blocks, SpBlock, index).first);
}

/* The lines of a block (or of @first … @end - 1), joined with @separator */
static char *
join_lines (SpExport   *export,
            guint       first,
            guint       end,
            const char *separator)
{
  GString *text = g_string_new (NULL);

  for (guint i = first; i < end; i++)
    {
      const SpLine *line = line_at (export, i);

      if (i > first)
        g_string_append (text, separator);
      g_string_append_len (text, line->start, line->length);
    }

  return g_string_free (text, FALSE);
}

static char *
block_text (SpExport *export,
            GArray   *blocks,
            guint     index)
{
  SpBlock *block = &g_array_index (blocks, SpBlock, index);

  return join_lines (export, block->first, block->end, " ");
}

/* A field's value: the rest of its block after the name */
static char *
field_value (SpExport *export,
             GArray   *blocks,
             guint     index)
{
  g_autofree char *text = block_text (export, blocks, index);
  const char *value = text + label_length (block_line (export, blocks, index)) + 1;

  /* Word puts a no-break space after the colon */
  while (*value != '\0' && g_unichar_isspace (g_utf8_get_char (value)))
    value = g_utf8_next_char (value);

  return g_strndup (value, sp_text_trimmed_length (value, strlen (value)));
}

static void
read_field (SpExport  *export,
            GArray    *blocks,
            guint      index,
            SpArticle *article,
            char     **load_date)
{
  const SpLine *line = block_line (export, blocks, index);

  if (article->author == NULL && is_field (line, byline_labels))
    {
      g_autofree char *value = field_value (export, blocks, index);

      article->author = sp_xml_author_field (value);
    }
  else if (*load_date == NULL && is_field (line, load_date_labels))
    {
      g_autofree char *value = field_value (export, blocks, index);

      *load_date = sp_date_parse (value);
    }
}

static gboolean
is_header_block (SpExport *export,
                 GArray   *blocks,
                 guint     index)
{
  const SpLine *line = block_line (export, blocks, index);

  return is_field (line, header_labels) ||
         (export->layout == LAYOUT_UNI && is_body_marker (line));
}

/* A block that can be part of the trailer */
static gboolean
is_trailer_block (SpExport *export,
                  GArray   *blocks,
                  guint     index)
{
  const SpLine *line = block_line (export, blocks, index);

  return label_length (line) > 0 || is_copyright (line) || line_is (line, "Classification");
}

/* Whether block @index is a field whose value is the next block ("CORRECTION:" above the
 * correction) */
static gboolean
is_empty_field (SpExport *export,
                GArray   *blocks,
                guint     index,
                guint     first)
{
  const SpLine *line;
  SpBlock *block;
  gsize length;

  if (index < first || index >= blocks->len)
    return FALSE;

  block = &g_array_index (blocks, SpBlock, index);
  line = line_at (export, block->first);
  length = label_length (line);

  return length > 0 && length + 1 == line->length && block->end == block->first + 1;
}

/* A block the trailer can start with */
static gboolean
starts_trailer (SpExport *export,
                GArray   *blocks,
                guint     index)
{
  const SpLine *line = block_line (export, blocks, index);

  return is_field (line, trailer_labels) || line_is (line, "Classification");
}

static gboolean
reads_as_date (SpExport *export,
               GArray   *blocks,
               guint     index,
               char    **date)
{
  const SpLine *line = block_line (export, blocks, index);
  g_autofree char *text = g_strndup (line->start, line->length);

  return (*date = sp_date_parse (text)) != NULL;
}

static void
add_removed_lines (SpArticle  *article,
                   guint       offset,
                   GString    *text,
                   const char *reason)
{
  g_autofree char *tidy = sp_text_tidy (text->str);

  if (tidy[0] != '\0')
    sp_article_add_removed (article, offset, tidy, reason);
}

/* Reads the article in lines @first … @end - 1; *has_trailer says whether it ended in a
 * trailer (fields, a copyright). Returns %NULL for a part that is not an article (no header fields) */
static SpArticle *
read_article (SpExport *export,
              guint     first,
              guint     end,
              gboolean *has_trailer)
{
  g_autoptr(GArray) blocks = find_blocks (export, first, end);
  g_autoptr(SpArticle) article = sp_article_new ();
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GString) header = g_string_new (NULL);
  g_autoptr(GString) trailer = g_string_new (NULL);
  g_autofree char *load_date = NULL;
  guint n = blocks->len;
  guint fields = n;
  guint body_first;
  guint body_end;
  int date = -1;
  int title = -1;

  *has_trailer = FALSE;

  for (guint i = 0; i < n && fields == n; i++)
    if (is_header_block (export, blocks, i))
      fields = i;

  if (fields == n && export->layout == LAYOUT_UNI)
    return NULL;

  if (fields < n)
    {
      for (int i = (int)fields - 1; i >= 0 && date < 0; i--)
        if (reads_as_date (export, blocks, i, &article->date))
          date = i;
    }
  else
    {
      /* No fields: a source, a date line and the headline start it */
      for (guint i = 0; i < MIN (n, 4) && date < 0; i++)
        if (reads_as_date (export, blocks, i, &article->date))
          date = (int)i;
      fields = date >= 0 ? MIN ((guint)date + 2, n) : 0;
    }

  if (date >= 1)
    article->source = block_text (export, blocks, date - 1);

  if (export->layout == LAYOUT_UNI && date >= 2)
    title = date - 2;
  else if (export->layout == LAYOUT_ACADEMIC && (int)fields - 1 > date &&
           (!export->indented || !block_line (export, blocks, fields - 1)->indented))
    title = (int)fields - 1;

  if (title >= 0)
    article->title = block_text (export, blocks, title);

  body_first = fields;
  while (body_first < n && is_header_block (export, blocks, body_first))
    read_field (export, blocks, body_first++, article, &load_date);

  body_end = n;
  for (guint i = n; i > body_first && (is_trailer_block (export, blocks, i - 1) ||
                                       is_empty_field (export, blocks, i - 2, body_first)); i--)
    if (starts_trailer (export, blocks, i - 1))
      body_end = i - 1;
  if (body_end == n)
    while (body_end > body_first && is_copyright (block_line (export, blocks, body_end - 1)))
      body_end--;

  *has_trailer = body_end < n;
  for (guint i = body_end; i < n; i++)
    read_field (export, blocks, i, article, &load_date);

  /* The headline, then the body */
  if (article->title != NULL)
    g_string_append_printf (body, "%s\n\n", article->title);
  if (body_first < body_end)
    {
      g_autofree char *lines = join_lines (export, g_array_index (blocks, SpBlock, body_first).first,
                                           g_array_index (blocks, SpBlock, body_end - 1).end, "\n");

      g_string_append (body, lines);
    }
  article->body = sp_text_tidy (body->str);

  for (guint i = 0; i < body_first; i++)
    if ((int)i != title)
      {
        g_autofree char *text = join_lines (export, g_array_index (blocks, SpBlock, i).first,
                                            g_array_index (blocks, SpBlock, i).end, "\n");

        g_string_append_printf (header, "%s\n\n", text);
      }
  for (guint i = body_end; i < n; i++)
    {
      g_autofree char *text = join_lines (export, g_array_index (blocks, SpBlock, i).first,
                                          g_array_index (blocks, SpBlock, i).end, "\n");

      g_string_append_printf (trailer, "%s\n\n", text);
    }
  add_removed_lines (article, 0, header, _("export header"));
  add_removed_lines (article, g_utf8_strlen (article->body, -1), trailer, _("export trailer"));

  if (article->title != NULL)
    {
      g_autofree char *whole = g_steal_pointer (&article->title);

      article->title = sp_text_shorten_title (whole, strlen (whole));
    }

  if (article->date != NULL)
    {
      article->date_source = SP_DATE_SOURCE_METADATA;
      article->date_confidence = SP_LEXISNEXIS_DATE_CONFIDENCE;
    }
  else if (load_date != NULL)
    {
      article->date = g_steal_pointer (&load_date);
      article->date_source = SP_DATE_SOURCE_METADATA;
      article->date_confidence = SP_LEXISNEXIS_LOAD_DATE_CONFIDENCE;
    }

  return g_steal_pointer (&article);
}

/* The lines that separate the articles */
static GArray *
find_separators (SpExport *export)
{
  GArray *separators = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < export->lines->len; i++)
    {
      const SpLine *line = line_at (export, i);

      if (export->layout == LAYOUT_ACADEMIC ? is_separator (line) : is_end_of_document (line))
        g_array_append_val (separators, i);
    }

  return separators;
}

static gboolean
has_body_marker (SpExport *export,
                 guint     first)
{
  for (guint i = first; i < export->lines->len; i++)
    if (is_body_marker (line_at (export, i)))
      return TRUE;

  return FALSE;
}

/**
 * sp_lexisnexis_reader_read:
 * @text: decoded text (see sp_text_decode()), or a Word export's paragraphs
 * @budget: (nullable): what reading it may cost
 *
 * Splits a LexisNexis export (see sp_lexisnexis_detect()) into its articles. Fails with
 * %SP_IMPORT_ERROR_INCOMPLETE when the export was cut short, %SP_IMPORT_ERROR_EMPTY when it
 * holds no article and %SP_IMPORT_ERROR_TOO_SLOW when the budget runs out.
 *
 * Returns: (transfer full) (element-type SpArticle): the articles, in the file's order
 */
GPtrArray *
sp_lexisnexis_reader_read (const char    *text,
                           SpReadBudget  *budget,
                           GError       **error)
{
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GArray) separators = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  SpExport export = { 0 };
  gboolean any_trailer = FALSE;
  gboolean last_trailer = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  /* Splitting, the blocks and the articles each look at every line a few times */
  if (!sp_read_budget_spend (budget, strlen (text)))
    {
      sp_read_budget_set_error (budget, error);
      return NULL;
    }

  export.lines = lines = split_lines (text, &export.indented);
  export.layout = find_layout (lines);
  separators = find_separators (&export);
  articles = g_ptr_array_new_with_free_func ((GDestroyNotify)sp_article_free);

  for (guint k = 0; k < separators->len; k++)
    {
      guint at = g_array_index (separators, guint, k);
      guint first = export.layout == LAYOUT_ACADEMIC ? at + 1
                    : k == 0 ? 0 : g_array_index (separators, guint, k - 1) + 1;
      guint end = export.layout == LAYOUT_UNI ? at
                  : k + 1 < separators->len ? g_array_index (separators, guint, k + 1)
                  : lines->len;
      SpArticle *article = read_article (&export, first, end, &last_trailer);

      if (article != NULL)
        g_ptr_array_add (articles, article);
      any_trailer = any_trailer || last_trailer;

      if (!sp_read_budget_spend (budget, end - first + 1))
        {
          sp_read_budget_set_error (budget, error);
          return NULL;
        }
    }

  if (export.layout == LAYOUT_ACADEMIC && separators->len > 1 && any_trailer && !last_trailer)
    {
      const SpLine *line = line_at (&export, g_array_index (separators, guint, separators->len - 1));
      g_autofree char *separator = g_strndup (line->start, line->length);

      g_set_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_INCOMPLETE,
                   _("the LexisNexis export is cut short: its last article (“%s”) ends "
                     "before its closing fields (LOAD-DATE:, LANGUAGE:…)"), separator);
      return NULL;
    }

  if (export.layout == LAYOUT_UNI && separators->len > 0 &&
      has_body_marker (&export, g_array_index (separators, guint, separators->len - 1) + 1))
    {
      g_set_error_literal (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_INCOMPLETE,
                           _("the LexisNexis export is cut short: its last article has no "
                             "“End of Document”"));
      return NULL;
    }

  if (articles->len == 0)
    {
      g_set_error_literal (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_EMPTY,
                           _("the LexisNexis export holds no article"));
      return NULL;
    }

  return g_steal_pointer (&articles);
}

static gboolean
contains (const char *data,
          gsize       length,
          const char *needle)
{
  gsize needle_length = strlen (needle);

  for (gsize i = 0; i + needle_length <= length; i++)
    if (data[i] == needle[0] && memcmp (data + i, needle, needle_length) == 0)
      return TRUE;

  return FALSE;
}

/**
 * sp_lexisnexis_reader_read_html:
 * @data: (array length=length): a page's bytes, in any encoding
 * @budget: (nullable): what reading it may cost
 *
 * Reads a LexisNexis export saved as HTML: its text, a paragraph to each block, split as
 * sp_lexisnexis_reader_read() splits text. Fails as the HTML reader does.
 *
 * Returns: (transfer full) (element-type SpArticle): the articles, none when the page is
 *   no LexisNexis export (it is then an ordinary page); %NULL with @error set
 */
GPtrArray *
sp_lexisnexis_reader_read_html (const char    *data,
                                gsize          length,
                                SpReadBudget  *budget,
                                GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  g_autofree char *text = NULL;
  xmlNode *top;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  /* Most pages are not exports: only those with a separator's words ("2 of 40 DOCUMENTS",
   * not a script's DOCUMENT_NODE) are parsed here */
  if (data == NULL ||
      !(contains (data, length, " DOCUMENT") || contains (data, length, "End of Document")))
    return g_ptr_array_new_with_free_func ((GDestroyNotify)sp_article_free);

  if (!(doc = sp_xml_parse_html (data, length, budget, &local_error)) ||
      (top = xmlDocGetRootElement (doc)) == NULL)
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      return g_ptr_array_new_with_free_func ((GDestroyNotify)sp_article_free);
    }

  text = sp_xml_html_text (top, budget);
  if (sp_read_budget_set_error (budget, error))
    return NULL;

  if (!sp_lexisnexis_detect (text))
    return g_ptr_array_new_with_free_func ((GDestroyNotify)sp_article_free);

  return sp_lexisnexis_reader_read (text, budget, error);
}
