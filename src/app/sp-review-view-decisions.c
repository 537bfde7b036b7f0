/* sp-review-view-decisions.c
 *
 * The analyst's decisions on suggestions, each one key: accept, reject, correct in the claim
 * popover (accepted as edited), skip forwards and back, jump to the least certain, and
 * accept everything shown above a confidence as one undo step. Each decision is a store
 * action; the view re-reads the re-ranked list when the store says it changed.
 */
#define G_LOG_DOMAIN "sp-review-view"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "sp-review-view-private.h"
#include "sp-suggest-pass.h"
#include "sp-suggestion.h"
#include "sp-toast.h"

/* Keys pressed in the correcting popover reach the view too (it is the popover's parent):
 * Delete on a stance button must not reject what is being corrected */
static gboolean
is_correcting (SpReviewView *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->claim_popover));
}

static gboolean
check_decidable (SpReviewView *self)
{
  if (!self->editable || self->project == NULL || is_correcting (self))
    return FALSE;
  if (_sp_review_view_find_pending (self, self->current) == NULL)
    {
      sp_toast_show (GTK_WIDGET (self), _("Choose a suggestion first"));
      return FALSE;
    }
  return TRUE;
}

static void
accept_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  SpReviewView *self = SP_REVIEW_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (!check_decidable (self))
    return;

  /* The store says it changed: load_suggestions() moves on to the next */
  if (sp_suggest_accept (self->project, self->current, NULL, &error) == 0)
    sp_toast_show_error (widget, error->message);
}

static void
reject_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  SpReviewView *self = SP_REVIEW_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (!check_decidable (self))
    return;

  if (!sp_suggest_reject (self->project, self->current, &error))
    sp_toast_show_error (widget, error->message);
}

static void
popup_editor (SpReviewView *self)
{
  SpSuggestion *suggestion = _sp_review_view_find_pending (self, self->current);
  GdkRectangle rect;

  if (suggestion == NULL)
    return;

  /* A list folded over the reader would hide the text */
  if (sp_reader_popover_wait_for_flap (&self->popover_wait))
    return;

  sp_claim_popover_start_suggestion (self->claim_popover, suggestion);
  sp_reader_get_range_rect (self->reader, sp_suggestion_get_start (suggestion), sp_suggestion_get_end (suggestion), &rect);
  sp_claim_popover_point_at (self->claim_popover, &rect);
  gtk_popover_popup (GTK_POPOVER (self->claim_popover));
}

/* The list has slid off the reader */
void
_sp_review_view_popup_editor_again (gpointer data)
{
  popup_editor (SP_REVIEW_VIEW (data));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  SpReviewView *self = SP_REVIEW_VIEW (widget);

  if (!check_decidable (self))
    return;

  popup_editor (self);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  SpReviewView *self = SP_REVIEW_VIEW (widget);
  int index = _sp_review_view_shown_index (self, self->current);
  int step = g_str_equal (action_name, "review.previous") ? -1 : 1;

  if (self->shown->len == 0 || is_correcting (self))
    return;

  _sp_review_view_select_index (self, index < 0 ? 0 : index + step);
  gtk_widget_grab_focus (GTK_WIDGET (_sp_review_view_row_of (self, self->current)));
}

/* How far a confidence is from a coin toss */
static double
certainty (SpSuggestion *suggestion)
{
  return fabs (sp_suggestion_get_confidence (suggestion) - 0.5);
}

static int
compare_uncertain (gconstpointer a,
                   gconstpointer b)
{
  SpSuggestion *x = *(SpSuggestion **)a;
  SpSuggestion *y = *(SpSuggestion **)b;

  if (certainty (x) != certainty (y))
    return certainty (x) < certainty (y) ? -1 : 1;
  return sp_suggestion_get_id (x) < sp_suggestion_get_id (y) ? -1 : sp_suggestion_get_id (x) > sp_suggestion_get_id (y);
}

/* U and Shift+U step through the shown suggestions from the least certain (confidence
 * nearest 50 %) to the most; the first U goes to the least certain */
