#define G_LOG_DOMAIN "sp-documents-view"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-documents-view-private.h"
#include "sp-list-labels.h"
#include "sp-project-watch.h"
#include "sp-toast.h"

G_DEFINE_FINAL_TYPE (SpDocumentsView, sp_documents_view, GTK_TYPE_WIDGET)

static void load_claims (SpDocumentsView *self);

enum {
  PROP_0,
  PROP_SORT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define select_document _sp_documents_view_select

/* What the reader shows beside the text: the removed blocks and a near duplicate */
static void
show_extras (SpDocumentsView *self,
             SpDocument      *document)
{
  g_autoptr(GListModel) removals = NULL;
  g_autoptr(SpDocument) other = NULL;
  g_autoptr(GError) error = NULL;
  gint64 other_id = sp_document_get_near_duplicate_of (document);

  if (sp_document_get_removed_count (document) > 0 &&
      !(removals = sp_project_list_removals (self->project, sp_document_get_id (document), &error)))
    {
      sp_toast_show_error (GTK_WIDGET (self), error->message);
      g_clear_error (&error);
    }
  sp_reader_set_removals (self->reader, removals);

  /* The other document may have been deleted since */
  if (other_id != 0 && !(other = sp_project_get_document (self->project, other_id, NULL)))
    other_id = 0;
  sp_reader_set_near_duplicate (self->reader, other_id, other ? sp_document_get_title (other) : NULL);
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
      _sp_documents_view_update_actions (self);
      return;
    }

  if (!(body = sp_project_dup_document_body (self->project, sp_document_get_id (document), &error)))
    {
      sp_toast_show_error (GTK_WIDGET (self), error->message);
      return;
    }

  sp_reader_set_document (self->reader, document, body);
  show_extras (self, document);
  gtk_stack_set_visible_child_name (self->reader_stack, "reader");
  load_claims (self);
  _sp_documents_view_show_search (self);
  _sp_documents_view_update_actions (self);
}

static void
selection_changed_cb (SpDocumentsView    *self,
                      guint               position,
                      guint               n_items,
                      GtkSingleSelection *selection)
{
  SpDocument *document = gtk_single_selection_get_selected_item (selection);
  SpDocument *shown = sp_reader_get_document (self->reader);

  if (self->reloading)
    return;

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

/* Shows the selected document, whichever it is */
void
_sp_documents_view_show_selected (SpDocumentsView *self)
{
  show_document (self, gtk_single_selection_get_selected_item (self->selection));
}

gint64
_sp_documents_view_shown_id (SpDocumentsView *self)
{
  return selected_document_id (self);
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

  /* The selection passes over other documents while the list is replaced: the reader waits
   * and keeps the document it shows, where it shows it */
  self->reloading = TRUE;
  g_list_store_splice (self->documents, 0, g_list_model_get_n_items (G_LIST_MODEL (self->documents)),
                       items->pdata, items->len);
  self->reloading = FALSE;

  gtk_stack_set_visible_child_name (self->stack, items->len > 0 ? "documents" : "empty");
  _sp_documents_view_update_count (self);

  if (keep == 0 || !select_document (self, keep, FALSE))
    show_document (self, gtk_single_selection_get_selected_item (self->selection));
}

/* The claims list */

/* Every text of a claim is shown whole: the panel is narrow, so the labels wrap */
static GtkWidget *
create_claim_row (SpClaim *claim)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *badge = sp_stance_badge_new (sp_claim_get_stance (claim));
  GtkWidget *who = sp_wrapping_label_new (sp_claim_get_actor_name (claim), "heading");
  GtkWidget *what = sp_wrapping_label_new (sp_claim_get_issue_label (claim), "caption");
  GtkWidget *quote = sp_wrapping_label_new (sp_claim_get_quote (claim), "dim-label");

  gtk_widget_set_hexpand (who, TRUE);
  gtk_box_append (GTK_BOX (top), badge);
  gtk_box_append (GTK_BOX (top), who);
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), what);
  gtk_box_append (GTK_BOX (box), quote);

  if (sp_claim_get_note (claim)[0] != '\0')
    gtk_box_append (GTK_BOX (box), sp_wrapping_label_new (sp_claim_get_note (claim), "caption"));

  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "sp-claim", g_object_ref (claim), g_object_unref);

  return row;
}

