#define G_LOG_DOMAIN "sp-documents-view"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-documents-view.h"
#include "sp-toast.h"

struct _SpDocumentsView
{
  GtkWidget           parent_instance;

  SpProject          *project;
  GListStore         *documents;
  GtkFilterListModel *filtered;
  GtkCustomFilter    *filter;
  GtkSingleSelection *selection;
  GListModel         *claims;       /* of the selected document */
  SpClaimPopover     *claim_popover;

  /* Template children */
  GtkStack           *stack;
  GtkSearchEntry     *search_entry;
  GtkListView        *document_list;
  GtkStack           *reader_stack;
  SpReader           *reader;
  GtkLabel           *claims_heading;
  GtkListBox         *claims_list;
};

G_DEFINE_FINAL_TYPE (SpDocumentsView, sp_documents_view, GTK_TYPE_WIDGET)

static void load_claims (SpDocumentsView *self);

/* The document list */

static gboolean
document_matches (gpointer item,
                  gpointer user_data)
{
  SpDocumentsView *self = user_data;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *needle = NULL;
  g_autofree char *title = NULL;
  g_autofree char *file = NULL;

  if (search[0] == '\0')
    return TRUE;

  needle = g_utf8_casefold (search, -1);
  title = g_utf8_casefold (sp_document_get_title (item), -1);
  file = g_utf8_casefold (sp_document_get_file_name (item), -1);

  return strstr (title, needle) != NULL || strstr (file, needle) != NULL;
}

static void
search_changed_cb (SpDocumentsView *self,
                   GtkSearchEntry  *entry)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
document_setup_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *meta = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (title), 2);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (meta), 0);
  gtk_label_set_ellipsize (GTK_LABEL (meta), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (meta, "dim-label");
  gtk_widget_add_css_class (meta, "caption");
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), meta);
  gtk_list_item_set_child (item, box);
}

static void
document_bind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  SpDocument *document = gtk_list_item_get_item (item);
  GtkWidget *title = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *meta = gtk_widget_get_next_sibling (title);
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_claims = sp_document_get_claim_count (document);

  g_string_append (text, sp_document_get_date (document) ? sp_document_get_date (document) : _("No date"));
  if (sp_document_get_source (document))
    g_string_append_printf (text, " · %s", sp_document_get_source (document));
  if (n_claims > 0)
    {
      g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u claim", "%u claims", n_claims), n_claims);
      g_string_append_printf (text, " · %s", count);
    }

  gtk_label_set_text (GTK_LABEL (title), sp_document_get_title (document)[0] ? sp_document_get_title (document)
                                                                               : sp_document_get_file_name (document));
  gtk_label_set_text (GTK_LABEL (meta), text->str);
  gtk_widget_set_tooltip_text (gtk_list_item_get_child (item), sp_document_get_file_name (document));
}

static void
show_document (SpDocumentsView *self,
               SpDocument      *document)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;

  if (document == NULL || self->project == NULL)
    {
      sp_reader_set_document (self->reader, NULL, NULL);
      gtk_stack_set_visible_child_name (self->reader_stack, "none");
      load_claims (self);
      return;
    }

  if (!(body = sp_project_dup_document_body (self->project, sp_document_get_id (document), &error)))
    {
      sp_toast_show_error (GTK_WIDGET (self), error->message);
      return;
    }

  sp_reader_set_document (self->reader, document, body);
  gtk_stack_set_visible_child_name (self->reader_stack, "reader");
  load_claims (self);
}

static void
selection_changed_cb (SpDocumentsView    *self,
                      guint               position,
                      guint               n_items,
                      GtkSingleSelection *selection)
{
  SpDocument *document = gtk_single_selection_get_selected_item (selection);
  SpDocument *shown = sp_reader_get_document (self->reader);

  if (document != NULL && shown != NULL && sp_document_get_id (document) == sp_document_get_id (shown))
    return;

  show_document (self, document);
}

static gint64
selected_document_id (SpDocumentsView *self)
{
  SpDocument *document = sp_reader_get_document (self->reader);

  return document ? sp_document_get_id (document) : 0;
}

