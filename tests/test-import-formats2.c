/* test-import-formats2.c
 *
 * Word documents and the database exports that hold many articles: LexisNexis (plain text
 * and Word) and Factiva (HTML and XML). The Word files are built here with libarchive; the
 * other fixtures in fixtures/import/ (lexis-*, factiva-*) are exports written for these
 * tests in the real layouts. The samples in ../shared/corpus/lexisnexis-factiva-samples are
 * read too when they are there.
 */
#include "config.h"

#include <string.h>

#include <archive.h>
#include <archive_entry.h>

#include "import-test-util.h"
#include "sp-import-formats.h"
#include "sp-lexisnexis-reader.h"
#include "sp-zip-entries.h"

#define WORD_NAMESPACE "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

/* Building zip archives and Word documents */

typedef struct
{
  const char *name;
  const char *data;
  gsize       length;    /* of @data, or how many spaces when @data is NULL */
} ZipPart;

static la_ssize_t
write_to_array (struct archive *archive,
                void           *user_data,
                const void     *buffer,
                size_t          length)
{
  g_byte_array_append (user_data, buffer, (guint)length);
  return (la_ssize_t)length;
}

static GBytes *
build_zip (const ZipPart *parts,
           guint          n_parts)
{
  GByteArray *zip = g_byte_array_new ();
  struct archive *archive = archive_write_new ();
  g_autofree char *spaces = g_strnfill (64 * 1024, ' ');

  g_assert_cmpint (archive_write_set_format_zip (archive), ==, ARCHIVE_OK);
  /* No padding after the archive: a zip ends in its central directory */
  g_assert_cmpint (archive_write_set_bytes_in_last_block (archive, 1), ==, ARCHIVE_OK);
  g_assert_cmpint (archive_write_set_format_option (archive, "zip", "compression", "deflate"),
                   ==, ARCHIVE_OK);
  g_assert_cmpint (archive_write_open (archive, zip, NULL, write_to_array, NULL), ==, ARCHIVE_OK);

  for (guint i = 0; i < n_parts; i++)
    {
      struct archive_entry *entry = archive_entry_new ();
      gsize length = parts[i].length;

      archive_entry_set_pathname (entry, parts[i].name);
      archive_entry_set_filetype (entry, AE_IFREG);
      archive_entry_set_perm (entry, 0644);
      archive_entry_set_size (entry, (la_int64_t)length);
      g_assert_cmpint (archive_write_header (archive, entry), ==, ARCHIVE_OK);

      if (parts[i].data != NULL)
        g_assert_cmpint (archive_write_data (archive, parts[i].data, length), ==, (la_ssize_t)length);
      else
        for (gsize done = 0; done < length; )
          {
            gsize block = MIN (length - done, 64 * 1024);

            g_assert_cmpint (archive_write_data (archive, spaces, block), ==, (la_ssize_t)block);
            done += block;
          }

      archive_entry_free (entry);
    }

  g_assert_cmpint (archive_write_close (archive), ==, ARCHIVE_OK);
  archive_write_free (archive);

  return g_byte_array_free_to_bytes (zip);
}

/* A Word document whose body is @body (WordprocessingML, "w" bound) */
static GBytes *
build_docx (const char *body,
            const char *core)
{
  g_autofree char *document = g_strdup_printf (
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<w:document xmlns:w=\"" WORD_NAMESPACE "\" "
    "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\">"
    "<w:body>%s</w:body></w:document>", body);
  ZipPart parts[] = {
    { "[Content_Types].xml", "<Types/>", 8 },
    { "word/document.xml", document, strlen (document) },
    { "docProps/core.xml", core, core != NULL ? strlen (core) : 0 },
  };

  return build_zip (parts, core != NULL ? 3 : 2);
}

/* A Word document of plain paragraphs */
static GBytes *
build_docx_paragraphs (const char * const *paragraphs)
{
  g_autoptr(GString) body = g_string_new (NULL);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_autofree char *escaped = g_markup_escape_text (paragraphs[i], -1);

      g_string_append_printf (body, "<w:p><w:r><w:t xml:space=\"preserve\">%s</w:t></w:r></w:p>",
                              escaped);
    }

  return build_docx (body->str, NULL);
}

/* Reading through the formats' table */

static GPtrArray *
read_as (const char  *file_name,
         GBytes      *bytes,
         GError     **error)
{
  const SpImportFormat *format = sp_import_format_for_name (file_name);

  g_assert_nonnull (format);
  return sp_import_format_read (format, bytes, error);
}