/* The document's pending suggestions are marked in the text too (apart from its claims); a
 * click on one opens it in the Review view */
static void
load_suggestion_marks (SpDocumentsView *self,
                       gint64           document_id)
{
  g_autoptr(GListModel) suggestions = NULL;

  if (self->project != NULL && document_id != 0)
    suggestions = sp_project_list_suggestions (self->project, document_id,
                                               SP_SUGGESTION_STATUS_MASK (SP_SUGGESTION_STATUS_PENDING), NULL);
  sp_reader_set_suggestions (self->reader, suggestions);
}

static void
suggestion_activated_cb (SpDocumentsView *self,
                         gint64           suggestion_id,
                         SpReader        *reader)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.review-suggestion", "x", suggestion_id);
}

static void
load_claims (SpDocumentsView *self)
{
  gint64 document_id = selected_document_id (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;
  guint n = 0;

  g_clear_object (&self->claims);

  if (self->project != NULL && document_id != 0)
    {
      if (!(self->claims = sp_project_list_claims (self->project, document_id, &error)))
        sp_toast_show_error (GTK_WIDGET (self), error->message);
    }

  /* Rows only: the placeholder (what to do in a document without claims) stays */
  sp_list_box_remove_rows (self->claims_list);

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
  load_suggestion_marks (self, document_id);

  if (n == 0)
    heading = g_strdup (_("Claims"));
  else
    heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Claim", "%u Claims", n), n);
  gtk_label_set_text (self->claims_heading, heading);
  gtk_button_set_label (GTK_BUTTON (self->claims_toggle), heading);
}

/* The selected document's row shows its claim count: refresh just that row, keeping the
 * selection (and so the reader's scroll position) where it is. */
static void
refresh_document_row (SpDocumentsView *self)
{
  gint64 id = selected_document_id (self);
  g_autoptr(SpDocument) fresh = NULL;
  GListModel *shown = G_LIST_MODEL (self->sorted);
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

/* Keeps the claim popover beside its text while the reader scrolls (a jump settles after
 * the popover opened). When neither side of the text has room for it, the text is brought
 * near the top of the view once, leaving the room below. */
static void
place_claim_popover (SpDocumentsView *self)
{
  GdkRectangle rect;
  gboolean in_view;

  g_assert (SP_IS_DOCUMENTS_VIEW (self));

  in_view = sp_reader_get_range_rect (self->reader, self->popover_start, self->popover_end, &rect);
  if (!sp_claim_popover_point_at (self->claim_popover, &rect) && in_view && !self->popover_made_room)
    {
      self->popover_made_room = TRUE;
      sp_reader_scroll_to_range (self->reader, self->popover_start, self->popover_end, 0.0);
    }
}

static gboolean
place_claim_popover_cb (gpointer data)
{
  SpDocumentsView *self = data;

  self->place_idle = 0;
  if (gtk_widget_get_visible (GTK_WIDGET (self->claim_popover)))
    place_claim_popover (self);

  return G_SOURCE_REMOVE;
}

/* The adjustment changes while the text view lays itself out, when measuring text would
 * disturb it: the popover moves after the frame */
static void
reader_scrolled_cb (SpDocumentsView *self,
                    GtkAdjustment   *adjustment)
{
  if (gtk_widget_get_visible (GTK_WIDGET (self->claim_popover)) && self->place_idle == 0)
    self->place_idle = g_idle_add (place_claim_popover_cb, self);
}

static void
popup_claim_popover (SpDocumentsView *self,
                     guint            start,
                     guint            end)
{
  g_assert (SP_IS_DOCUMENTS_VIEW (self));

  self->popover_start = start;
  self->popover_end = end;
  self->popover_made_room = FALSE;

  /* A claims panel folded over the reader would hide the text */
  if (sp_reader_popover_wait_for_flap (&self->popover_wait))
    return;

  place_claim_popover (self);
  gtk_popover_popup (GTK_POPOVER (self->claim_popover));
}

/* The claims panel has slid off the reader */
static void
popup_claim_popover_again (gpointer data)
{
  SpDocumentsView *self = data;

  popup_claim_popover (self, self->popover_start, self->popover_end);
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
  if (!self->editable)
    return;

  sp_claim_popover_start_edit (self->claim_popover, claim);
  popup_claim_popover (self, sp_claim_get_start (claim), sp_claim_get_end (claim));
}

static void
tag_claim_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  SpDocumentsView *self = SP_DOCUMENTS_VIEW (widget);
  g_autofree char *quote = NULL;
  guint start, end;

  if (!self->editable)
    return;

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
  popup_claim_popover (self, start, end);
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

  if (what & (SP_CHANGE_CLAIMS | SP_CHANGE_ACTORS | SP_CHANGE_ISSUES | SP_CHANGE_SUGGESTIONS))
    {
      load_claims (self);
      refresh_document_row (self);
    }
}

/* Narrow windows. The reader always keeps the room: below the width of list, reader and claims
 * side by side the claims panel folds over the reader (a toggle brings it back), and below
 * the width of list and reader the list becomes a page of its own (a back button). */

static void
folded_cb (SpDocumentsView *self)
{
  gboolean list_folded = adw_leaflet_get_folded (self->leaflet);

  g_assert (SP_IS_DOCUMENTS_VIEW (self));

  gtk_widget_set_visible (self->back_button, list_folded);
  gtk_widget_set_visible (GTK_WIDGET (self->claims_toggle), adw_flap_get_folded (self->claims_flap));
  gtk_widget_set_visible (self->reader_bar, list_folded || adw_flap_get_folded (self->claims_flap));
}

void
_sp_documents_view_show_reader (SpDocumentsView *self,
                                gboolean         focus)
{
  g_assert (SP_IS_DOCUMENTS_VIEW (self));

  adw_leaflet_set_visible_child_name (self->leaflet, "content");
  if (adw_flap_get_folded (self->claims_flap))
    adw_flap_set_reveal_flap (self->claims_flap, FALSE);
  if (focus && g_str_equal (gtk_stack_get_visible_child_name (self->reader_stack), "reader"))
    gtk_widget_grab_focus (GTK_WIDGET (sp_reader_get_text_view (self->reader)));
}

static void
show_list_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  SpDocumentsView *self = SP_DOCUMENTS_VIEW (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->document_list));
}

