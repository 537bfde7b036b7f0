#define G_LOG_DOMAIN "sp-codebook-view"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-codebook-view.h"
#include "sp-delete-dialog.h"
#include "sp-profile-page.h"
#include "sp-project-watch.h"
#include "sp-toast.h"

typedef struct
{
  SpProject          *project;
  gboolean            editable;   /* FALSE for a read-only project: the table is for reading */
  GListStore         *items;
  GtkFilterListModel *filtered;
  GtkCustomFilter    *filter;
  GtkSortListModel   *sorted;
  GtkSingleSelection *selection;

  AdwLeaflet         *leaflet;  /* the table, and the profile of one entry when there is one */
  GtkWidget          *profile;
  GtkWidget          *open_button;
  GtkStack           *stack;
  AdwStatusPage      *empty_page;
  GtkButton          *empty_add_button;
  GtkSearchEntry     *search_entry;
  GtkColumnView      *column_view;
  GPtrArray          *optional;  /* GtkColumnViewColumn shown only when a row has text in it */
} SpCodebookViewPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (SpCodebookView, sp_codebook_view, GTK_TYPE_WIDGET)

static gboolean
item_matches (gpointer item,
              gpointer user_data)
{
  SpCodebookView *self = user_data;
  SpCodebookViewPrivate *priv = sp_codebook_view_get_instance_private (self);
  const char *search = gtk_editable_get_text (GTK_EDITABLE (priv->search_entry));
  g_autofree char *needle = NULL;
  g_autofree char *haystack = NULL;

  if (search[0] == '\0')
    return TRUE;

  needle = g_utf8_casefold (search, -1);
  haystack = SP_CODEBOOK_VIEW_GET_CLASS (self)->dup_search_text (item);

  return strstr (haystack, needle) != NULL;
}

