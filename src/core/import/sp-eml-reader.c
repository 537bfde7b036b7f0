/* sp-eml-reader.c
 *
 * An article that reached the analyst by e-mail: Subject is the title (without "Fwd:" and
 * the like), From the author, Date the date, and the body the first text/plain part that is
 * not an attachment, or else the first text/html part read as a web page. GMime parses the
 * message and undoes its transfer encodings and RFC 2047 headers; the part's bytes are then
 * decoded by sp_text_decode() with the charset the part declares, as any text file is.
 *
 * GMime stops nesting at a fixed depth and says so, and says when a message ends inside a
 * header or a multipart: such a message is refused rather than read in part, as is one with
 * more than SP_EML_MAX_PARTS parts. The walk over the parts is iterative.
 */
#define G_LOG_DOMAIN "sp-eml-reader"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-eml-reader.h"
#include "sp-import-formats.h"

#if HAVE_GMIME

#include <gmime/gmime.h>

#include "sp-field-text.h"
#include "sp-html-reader.h"
#include "sp-text-decode.h"
#include "sp-text-reader.h"

/* GMime 3.2 declares no cleanup functions of its own */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeStream, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeParser, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeMessage, g_object_unref)

/* Subject prefixes of replies and forwards, in a few languages */
static const char * const subject_prefixes[] = {
  "fwd:", "fw:", "re:", "aw:", "wg:", "tr:", "rv:", "sv:", "vs:", "fwd :", "re :", NULL
};

static void
ensure_gmime (void)
{
  static gsize initialised;

  if (g_once_init_enter (&initialised))
    {
      g_mime_init ();
      g_once_init_leave (&initialised, 1);
    }
}

/* What the parser found wrong that makes its reading of the message not the whole of it */
typedef struct
{
  gboolean truncated;
  gboolean too_deep;
} ParserProblems;

static void
parser_warning_cb (gint64              offset,
                   GMimeParserWarning  warning,
                   const char         *item,
                   gpointer            user_data)
{
  ParserProblems *problems = user_data;

  if (warning == GMIME_WARN_TRUNCATED_MESSAGE)
    problems->truncated = TRUE;
  else if (warning == GMIME_CRIT_NESTING_OVERFLOW)
    problems->too_deep = TRUE;
}

static char *
strip_subject_prefixes (const char *subject)
{
  const char *p = subject;
  gboolean stripped;

  do
    {
      stripped = FALSE;
      while (*p == ' ')
        p++;
      for (guint i = 0; subject_prefixes[i] != NULL; i++)
        if (g_ascii_strncasecmp (p, subject_prefixes[i], strlen (subject_prefixes[i])) == 0)
          {
            p += strlen (subject_prefixes[i]);
            stripped = TRUE;
            break;
          }
    }
  while (stripped);

  return g_strdup (p);
}

/* A part's bytes with its transfer encoding (base64, quoted-printable) undone */
static GByteArray *
part_bytes (GMimePart *part)
{
  GMimeDataWrapper *content = g_mime_part_get_content (part);
  g_autoptr(GByteArray) bytes = NULL;
  g_autoptr(GMimeStream) stream = NULL;

  if (content == NULL)
    return NULL;

  /* The stream writes into @bytes and leaves them to us */
  bytes = g_byte_array_new ();
  stream = g_mime_stream_mem_new_with_byte_array (bytes);
  g_mime_stream_mem_set_owner (GMIME_STREAM_MEM (stream), FALSE);
  if (g_mime_data_wrapper_write_to_stream (content, stream) < 0)
    return NULL;

  return g_steal_pointer (&bytes);
}

/* The first part of @type/@subtype that is not an attachment, depth first. Fails when the
 * message has more than SP_EML_MAX_PARTS parts. */
static gboolean
find_part (GMimeObject  *top,
           GMimePart   **plain,
           GMimePart   **html,
           GError      **error)
{
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  guint n_parts = 0;

  g_ptr_array_add (stack, top);
  while (stack->len > 0)
    {
      GMimeObject *object = g_ptr_array_steal_index (stack, stack->len - 1);

      if (object == NULL)
        continue;

      if (++n_parts > SP_EML_MAX_PARTS)
        {
          g_set_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_TOO_LARGE,
                       _("the message has more than %u parts"), SP_EML_MAX_PARTS);
          return FALSE;
        }

      if (GMIME_IS_MULTIPART (object))
        {
          GMimeMultipart *multipart = GMIME_MULTIPART (object);

          /* Pushed in reverse, so that the parts are visited in their order */
          for (int i = g_mime_multipart_get_count (multipart); i > 0; i--)
            g_ptr_array_add (stack, g_mime_multipart_get_part (multipart, i - 1));
        }
      else if (GMIME_IS_MESSAGE_PART (object))
        {
          GMimeMessage *inner = g_mime_message_part_get_message (GMIME_MESSAGE_PART (object));

          if (inner != NULL)
            g_ptr_array_add (stack, g_mime_message_get_mime_part (inner));
        }
      else if (GMIME_IS_PART (object) && !g_mime_part_is_attachment (GMIME_PART (object)))
        {
          GMimeContentType *type = g_mime_object_get_content_type (object);

          if (*plain == NULL && g_mime_content_type_is_type (type, "text", "plain"))
            *plain = GMIME_PART (object);
          else if (*html == NULL && g_mime_content_type_is_type (type, "text", "html"))
            *html = GMIME_PART (object);
        }
    }

  return TRUE;
}