static void
uncertain_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  SpReviewView *self = SP_REVIEW_VIEW (widget);
  g_autoptr(GPtrArray) order = NULL;
  gboolean back = g_str_equal (action_name, "review.previous-uncertain");
  int at = -1;
  int next;

  if (self->shown->len == 0 || is_correcting (self))
    return;

  order = g_ptr_array_copy (self->shown, (GCopyFunc)g_object_ref, NULL);
  g_ptr_array_sort (order, compare_uncertain);
  /* A walk starts at the least certain; another move (or a decision) ends it */
  for (guint i = 0; self->current == self->uncertain_current && i < order->len; i++)
    if (sp_suggestion_get_id (g_ptr_array_index (order, i)) == self->current)
      at = (int)i;

  if (at < 0)
    next = 0;
  else
    next = CLAMP (at + (back ? -1 : 1), 0, (int)order->len - 1);

  sp_review_view_select (self, sp_suggestion_get_id (g_ptr_array_index (order, next)));
  self->uncertain_current = self->current;
  gtk_widget_grab_focus (GTK_WIDGET (_sp_review_view_row_of (self, self->current)));
}

/* Accept All Above… */

typedef struct
{
  SpReviewView  *self;
  GtkSpinButton *spin;
  GArray        *ids;   /* what the analyst was shown: the set does not move while accepting */
} AcceptAbove;

static void
accept_above_free (AcceptAbove *data)
{
  g_array_unref (data->ids);
  g_free (data);
}

static void
accept_above_count_cb (AdwMessageDialog *dialog,
                       GtkSpinButton    *spin)
{
  AcceptAbove *data = g_object_get_data (G_OBJECT (dialog), "sp-accept-above");
  double threshold = gtk_spin_button_get_value (spin) / 100.0;
  g_autofree char *body = NULL;
  g_autofree char *label = NULL;

  g_array_set_size (data->ids, 0);
  /* Every suggestion the filters let through, listed or not */
  for (guint i = 0; i < data->self->pending->len; i++)
    {
      SpSuggestion *suggestion = g_ptr_array_index (data->self->pending, i);
      gint64 id = sp_suggestion_get_id (suggestion);

      if (_sp_review_view_passes_filters (data->self, suggestion) &&
          round (sp_suggestion_get_confidence (suggestion) * 100) >= round (threshold * 100))
        g_array_append_val (data->ids, id);
    }

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u of the suggestions shown has at least this confidence. It becomes a claim as proposed; one Undo takes it back.",
                                       "%u of the suggestions shown have at least this confidence. Each becomes a claim as proposed; one Undo takes them all back.",
                                       data->ids->len),
                          data->ids->len);
  adw_message_dialog_set_body (dialog, body);
  /* TRANSLATORS: a button, e.g. "Accept 12" */
  label = g_strdup_printf (_("_Accept %u"), data->ids->len);
  adw_message_dialog_set_response_label (dialog, "accept", label);
  adw_message_dialog_set_response_enabled (dialog, "accept", data->ids->len > 0);
}

static void
accept_above_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          gpointer          user_data)
{
  AcceptAbove *data = g_object_get_data (G_OBJECT (dialog), "sp-accept-above");
  SpReviewView *self = data->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint n = data->ids->len;
  gboolean ok;

  if (!g_str_equal (response, "accept") || n == 0 || self->project == NULL)
    return;

  ok = sp_project_begin_action (self->project, n == 1 ? _("Accept Suggestion") : _("Accept Suggestions"), &error);
  for (guint i = 0; ok && i < n; i++)
    ok = sp_suggest_accept (self->project, g_array_index (data->ids, gint64, i), NULL, &error) != 0;
  if (!sp_project_end_action (self->project, ok, ok ? &error : NULL) && ok)
    ok = FALSE;

  if (!ok)
    {
      sp_toast_show_error (GTK_WIDGET (self), error ? error->message : _("The suggestions could not be accepted"));
      return;
    }

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Accepted %u suggestion", "Accepted %u suggestions", n), n);
  sp_toast_show_undo (GTK_WIDGET (self), text);
}

