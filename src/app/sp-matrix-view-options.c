/* sp-matrix-view-options.c
 *
 * The Matrix view's controls for what the matrix is computed from (sp-matrix-options.h):
 * scoring, counting unit, order, a date range with its "as of" day, pending suggestions,
 * empty rows and columns, what changed since an earlier day, the groups opened to their
 * members, and filters by source, document, issue and actor (check lists in a popover,
 * filled from the project when it opens). Any change recomputes the matrix, and exports
 * take the computed matrix, so they are what the view shows.
 */
#define G_LOG_DOMAIN "sp-matrix-view"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-matrix-view-private.h"

#define FILTER_ID  "sp-filter-id"
#define FILTER_KEY "sp-filter-key"

static const char *filter_pages[] = { "sources", "documents", "issues", "actors" };

/* A date entry: empty is none; otherwise it must be a valid day */
static gboolean
read_date (GtkEntry    *entry,
           const char **date)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  *date = *text != '\0' ? text : NULL;
  return TRUE;
}

static void
mark_entry (GtkEntry   *entry,
            const char *error)
{
  if (error != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (entry), error);
}

/* The checked boxes of a filter page: ids, or keys for sources */
static GArray *
checked_ids (SpMatrixView *self,
             const char   *page)
{
  GtkWidget *box = gtk_stack_get_child_by_name (self->filter_stack, page);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (box == NULL)
    return ids;

  box = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (box));
  if (GTK_IS_VIEWPORT (box))
    box = gtk_viewport_get_child (GTK_VIEWPORT (box));

  for (GtkWidget *child = gtk_widget_get_first_child (box); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_CHECK_BUTTON (child) && gtk_check_button_get_active (GTK_CHECK_BUTTON (child)))
      {
        gint64 *id = g_object_get_data (G_OBJECT (child), FILTER_ID);

        if (id != NULL)
          g_array_append_val (ids, *id);
      }

  return ids;
}

static GStrv
checked_keys (SpMatrixView *self,
              const char   *page)
{
  GtkWidget *box = gtk_stack_get_child_by_name (self->filter_stack, page);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (box != NULL)
    {
      box = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (box));
      if (GTK_IS_VIEWPORT (box))
        box = gtk_viewport_get_child (GTK_VIEWPORT (box));

      for (GtkWidget *child = gtk_widget_get_first_child (box); child; child = gtk_widget_get_next_sibling (child))
        if (GTK_IS_CHECK_BUTTON (child) && gtk_check_button_get_active (GTK_CHECK_BUTTON (child)))
          g_strv_builder_add (builder, g_object_get_data (G_OBJECT (child), FILTER_KEY));
    }

  return g_strv_builder_end (builder);
}

/**
 * _sp_matrix_view_read_options:
 *
 * Returns: (transfer full) (nullable): the options the controls say, or %NULL with @error
 *   when a date is not a day (the entry is marked)
 */