static GPtrArray *
read_fixture (const char *name)
{
  g_autoptr(GBytes) bytes = sp_test_fixture_bytes (name);
  g_autoptr(GError) error = NULL;
  GPtrArray *articles = read_as (name, bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (articles);
  return articles;
}

static void
assert_refused (const char    *file_name,
                GBytes        *bytes,
                SpImportError  code,
                const char    *reason_part)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = read_as (file_name, bytes, &error);

  g_assert_null (articles);
  g_assert_error (error, SP_IMPORT_ERROR, (gint)code);
  g_test_message ("%s: %s", file_name, error->message);
  g_assert_null (strchr (error->message, '\n'));
  if (reason_part != NULL)
    g_assert_nonnull (strstr (error->message, reason_part));
}

static SpArticle *
article_at (GPtrArray *articles,
            guint      index)
{
  g_assert_cmpuint (index, <, articles->len);
  return g_ptr_array_index (articles, index);
}

static void
assert_article (SpArticle  *article,
                const char *title,
                const char *date,
                const char *source,
                const char *author)
{
  g_assert_cmpstr (article->title, ==, title);
  g_assert_cmpstr (article->date, ==, date);
  g_assert_cmpstr (article->source, ==, source);
  g_assert_cmpstr (article->author, ==, author);
}

/* Nothing of an export's fields or separators is left in a body */
static void
assert_clean_body (SpArticle *article)
{
  static const char * const never[] = {
    "LOAD-DATE", "Load-Date", "LENGTH:", "Length:", "BYLINE", "Byline:", "DOCUMENTS",
    "End of Document", "Classification", "Copyright", "LANGUAGE:", "Language:",
    "All Rights Reserved", "Factiva", "Dokument ", "Search Summary", "Zusammenfassung",
    "Wörter", "words\n", NULL
  };

  for (guint i = 0; never[i] != NULL; i++)
    if (strstr (article->body, never[i]) != NULL)
      g_error ("“%s” in the body of “%s”:\n%s", never[i], article->title, article->body);

  g_assert_true (g_str_has_prefix (article->body, article->title));
}

static gboolean
has_removed (SpArticle  *article,
             const char *text)
{
  for (guint i = 0; article->removed != NULL && i < article->removed->len; i++)
    if (strstr (g_array_index (article->removed, SpRemovedBlock, i).text, text) != NULL)
      return TRUE;

  return FALSE;
}

/* The formats' table */

static void
test_formats_table (void)
{
  g_assert_cmpstr (sp_import_format_for_name ("Export.DOCX")->name, ==, "docx");
  g_assert_cmpstr (sp_import_format_for_name ("export.xml")->name, ==, "factiva-xml");
  g_assert_nonnull (strstr (sp_import_formats_describe (), ".docx"));
  g_assert_nonnull (strstr (sp_import_formats_describe (), ".xml"));
}

/* Word documents */

static void
test_docx_text (void)
{
  static const char body[] =
    "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r><w:t>Talks &amp; </w:t></w:r>"
    "<w:r><w:rPr><w:b/></w:rPr><w:t>timetables</w:t></w:r></w:p>"
    "<w:p><w:r><w:t xml:space=\"preserve\">First line</w:t><w:br/><w:t>second</w:t>"
    "<w:noBreakHyphen/><w:t>line</w:t>"
    "<w:tab/><w:t>after a tab</w:t></w:r></w:p>"
    "<w:p/>"
    "<w:p><w:r><w:t>Kept</w:t></w:r><w:del><w:r><w:delText> deleted</w:delText></w:r></w:del>"
    "<w:moveFrom><w:r><w:t> moved away</w:t></w:r></w:moveFrom>"
    "<w:r><w:fldChar w:fldCharType=\"begin\"/><w:instrText> HYPERLINK x </w:instrText></w:r>"
    "<w:r><w:t xml:space=\"preserve\"> text.</w:t></w:r></w:p>"
    "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Cell one</w:t></w:r></w:p></w:tc>"
    "<w:tc><w:p><w:r><w:t>Cell two</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
    "<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:t>In a box</w:t></mc:Choice>"
    "<mc:Fallback><w:t>In a box</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p>";
  static const char core[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
    "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\">"
    "<dc:title>Talks and timetables</dc:title><dc:creator> Ines  Moreau </dc:creator>"
    "<dcterms:created>2026-02-20T09:00:00Z</dcterms:created></cp:coreProperties>";
  g_autoptr(GBytes) docx = build_docx (body, core);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = read_as ("talks.docx", docx, &error);
  SpArticle *article;

  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 1);
  article = article_at (articles, 0);
  g_assert_cmpstr (article->body, ==,
                   "Talks & timetables\n\n"
                   "First line\nsecond-line\tafter a tab\n\n"
                   "Kept text.\n\n"
                   "Cell one\n\nCell two\n\n"
                   "In a box");
  assert_article (article, "Talks and timetables", "2026-02-20", NULL, "Ines Moreau");
  g_assert_cmpint (article->date_source, ==, SP_DATE_SOURCE_METADATA);
}

/* Without properties the first paragraph is the title, and the date is looked for in the
 * text's header as for any file */