/* Enter (or a double click) on a document reads it */
static void
document_activated_cb (SpDocumentsView *self,
                       guint            position,
                       GtkListView     *list)
{
  gtk_single_selection_set_selected (self->selection, position);
  _sp_documents_view_show_reader (self, TRUE);
}

static gboolean
open_after_click_cb (gpointer data)
{
  SpDocumentsView *self = data;

  self->open_idle = 0;
  _sp_documents_view_show_reader (self, FALSE);

  return G_SOURCE_REMOVE;
}

/* In the folded list, a click on a document also opens it, once the row has selected it */
static void
document_clicked_cb (SpDocumentsView *self,
                     int              n_press,
                     double           x,
                     double           y,
                     GtkGestureClick *gesture)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self->document_list), x, y, GTK_PICK_DEFAULT);

  if (!adw_leaflet_get_folded (self->leaflet) || picked == NULL ||
      picked == GTK_WIDGET (self->document_list) || self->open_idle != 0)
    return;

  self->open_idle = g_idle_add (open_after_click_cb, self);
}

/* One Tab stop for the whole list (GTK 4.8's list views stop at every row): Tab and Shift+Tab
 * leave it, as if its rows could not take focus; the arrow keys move inside it. */
static gboolean
leave_list_cb (GtkWidget *list,
               GVariant  *args,
               gpointer   user_data)
{
  GtkRoot *root = gtk_widget_get_root (list);

  gtk_widget_set_can_focus (list, FALSE);
  g_signal_emit_by_name (root, "move-focus", (GtkDirectionType)g_variant_get_int32 (args));
  gtk_widget_set_can_focus (list, TRUE);

  return TRUE;
}

static void
add_leave_list_shortcut (GtkShortcutController *controller,
                         GdkModifierType        modifiers,
                         GtkDirectionType       direction)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Tab, modifiers),
                                                                         gtk_keyval_trigger_new (GDK_KEY_KP_Tab, modifiers)),
                                            gtk_callback_action_new (leave_list_cb, NULL, NULL));

  gtk_shortcut_set_arguments (shortcut, g_variant_new_int32 (direction));
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

