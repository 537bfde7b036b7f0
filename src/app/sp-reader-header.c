/* sp-reader-header.c
 *
 * What the reader shows above a document's text: its title (and whether it is the article's
 * headline), its date and where that date came from, source, author, file and address, and
 * two badges: a near duplicate, linking to the other document, and the toggle that shows
 * the text cleaning removed. All of it comes from articles: plain text, never markup.
 */
#define G_LOG_DOMAIN "sp-reader"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-date-text.h"
#include "sp-reader-private.h"

/* Below this confidence a found date is worth a second look */
#define DATE_SURE         0.85
#define DATE_FAIRLY_SURE  0.5

void
_sp_reader_init_header (SpReader  *self,
                        GtkWidget *parent)
{
  GtkWidget *header;

  /* Title and metadata stay in view above the text, so they are kept short: the title in two
   * lines at most and the rest in one line each, all of it in tooltips */
  header = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_margin_start (header, 24);
  gtk_widget_set_margin_end (header, 24);
  gtk_widget_set_margin_top (header, 14);
  gtk_widget_set_margin_bottom (header, 4);
  gtk_box_append (GTK_BOX (parent), header);

  self->title_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->title_label, TRUE);
  gtk_label_set_wrap_mode (self->title_label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (self->title_label, 2);
  gtk_label_set_ellipsize (self->title_label, PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (self->title_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "title-3");
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->title_label));

  /* A title that is not the article's headline says so */
  self->kind_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->kind_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->kind_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->kind_label), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->kind_label), "title-kind");
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->kind_label));

  self->date_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_ellipsize (self->date_label, PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (self->date_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->date_label), "caption");
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->date_label));

  self->meta_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_ellipsize (self->meta_label, PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (self->meta_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->meta_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->meta_label), "caption");
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->meta_label));

  /* Selectable, so that the address can be copied */
  self->url_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_ellipsize (self->url_label, PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_single_line_mode (self->url_label, TRUE);
  gtk_label_set_xalign (self->url_label, 0);
  gtk_label_set_selectable (self->url_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->url_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->url_label), "caption");
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->url_label));

  /* What the analyst may want to look at twice: a near duplicate, and removed text */
  self->badges = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_top (self->badges, 4);
  gtk_box_append (GTK_BOX (header), self->badges);

  self->duplicate_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_ellipsize (self->duplicate_label, PANGO_ELLIPSIZE_END);
  self->duplicate_button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (self->duplicate_button), GTK_WIDGET (self->duplicate_label));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->duplicate_button), "x", (gint64)0);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->duplicate_button), "documents.select");
  gtk_widget_add_css_class (self->duplicate_button, "duplicate-badge");
  gtk_widget_set_visible (self->duplicate_button, FALSE);
  gtk_widget_set_hexpand (self->duplicate_button, FALSE);
  gtk_widget_set_halign (self->duplicate_button, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (self->badges), self->duplicate_button);

  self->removed_toggle = GTK_TOGGLE_BUTTON (gtk_toggle_button_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->removed_toggle), "removed-toggle");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->removed_toggle),
                               _("Show the text that cleaning took out of the article, where it stood"));
  gtk_widget_set_visible (GTK_WIDGET (self->removed_toggle), FALSE);
  gtk_box_append (GTK_BOX (self->badges), GTK_WIDGET (self->removed_toggle));
  g_object_bind_property (self, "show-removed", self->removed_toggle, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
}

/* Source, author and file: the date has a line of its own */
static char *
describe_document (SpDocument *document)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  if (sp_document_get_source (document))
    g_ptr_array_add (parts, (gpointer)sp_document_get_source (document));
  if (sp_document_get_author (document))
    g_ptr_array_add (parts, (gpointer)sp_document_get_author (document));
  g_ptr_array_add (parts, (gpointer)sp_document_get_file_name (document));
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (" · ", (char **)parts->pdata);
}

/* How sure the importer was of a date it found, in words; NULL when it was sure */
static const char *
describe_confidence (double confidence)
{
  if (confidence >= DATE_SURE)
    return NULL;
  if (confidence >= DATE_FAIRLY_SURE)
    return _("fairly sure");
  return _("a guess");
}

/**
 * sp_reader_describe_date:
 * @document: a document
 *
 * Returns: (transfer full): the document's date with where it came from, e.g.
 *   "30 May 2025 · from the page's metadata", or "No date"
 */