SpMatrixOptions *
_sp_matrix_view_read_options (SpMatrixView  *self,
                              GError       **error)
{
  g_autoptr(SpMatrixOptions) options = sp_matrix_options_new ();
  g_autoptr(GArray) documents = checked_ids (self, "documents");
  g_autoptr(GArray) issues = checked_ids (self, "issues");
  g_autoptr(GArray) actors = checked_ids (self, "actors");
  g_auto(GStrv) sources = checked_keys (self, "sources");
  g_autoptr(GError) local_error = NULL;
  const char *from, *to;

  g_assert (SP_IS_MATRIX_VIEW (self));

  sp_matrix_options_set_level (options, self->level);
  sp_matrix_options_set_aggregate (options, gtk_drop_down_get_selected (self->aggregate_dropdown));
  sp_matrix_options_set_unit (options, gtk_drop_down_get_selected (self->unit_dropdown));
  sp_matrix_options_set_order (options, gtk_drop_down_get_selected (self->order_dropdown));
  sp_matrix_options_set_include_suggestions (options, gtk_check_button_get_active (self->pending_check));
  sp_matrix_options_set_hide_empty (options, gtk_check_button_get_active (self->hide_empty_check));
  sp_matrix_options_set_expanded_groups (options, (const gint64 *)(gpointer)self->expanded_groups->data, self->expanded_groups->len);
  sp_matrix_options_set_document_ids (options, (const gint64 *)(gpointer)documents->data, documents->len);
  sp_matrix_options_set_issue_ids (options, (const gint64 *)(gpointer)issues->data, issues->len);
  sp_matrix_options_set_actor_ids (options, (const gint64 *)(gpointer)actors->data, actors->len);
  sp_matrix_options_set_sources (options, sources[0] ? (const char * const *)sources : NULL);

  read_date (self->from_entry, &from);
  read_date (self->to_entry, &to);
  mark_entry (self->from_entry, NULL);
  mark_entry (self->to_entry, NULL);
  if (!sp_matrix_options_set_date_range (options, from, to, &local_error))
    {
      /* The message names the date that is wrong; mark the entries that hold text */
      if (from != NULL)
        mark_entry (self->from_entry, local_error->message);
      if (to != NULL)
        mark_entry (self->to_entry, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&options);
}

/**
 * _sp_matrix_view_changes_since:
 * @since: (out): the earlier day
 * @later: (out) (transfer full): the later day: the "as of" day, or today
 *
 * Returns: whether the view shows what changed (checked, with a day to compare with)
 */
gboolean
_sp_matrix_view_changes_since (SpMatrixView  *self,
                               const char   **since,
                               char         **later)
{
  const char *to;

  if (!gtk_check_button_get_active (self->changes_check))
    return FALSE;

  read_date (self->since_entry, since);
  if (*since == NULL)
    return FALSE;

  read_date (self->to_entry, &to);
  if (to != NULL)
    *later = g_strdup (to);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      *later = g_date_time_format (now, "%Y-%m-%d");
    }

  return TRUE;
}

static void
control_changed_cb (SpMatrixView *self)
{
  if (self->reading_controls)
    return;

  gtk_widget_set_sensitive (GTK_WIDGET (self->since_entry), gtk_check_button_get_active (self->changes_check));
  _sp_matrix_view_recompute (self);
}

/* A date entry applies its text once: Enter, then leaving the entry, changes nothing more */
static void
date_entered_cb (GtkEntry     *entry,
                 SpMatrixView *self)
{
  g_object_set_data_full (G_OBJECT (entry), "sp-applied",
                          g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))), g_free);
  control_changed_cb (self);
}

static void
date_left_cb (GtkEventControllerFocus *focus,
              SpMatrixView            *self)
{
  GtkEntry *entry = GTK_ENTRY (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus)));
  const char *applied = g_object_get_data (G_OBJECT (entry), "sp-applied");

  if (g_strcmp0 (applied ? applied : "", gtk_editable_get_text (GTK_EDITABLE (entry))) != 0)
    date_entered_cb (entry, self);
}

/* Filters */

static GtkWidget *
add_filter_page (SpMatrixView *self,
                 const char   *name,
                 const char   *title)
{
  GtkWidget *page = gtk_stack_get_child_by_name (self->filter_stack, name);
  GtkWidget *scroller, *box, *child;

  /* The pages stay, for the switcher; their lists are made again */
  if (page != NULL)
    {
      box = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (page));
      if (GTK_IS_VIEWPORT (box))
        box = gtk_viewport_get_child (GTK_VIEWPORT (box));
      while ((child = gtk_widget_get_first_child (box)))
        gtk_box_remove (GTK_BOX (box), child);
      return box;
    }

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  gtk_stack_add_titled (self->filter_stack, scroller, name, title);

  return box;
}