static void
setup_document_list_keys (SpDocumentsView *self)
{
  GtkEventController *keys = gtk_shortcut_controller_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  add_leave_list_shortcut (GTK_SHORTCUT_CONTROLLER (keys), 0, GTK_DIR_TAB_FORWARD);
  add_leave_list_shortcut (GTK_SHORTCUT_CONTROLLER (keys), GDK_SHIFT_MASK, GTK_DIR_TAB_BACKWARD);
  gtk_widget_add_controller (GTK_WIDGET (self->document_list), keys);

  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_object (click, "pressed", G_CALLBACK (document_clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->document_list), GTK_EVENT_CONTROLLER (click));

  g_signal_connect_object (self->document_list, "activate", G_CALLBACK (document_activated_cb), self, G_CONNECT_SWAPPED);
}

static void
sp_documents_view_dispose (GObject *object)
{
  SpDocumentsView *self = (SpDocumentsView *)object;
  GtkWidget *child;

  g_clear_pointer (&self->list_menu, gtk_widget_unparent);
  g_clear_handle_id (&self->open_idle, g_source_remove);
  g_clear_handle_id (&self->place_idle, g_source_remove);
  sp_reader_popover_clear (&self->popover_wait, &self->claim_popover);

  /* Template children without an id are not cleared by dispose_template() in GTK 4.8 */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_DOCUMENTS_VIEW);

  sp_project_watch_clear (&self->project, self);
  g_clear_object (&self->claims);
  _sp_documents_view_dispose_list (self);

  G_OBJECT_CLASS (sp_documents_view_parent_class)->dispose (object);
}