/* format=flowed text (RFC 3676) with its soft line breaks joined: a line that ends in a
 * space goes on in the next one (without the space when @delete_space), except the
 * signature separator "-- " */
static char *
unflow (const char *text,
        gboolean    delete_space)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *line = text; line != NULL; )
    {
      const char *eol = strchr (line, '\n');
      gsize length = eol != NULL ? (gsize)(eol - line) : strlen (line);
      gboolean soft = length > 0 && line[length - 1] == ' ' && eol != NULL &&
                      !(length == 3 && strncmp (line, "-- ", 3) == 0);

      /* Space-stuffing: a leading space was added to protect the line */
      if (length > 0 && line[0] == ' ')
        {
          line++;
          length--;
        }

      g_string_append_len (out, line, soft && delete_space ? length - 1 : length);
      if (eol != NULL && !soft)
        g_string_append_c (out, '\n');
      line = eol != NULL ? eol + 1 : NULL;
    }

  return g_string_free (out, FALSE);
}

static char *
read_plain (GMimePart  *part,
            GError    **error)
{
  g_autoptr(GByteArray) bytes = part_bytes (part);
  const char *charset = g_mime_object_get_content_type_parameter (GMIME_OBJECT (part), "charset");
  g_autofree char *text = NULL;

  if (bytes == NULL || bytes->len == 0)
    return g_strdup ("");

  if (!(text = sp_text_decode ((const char *)bytes->data, bytes->len, charset,
                               SP_TEXT_DECODE_DEFAULT, error)))
    return NULL;

  if (g_strcmp0 (g_mime_object_get_content_type_parameter (GMIME_OBJECT (part), "format"), "flowed") == 0)
    {
      const char *delsp = g_mime_object_get_content_type_parameter (GMIME_OBJECT (part), "delsp");
      g_autofree char *unflowed = unflow (text, g_strcmp0 (delsp, "yes") == 0);

      return sp_text_tidy (unflowed);
    }

  return sp_text_tidy (text);
}

static char *
read_html (GMimePart     *part,
           SpReadBudget  *budget,
           GError       **error)
{
  g_autoptr(GByteArray) bytes = part_bytes (part);
  const char *charset = g_mime_object_get_content_type_parameter (GMIME_OBJECT (part), "charset");
  g_autofree char *text = NULL;
  g_autoptr(SpArticle) page = NULL;

  if (bytes == NULL || bytes->len == 0)
    return g_strdup ("");

  /* The part's charset decodes it; the page reader keeps valid UTF-8 as it is */
  if (!(text = sp_text_decode ((const char *)bytes->data, bytes->len, charset,
                               SP_TEXT_DECODE_MARKUP, error)) ||
      !(page = sp_html_reader_read (text, strlen (text), budget, error)))
    return NULL;

  return g_steal_pointer (&page->body);
}

/* The name of the first sender, else the address */
static char *
read_author (GMimeMessage *message)
{
  InternetAddressList *from = g_mime_message_get_from (message);
  InternetAddress *address;
  const char *name;

  if (from == NULL || internet_address_list_length (from) == 0)
    return NULL;

  address = internet_address_list_get_address (from, 0);
  name = internet_address_get_name (address);
  if (name != NULL && name[0] != '\0')
    return sp_field_text_line (name, -1);

  if (INTERNET_ADDRESS_IS_MAILBOX (address))
    return sp_field_text_line (internet_address_mailbox_get_addr (INTERNET_ADDRESS_MAILBOX (address)), -1);

  return NULL;
}

static gboolean
has_headers (GMimeMessage *message)
{
  GMimeHeaderList *headers = g_mime_object_get_header_list (GMIME_OBJECT (message));

  return g_mime_message_get_subject (message) != NULL ||
         g_mime_message_get_date (message) != NULL ||
         (g_mime_message_get_from (message) != NULL &&
          internet_address_list_length (g_mime_message_get_from (message)) > 0) ||
         (headers != NULL && g_mime_header_list_contains (headers, "Content-Type"));
}