static void
add_filter_check (SpMatrixView *self,
                  GtkWidget    *box,
                  const char   *label,
                  gint64        id,
                  const char   *key,
                  gboolean      active)
{
  GtkWidget *check = gtk_check_button_new_with_label (label);

  if (key != NULL)
    g_object_set_data_full (G_OBJECT (check), FILTER_KEY, g_strdup (key), g_free);
  else
    g_object_set_data_full (G_OBJECT (check), FILTER_ID, g_memdup2 (&id, sizeof id), g_free);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
  g_signal_connect_object (check, "toggled", G_CALLBACK (control_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), check);
}

static gboolean
id_checked (GArray *ids,
            gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

/* Fills the check lists from the project, keeping what was checked */
void
_sp_matrix_view_fill_filters (SpMatrixView *self)
{
  g_autoptr(GListModel) documents = NULL;
  g_autoptr(GListModel) issues = NULL;
  g_autoptr(GListModel) actors = NULL;
  g_autoptr(GArray) checked_documents = checked_ids (self, "documents");
  g_autoptr(GArray) checked_issues = checked_ids (self, "issues");
  g_autoptr(GArray) checked_actors = checked_ids (self, "actors");
  g_auto(GStrv) checked_sources = checked_keys (self, "sources");
  g_autoptr(GHashTable) sources = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) source_names = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *box;

  if (self->project == NULL)
    return;

  if (!(documents = sp_project_list_documents (self->project, &error)) ||
      !(issues = sp_project_list_issues (self->project, &error)) ||
      !(actors = sp_project_list_actors (self->project, &error)))
    {
      g_warning ("Cannot list the matrix filters: %s", error->message);
      return;
    }

  self->reading_controls = TRUE;

  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(SpDocument) document = g_list_model_get_item (documents, i);
      const char *source = sp_document_get_source (document);

      if (source != NULL && *source != '\0' && g_hash_table_add (sources, (gpointer)g_intern_string (source)))
        g_ptr_array_add (source_names, (gpointer)g_intern_string (source));
    }
  g_ptr_array_sort (source_names, (GCompareFunc)g_strcmp0);
  box = add_filter_page (self, "sources", _("Sources"));
  if (source_names->len == 0)
    {
      GtkWidget *none = gtk_label_new (_("No document names its source: a document's source is set in its details"));

      gtk_label_set_wrap (GTK_LABEL (none), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (none), 36);
      gtk_label_set_xalign (GTK_LABEL (none), 0);
      gtk_widget_add_css_class (none, "dim-label");
      gtk_box_append (GTK_BOX (box), none);
    }
  for (guint i = 0; i < source_names->len; i++)
    add_filter_check (self, box, g_ptr_array_index (source_names, i), 0, g_ptr_array_index (source_names, i),
                      g_strv_contains ((const char * const *)checked_sources, g_ptr_array_index (source_names, i)));

  box = add_filter_page (self, "documents", _("Documents"));
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(SpDocument) document = g_list_model_get_item (documents, i);

      add_filter_check (self, box, sp_document_get_title (document), sp_document_get_id (document), NULL,
                        id_checked (checked_documents, sp_document_get_id (document)));
    }

  box = add_filter_page (self, "issues", _("Issues"));
  for (guint i = 0; i < g_list_model_get_n_items (issues); i++)
    {
      g_autoptr(SpIssue) issue = g_list_model_get_item (issues, i);

      add_filter_check (self, box, sp_issue_get_label (issue), sp_issue_get_id (issue), NULL,
                        id_checked (checked_issues, sp_issue_get_id (issue)));
    }

  box = add_filter_page (self, "actors", _("Actors"));
  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(SpActor) actor = g_list_model_get_item (actors, i);

      add_filter_check (self, box, sp_actor_get_name (actor), sp_actor_get_id (actor), NULL,
                        id_checked (checked_actors, sp_actor_get_id (actor)));
    }

  self->reading_controls = FALSE;
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  SpMatrixView *self = SP_MATRIX_VIEW (widget);

  self->reading_controls = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (filter_pages); i++)
    {
      GtkWidget *page = gtk_stack_get_child_by_name (self->filter_stack, filter_pages[i]);
      GtkWidget *box;

      if (page == NULL)
        continue;
      box = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (page));
      if (GTK_IS_VIEWPORT (box))
        box = gtk_viewport_get_child (GTK_VIEWPORT (box));
      for (GtkWidget *child = gtk_widget_get_first_child (box); child; child = gtk_widget_get_next_sibling (child))
        if (GTK_IS_CHECK_BUTTON (child))
          gtk_check_button_set_active (GTK_CHECK_BUTTON (child), FALSE);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), "");
  self->reading_controls = FALSE;

  _sp_matrix_view_recompute (self);
}

