/* sp-documents-view-list.c
 *
 * The document list as an analyst manages it: sorted by date, title, source or import order
 * (remembered through the "sort" property), counted, searched through the project's
 * full-text index as you type, and a context menu (right-click, Menu or Shift+F10) to open,
 * edit or delete a document. F2 or Ctrl+E edits, Delete deletes (asking first when claims
 * would go with the document). Every change is one undo step of the project; the toast
 * offers Undo.
 */
#define G_LOG_DOMAIN "sp-documents-view"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-date-text.h"
#include "sp-delete-dialog.h"
#include "sp-document-edit-dialog.h"
#include "sp-documents-view-private.h"
#include "sp-toast.h"

static const struct
{
  SpDocumentSort  sort;
  const char     *name;
} sort_names[] = {
  { SP_DOCUMENT_SORT_DATE, "date" },
  { SP_DOCUMENT_SORT_TITLE, "title" },
  { SP_DOCUMENT_SORT_SOURCE, "source" },
  { SP_DOCUMENT_SORT_IMPORTED, "imported" },
};

/* What the list shows */

static gboolean
title_matches (SpDocument *document,
               const char *needle)
{
  g_autofree char *title = g_utf8_casefold (sp_document_get_title (document), -1);
  g_autofree char *file = g_utf8_casefold (sp_document_get_file_name (document), -1);

  return strstr (title, needle) != NULL || strstr (file, needle) != NULL;
}

/* A document matches when the full-text search found it, or its title or file name holds
 * the words as typed */
static gboolean
document_matches (gpointer item,
                  gpointer user_data)
{
  SpDocumentsView *self = user_data;
  gint64 id = sp_document_get_id (item);
  g_autofree char *needle = NULL;

  if (self->query == NULL)
    return TRUE;

  if (self->matches != NULL && g_hash_table_contains (self->matches, &id))
    return TRUE;

  needle = g_utf8_casefold (self->query, -1);
  return title_matches (item, needle);
}

static int
compare_documents (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  SpDocumentsView *self = user_data;

  return sp_document_compare ((SpDocument *)a, (SpDocument *)b, self->sort);
}

/* "1,234 documents", or "12 of 1,234" while searching */
void
_sp_documents_view_update_count (SpDocumentsView *self)
{
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->documents));
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
  g_autofree char *text = NULL;

  if (self->query == NULL)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u document", "%'u documents", total), total);
  else
    /* TRANSLATORS: how many documents a search found, e.g. "12 of 1,234" */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u of %'u", "%'u of %'u", total), shown, total);

  gtk_label_set_text (self->count_label, text);
  gtk_stack_set_visible_child_name (self->list_stack, shown > 0 || total == 0 ? "list" : "no-matches");
}

/* The search's matches in the document the reader shows */
void
_sp_documents_view_show_search (SpDocumentsView *self)
{
  gint64 id = _sp_documents_view_shown_id (self);
  g_autoptr(GArray) ranges = NULL;
  g_autoptr(GError) error = NULL;

  if (self->query != NULL && self->project != NULL && id != 0 &&
      !(ranges = sp_project_find_in_document (self->project, id, self->query, &error)))
    g_debug ("No matches shown in document %" G_GINT64_FORMAT ": %s", id, error->message);

  sp_reader_set_search_ranges (self->reader, ranges);
}

static gboolean
select_if_listed (SpDocumentsView *self,
                  gint64           id)
{
  GListModel *model = G_LIST_MODEL (self->sorted);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SpDocument) document = g_list_model_get_item (model, i);

      if (sp_document_get_id (document) == id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }

  return FALSE;
}

/* Keeps the reader on its document while the list is filtered or sorted anew */
static void
refilter (SpDocumentsView   *self,
          GtkFilterChange    change)
{
  gint64 keep = _sp_documents_view_shown_id (self);

  self->reloading = TRUE;
  gtk_filter_changed (GTK_FILTER (self->filter), change);
  self->reloading = FALSE;

  /* Still listed: selected where it now is. Hidden by the search: the reader shows what
   * the selection moved to */
  if (keep == 0 || !select_if_listed (self, keep))
    _sp_documents_view_show_selected (self);
  _sp_documents_view_update_count (self);
}