static void
search_changed_cb (SpCodebookView *self)
{
  SpCodebookViewPrivate *priv = sp_codebook_view_get_instance_private (self);

  gtk_filter_changed (GTK_FILTER (priv->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
update_actions (SpCodebookView *self)
{
  SpCodebookViewPrivate *priv = sp_codebook_view_get_instance_private (self);
  gboolean selected = gtk_single_selection_get_selected_item (priv->selection) != NULL;
  gboolean editable = priv->project != NULL && priv->editable;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "codebook.add", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "codebook.edit", editable && selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "codebook.open", priv->project != NULL && selected &&
                                                                     priv->profile != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "codebook.delete", editable && selected);
}

/* An optional column is shown when some entry has text in it: most codebooks have no
 * opposing keywords, and an empty column would only narrow the others */
static void
update_optional_columns (SpCodebookView *self,
                         GPtrArray      *items)
{
  SpCodebookViewPrivate *priv = sp_codebook_view_get_instance_private (self);

  for (guint c = 0; c < priv->optional->len; c++)
    {
      GtkColumnViewColumn *column = g_ptr_array_index (priv->optional, c);
      const char *property = g_object_get_data (G_OBJECT (column), "sp-property");
      gboolean any = FALSE;

      for (guint i = 0; i < items->len && !any; i++)
        {
          g_autofree char *text = NULL;

          g_object_get (g_ptr_array_index (items, i), property, &text, NULL);
          any = text != NULL && text[0] != '\0';
        }
      gtk_column_view_column_set_visible (column, any);
    }
}

static void
reload (SpCodebookView *self)
{
  SpCodebookViewPrivate *priv = sp_codebook_view_get_instance_private (self);
  g_autoptr(GListModel) fresh = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint selected = gtk_single_selection_get_selected (priv->selection);

  if (priv->project != NULL &&
      !(fresh = SP_CODEBOOK_VIEW_GET_CLASS (self)->list (self, priv->project, &error)))
    sp_toast_show_error (GTK_WIDGET (self), error->message);

  for (guint i = 0; fresh && i < g_list_model_get_n_items (fresh); i++)
    g_ptr_array_add (items, g_list_model_get_item (fresh, i));

  g_list_store_splice (priv->items, 0, g_list_model_get_n_items (G_LIST_MODEL (priv->items)),
                       items->pdata, items->len);

  /* Keep the selection where it was, so that a run of edits stays in place */
  if (selected != GTK_INVALID_LIST_POSITION && items->len > 0)
    gtk_single_selection_set_selected (priv->selection, MIN (selected, items->len - 1));

  gtk_stack_set_visible_child_name (priv->stack, items->len > 0 ? "list" : "empty");
  update_optional_columns (self, items);
  update_actions (self);
}

static void
project_changed_cb (SpCodebookView *self,
                    guint           what)
{
  /* Claim counts are shown, so claims count as a change too */
  if (what & (SP_CHANGE_ACTORS | SP_CHANGE_ISSUES | SP_CHANGE_CLAIMS))
    reload (self);
}

static void
open_editor (SpCodebookView *self,
             gpointer        item)
{
  SpCodebookViewPrivate *priv = sp_codebook_view_get_instance_private (self);
  GtkWindow *editor;

  /* Double-clicking a row comes here without going through the (disabled) action */
  if (priv->project == NULL || !priv->editable)
    return;

  editor = SP_CODEBOOK_VIEW_GET_CLASS (self)->create_editor (self, priv->project, item);
  gtk_window_set_transient_for (editor, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (editor);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  open_editor (SP_CODEBOOK_VIEW (widget), NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  SpCodebookView *self = SP_CODEBOOK_VIEW (widget);
  SpCodebookViewPrivate *priv = sp_codebook_view_get_instance_private (self);
  gpointer item = gtk_single_selection_get_selected_item (priv->selection);

  if (item != NULL)
    open_editor (self, item);
}

/* Activating a row opens the entry's profile where the view has one, else its editor (which
 * stays one click away on the toolbar and in the profile) */
static void
activate_cb (SpCodebookView *self,
             guint           position)
{
  SpCodebookViewPrivate *priv = sp_codebook_view_get_instance_private (self);
  gpointer item;

  gtk_single_selection_set_selected (priv->selection, position);
  item = gtk_single_selection_get_selected_item (priv->selection);

  if (item != NULL && priv->profile != NULL)
    sp_codebook_view_open_profile (self, item);
  else
    edit_action (GTK_WIDGET (self), "codebook.edit", NULL);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  SpCodebookView *self = SP_CODEBOOK_VIEW (widget);
  SpCodebookViewPrivate *priv = sp_codebook_view_get_instance_private (self);
  gpointer item = gtk_single_selection_get_selected_item (priv->selection);

  if (item != NULL && priv->profile != NULL)
    sp_codebook_view_open_profile (self, item);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  sp_codebook_view_show_profile (SP_CODEBOOK_VIEW (widget), FALSE);
}

/* When the profile has slid out, it lets go of the project until it is opened again */
static void
transition_cb (SpCodebookView *self)
{
  SpCodebookViewPrivate *priv = sp_codebook_view_get_instance_private (self);

  if (priv->profile != NULL && !adw_leaflet_get_child_transition_running (priv->leaflet) &&
      adw_leaflet_get_visible_child (priv->leaflet) != priv->profile)
    sp_codebook_view_open_profile (self, NULL);
}

static void
visible_page_cb (SpCodebookView *self)
{
  SpCodebookViewPrivate *priv = sp_codebook_view_get_instance_private (self);
  gboolean on_profile = priv->profile != NULL &&
                        adw_leaflet_get_visible_child (priv->leaflet) == priv->profile;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "codebook.back", on_profile);

  /* The keyboard follows the page: into the profile (its Back button first), and back on the
   * table to the row that was opened */
  if (on_profile)
    gtk_widget_grab_focus (priv->profile);
  else if (priv->column_view != NULL && gtk_widget_get_mapped (GTK_WIDGET (priv->column_view)))
    gtk_widget_grab_focus (GTK_WIDGET (priv->column_view));
}

static void
delete_item (SpCodebookView *self,
             gpointer        item)
{
  SpCodebookViewPrivate *priv = sp_codebook_view_get_instance_private (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = SP_CODEBOOK_VIEW_GET_CLASS (self)->dup_name (item);
  g_autofree char *text = NULL;

  if (priv->project == NULL || !priv->editable)
    return;

  if (!SP_CODEBOOK_VIEW_GET_CLASS (self)->delete_item (self, priv->project, item, &error))
    {
      sp_toast_show_error (GTK_WIDGET (self), error->message);
      return;
    }

  /* TRANSLATORS: %s is the name of an actor or the label of an issue */
  text = g_strdup_printf (_("Deleted “%s”"), name);
  sp_toast_show_undo (GTK_WIDGET (self), text);
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    SpCodebookView   *self)
{
  gpointer item = g_object_get_data (G_OBJECT (dialog), "sp-item");

  if (g_str_equal (response, "delete") && item != NULL)
    delete_item (self, item);
}

/**
 * sp_codebook_view_delete_selected:
 * @confirmed: %TRUE to delete without asking, even when the entry has claims
 *
 * Deleting an entry takes its claims with it, so the user is asked first when there are any
 * (DESIGN.md: nothing is deleted silently). Undo brings everything back.
 */
void
sp_codebook_view_delete_selected (SpCodebookView *self,
                                  gboolean        confirmed)
{
  SpCodebookViewPrivate *priv = sp_codebook_view_get_instance_private (self);
  gpointer item = gtk_single_selection_get_selected_item (priv->selection);
  g_autofree char *name = NULL;
  GtkWidget *dialog;
  guint n_claims;

  g_return_if_fail (SP_IS_CODEBOOK_VIEW (self));

  if (item == NULL)
    return;

  n_claims = SP_CODEBOOK_VIEW_GET_CLASS (self)->get_claim_count (item);
  if (confirmed || n_claims == 0)
    {
      delete_item (self, item);
      return;
    }

  name = SP_CODEBOOK_VIEW_GET_CLASS (self)->dup_name (item);
  dialog = sp_delete_dialog_new (GTK_WIDGET (self), name, n_claims);
  g_object_set_data_full (G_OBJECT (dialog), "sp-item", g_object_ref (item), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  sp_codebook_view_delete_selected (SP_CODEBOOK_VIEW (widget), FALSE);
}

static GtkWidget *
build_list_page (SpCodebookView *self)
{
  SpCodebookViewPrivate *priv = sp_codebook_view_get_instance_private (self);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  struct { const char *icon; const char *tooltip; const char *action; } buttons[] = {
    { "go-next-symbolic", N_("Show Profile (Enter)"), "codebook.open" },
    { "list-add-symbolic", N_("Add"), "codebook.add" },
    { "document-edit-symbolic", N_("Edit"), "codebook.edit" },
    { "user-trash-symbolic", N_("Delete"), "codebook.delete" },
  };

  gtk_widget_set_margin_start (toolbar, 6);
  gtk_widget_set_margin_end (toolbar, 6);
  gtk_widget_set_margin_top (toolbar, 6);
  gtk_widget_set_margin_bottom (toolbar, 6);

  priv->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (priv->search_entry), TRUE);
  g_object_set (priv->search_entry, "placeholder-text", _("Filter"), NULL);
  g_signal_connect_object (priv->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (priv->search_entry));

  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      GtkWidget *button = gtk_button_new_from_icon_name (buttons[i].icon);

      gtk_widget_set_tooltip_text (button, _(buttons[i].tooltip));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), buttons[i].action);
      /* Shown once the view has a profile page */
      if (g_str_equal (buttons[i].action, "codebook.open"))
        {
          priv->open_button = button;
          gtk_widget_set_visible (button, FALSE);
        }
      gtk_box_append (GTK_BOX (toolbar), button);
    }

  gtk_box_append (GTK_BOX (box), toolbar);

  priv->column_view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  gtk_column_view_set_show_column_separators (priv->column_view, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (priv->column_view), "data-table");
  g_signal_connect_object (priv->column_view, "activate", G_CALLBACK (activate_cb), self, G_CONNECT_SWAPPED);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (priv->column_view));
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (box), scroller);

  return box;
}