static void
sp_documents_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SpDocumentsView *self = SP_DOCUMENTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_SORT:
      g_value_set_string (value, sp_documents_view_get_sort (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_documents_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SpDocumentsView *self = SP_DOCUMENTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_SORT:
      sp_documents_view_set_sort (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_documents_view_class_init (SpDocumentsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_documents_view_dispose;
  object_class->get_property = sp_documents_view_get_property;
  object_class->set_property = sp_documents_view_set_property;

  /**
   * SpDocumentsView:sort:
   *
   * What the document list is sorted by: "date", "title", "source" or "imported"
   */
  properties[PROP_SORT] =
    g_param_spec_string ("sort", NULL, NULL, "date",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  g_type_ensure (SP_TYPE_READER);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/standpoint/Standpoint/sp-documents-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SpDocumentsView, stack);
  gtk_widget_class_bind_template_child (widget_class, SpDocumentsView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SpDocumentsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SpDocumentsView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, SpDocumentsView, document_list);
  gtk_widget_class_bind_template_child (widget_class, SpDocumentsView, count_label);
  gtk_widget_class_bind_template_child (widget_class, SpDocumentsView, sort_button);
  gtk_widget_class_bind_template_child (widget_class, SpDocumentsView, claims_flap);
  gtk_widget_class_bind_template_child (widget_class, SpDocumentsView, reader_bar);
  gtk_widget_class_bind_template_child (widget_class, SpDocumentsView, back_button);
  gtk_widget_class_bind_template_child (widget_class, SpDocumentsView, claims_toggle);
  gtk_widget_class_bind_template_child (widget_class, SpDocumentsView, reader_stack);
  gtk_widget_class_bind_template_child (widget_class, SpDocumentsView, reader);
  gtk_widget_class_bind_template_child (widget_class, SpDocumentsView, claims_heading);
  gtk_widget_class_bind_template_child (widget_class, SpDocumentsView, claims_list);

  gtk_widget_class_install_action (widget_class, "documents.tag-claim", NULL, tag_claim_action);
  gtk_widget_class_install_action (widget_class, "documents.show-list", NULL, show_list_action);
  _sp_documents_view_class_init_list (widget_class);
}

static void
sp_documents_view_init (SpDocumentsView *self)
{
  g_autoptr(GMenu) extra_menu = NULL;

  self->editable = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  _sp_documents_view_init_list (self);
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_list_box_set_activate_on_single_click (self->claims_list, TRUE);
  g_signal_connect_object (self->claims_list, "row-activated", G_CALLBACK (claim_row_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reader, "suggestion-activated", G_CALLBACK (suggestion_activated_cb), self, G_CONNECT_SWAPPED);

  /* Folded, the reader is what shows first */
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
  setup_document_list_keys (self);

  g_object_bind_property (self->claims_flap, "reveal-flap", self->claims_toggle, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (folded_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->claims_flap, "notify::folded", G_CALLBACK (folded_cb), self, G_CONNECT_SWAPPED);
  folded_cb (self);

  /* Right-click on the text offers tagging next to Copy */
  extra_menu = g_menu_new ();
  g_menu_append (extra_menu, _("_Tag Claim…"), "documents.tag-claim");
  sp_reader_set_extra_menu (self->reader, G_MENU_MODEL (extra_menu));

  self->claim_popover = sp_reader_popover_init (&self->popover_wait, self->reader, self->claims_flap,
                                                popup_claim_popover_again, self);
  g_signal_connect_object (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (sp_reader_get_text_view (self->reader))),
                           "value-changed", G_CALLBACK (reader_scrolled_cb), self, G_CONNECT_SWAPPED);

  load_claims (self);
}

void
sp_documents_view_set_project (SpDocumentsView *self,
                               SpProject       *project)
{
  g_return_if_fail (SP_IS_DOCUMENTS_VIEW (self));

  if (!sp_project_watch_set (&self->project, project, G_CALLBACK (project_changed_cb), self))
    return;

  sp_claim_popover_set_project (self->claim_popover, project);
  sp_reader_set_document (self->reader, NULL, NULL);
  load_documents (self);
}

/**
 * sp_documents_view_set_editable:
 * @editable: %FALSE for a read-only project: documents and claims can be read, searched and
 *   jumped to, but no claim is tagged, edited or deleted
 */
void
sp_documents_view_set_editable (SpDocumentsView *self,
                                gboolean         editable)
{
  g_return_if_fail (SP_IS_DOCUMENTS_VIEW (self));

  self->editable = !!editable;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "documents.tag-claim", self->editable);
  _sp_documents_view_update_actions (self);
  if (!self->editable)
    gtk_popover_popdown (GTK_POPOVER (self->claim_popover));
}

gboolean
_sp_documents_view_select (SpDocumentsView *self,
                           gint64           document_id,
                           gboolean         reveal)
{
  GListModel *model = G_LIST_MODEL (self->sorted);

  g_assert (SP_IS_DOCUMENTS_VIEW (self));

  for (guint pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(SpDocument) document = g_list_model_get_item (model, i);

          if (sp_document_get_id (document) == document_id)
            {
              gtk_single_selection_set_selected (self->selection, i);
              show_document (self, document);
              if (reveal)
                _sp_documents_view_show_reader (self, FALSE);
              return TRUE;
            }
        }

      if (self->query == NULL)
        break;
      /* The entry says it changed only after a pause: the search ends at once */
      g_clear_pointer (&self->query, g_free);
      g_clear_pointer (&self->matches, g_hash_table_unref);
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      self->reloading = TRUE;
      gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_LESS_STRICT);
      self->reloading = FALSE;
      _sp_documents_view_update_count (self);
    }

  return FALSE;
}

/* Selects a document in the list (clearing a filter that hides it) and shows it in the
 * reader, bringing the reader into view in a narrow window. */
gboolean
sp_documents_view_select_document (SpDocumentsView *self,
                                   gint64           document_id)
{
  g_return_val_if_fail (SP_IS_DOCUMENTS_VIEW (self), FALSE);

  return select_document (self, document_id, TRUE);
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

/* Returns: how many documents the list shows (a search hides the others) */
guint
sp_documents_view_get_n_shown (SpDocumentsView *self)
{
  g_return_val_if_fail (SP_IS_DOCUMENTS_VIEW (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
}

/* Returns: the count above the list, e.g. "12 of 1,234" */
const char *
sp_documents_view_get_count_text (SpDocumentsView *self)
{
  g_return_val_if_fail (SP_IS_DOCUMENTS_VIEW (self), NULL);
  return gtk_label_get_text (self->count_label);
}

/* Returns: (transfer full) (nullable): the document at @position of the list as shown */
SpDocument *
sp_documents_view_get_shown_item (SpDocumentsView *self,
                                  guint            position)
{
  g_return_val_if_fail (SP_IS_DOCUMENTS_VIEW (self), NULL);
  return g_list_model_get_item (G_LIST_MODEL (self->sorted), position);
}