/* Runs as you type, once typing pauses (GtkSearchEntry waits before it says so) */
static void
search_changed_cb (SpDocumentsView *self,
                   GtkSearchEntry  *entry)
{
  g_autofree char *query = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  g_autoptr(GListModel) found = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->matches, g_hash_table_unref);
  g_clear_pointer (&self->query, g_free);
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (entry), NULL);

  if (query[0] != '\0')
    {
      self->query = g_steal_pointer (&query);

      if (self->project != NULL &&
          !(found = sp_project_search_documents (self->project, self->query, &error)))
        {
          /* The titles are still searched; the tooltip says why the texts were not */
          gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
          gtk_widget_set_tooltip_text (GTK_WIDGET (entry), error->message);
        }

      if (found != NULL)
        {
          self->matches = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
          for (guint i = 0; i < g_list_model_get_n_items (found); i++)
            {
              g_autoptr(SpDocument) document = g_list_model_get_item (found, i);
              gint64 *id = g_new (gint64, 1);

              *id = sp_document_get_id (document);
              g_hash_table_add (self->matches, id);
            }
        }
    }

  refilter (self, GTK_FILTER_CHANGE_DIFFERENT);
  _sp_documents_view_show_search (self);
}

/* Sorting */

static const char *
sort_label (SpDocumentSort sort)
{
  switch (sort)
    {
    case SP_DOCUMENT_SORT_DATE:
      return _("By Date");
    case SP_DOCUMENT_SORT_TITLE:
      return _("By Title");
    case SP_DOCUMENT_SORT_SOURCE:
      return _("By Source");
    case SP_DOCUMENT_SORT_IMPORTED:
    default:
      return _("By Import");
    }
}

/**
 * sp_documents_view_set_sort:
 * @sort: "date", "title", "source" or "imported"; anything else is taken for "date"
 */
void
sp_documents_view_set_sort (SpDocumentsView *self,
                            const char      *sort)
{
  SpDocumentSort value = SP_DOCUMENT_SORT_DATE;

  g_return_if_fail (SP_IS_DOCUMENTS_VIEW (self));

  for (guint i = 0; i < G_N_ELEMENTS (sort_names); i++)
    if (g_strcmp0 (sort, sort_names[i].name) == 0)
      value = sort_names[i].sort;

  gtk_menu_button_set_label (self->sort_button, sort_label (value));
  if (value == self->sort)
    return;

  self->sort = value;
  {
    gint64 keep = _sp_documents_view_shown_id (self);

    self->reloading = TRUE;
    gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
    self->reloading = FALSE;
    if (keep != 0)
      select_if_listed (self, keep);
  }
  g_object_notify (G_OBJECT (self), "sort");
}

const char *
sp_documents_view_get_sort (SpDocumentsView *self)
{
  g_return_val_if_fail (SP_IS_DOCUMENTS_VIEW (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (sort_names); i++)
    if (sort_names[i].sort == self->sort)
      return sort_names[i].name;
  return "date";
}

/* The list's rows */

static SpDocument *
selected_document (SpDocumentsView *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
popup_list_menu (SpDocumentsView *self,
                 GtkWidget       *row,
                 double           x,
                 double           y)
{
  graphene_point_t point;

  if (selected_document (self) == NULL)
    return;

  if (!gtk_widget_compute_point (row, GTK_WIDGET (self->document_list), &GRAPHENE_POINT_INIT (x, y), &point))
    point = GRAPHENE_POINT_INIT (0, 0);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->list_menu),
                               &(GdkRectangle) { (int)point.x, (int)point.y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->list_menu));
}

static void
row_context_cb (GtkGestureClick *gesture,
                int              n_press,
                double           x,
                double           y,
                GtkListItem     *item)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  GtkWidget *list = gtk_widget_get_ancestor (row, GTK_TYPE_LIST_VIEW);
  SpDocumentsView *self;

  if (list == NULL || gtk_list_item_get_position (item) == GTK_INVALID_LIST_POSITION)
    return;

  self = SP_DOCUMENTS_VIEW (gtk_widget_get_ancestor (list, SP_TYPE_DOCUMENTS_VIEW));
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_single_selection_set_selected (self->selection, gtk_list_item_get_position (item));
  popup_list_menu (self, row, x, y);
}