static GtkWidget *
build_empty_page (SpCodebookView *self)
{
  SpCodebookViewPrivate *priv = sp_codebook_view_get_instance_private (self);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *import = gtk_button_new_with_mnemonic (_("_Import Codebook…"));

  priv->empty_add_button = GTK_BUTTON (gtk_button_new ());
  gtk_button_set_use_underline (priv->empty_add_button, TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (priv->empty_add_button), "codebook.add");
  gtk_widget_add_css_class (GTK_WIDGET (priv->empty_add_button), "pill");
  gtk_widget_add_css_class (GTK_WIDGET (priv->empty_add_button), "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (import), "win.import-codebook");
  gtk_widget_add_css_class (import, "pill");
  gtk_widget_set_halign (buttons, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (priv->empty_add_button));
  gtk_box_append (GTK_BOX (buttons), import);

  priv->empty_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_child (priv->empty_page, buttons);

  return GTK_WIDGET (priv->empty_page);
}

static void
sp_codebook_view_dispose (GObject *object)
{
  SpCodebookView *self = (SpCodebookView *)object;
  SpCodebookViewPrivate *priv = sp_codebook_view_get_instance_private (self);

  if (priv->leaflet != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (priv->leaflet));
      priv->leaflet = NULL;
      priv->stack = NULL;
      priv->profile = NULL;
    }

  sp_project_watch_clear (&priv->project, self);
  g_clear_object (&priv->selection);
  g_clear_object (&priv->sorted);
  g_clear_object (&priv->filtered);
  g_clear_object (&priv->filter);
  g_clear_object (&priv->items);
  g_clear_pointer (&priv->optional, g_ptr_array_unref);

  G_OBJECT_CLASS (sp_codebook_view_parent_class)->dispose (object);
}