static void
load_documents (SpDocumentsView *self)
{
  g_autoptr(GListModel) documents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 keep = selected_document_id (self);

  if (self->project != NULL)
    {
      if (!(documents = sp_project_list_documents (self->project, &error)))
        sp_toast_show_error (GTK_WIDGET (self), error->message);
    }

  for (guint i = 0; documents && i < g_list_model_get_n_items (documents); i++)
    g_ptr_array_add (items, g_list_model_get_item (documents, i));

  g_list_store_splice (self->documents, 0, g_list_model_get_n_items (G_LIST_MODEL (self->documents)),
                       items->pdata, items->len);

  gtk_stack_set_visible_child_name (self->stack, items->len > 0 ? "documents" : "empty");

  if (keep == 0 || !sp_documents_view_select_document (self, keep))
    show_document (self, gtk_single_selection_get_selected_item (self->selection));
}

/* The claims list */

static GtkWidget *
create_claim_row (SpClaim *claim)
{
  int stance = sp_claim_get_stance (claim);
  g_autofree char *stance_text = g_strdup_printf ("%s%d", stance > 0 ? "+" : stance < 0 ? "−" : "", ABS (stance));
  g_autofree char *css = g_strdup_printf ("stance%c%d", stance < 0 ? 'm' : 'p', ABS (stance));
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *badge = gtk_label_new (stance_text);
  GtkWidget *who = gtk_label_new (sp_claim_get_actor_name (claim));
  GtkWidget *what = gtk_label_new (sp_claim_get_issue_label (claim));
  GtkWidget *quote = gtk_label_new (sp_claim_get_quote (claim));

  gtk_widget_add_css_class (badge, "stance-badge");
  gtk_widget_add_css_class (badge, css);
  gtk_widget_set_valign (badge, GTK_ALIGN_START);
  gtk_label_set_xalign (GTK_LABEL (who), 0);
  gtk_label_set_ellipsize (GTK_LABEL (who), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (who, "heading");
  gtk_label_set_xalign (GTK_LABEL (what), 1);
  gtk_label_set_ellipsize (GTK_LABEL (what), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (what, TRUE);
  gtk_widget_add_css_class (what, "caption");
  gtk_box_append (GTK_BOX (top), badge);
  gtk_box_append (GTK_BOX (top), who);
  gtk_box_append (GTK_BOX (top), what);
  gtk_box_append (GTK_BOX (box), top);

  gtk_label_set_xalign (GTK_LABEL (quote), 0);
  gtk_label_set_wrap (GTK_LABEL (quote), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (quote), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (quote), 3);
  gtk_label_set_ellipsize (GTK_LABEL (quote), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (quote, "dim-label");
  gtk_box_append (GTK_BOX (box), quote);

  if (sp_claim_get_note (claim)[0] != '\0')
    {
      GtkWidget *note = gtk_label_new (sp_claim_get_note (claim));

      gtk_label_set_xalign (GTK_LABEL (note), 0);
      gtk_label_set_wrap (GTK_LABEL (note), TRUE);
      gtk_widget_add_css_class (note, "caption");
      gtk_box_append (GTK_BOX (box), note);
    }

  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_tooltip_text (row, sp_claim_get_issue_label (claim));
  g_object_set_data_full (G_OBJECT (row), "sp-claim", g_object_ref (claim), g_object_unref);

  return row;
}

static void
load_claims (SpDocumentsView *self)
{
  gint64 document_id = selected_document_id (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *child;
  guint n = 0;

  g_clear_object (&self->claims);

  if (self->project != NULL && document_id != 0)
    {
      if (!(self->claims = sp_project_list_claims (self->project, document_id, &error)))
        sp_toast_show_error (GTK_WIDGET (self), error->message);
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->claims_list))))
    gtk_list_box_remove (self->claims_list, child);

  if (self->claims != NULL)
    {
      n = g_list_model_get_n_items (self->claims);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(SpClaim) claim = g_list_model_get_item (self->claims, i);
          gtk_list_box_append (self->claims_list, create_claim_row (claim));
        }
    }

  sp_reader_set_claims (self->reader, self->claims);

  if (n == 0)
    heading = g_strdup (_("Claims"));
  else
    heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Claim", "%u Claims", n), n);
  gtk_label_set_text (self->claims_heading, heading);
}