static void
document_setup_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *meta = gtk_label_new (NULL);
  GtkGesture *click = gtk_gesture_click_new ();

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

  /* Right-click selects the row and offers what can be done with it */
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (row_context_cb), item);
  gtk_widget_add_controller (box, GTK_EVENT_CONTROLLER (click));
  g_object_set_data (G_OBJECT (box), "sp-list-item", item);
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

  if (sp_document_get_date (document) != NULL)
    {
      g_autofree char *date = sp_date_text_format (sp_document_get_date (document), SP_DATE_TEXT_SHORT);

      g_string_append (text, date);
    }
  else
    g_string_append (text, _("No date"));
  if (sp_document_get_source (document))
    g_string_append_printf (text, " · %s", sp_document_get_source (document));
  if (n_claims > 0)
    {
      g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u claim", "%u claims", n_claims), n_claims);
      g_string_append_printf (text, " · %s", count);
    }

  if (sp_document_get_title (document)[0] != '\0')
    {
      g_autofree char *tooltip = g_strdup_printf ("%s\n%s", sp_document_get_title (document),
                                                  sp_document_get_file_name (document));

      gtk_label_set_text (GTK_LABEL (title), sp_document_get_title (document));
      gtk_widget_set_tooltip_text (gtk_list_item_get_child (item), tooltip);
    }
  else
    {
      gtk_label_set_text (GTK_LABEL (title), sp_document_get_file_name (document));
      gtk_widget_set_tooltip_text (gtk_list_item_get_child (item), sp_document_get_file_name (document));
    }
  gtk_label_set_text (GTK_LABEL (meta), text->str);
}

/* The selected document's row, when it is drawn */
static GtkWidget *
selected_row (SpDocumentsView *self)
{
  guint selected = gtk_single_selection_get_selected (self->selection);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->document_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *box = gtk_widget_get_first_child (child);
      GtkListItem *item = box ? g_object_get_data (G_OBJECT (box), "sp-list-item") : NULL;

      if (item != NULL && gtk_list_item_get_position (item) == selected)
        return box;
    }

  return NULL;
}

/* Menu or Shift+F10 on the list: the menu of the selected row */
static gboolean
list_menu_key_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  SpDocumentsView *self = SP_DOCUMENTS_VIEW (user_data);
  GtkWidget *row = selected_row (self);

  if (row == NULL)
    return FALSE;

  popup_list_menu (self, row, 24, gtk_widget_get_height (row));
  return TRUE;
}

static gboolean
delete_key_cb (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  return gtk_widget_activate_action (GTK_WIDGET (user_data), "documents.delete", NULL);
}

/* Actions */

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  SpDocumentsView *self = SP_DOCUMENTS_VIEW (widget);

  if (selected_document (self) != NULL)
    _sp_documents_view_show_reader (self, TRUE);
}

static void
select_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  SpDocumentsView *self = SP_DOCUMENTS_VIEW (widget);

  if (!_sp_documents_view_select (self, g_variant_get_int64 (param), TRUE))
    sp_toast_show_error (widget, _("That document is no longer in the project"));
}

/* The document an action is about: the one the reader shows, else the selected one */
static SpDocument *
acted_on (SpDocumentsView *self)
{
  SpDocument *shown = sp_reader_get_document (self->reader);

  return shown ? shown : selected_document (self);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  SpDocumentsView *self = SP_DOCUMENTS_VIEW (widget);
  SpDocument *document = acted_on (self);
  GtkWidget *dialog;

  if (document == NULL || self->project == NULL || !self->editable)
    return;

  dialog = sp_document_edit_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->project, document);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The window runs the pass, with its progress bar */
static void
suggest_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  SpDocumentsView *self = SP_DOCUMENTS_VIEW (widget);
  SpDocument *document = acted_on (self);
  gint64 id;

  if (document == NULL || self->project == NULL || !self->editable)
    return;

  id = sp_document_get_id (document);
  gtk_widget_activate_action_variant (widget, "win.suggest-documents",
                                      g_variant_new_fixed_array (G_VARIANT_TYPE_INT64, &id, 1, sizeof id));
}

static const char *
display_title (SpDocument *document)
{
  return sp_document_get_title (document)[0] ? sp_document_get_title (document) : sp_document_get_file_name (document);
}

static void
delete_document (SpDocumentsView *self,
                 SpDocument      *document,
                 gboolean         with_claims)
{
  /* The list lets go of the document while it is deleted */
  g_autoptr(SpDocument) deleted = g_object_ref (document);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (self->project == NULL)
    return;

  if (!sp_project_delete_document (self->project, sp_document_get_id (deleted), with_claims, &error))
    {
      sp_toast_show_error (GTK_WIDGET (self), error->message);
      return;
    }

  /* TRANSLATORS: a toast; %s is a document's title */
  text = g_strdup_printf (_("Deleted “%s”"), display_title (deleted));
  sp_toast_show_undo (GTK_WIDGET (self), text);
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    SpDocumentsView  *self)
{
  SpDocument *document = g_object_get_data (G_OBJECT (dialog), "sp-document");

  if (g_str_equal (response, "delete") && document != NULL)
    delete_document (self, document, TRUE);
}

/* A document without claims goes at once (Undo brings it back); one with claims asks,
 * saying how many claims go with it */