static void
sp_codebook_view_class_init (SpCodebookViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_codebook_view_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "codebook.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "codebook.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "codebook.delete", NULL, delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "codebook.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "codebook.delete", NULL);
  gtk_widget_class_install_action (widget_class, "codebook.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "codebook.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "codebook.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, GDK_ALT_MASK, "codebook.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "codebook.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Back, 0, "codebook.back", NULL);
}

static void
sp_codebook_view_init (SpCodebookView *self)
{
  SpCodebookViewPrivate *priv = sp_codebook_view_get_instance_private (self);
  GtkSorter *sorter;

  priv->editable = TRUE;
  priv->optional = g_ptr_array_new_with_free_func (g_object_unref);
  /* A leaflet that never unfolds: the profile slides over the table, with the back swipe */
  priv->leaflet = ADW_LEAFLET (adw_leaflet_new ());
  adw_leaflet_set_can_unfold (priv->leaflet, FALSE);
  adw_leaflet_set_can_navigate_back (priv->leaflet, TRUE);
  adw_leaflet_set_transition_type (priv->leaflet, ADW_LEAFLET_TRANSITION_TYPE_SLIDE);
  gtk_widget_set_parent (GTK_WIDGET (priv->leaflet), GTK_WIDGET (self));
  g_signal_connect_object (priv->leaflet, "notify::visible-child", G_CALLBACK (visible_page_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (priv->leaflet, "notify::child-transition-running", G_CALLBACK (transition_cb), self, G_CONNECT_SWAPPED);
  priv->stack = GTK_STACK (gtk_stack_new ());
  adw_leaflet_append (priv->leaflet, GTK_WIDGET (priv->stack));
  gtk_stack_add_named (priv->stack, build_empty_page (self), "empty");
  gtk_stack_add_named (priv->stack, build_list_page (self), "list");
  gtk_stack_set_visible_child_name (priv->stack, "empty");

  priv->items = g_list_store_new (G_TYPE_OBJECT);
  priv->filter = gtk_custom_filter_new (item_matches, self, NULL);
  priv->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (priv->items)),
                                              g_object_ref (GTK_FILTER (priv->filter)));
  sorter = gtk_column_view_get_sorter (priv->column_view);
  priv->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (priv->filtered)),
                                          sorter ? g_object_ref (sorter) : NULL);
  priv->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (priv->sorted)));
  gtk_single_selection_set_autoselect (priv->selection, FALSE);
  gtk_single_selection_set_can_unselect (priv->selection, TRUE);
  g_signal_connect_object (priv->selection, "selection-changed", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (priv->column_view, GTK_SELECTION_MODEL (priv->selection));

  update_actions (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "codebook.back", FALSE);

  /* Ctrl++ adds wherever the focus is, in the view or in the header after Alt+2 or Alt+3
   * switched to it: a managed shortcut is the window's while the view is shown */
  {
    GtkEventController *shortcuts = gtk_shortcut_controller_new ();

    gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_MANAGED);
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_plus, GDK_CONTROL_MASK),
                                                                                         gtk_keyval_trigger_new (GDK_KEY_KP_Add, GDK_CONTROL_MASK)),
                                                            gtk_named_action_new ("codebook.add")));
    gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  }
}