/* The selected document's row shows its claim count: refresh just that row, keeping the
 * selection (and so the reader's scroll position) where it is. */
static void
refresh_document_row (SpDocumentsView *self)
{
  gint64 id = selected_document_id (self);
  g_autoptr(SpDocument) fresh = NULL;
  GListModel *shown = G_LIST_MODEL (self->filtered);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->documents));

  if (id == 0 || self->project == NULL || !(fresh = sp_project_get_document (self->project, id, NULL)))
    return;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SpDocument) old = g_list_model_get_item (G_LIST_MODEL (self->documents), i);

      if (sp_document_get_id (old) == id)
        {
          g_list_store_splice (self->documents, i, 1, (gpointer *)&fresh, 1);
          break;
        }
    }

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(SpDocument) document = g_list_model_get_item (shown, i);

      /* selection_changed_cb() sees the same document and leaves the reader alone */
      if (sp_document_get_id (document) == id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          break;
        }
    }
}

static void
point_popover_at (SpDocumentsView *self,
                  guint            start,
                  guint            end)
{
  GdkRectangle rect;

  if (sp_reader_get_range_rect (self->reader, start, end, &rect))
    gtk_popover_set_pointing_to (GTK_POPOVER (self->claim_popover), &rect);
}

static void
claim_row_activated_cb (SpDocumentsView *self,
                        GtkListBoxRow   *row,
                        GtkListBox      *list)
{
  SpClaim *claim = g_object_get_data (G_OBJECT (row), "sp-claim");

  if (claim == NULL)
    return;

  sp_reader_select_range (self->reader, sp_claim_get_start (claim), sp_claim_get_end (claim));
  sp_claim_popover_start_edit (self->claim_popover, claim);
  point_popover_at (self, sp_claim_get_start (claim), sp_claim_get_end (claim));
  gtk_popover_popup (GTK_POPOVER (self->claim_popover));
}

static void
tag_claim_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  SpDocumentsView *self = SP_DOCUMENTS_VIEW (widget);
  g_autofree char *quote = NULL;
  guint start, end;

  if (self->project == NULL || selected_document_id (self) == 0)
    {
      sp_toast_show (widget, _("Open a document first, then select the words of the claim"));
      return;
    }

  if (!sp_reader_get_selection (self->reader, &start, &end))
    {
      sp_toast_show (widget, _("Select the words of the claim in the text first"));
      return;
    }

  quote = sp_reader_dup_text (self->reader, start, end);
  sp_claim_popover_start_new (self->claim_popover, selected_document_id (self), start, end, quote);
  point_popover_at (self, start, end);
  gtk_popover_popup (GTK_POPOVER (self->claim_popover));
}

static void
project_changed_cb (SpDocumentsView *self,
                    guint            what,
                    SpProject       *project)
{
  if (what & SP_CHANGE_DOCUMENTS)
    {
      load_documents (self);
      return;
    }

  if (what & (SP_CHANGE_CLAIMS | SP_CHANGE_ACTORS | SP_CHANGE_ISSUES))
    {
      load_claims (self);
      refresh_document_row (self);
    }
}

static void
sp_documents_view_dispose (GObject *object)
{
  SpDocumentsView *self = (SpDocumentsView *)object;
  GtkWidget *child;

  if (self->claim_popover != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->claim_popover));
      self->claim_popover = NULL;
    }

  /* Template children without an id are not cleared by dispose_template() in GTK 4.8 */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_DOCUMENTS_VIEW);

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_clear_object (&self->project);
  g_clear_object (&self->claims);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->documents);

  G_OBJECT_CLASS (sp_documents_view_parent_class)->dispose (object);
}

static void
sp_documents_view_class_init (SpDocumentsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_documents_view_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  g_type_ensure (SP_TYPE_READER);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/standpoint/Standpoint/sp-documents-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SpDocumentsView, stack);
  gtk_widget_class_bind_template_child (widget_class, SpDocumentsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SpDocumentsView, document_list);
  gtk_widget_class_bind_template_child (widget_class, SpDocumentsView, reader_stack);
  gtk_widget_class_bind_template_child (widget_class, SpDocumentsView, reader);
  gtk_widget_class_bind_template_child (widget_class, SpDocumentsView, claims_heading);
  gtk_widget_class_bind_template_child (widget_class, SpDocumentsView, claims_list);

  gtk_widget_class_install_action (widget_class, "documents.tag-claim", NULL, tag_claim_action);
}