char *
sp_reader_describe_date (SpDocument *document)
{
  g_autofree char *date = NULL;
  const char *source = NULL;
  const char *confidence = NULL;

  g_return_val_if_fail (SP_IS_DOCUMENT (document), NULL);

  if (sp_document_get_date (document) == NULL)
    return g_strdup (_("No date"));

  date = sp_date_text_format (sp_document_get_date (document), SP_DATE_TEXT_LONG);
  switch (sp_document_get_date_source (document))
    {
    case SP_DATE_SOURCE_METADATA:
      source = _("from the page’s metadata");
      confidence = describe_confidence (sp_document_get_date_confidence (document));
      break;
    case SP_DATE_SOURCE_DATELINE:
      source = _("from a dateline");
      confidence = describe_confidence (sp_document_get_date_confidence (document));
      break;
    case SP_DATE_SOURCE_TEXT:
      source = _("from the article’s text");
      confidence = describe_confidence (sp_document_get_date_confidence (document));
      break;
    case SP_DATE_SOURCE_FILE:
      source = _("the file’s date, not the article’s");
      break;
    case SP_DATE_SOURCE_ANALYST:
      source = _("set by you");
      break;
    case SP_DATE_SOURCE_NONE:
    default:
      break;
    }

  if (source == NULL)
    return g_steal_pointer (&date);
  if (confidence == NULL)
    return g_strdup_printf ("%s · %s", date, source);
  return g_strdup_printf ("%s · %s, %s", date, source, confidence);
}

static void
set_label (GtkLabel   *label,
           const char *text)
{
  gtk_label_set_text (label, text ? text : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), text && text[0] ? text : NULL);
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && text[0] != '\0');
}

void
_sp_reader_show_header (SpReader *self)
{
  SpDocument *document = self->document;
  g_autofree char *meta = NULL;
  g_autofree char *date = NULL;
  const char *kind = NULL;
  guint n_removed;
  gboolean file_date;

  if (document == NULL)
    {
      set_label (self->title_label, NULL);
      set_label (self->kind_label, NULL);
      set_label (self->date_label, NULL);
      set_label (self->meta_label, NULL);
      set_label (self->url_label, NULL);
      gtk_widget_set_visible (self->badges, FALSE);
      return;
    }

  meta = describe_document (document);
  date = sp_reader_describe_date (document);
  set_label (self->title_label, sp_document_get_title (document));
  set_label (self->date_label, date);
  set_label (self->meta_label, meta);
  set_label (self->url_label, sp_document_get_url (document));

  switch (sp_document_get_title_kind (document))
    {
    case SP_TITLE_KIND_FIRST_WORDS:
      kind = _("(first words, no headline)");
      break;
    case SP_TITLE_KIND_FILE_NAME:
      kind = _("(the file’s name, no headline)");
      break;
    case SP_TITLE_KIND_HEADLINE:
    default:
      break;
    }
  set_label (self->kind_label, kind);

  /* A date that is only the file's, or a guess, is the one to check */
  switch (sp_document_get_date_source (document))
    {
    case SP_DATE_SOURCE_FILE:
      file_date = sp_document_get_date (document) != NULL;
      break;
    case SP_DATE_SOURCE_METADATA:
    case SP_DATE_SOURCE_DATELINE:
    case SP_DATE_SOURCE_TEXT:
      file_date = sp_document_get_date (document) != NULL &&
                  sp_document_get_date_confidence (document) < DATE_FAIRLY_SURE;
      break;
    case SP_DATE_SOURCE_NONE:
    case SP_DATE_SOURCE_ANALYST:
    default:
      file_date = FALSE;
      break;
    }
  if (file_date)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->date_label), "warning");
      gtk_widget_remove_css_class (GTK_WIDGET (self->date_label), "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->date_label), "warning");
      gtk_widget_add_css_class (GTK_WIDGET (self->date_label), "dim-label");
    }

  n_removed = self->removals ? g_list_model_get_n_items (self->removals) : sp_document_get_removed_count (document);
  if (n_removed > 0)
    {
      g_autofree char *label = NULL;

      label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Show Removed Text (%u block)",
                                            "Show Removed Text (%u blocks)", n_removed),
                               n_removed);
      gtk_button_set_label (GTK_BUTTON (self->removed_toggle), label);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->removed_toggle), n_removed > 0);
  gtk_widget_set_visible (self->badges, n_removed > 0 || gtk_widget_get_visible (self->duplicate_button));
}

/**
 * sp_reader_set_near_duplicate:
 * @other_id: the document this one nearly repeats, or 0
 * @other_title: (nullable): its title
 *
 * Shows "Nearly the same as «Title»", a link to the other document (the
 * documents.select action with its id).
 */
void
sp_reader_set_near_duplicate (SpReader   *self,
                              gint64      other_id,
                              const char *other_title)
{
  g_autofree char *text = NULL;

  g_return_if_fail (SP_IS_READER (self));

  if (other_id == 0)
    {
      gtk_widget_set_visible (self->duplicate_button, FALSE);
      _sp_reader_show_header (self);
      return;
    }

  /* TRANSLATORS: a badge above a document's text; %s is another document's title */
  text = g_strdup_printf (_("Nearly the same as «%s»"), other_title && other_title[0] ? other_title : "?");
  gtk_label_set_text (self->duplicate_label, text);
  gtk_widget_set_tooltip_text (self->duplicate_button,
                               _("Another document holds almost the same text, e.g. the same wire story on another site. Click to read it."));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->duplicate_button), "x", other_id);
  gtk_widget_set_visible (self->duplicate_button, TRUE);
  _sp_reader_show_header (self);
}