static void
test_docx_without_properties (void)
{
  static const char * const paragraphs[] = {
    "Observers to stay", "Geneva, March 2, 2026", "The mission was extended.", NULL
  };
  g_autoptr(GBytes) docx = build_docx_paragraphs (paragraphs);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = read_as ("observers.docx", docx, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 1);
  assert_article (article_at (articles, 0), "Observers to stay", "2026-03-02", NULL, NULL);
  g_assert_cmpstr (article_at (articles, 0)->body, ==,
                   "Observers to stay\n\nGeneva, March 2, 2026\n\nThe mission was extended.");
}

static void
test_docx_refused (void)
{
  static const char * const empty_paragraphs[] = { " ", "", NULL };
  static const char garbage[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) text = g_bytes_new_static ("Just some text, saved as .docx\n", 31);
  g_autoptr(GBytes) png = g_bytes_new_static (garbage, sizeof garbage - 1);
  g_autoptr(GBytes) no_text = build_docx_paragraphs (empty_paragraphs);
  ZipPart other[] = { { "mimetype", "application/vnd.oasis.opendocument.text", 39 } };
  g_autoptr(GBytes) odt = build_zip (other, 1);
  ZipPart broken_xml[] = { { "word/document.xml", "<w:document><w:body><w:p>", 25 } };
  g_autoptr(GBytes) unclosed = build_zip (broken_xml, 1);
  g_autoptr(GBytes) whole = build_docx_paragraphs ((const char * const[]){ "Some text", NULL });
  g_autoptr(GBytes) cut = g_bytes_new_from_bytes (whole, 0, g_bytes_get_size (whole) / 2);
  g_autoptr(GBytes) head = g_bytes_new_static ("PK\003\004", 4);

  assert_refused ("empty.docx", empty, SP_IMPORT_ERROR_BINARY, "zip");
  assert_refused ("text.docx", text, SP_IMPORT_ERROR_BINARY, "not a zip archive");
  assert_refused ("image.docx", png, SP_IMPORT_ERROR_BINARY, "not a zip archive");
  assert_refused ("blank.docx", no_text, SP_IMPORT_ERROR_EMPTY, NULL);
  assert_refused ("document.docx", odt, SP_IMPORT_ERROR_UNSUPPORTED, "word/document.xml");
  assert_refused ("unclosed.docx", unclosed, SP_IMPORT_ERROR_INCOMPLETE, "word/document.xml");
  assert_refused ("cut.docx", cut, SP_IMPORT_ERROR_INCOMPLETE, "cut short");
  assert_refused ("head.docx", head, SP_IMPORT_ERROR_INCOMPLETE, "cut short");
}

/* A document of 8 MB of spaces packs into a few kilobytes: far past the ratio a document
 * has. It is refused while it unpacks, never unpacked whole. */
static void
test_docx_zip_bomb (void)
{
  ZipPart parts[] = { { "word/document.xml", NULL, 8 * 1024 * 1024 } };
  g_autoptr(GBytes) bomb = build_zip (parts, 1);
  g_autoptr(GHashTable) entries = NULL;
  g_autoptr(GError) error = NULL;
  static const char * const names[] = { "word/document.xml", NULL };

  g_assert_cmpuint (g_bytes_get_size (bomb) * SP_ZIP_MAX_RATIO, <, 8 * 1024 * 1024);
  assert_refused ("bomb.docx", bomb, SP_IMPORT_ERROR_TOO_LARGE, "zip bomb");

  entries = sp_zip_read_entries (g_bytes_get_data (bomb, NULL), g_bytes_get_size (bomb),
                                 names, NULL, &error);
  g_assert_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_TOO_LARGE);
  g_assert_null (entries);
}

/* A long document packs well (about 40 times here): the work on its unpacked text is
 * allowed for that text's size, not the archive's */
static void
test_docx_packs_well (void)
{
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GBytes) docx = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = NULL;

  for (guint i = 0; i < 30000; i++)
    g_string_append_printf (body, "<w:p><w:r><w:t>Paragraph %u of the record of the talks "
                            "between the two delegations in Geneva.</w:t></w:r></w:p>", i);
  docx = build_docx (body->str, NULL);
  g_assert_cmpuint (g_bytes_get_size (docx) * 30, <, body->len);

  articles = read_as ("record.docx", docx, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 1);
  g_assert_true (g_str_has_suffix (article_at (articles, 0)->body,
                                   "Paragraph 29999 of the record of the talks between the two "
                                   "delegations in Geneva."));
}