void
sp_codebook_view_set_project (SpCodebookView *self,
                              SpProject      *project)
{
  SpCodebookViewPrivate *priv = sp_codebook_view_get_instance_private (self);

  g_return_if_fail (SP_IS_CODEBOOK_VIEW (self));

  if (!sp_project_watch_set (&priv->project, project, G_CALLBACK (project_changed_cb), self))
    return;

  gtk_single_selection_set_selected (priv->selection, GTK_INVALID_LIST_POSITION);

  /* Another project: the profile of the last one's entry goes, and with it its project */
  if (priv->profile != NULL)
    {
      adw_leaflet_set_visible_child (priv->leaflet, GTK_WIDGET (priv->stack));
      sp_codebook_view_open_profile (self, NULL);
    }

  reload (self);
}

/**
 * sp_codebook_view_set_editable:
 * @editable: %FALSE to offer no way to add, edit or delete entries (a read-only project)
 */
void
sp_codebook_view_set_editable (SpCodebookView *self,
                               gboolean        editable)
{
  SpCodebookViewPrivate *priv = sp_codebook_view_get_instance_private (self);

  g_return_if_fail (SP_IS_CODEBOOK_VIEW (self));

  priv->editable = !!editable;
  update_actions (self);
}

/* Returns: (transfer none) (nullable) */
SpProject *
sp_codebook_view_get_project (SpCodebookView *self)
{
  SpCodebookViewPrivate *priv = sp_codebook_view_get_instance_private (self);

  g_return_val_if_fail (SP_IS_CODEBOOK_VIEW (self), NULL);
  return priv->project;
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  /* Propositions and alias lists run long: they wrap within their column and the row grows,
   * so no text is ever cut off out of reach */
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_list_item_set_child (item, label);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              const char               *property)
{
  GObject *object = gtk_list_item_get_item (item);
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_auto(GValue) value = G_VALUE_INIT;
  g_auto(GValue) text = G_VALUE_INIT;

  g_value_init (&value, pspec->value_type);
  g_value_init (&text, G_TYPE_STRING);
  g_object_get_property (object, property, &value);
  g_value_transform (&value, &text);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      g_value_get_string (&text) ? g_value_get_string (&text) : "");
}

/**
 * sp_codebook_view_add_column:
 * @property: a string or number property of the rows, shown as text and sorted on
 *
 * Adds a sortable column.
 */