static SpArticle *
read_message (const char    *data,
              gsize          length,
              SpReadBudget  *budget,
              GError       **error)
{
  static const char *fallback_charsets[] = { "UTF-8", "windows-1252", NULL };
  g_autoptr(GMimeStream) stream = NULL;
  g_autoptr(GMimeParser) parser = NULL;
  g_autoptr(GMimeMessage) message = NULL;
  g_autoptr(SpArticle) article = NULL;
  GMimeParserOptions *options;
  GMimePart *plain = NULL;
  GMimePart *html = NULL;
  GDateTime *date;
  const char *subject;
  ParserProblems problems = { FALSE, FALSE };

  if (!sp_read_budget_spend (budget, length))
    {
      sp_read_budget_set_error (budget, error);
      return NULL;
    }

  ensure_gmime ();

  options = g_mime_parser_options_new ();
  g_mime_parser_options_set_fallback_charsets (options, fallback_charsets);
  g_mime_parser_options_set_warning_callback (options, parser_warning_cb, &problems);
  stream = g_mime_stream_mem_new_with_buffer (data, length);
  parser = g_mime_parser_new_with_stream (stream);
  g_mime_parser_set_format (parser, GMIME_FORMAT_MESSAGE);
  message = g_mime_parser_construct_message (parser, options);
  g_mime_parser_options_free (options);

  if (message == NULL || !has_headers (message))
    {
      g_set_error_literal (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_READ,
                           _("not an e-mail message (no Subject, From, Date or Content-Type header)"));
      return NULL;
    }

  if (!sp_read_budget_check_clock (budget))
    {
      sp_read_budget_set_error (budget, error);
      return NULL;
    }

  if (problems.too_deep)
    {
      g_set_error_literal (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_TOO_LARGE,
                           _("the message nests its parts deeper than can be read"));
      return NULL;
    }

  if (problems.truncated)
    {
      g_set_error_literal (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_INCOMPLETE,
                           _("the message is cut short (it ends inside a header or a part)"));
      return NULL;
    }

  if (!find_part (g_mime_message_get_mime_part (message), &plain, &html, error))
    return NULL;

  article = sp_article_new ();
  if (plain != NULL && !(article->body = read_plain (plain, error)))
    return NULL;
  if ((article->body == NULL || article->body[0] == '\0') && html != NULL)
    {
      g_clear_pointer (&article->body, g_free);
      if (!(article->body = read_html (html, budget, error)))
        return NULL;
    }

  if (article->body == NULL || article->body[0] == '\0')
    {
      g_set_error_literal (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_EMPTY,
                           plain == NULL && html == NULL
                             ? _("the message has no text part (only attachments or other types)")
                             : _("the message's text is empty"));
      return NULL;
    }

  if ((subject = g_mime_message_get_subject (message)) != NULL)
    {
      g_autofree char *line = sp_field_text_line (subject, -1);
      g_autofree char *stripped = line != NULL ? strip_subject_prefixes (line) : NULL;

      if (stripped != NULL && stripped[0] != '\0')
        {
          article->title = sp_text_title_from_body (stripped);
          article->title_kind = SP_TITLE_KIND_HEADLINE;
        }
    }

  if ((date = g_mime_message_get_date (message)) != NULL)
    {
      article->date = g_date_time_format (date, "%Y-%m-%d");
      article->date_source = SP_DATE_SOURCE_METADATA;
      /* When the message was sent, which for an alert or a forward is near the article's */
      article->date_confidence = 0.7;
    }

  article->author = read_author (message);

  return g_steal_pointer (&article);
}

/**
 * sp_eml_reader_read:
 * @bytes: an e-mail message (RFC 5322, MIME)
 * @budget: (nullable): what reading it may cost; %NULL for the default
 *
 * Fails with %SP_IMPORT_ERROR_READ for bytes that are not a message, %SP_IMPORT_ERROR_EMPTY
 * for a message without text, %SP_IMPORT_ERROR_TOO_LARGE for one with too many parts, and
 * as sp_text_decode() and sp_html_reader_read() do for its text.
 *
 * Returns: (transfer full) (element-type SpArticle): the message's article
 */
GPtrArray *
sp_eml_reader_read (GBytes        *bytes,
                    SpReadBudget  *budget,
                    GError       **error)
{
  g_autoptr(SpReadBudget) own_budget = NULL;
  gsize length = 0;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  if (length == 0)
    {
      g_set_error_literal (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_EMPTY, _("empty file"));
      return NULL;
    }

  if (budget == NULL)
    budget = own_budget = sp_read_budget_new (length);

  return sp_import_articles_new (read_message (data, length, budget, error));
}

#else /* !HAVE_GMIME */

GPtrArray *
sp_eml_reader_read (GBytes        *bytes,
                    SpReadBudget  *budget,
                    GError       **error)
{
  g_set_error_literal (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_UNSUPPORTED,
                       _("e-mail messages (.eml) are not supported in this build "
                         "(it was built without GMime)"));
  return NULL;
}

#endif /* HAVE_GMIME */