static void
test_docx_too_many_entries (void)
{
  guint n = SP_ZIP_MAX_ENTRIES + 1;
  g_autofree ZipPart *parts = g_new0 (ZipPart, n);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GBytes) zip = NULL;

  for (guint i = 0; i < n; i++)
    {
      char *name = g_strdup_printf ("word/media/%u.txt", i);

      g_ptr_array_add (names, name);
      parts[i].name = name;
      parts[i].data = "";
    }
  zip = build_zip (parts, n);

  assert_refused ("entries.docx", zip, SP_IMPORT_ERROR_TOO_LARGE, "entries");
}

/* LexisNexis Academic, plain text: BOM, CRLF, a cover, centred headers, an edition, a
 * headline on two lines, a GRAPHIC field on two lines, an article without a byline */
static void
test_lexis_academic (void)
{
  g_autoptr(GPtrArray) articles = read_fixture ("lexis-academic.txt");
  SpArticle *first;
  SpArticle *second;
  SpArticle *third;

  g_assert_cmpuint (articles->len, ==, 3);
  first = article_at (articles, 0);
  second = article_at (articles, 1);
  third = article_at (articles, 2);

  assert_article (first, "Envoys meet again over the ceasefire line", "2026-02-02",
                  "The Example Herald", "Mira Holm");
  g_assert_cmpint (first->date_source, ==, SP_DATE_SOURCE_METADATA);
  g_assert_cmpfloat (first->date_confidence, ==, SP_LEXISNEXIS_DATE_CONFIDENCE);
  g_assert_cmpstr (first->body, ==,
                   "Envoys meet again over the ceasefire line\n\n"
                   "The two delegations met on Monday for a third round of talks on the\n"
                   "ceasefire line, a spokeswoman for the mediators said.\n\n"
                   "\"We are closer than we were in January,\" the chief negotiator told\n"
                   "reporters after the meeting, adding that the maps were still disputed.\n\n"
                   "The next round is planned for the middle of February.");
  g_assert_true (has_removed (first, "SECTION: WORLD; Pg. 4"));
  g_assert_true (has_removed (first, "DATELINE: GENEVA"));
  g_assert_true (has_removed (first, "LOAD-DATE: February 3, 2026"));
  g_assert_true (has_removed (first, "Copyright 2026 Example Herald Ltd"));

  assert_article (second, "Ministers reject the draft on border monitors; Talks to resume "
                  "after the holiday", "2026-02-09", "Morning Ledger (Springfield)",
                  "JONAS PEREIRA");
  g_assert_true (has_removed (second, "Final Edition;"));
  g_assert_true (has_removed (second, "PHOTO: AGENCY"));
  g_assert_true (g_str_has_suffix (second->body, "would resume after the holiday."));

  assert_article (third, "Observers", "2026-02-14", "The Weekly Review", NULL);
  g_assert_true (g_str_has_suffix (third->body, "Both sides welcomed the review."));

  for (guint i = 0; i < articles->len; i++)
    assert_clean_body (article_at (articles, i));
}

static char *
fixture_text (const char *name)
{
  g_autoptr(GBytes) bytes = sp_test_fixture_bytes (name);

  return sp_test_decode (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL, NULL);
}

/* An export cut inside its last article is refused whole, with the article it stopped in */
static void
test_lexis_truncated (void)
{
  g_autofree char *text = fixture_text ("lexis-academic.txt");
  const char *cut_at = strstr (text, "Both sides welcomed");
  g_autoptr(GBytes) cut = g_bytes_new (text, cut_at - text);
  const char *between = strstr (text, "                                3 of 3 DOCUMENTS");
  g_autoptr(GBytes) two = g_bytes_new (text, between - text);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = NULL;

  g_assert_nonnull (cut_at);
  g_assert_nonnull (between);
  assert_refused ("cut.txt", cut, SP_IMPORT_ERROR_INCOMPLETE, "3 of 3 DOCUMENTS");

  /* Cut between two articles, it is two whole articles: "N of M" counts search results */
  articles = read_as ("two.txt", two, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 2);
}

/* "M" is never trusted: a huge one is only a number in a line */
static void
test_lexis_absurd_count (void)
{
  static const char text[] =
    "           1 of 99999999999999999999999999999999 DOCUMENTS\n\n"
    "                    Example Times\n\n"
    "                  March 1, 2026 Sunday\n\n"
    "A headline\n\nLENGTH: 5 words\n\nThe body of the article.\n\nLOAD-DATE: March 2, 2026\n\n"
    "           4294967297 of 0 DOCUMENTS\n\n"
    "                    Example Times\n\n"
    "                  March 3, 2026 Tuesday\n\n"
    "Another headline\n\nLENGTH: 5 words\n\nAnother body.\n\nLOAD-DATE: March 4, 2026\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = read_as ("absurd.txt", bytes, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 2);
  assert_article (article_at (articles, 0), "A headline", "2026-03-01", "Example Times", NULL);
  assert_article (article_at (articles, 1), "Another headline", "2026-03-03", "Example Times", NULL);
}