/* Returns: (transfer none): the column, which the column view holds */
static GtkColumnViewColumn *
add_column (SpCodebookView *self,
            const char     *title,
            GType           item_type,
            const char     *property,
            gboolean        expand)
{
  SpCodebookViewPrivate *priv = sp_codebook_view_get_instance_private (self);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;
  GObjectClass *klass = g_type_class_ref (item_type);
  GParamSpec *pspec = g_object_class_find_property (klass, property);
  GType value_type = pspec ? pspec->value_type : G_TYPE_INVALID;
  GtkExpression *expression;
  GtkSorter *sorter;

  g_type_class_unref (klass);

  g_return_val_if_fail (value_type != G_TYPE_INVALID, NULL);

  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), NULL);
  g_signal_connect_data (factory, "bind", G_CALLBACK (cell_bind_cb),
                         g_strdup (property), (GClosureNotify)(void (*)(void))g_free, 0);

  expression = gtk_property_expression_new (item_type, NULL, property);
  if (value_type == G_TYPE_STRING)
    sorter = GTK_SORTER (gtk_string_sorter_new (expression));
  else
    sorter = GTK_SORTER (gtk_numeric_sorter_new (expression));

  column = gtk_column_view_column_new (title, g_steal_pointer (&factory));
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_sorter (column, sorter);
  g_object_unref (sorter);
  gtk_column_view_append_column (priv->column_view, column);
  return column;
}

void
sp_codebook_view_add_column (SpCodebookView *self,
                             const char     *title,
                             GType           item_type,
                             const char     *property,
                             gboolean        expand)
{
  g_return_if_fail (SP_IS_CODEBOOK_VIEW (self));

  add_column (self, title, item_type, property, expand);
}

/**
 * sp_codebook_view_add_optional_column:
 *
 * Adds a column of the text property @property that is shown only while some entry has text
 * in it.
 */
void
sp_codebook_view_add_optional_column (SpCodebookView *self,
                                      const char     *title,
                                      GType           item_type,
                                      const char     *property)
{
  SpCodebookViewPrivate *priv = sp_codebook_view_get_instance_private (self);
  GtkColumnViewColumn *column = add_column (self, title, item_type, property, TRUE);

  g_object_set_data_full (G_OBJECT (column), "sp-property", g_strdup (property), g_free);
  gtk_column_view_column_set_visible (column, FALSE);
  g_ptr_array_add (priv->optional, g_object_ref (column));
}

void
sp_codebook_view_set_empty_state (SpCodebookView *self,
                                  const char     *icon_name,
                                  const char     *title,
                                  const char     *description,
                                  const char     *add_label)
{
  SpCodebookViewPrivate *priv = sp_codebook_view_get_instance_private (self);

  g_return_if_fail (SP_IS_CODEBOOK_VIEW (self));

  adw_status_page_set_icon_name (priv->empty_page, icon_name);
  adw_status_page_set_title (priv->empty_page, title);
  adw_status_page_set_description (priv->empty_page, description);
  gtk_button_set_label (priv->empty_add_button, add_label);
}