/* Groups */

/* Opens a group to its members, in place, or closes the group a member's row belongs to */
void
_sp_matrix_view_toggle_group (SpMatrixView *self,
                              guint         row)
{
  SpMatrix *matrix = sp_matrix_widget_get_matrix (self->matrix_widget);
  gint64 group;

  if (matrix == NULL || self->level != SP_MATRIX_LEVEL_GROUP || row >= sp_matrix_get_n_rows (matrix))
    return;

  group = sp_matrix_get_row_group_id (matrix, row);
  if (group == 0)
    group = sp_matrix_get_row_id (matrix, row);

  for (guint i = 0; i < self->expanded_groups->len; i++)
    if (g_array_index (self->expanded_groups, gint64, i) == group)
      {
        g_array_remove_index (self->expanded_groups, i);
        _sp_matrix_view_recompute (self);
        return;
      }

  g_array_append_val (self->expanded_groups, group);
  _sp_matrix_view_recompute (self);
}

void
_sp_matrix_view_init_options (SpMatrixView *self)
{
  GObject *dropdowns[] = { G_OBJECT (self->aggregate_dropdown), G_OBJECT (self->unit_dropdown), G_OBJECT (self->order_dropdown) };
  GObject *checks[] = { G_OBJECT (self->pending_check), G_OBJECT (self->hide_empty_check), G_OBJECT (self->changes_check) };
  GObject *entries[] = { G_OBJECT (self->from_entry), G_OBJECT (self->to_entry), G_OBJECT (self->since_entry) };

  self->expanded_groups = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < G_N_ELEMENTS (dropdowns); i++)
    g_signal_connect_object (dropdowns[i], "notify::selected", G_CALLBACK (control_changed_cb), self, G_CONNECT_SWAPPED);
  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    g_signal_connect_object (checks[i], "toggled", G_CALLBACK (control_changed_cb), self, G_CONNECT_SWAPPED);
  /* Dates count when typed out: on Enter or when the entry is left */
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();

      g_signal_connect_object (entries[i], "activate", G_CALLBACK (date_entered_cb), self, 0);
      g_signal_connect_object (focus, "leave", G_CALLBACK (date_left_cb), self, 0);
      gtk_widget_add_controller (GTK_WIDGET (entries[i]), focus);
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->since_entry), FALSE);
  g_signal_connect_object (self->filter_popover, "show", G_CALLBACK (_sp_matrix_view_fill_filters), self, G_CONNECT_SWAPPED);
}

void
_sp_matrix_view_class_init_options (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, SpMatrixView, aggregate_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SpMatrixView, unit_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SpMatrixView, order_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SpMatrixView, from_entry);
  gtk_widget_class_bind_template_child (widget_class, SpMatrixView, to_entry);
  gtk_widget_class_bind_template_child (widget_class, SpMatrixView, pending_check);
  gtk_widget_class_bind_template_child (widget_class, SpMatrixView, hide_empty_check);
  gtk_widget_class_bind_template_child (widget_class, SpMatrixView, changes_check);
  gtk_widget_class_bind_template_child (widget_class, SpMatrixView, since_entry);
  gtk_widget_class_bind_template_child (widget_class, SpMatrixView, filter_popover);
  gtk_widget_class_bind_template_child (widget_class, SpMatrixView, filter_stack);

  gtk_widget_class_install_action (widget_class, "matrix.clear-filters", NULL, clear_filters_action);
}