/* Text that only mentions the words is an ordinary article */
static void
test_lexis_not_an_export (void)
{
  static const char text[] =
    "Court papers\n\nThe court received 2 of 3 DOCUMENTS on Monday, the clerk said.\n\n"
    "LENGTH: the hearing will be long.\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = read_as ("papers.txt", bytes, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 1);
  g_assert_cmpstr (article_at (articles, 0)->title, ==, "Court papers");
  g_assert_false (sp_lexisnexis_detect ("1 of 2 DOCUMENTS\nno fields here\n"));
}

/* LexisNexis Academic, HTML: the same layout, its centring in classes, a field whose value
 * is the next paragraph, a last article that has no LOAD-DATE (not cut short: it ends in
 * its fields) */
static void
test_lexis_academic_html (void)
{
  g_autoptr(GPtrArray) articles = read_fixture ("lexis-academic.html");

  g_assert_cmpuint (articles->len, ==, 2);
  assert_article (article_at (articles, 0), "Delegations agree on a second round", "2026-03-01",
                  "The Example Herald", "MIRA HOLM");
  g_assert_cmpstr (article_at (articles, 0)->body, ==,
                   "Delegations agree on a second round\n\n"
                   "The delegations agreed on Sunday to meet again in April.\n\n"
                   "\"It is a start,\" a mediator said.");
  assert_article (article_at (articles, 1), "Correction to the talks report", "2026-03-04",
                  "The Example Herald", NULL);
  g_assert_cmpstr (article_at (articles, 1)->body, ==,
                   "Correction to the talks report\n\n"
                   "The second round starts in April, not in May.");
  g_assert_true (has_removed (article_at (articles, 1), "An earlier version gave the wrong month."));

  for (guint i = 0; i < articles->len; i++)
    assert_clean_body (article_at (articles, i));
}

/* Nexis Uni, Word: a cover and a table of contents, then articles that end in "End of
 * Document"; Word puts a no-break space after a field's colon */
static const char * const uni_paragraphs[] = {
  "Date and Time: Monday, 9. March 2026 10:00:00 CET",
  "Job Number: 42",
  "Documents (2)",
  "1. Monitors to stay until summer",
  "Client/Matter: -None-",
  "Search Terms: monitors",
  "2. Maps still disputed",
  "Client/Matter: -None-",
  "", "", "",
  "Monitors to stay until summer",
  "Example Times(London)",
  "March 2, 2026 Monday 8:00 AM GMT",
  "",
  "Copyright 2026 Example Times Ltd. All Rights Reserved",
  "",
  "Section: WORLD; Version:2",
  "Length: 80 words",
  "Byline:\302\240Pia Lund in Geneva",
  "Body",
  "",
  "The monitors will stay until the summer, the mediators said on Monday.",
  "Both delegations agreed.",
  "Classification",
  "",
  "Language: ENGLISH",
  "Publication-Type: Newspaper",
  "Subject: CEASEFIRES (90%); TALKS (80%)",
  "Load-Date: March 3, 2026",
  "",
  "End of Document",
  "", "", "",
  "Maps still disputed",
  "Example Times(London)",
  "March 5, 2026 Thursday",
  "",
  "Length: 30 words",
  "Body",
  "",
  "The maps of the line are still disputed.",
  "Load-Date: March 6, 2026",
  "",
  "End of Document",
  NULL
};

static void
assert_uni_articles (GPtrArray  *articles,
                     const char *line_break)
{
  g_autofree char *body = g_strconcat ("Monitors to stay until summer\n\n"
                                       "The monitors will stay until the summer, the mediators "
                                       "said on Monday.", line_break, "Both delegations agreed.",
                                       NULL);

  SpArticle *first;
  SpArticle *second;

  g_assert_cmpuint (articles->len, ==, 2);
  first = article_at (articles, 0);
  second = article_at (articles, 1);

  assert_article (first, "Monitors to stay until summer", "2026-03-02", "Example Times(London)",
                  "Pia Lund in Geneva");
  g_assert_cmpstr (first->body, ==, body);
  g_assert_true (has_removed (first, "Documents (2)"));
  g_assert_true (has_removed (first, "Subject: CEASEFIRES"));

  assert_article (second, "Maps still disputed", "2026-03-05", "Example Times(London)", NULL);
  g_assert_cmpstr (second->body, ==, "Maps still disputed\n\nThe maps of the line are still disputed.");

  for (guint i = 0; i < articles->len; i++)
    assert_clean_body (article_at (articles, i));
}

static void
test_lexis_uni_docx (void)
{
  g_autoptr(GBytes) docx = build_docx_paragraphs (uni_paragraphs);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = read_as ("uni.docx", docx, &error);

  g_assert_no_error (error);
  assert_uni_articles (articles, "\n\n");
}

/* The same layout as plain text: one field to a line, without blank lines between; the
 * body's paragraphs stay one to a line */