/* Returns: the number of rows shown (after filtering) */
guint
sp_codebook_view_get_n_items (SpCodebookView *self)
{
  SpCodebookViewPrivate *priv = sp_codebook_view_get_instance_private (self);

  g_return_val_if_fail (SP_IS_CODEBOOK_VIEW (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (priv->sorted));
}

/* Returns: (transfer full) (nullable): the row at @position in the shown order */
gpointer
sp_codebook_view_dup_item (SpCodebookView *self,
                           guint           position)
{
  SpCodebookViewPrivate *priv = sp_codebook_view_get_instance_private (self);

  g_return_val_if_fail (SP_IS_CODEBOOK_VIEW (self), NULL);
  return g_list_model_get_item (G_LIST_MODEL (priv->sorted), position);
}

gboolean
sp_codebook_view_select (SpCodebookView *self,
                         guint           position)
{
  SpCodebookViewPrivate *priv = sp_codebook_view_get_instance_private (self);

  g_return_val_if_fail (SP_IS_CODEBOOK_VIEW (self), FALSE);

  if (position >= sp_codebook_view_get_n_items (self))
    return FALSE;

  gtk_single_selection_set_selected (priv->selection, position);
  return TRUE;
}

/**
 * sp_codebook_view_set_profile_page:
 * @page: an #SpProfilePage, showing one entry by the id the class's get_id() gives
 *
 * Gives the view a second page, reached by activating a row and left with Back (Alt+Left,
 * Escape, the back button or a swipe).
 */
void
sp_codebook_view_set_profile_page (SpCodebookView *self,
                                   GtkWidget      *page)
{
  SpCodebookViewPrivate *priv = sp_codebook_view_get_instance_private (self);

  g_return_if_fail (SP_IS_CODEBOOK_VIEW (self));
  g_return_if_fail (priv->profile == NULL);
  g_return_if_fail (SP_IS_PROFILE_PAGE (page));
  g_return_if_fail (SP_CODEBOOK_VIEW_GET_CLASS (self)->get_id != NULL);

  priv->profile = page;
  adw_leaflet_append (priv->leaflet, page);
  gtk_widget_set_visible (priv->open_button, TRUE);
  update_actions (self);
}

/* Slides the profile page in (@shown) or back out to the table */
void
sp_codebook_view_show_profile (SpCodebookView *self,
                               gboolean        shown)
{
  SpCodebookViewPrivate *priv = sp_codebook_view_get_instance_private (self);

  g_return_if_fail (SP_IS_CODEBOOK_VIEW (self));

  if (priv->profile == NULL)
    return;

  if (shown && adw_leaflet_get_visible_child (priv->leaflet) == priv->profile)
    {
      /* Already there, showing another entry: the keyboard goes to its top as well */
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

      if (focus == NULL || !gtk_widget_is_ancestor (focus, priv->profile))
        gtk_widget_grab_focus (priv->profile);
      return;
    }

  adw_leaflet_set_visible_child (priv->leaflet, shown ? priv->profile : GTK_WIDGET (priv->stack));
}

/**
 * sp_codebook_view_open_profile:
 * @item: (nullable): the entry to show; %NULL once the page has slid out, so that it lets go
 *   of the project
 *
 * Fills the profile page with @item and slides it in.
 */
void
sp_codebook_view_open_profile (SpCodebookView *self,
                               gpointer        item)
{
  SpCodebookViewPrivate *priv = sp_codebook_view_get_instance_private (self);

  g_return_if_fail (SP_IS_CODEBOOK_VIEW (self));

  if (priv->profile == NULL)
    return;

  sp_profile_page_show (SP_PROFILE_PAGE (priv->profile), item ? priv->project : NULL,
                        item ? SP_CODEBOOK_VIEW_GET_CLASS (self)->get_id (item) : 0);
  if (item != NULL)
    sp_codebook_view_show_profile (self, TRUE);
}

gboolean
sp_codebook_view_get_profile_shown (SpCodebookView *self)
{
  SpCodebookViewPrivate *priv = sp_codebook_view_get_instance_private (self);

  g_return_val_if_fail (SP_IS_CODEBOOK_VIEW (self), FALSE);
  return priv->profile != NULL && adw_leaflet_get_visible_child (priv->leaflet) == priv->profile;
}

/* Whether the view lets the user change entries (not for a read-only project) */
gboolean
sp_codebook_view_get_editable (SpCodebookView *self)
{
  SpCodebookViewPrivate *priv = sp_codebook_view_get_instance_private (self);

  g_return_val_if_fail (SP_IS_CODEBOOK_VIEW (self), FALSE);
  return priv->project != NULL && priv->editable;
}