static void
sp_documents_view_init (SpDocumentsView *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GMenu) extra_menu = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->documents = g_list_store_new (SP_TYPE_DOCUMENT);
  self->filter = gtk_custom_filter_new (document_matches, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->documents)),
                                              g_object_ref (GTK_FILTER (self->filter)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (document_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (document_bind_cb), NULL);
  gtk_list_view_set_factory (self->document_list, factory);
  gtk_list_view_set_model (self->document_list, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_list_box_set_activate_on_single_click (self->claims_list, TRUE);
  g_signal_connect_object (self->claims_list, "row-activated", G_CALLBACK (claim_row_activated_cb), self, G_CONNECT_SWAPPED);

  /* Right-click on the text offers tagging next to Copy */
  extra_menu = g_menu_new ();
  g_menu_append (extra_menu, _("_Tag Claim…"), "documents.tag-claim");
  gtk_text_view_set_extra_menu (sp_reader_get_text_view (self->reader), G_MENU_MODEL (extra_menu));

  self->claim_popover = SP_CLAIM_POPOVER (sp_claim_popover_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->claim_popover), GTK_WIDGET (sp_reader_get_text_view (self->reader)));

  load_claims (self);
}

void
sp_documents_view_set_project (SpDocumentsView *self,
                               SpProject       *project)
{
  g_return_if_fail (SP_IS_DOCUMENTS_VIEW (self));

  if (self->project == project)
    return;

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);

  g_set_object (&self->project, project);
  sp_claim_popover_set_project (self->claim_popover, project);
  sp_reader_set_document (self->reader, NULL, NULL);

  if (project != NULL)
    g_signal_connect_object (project, "changed", G_CALLBACK (project_changed_cb), self, G_CONNECT_SWAPPED);

  load_documents (self);
}

/* Selects a document in the list (clearing a filter that hides it) and shows it. */
gboolean
sp_documents_view_select_document (SpDocumentsView *self,
                                   gint64           document_id)
{
  GListModel *model = G_LIST_MODEL (self->filtered);

  g_return_val_if_fail (SP_IS_DOCUMENTS_VIEW (self), FALSE);

  for (guint pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(SpDocument) document = g_list_model_get_item (model, i);

          if (sp_document_get_id (document) == document_id)
            {
              gtk_single_selection_set_selected (self->selection, i);
              show_document (self, document);
              return TRUE;
            }
        }

      if (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] == '\0')
        break;
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_LESS_STRICT);
    }

  return FALSE;
}

/* Returns: the document shown in the reader, or 0 */
gint64
sp_documents_view_get_document_id (SpDocumentsView *self)
{
  g_return_val_if_fail (SP_IS_DOCUMENTS_VIEW (self), 0);
  return selected_document_id (self);
}

guint
sp_documents_view_get_n_documents (SpDocumentsView *self)
{
  g_return_val_if_fail (SP_IS_DOCUMENTS_VIEW (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->documents));
}

/* Returns: how many claims the claims list shows */
guint
sp_documents_view_get_n_claims (SpDocumentsView *self)
{
  guint n = 0;

  g_return_val_if_fail (SP_IS_DOCUMENTS_VIEW (self), 0);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->claims_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && g_object_get_data (G_OBJECT (child), "sp-claim"))
      n++;

  return n;
}

/* Returns: (transfer none) */
SpReader *
sp_documents_view_get_reader (SpDocumentsView *self)
{
  g_return_val_if_fail (SP_IS_DOCUMENTS_VIEW (self), NULL);
  return self->reader;
}

/* Returns: (transfer none) */
SpClaimPopover *
sp_documents_view_get_claim_popover (SpDocumentsView *self)
{
  g_return_val_if_fail (SP_IS_DOCUMENTS_VIEW (self), NULL);
  return self->claim_popover;
}