static void
test_lexis_uni_text (void)
{
  g_autofree char *text = g_strjoinv ("\n", (char **)uni_paragraphs);
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = read_as ("uni.txt", bytes, &error);

  g_assert_no_error (error);
  assert_uni_articles (articles, "\n");
}

static void
test_lexis_uni_truncated (void)
{
  guint n = g_strv_length ((char **)uni_paragraphs);
  g_autofree const char **cut = g_new0 (const char *, n);
  g_autoptr(GBytes) docx = NULL;

  /* Everything but the last "End of Document" */
  memcpy (cut, uni_paragraphs, (n - 1) * sizeof (char *));
  docx = build_docx_paragraphs (cut);

  assert_refused ("uni-cut.docx", docx, SP_IMPORT_ERROR_INCOMPLETE, "End of Document");
}

/* Factiva */

static void
test_factiva_html_table (void)
{
  g_autoptr(GPtrArray) articles = read_fixture ("factiva-table.html");
  SpArticle *first;

  g_assert_cmpuint (articles->len, ==, 2);
  first = article_at (articles, 0);
  assert_article (first, "Mediators propose a new timetable for the talks", "2026-03-04",
                  "The Example Post", "Ana Ruiz");
  g_assert_cmpstr (first->body, ==,
                   "Mediators propose a new timetable for the talks\n\n"
                   "The mediators proposed a new timetable on Wednesday, with a first meeting "
                   "of the working groups in April.\n\n"
                   "Both delegations said they would study it.\n\n"
                   "\"A timetable is not a treaty,\" one diplomat said.");
  g_assert_true (has_removed (first, "AN Document EXPOST0020260304e2340001x"));
  assert_article (article_at (articles, 1), "Working groups named", "2026-03-06", "Example Wire",
                  NULL);

  for (guint i = 0; i < articles->len; i++)
    assert_clean_body (article_at (articles, i));
}

static void
test_factiva_html_blocks (void)
{
  g_autoptr(GPtrArray) articles = read_fixture ("factiva-blocks.html");

  g_assert_cmpuint (articles->len, ==, 2);
  assert_article (article_at (articles, 0), "Neue Runde der Gespräche in Genf", "2026-03-10",
                  "Beispiel Zeitung", "Von Lena Vogt");
  g_assert_cmpstr (article_at (articles, 0)->body, ==,
                   "Neue Runde der Gespräche in Genf\n\n"
                   "Die Delegationen trafen sich am Dienstag zu einer neuen Runde.\n\n"
                   "Ein Ergebnis wird für April erwartet.");
  assert_article (article_at (articles, 1), "Beobachter sollen bleiben", "2026-03-11",
                  "Abendblatt Beispiel", NULL);

  for (guint i = 0; i < articles->len; i++)
    assert_clean_body (article_at (articles, i));
}

/* A page that names Factiva but holds no Factiva article is an ordinary page */
static void
test_factiva_html_ordinary_page (void)
{
  static const char page[] =
    "<html><head><title>About Factiva</title></head><body><article><h1>About Factiva</h1>"
    "<p>Factiva is a database; its pages use classes such as articleParagraph.</p>"
    "</article></body></html>";
  g_autoptr(GBytes) bytes = g_bytes_new_static (page, sizeof page - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = read_as ("about.html", bytes, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 1);
  g_assert_cmpstr (article_at (articles, 0)->title, ==, "About Factiva");
}

static void
test_factiva_xml (void)
{
  g_autoptr(GPtrArray) articles = read_fixture ("factiva-export.xml");
  SpArticle *first;
  SpArticle *second;

  g_assert_cmpuint (articles->len, ==, 2);
  first = article_at (articles, 0);
  second = article_at (articles, 1);

  assert_article (first, "Ceasefire monitors to stay until summer", "2026-03-12", "Example Wire",
                  "Tomas Berg");
  g_assert_cmpstr (first->body, ==,
                   "Ceasefire monitors to stay until summer\n\n"
                   "The monitoring mission will stay until the summer, the mediators said.\n\n"
                   "Both sides agreed to the extension on Wednesday.\n\n"
                   "The next review is due in July.");
  assert_article (second, "TALKS ADJOURNED FOR A WEEK", "2026-03-13", "Example Wire", NULL);
  g_assert_cmpstr (second->body, ==,
                   "TALKS ADJOURNED FOR A WEEK\n\n"
                   "The talks were adjourned for a\nweek on Friday, a spokesman said.\n"
                   "\"We need time to consult,\"\nhe told reporters.");
}

static void
test_factiva_xml_refused (void)
{
  static const char other[] = "<?xml version=\"1.0\"?><rss><channel><item><title>x</title>"
                              "</item></channel></rss>";
  static const char cut[] = "<?xml version=\"1.0\"?><PPSResponse><ppsarticle><article>"
                            "<headline>Cut</headline>";
  static const char entity[] =
    "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;"
    "&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
    "<PPSResponse><ppsarticle><article><headline>&c;</headline></article></ppsarticle>"
    "</PPSResponse>";
  static const char local_file[] =
    "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
    "<PPSResponse><ppsarticle><article><headline>Title</headline><leadParagraph>&x;"
    "</leadParagraph></article></ppsarticle></PPSResponse>";
  g_autoptr(GBytes) rss = g_bytes_new_static (other, sizeof other - 1);
  g_autoptr(GBytes) truncated = g_bytes_new_static (cut, sizeof cut - 1);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) random = NULL;
  g_autoptr(GBytes) entities = g_bytes_new_static (entity, sizeof entity - 1);
  g_autoptr(GBytes) passwd = g_bytes_new_static (local_file, sizeof local_file - 1);
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (6);
  guint8 noise[4096];

  for (guint i = 0; i < sizeof noise; i++)
    noise[i] = (guint8)g_rand_int_range (rand, 0, 256);
  random = g_bytes_new (noise, sizeof noise);

  assert_refused ("feed.xml", rss, SP_IMPORT_ERROR_UNSUPPORTED, "Factiva");
  assert_refused ("cut.xml", truncated, SP_IMPORT_ERROR_INCOMPLETE, "not well-formed");
  assert_refused ("empty.xml", empty, SP_IMPORT_ERROR_INCOMPLETE, NULL);
  assert_refused ("noise.xml", random, SP_IMPORT_ERROR_INCOMPLETE, NULL);

  /* Nested entities are refused (libxml2 sees their amplification), and nothing outside
   * the file is read */
  assert_refused ("entities.xml", entities, SP_IMPORT_ERROR_INCOMPLETE, "entity");
  articles = read_as ("passwd.xml", passwd, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (article_at (articles, 0)->body, "root:"));
}