static void
accept_above_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  SpReviewView *self = SP_REVIEW_VIEW (widget);
  GtkWidget *dialog;
  GtkWidget *box;
  GtkWidget *label;
  GtkWidget *spin;
  AcceptAbove *data;
  SpSuggestion *current = _sp_review_view_find_pending (self, self->current);
  double start = current ? sp_suggestion_get_confidence (current) : 0.8;

  if (!self->editable || self->project == NULL || self->shown->len == 0)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Accept All Above a Confidence?"), NULL);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "accept", _("_Accept"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "accept", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "accept");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  label = gtk_label_new_with_mnemonic (_("_Confidence at least"));
  spin = gtk_spin_button_new_with_range (0, 100, 5);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), round (start * 100));
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), spin);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), spin);
  gtk_box_append (GTK_BOX (box), gtk_label_new ("%"));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  data = g_new0 (AcceptAbove, 1);
  data->self = self;
  data->spin = GTK_SPIN_BUTTON (spin);
  data->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_object_set_data_full (G_OBJECT (dialog), "sp-accept-above", data, (GDestroyNotify)accept_above_free);
  g_signal_connect_object (spin, "value-changed", G_CALLBACK (accept_above_count_cb), dialog, G_CONNECT_SWAPPED);
  accept_above_count_cb (ADW_MESSAGE_DIALOG (dialog), GTK_SPIN_BUTTON (spin));
  /* The dialog is modal: the view outlives it */
  g_signal_connect (dialog, "response", G_CALLBACK (accept_above_response_cb), NULL);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
toggle_list_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  SpReviewView *self = SP_REVIEW_VIEW (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
  if (adw_flap_get_reveal_flap (self->flap) && _sp_review_view_row_of (self, self->current))
    gtk_widget_grab_focus (GTK_WIDGET (_sp_review_view_row_of (self, self->current)));
}

/* Return (or a double click) on a row accepts it, as A does */
void
_sp_review_view_row_activated_cb (SpReviewView  *self,
                  GtkListBoxRow *row,
                  GtkListBox    *list)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "review.accept", NULL);
}

static void
add_key (GtkWidgetClass  *widget_class,
         guint            keyval,
         GdkModifierType  modifiers,
         const char      *action)
{
  gtk_widget_class_add_binding_action (widget_class, keyval, modifiers, action, NULL);
}

void
_sp_review_view_class_init_decisions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "review.accept", NULL, accept_action);
  gtk_widget_class_install_action (widget_class, "review.reject", NULL, reject_action);
  gtk_widget_class_install_action (widget_class, "review.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "review.next", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "review.previous", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "review.next-uncertain", NULL, uncertain_action);
  gtk_widget_class_install_action (widget_class, "review.previous-uncertain", NULL, uncertain_action);
  gtk_widget_class_install_action (widget_class, "review.accept-above", NULL, accept_above_action);
  gtk_widget_class_install_action (widget_class, "review.toggle-list", NULL, toggle_list_action);

  /* One key each, listed in the shortcuts window. The view's text fields (the confidence,
   * the find bar, the editor's search) take letters before these see them. */
  add_key (widget_class, GDK_KEY_a, 0, "review.accept");
  add_key (widget_class, GDK_KEY_Return, 0, "review.accept");
  add_key (widget_class, GDK_KEY_KP_Enter, 0, "review.accept");
  add_key (widget_class, GDK_KEY_r, 0, "review.reject");
  add_key (widget_class, GDK_KEY_Delete, 0, "review.reject");
  add_key (widget_class, GDK_KEY_e, 0, "review.edit");
  add_key (widget_class, GDK_KEY_s, 0, "review.next");
  add_key (widget_class, GDK_KEY_j, 0, "review.next");
  add_key (widget_class, GDK_KEY_k, 0, "review.previous");
  add_key (widget_class, GDK_KEY_u, 0, "review.next-uncertain");
  add_key (widget_class, GDK_KEY_u, GDK_SHIFT_MASK, "review.previous-uncertain");
  add_key (widget_class, GDK_KEY_F9, 0, "review.toggle-list");
}