static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  SpDocumentsView *self = SP_DOCUMENTS_VIEW (widget);
  SpDocument *document = acted_on (self);
  guint n_claims;
  GtkWidget *dialog;

  if (document == NULL || self->project == NULL || !self->editable)
    return;

  n_claims = sp_document_get_claim_count (document);
  if (n_claims == 0)
    {
      delete_document (self, document, FALSE);
      return;
    }

  dialog = sp_delete_dialog_new (widget, display_title (document), n_claims);
  g_object_set_data_full (G_OBJECT (dialog), "sp-document", g_object_ref (document), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
restore_removal_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  SpDocumentsView *self = SP_DOCUMENTS_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (self->project == NULL || !self->editable)
    return;

  if (!sp_project_restore_removal (self->project, g_variant_get_int64 (param), &error))
    {
      sp_toast_show_error (widget, error->message);
      return;
    }

  sp_toast_show_undo (widget, _("The text is back in the article"));
}

void
_sp_documents_view_update_actions (SpDocumentsView *self)
{
  gboolean has_document = acted_on (self) != NULL;
  gboolean editable = self->editable && self->project != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "documents.open", selected_document (self) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "documents.edit", editable && has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "documents.suggest", editable && has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "documents.delete", editable && has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "documents.restore-removal", editable);
  sp_reader_set_can_restore (self->reader, editable);
}

void
_sp_documents_view_class_init_list (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "documents.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "documents.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "documents.suggest", NULL, suggest_action);
  gtk_widget_class_install_action (widget_class, "documents.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "documents.select", "x", select_action);
  gtk_widget_class_install_action (widget_class, "documents.restore-removal", "x", restore_removal_action);
  gtk_widget_class_install_property_action (widget_class, "documents.sort", "sort");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "documents.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "documents.edit", NULL);
}

static GMenuModel *
create_sort_menu (void)
{
  GMenu *menu = g_menu_new ();

  for (guint i = 0; i < G_N_ELEMENTS (sort_names); i++)
    {
      g_autofree char *detailed = g_strdup_printf ("documents.sort::%s", sort_names[i].name);
      g_menu_append (menu, sort_label (sort_names[i].sort), detailed);
    }

  return G_MENU_MODEL (menu);
}

void
_sp_documents_view_init_list (SpDocumentsView *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();
  g_autoptr(GMenuModel) sort_menu = create_sort_menu ();
  GtkEventController *keys;

  self->sort = SP_DOCUMENT_SORT_DATE;
  self->documents = g_list_store_new (SP_TYPE_DOCUMENT);
  self->filter = gtk_custom_filter_new (document_matches, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->documents)),
                                              g_object_ref (GTK_FILTER (self->filter)));
  self->sorter = gtk_custom_sorter_new (compare_documents, self, NULL);
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)),
                                          g_object_ref (GTK_SORTER (self->sorter)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));

  g_signal_connect (factory, "setup", G_CALLBACK (document_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (document_bind_cb), NULL);
  gtk_list_view_set_factory (self->document_list, factory);
  gtk_list_view_set_model (self->document_list, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_menu_button_set_menu_model (self->sort_button, sort_menu);
  gtk_menu_button_set_label (self->sort_button, sort_label (self->sort));

  g_menu_append (section, _("_Open"), "documents.open");
  g_menu_append (section, _("_Edit…"), "documents.edit");
  g_menu_append (section, _("_Suggest Claims"), "documents.suggest");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  g_menu_append (menu, _("_Delete…"), "documents.delete");
  self->list_menu = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_widget_set_parent (self->list_menu, GTK_WIDGET (self->document_list));
  gtk_popover_set_has_arrow (GTK_POPOVER (self->list_menu), FALSE);
  gtk_popover_set_position (GTK_POPOVER (self->list_menu), GTK_POS_BOTTOM);
  gtk_widget_set_halign (self->list_menu, GTK_ALIGN_START);

  keys = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Menu, 0),
                                                                                       gtk_keyval_trigger_new (GDK_KEY_F10, GDK_SHIFT_MASK)),
                                                          gtk_callback_action_new (list_menu_key_cb, self, NULL)));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                                                       gtk_keyval_trigger_new (GDK_KEY_KP_Delete, 0)),
                                                          gtk_callback_action_new (delete_key_cb, self, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self->document_list), keys);
}

void
_sp_documents_view_dispose_list (SpDocumentsView *self)
{
  g_clear_pointer (&self->list_menu, gtk_widget_unparent);
  g_clear_pointer (&self->matches, g_hash_table_unref);
  g_clear_pointer (&self->query, g_free);
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->sorter);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->documents);
}