/* Bytes that are no export at all, in each of the formats */
static void
test_noise (void)
{
  static const char * const names[] = { "noise.docx", "noise.txt", "noise.html", "noise.xml" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);

  for (guint round = 0; round < 50; round++)
    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        gsize length = g_rand_int_range (rand, 0, 2048);
        g_autofree guint8 *data = g_malloc (length + 4);
        g_autoptr(GBytes) bytes = NULL;
        g_autoptr(GError) error = NULL;
        g_autoptr(GPtrArray) articles = NULL;

        for (gsize j = 0; j < length + 4; j++)
          data[j] = (guint8)g_rand_int_range (rand, 0, 256);
        /* Half the time, looking like a zip archive */
        if (round % 2 == 0)
          memcpy (data, "PK\003\004", 4);

        bytes = g_bytes_new (data, length + 4);
        articles = read_as (names[i], bytes, &error);
        g_assert_true ((articles == NULL) != (error == NULL));
        if (error != NULL)
          g_assert_true (error->domain == SP_IMPORT_ERROR);
      }
}

/* The samples of ../shared/corpus/lexisnexis-factiva-samples */

static GPtrArray *
read_sample (const char *dir,
             const char *path)
{
  g_autofree char *file = g_build_filename (dir, path, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GMappedFile) mapped = g_mapped_file_new (file, FALSE, &error);
  g_autoptr(GBytes) bytes = NULL;
  GPtrArray *articles;

  g_assert_no_error (error);
  bytes = g_mapped_file_get_bytes (mapped);
  articles = read_as (path, bytes, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < articles->len; i++)
    {
      SpArticle *article = g_ptr_array_index (articles, i);

      g_test_message ("%s %u: %s | %s | %s | %s", path, i + 1, article->title, article->date,
                      article->source, article->author);
    }

  return articles;
}

static void
test_corpus_samples (void)
{
  g_autofree char *dir = sp_test_corpus_dir ("lexisnexis-factiva-samples");
  g_autoptr(GPtrArray) text = NULL;
  g_autoptr(GPtrArray) word = NULL;
  g_autoptr(GPtrArray) reuters = NULL;
  g_autoptr(GPtrArray) page = NULL;

  if (dir == NULL)
    return;

  text = read_sample (dir, "LexisNexisTools/sample.TXT");
  g_assert_cmpuint (text->len, ==, 10);
  assert_article (article_at (text, 0), "Lorem ipsum dolor sit amet", "2010-01-11", "Guardian.com",
                  "Andrew Sparrow");
  assert_article (article_at (text, 7), "PRISONER OF HIS OWN CABINET", "2010-01-10",
                  "MAIL ON SUNDAY (London)", "STEPHEN POLLARD");
  assert_article (article_at (text, 9), "Wikipedia", "2010-01-09", "DAILY MAIL (London)", NULL);

  word = read_sample (dir, "LexisNexisTools/sample.DOCX");
  g_assert_cmpuint (word->len, ==, 10);
  assert_article (article_at (word, 0), "Lorem ipsum dolor sit amet", "2019-07-01",
                  "The Guardian(London)", "Mattha Busby (now), Andrew Sparrow (earlier)");
  assert_article (article_at (word, 9), "What is Wikipedia", "2019-07-02", "The Guardian(London)",
                  "Tom Kibasi");

  reuters = read_sample (dir, "tm.plugin.factiva/reut21578-factiva.xml");
  g_assert_cmpuint (reuters->len, ==, 19);
  assert_article (article_at (reuters, 0), "DIAMOND SHAMROCK (DIA) CUTS CRUDE PRICES", "1987-02-26",
                  "Reuters-21578", NULL);
  assert_article (article_at (reuters, 18), "ARGENTINE OIL PRODUCTION DOWN IN JANUARY 1987",
                  "1987-03-02", "Reuters-21578", NULL);

  page = read_sample (dir, "tm.plugin.factiva/factiva_test.html");
  g_assert_cmpuint (page->len, ==, 2);
  assert_article (article_at (page, 0), "Test 1", "2011-12-29", "Test newspaper", NULL);
  assert_article (article_at (page, 1), "Test 2", "2011-12-29", "Ouest France", NULL);

  /* The other samples of the same exports */
  {
    g_autoptr(GPtrArray) german = read_sample (dir, "factiva-parsing/Factiva-example.html");
    g_autoptr(GPtrArray) xml = read_sample (dir, "tm.plugin.factiva/factiva_test.xml");
    g_autoptr(GPtrArray) english = read_sample (dir, "tm.plugin.lexisnexis/lexisnexis_test_en.html");
    g_autoptr(GPtrArray) french = read_sample (dir, "tm.plugin.lexisnexis/lexisnexis_test_fr.html");

    g_assert_cmpuint (german->len, ==, 2);
    assert_article (article_at (german, 1), "Fragen an das Land von Dani, Rami und Uzi.",
                    "1998-05-09", "Süddeutsche Zeitung", NULL);
    g_assert_cmpuint (xml->len, ==, 3);
    g_assert_cmpuint (english->len, ==, 2);
    assert_article (article_at (english, 0), "Heading One", "1991-12-19", "Some Newspaper",
                    "PAPER AUTHOR");
    g_assert_cmpuint (french->len, ==, 3);
    assert_article (article_at (french, 1), "Another title, with accents: éà", "2013-10-14",
                    "My newpaper", "Author 2");
  }

  for (guint i = 0; i < 10; i++)
    {
      assert_clean_body (article_at (text, i));
      assert_clean_body (article_at (word, i));
    }
  for (guint i = 0; i < 2; i++)
    assert_clean_body (article_at (page, i));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/formats2/table", test_formats_table);
  g_test_add_func ("/import/formats2/docx/text", test_docx_text);
  g_test_add_func ("/import/formats2/docx/without-properties", test_docx_without_properties);
  g_test_add_func ("/import/formats2/docx/refused", test_docx_refused);
  g_test_add_func ("/import/formats2/docx/zip-bomb", test_docx_zip_bomb);
  g_test_add_func ("/import/formats2/docx/packs-well", test_docx_packs_well);
  g_test_add_func ("/import/formats2/docx/too-many-entries", test_docx_too_many_entries);
  g_test_add_func ("/import/formats2/lexis/academic", test_lexis_academic);
  g_test_add_func ("/import/formats2/lexis/academic-html", test_lexis_academic_html);
  g_test_add_func ("/import/formats2/lexis/truncated", test_lexis_truncated);
  g_test_add_func ("/import/formats2/lexis/absurd-count", test_lexis_absurd_count);
  g_test_add_func ("/import/formats2/lexis/not-an-export", test_lexis_not_an_export);
  g_test_add_func ("/import/formats2/lexis/uni-docx", test_lexis_uni_docx);
  g_test_add_func ("/import/formats2/lexis/uni-text", test_lexis_uni_text);
  g_test_add_func ("/import/formats2/lexis/uni-truncated", test_lexis_uni_truncated);
  g_test_add_func ("/import/formats2/factiva/html-table", test_factiva_html_table);
  g_test_add_func ("/import/formats2/factiva/html-blocks", test_factiva_html_blocks);
  g_test_add_func ("/import/formats2/factiva/html-ordinary-page", test_factiva_html_ordinary_page);
  g_test_add_func ("/import/formats2/factiva/xml", test_factiva_xml);
  g_test_add_func ("/import/formats2/factiva/xml-refused", test_factiva_xml_refused);
  g_test_add_func ("/import/formats2/noise", test_noise);
  g_test_add_func ("/import/formats2/corpus-samples", test_corpus_samples);

  return g_test_run ();
}
