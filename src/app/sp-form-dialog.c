#define G_LOG_DOMAIN "sp-form-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-form-dialog.h"

typedef struct
{
  AdwWindowTitle *title;
  GtkBox         *groups;
  GtkLabel       *error_label;
} SpFormDialogPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (SpFormDialog, sp_form_dialog, ADW_TYPE_WINDOW)

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  sp_form_dialog_save (SP_FORM_DIALOG (widget));
}

/* The first field has the focus when the dialog opens, so that typing fills it in */
static void
sp_form_dialog_show (GtkWidget *widget)
{
  SpFormDialogPrivate *priv = sp_form_dialog_get_instance_private (SP_FORM_DIALOG (widget));

  GTK_WIDGET_CLASS (sp_form_dialog_parent_class)->show (widget);
  gtk_widget_child_focus (GTK_WIDGET (priv->groups), GTK_DIR_TAB_FORWARD);
}

static void
sp_form_dialog_class_init (SpFormDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->show = sp_form_dialog_show;

  gtk_widget_class_install_action (widget_class, "form.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "form.save", NULL);
}

static void
sp_form_dialog_init (SpFormDialog *self)
{
  SpFormDialogPrivate *priv = sp_form_dialog_get_instance_private (self);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save"));
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 480, 520);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);

  priv->title = ADW_WINDOW_TITLE (adw_window_title_new ("", NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (priv->title));
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (save), "form.save");
  gtk_widget_add_css_class (save, "suggested-action");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  gtk_box_append (GTK_BOX (box), header);

  priv->groups = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 18));
  gtk_widget_set_margin_top (GTK_WIDGET (priv->groups), 18);
  gtk_widget_set_margin_bottom (GTK_WIDGET (priv->groups), 18);
  gtk_widget_set_margin_start (GTK_WIDGET (priv->groups), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (priv->groups), 12);

  priv->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (priv->error_label, TRUE);
  gtk_label_set_xalign (priv->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (priv->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (priv->error_label), FALSE);
  gtk_box_append (priv->groups, GTK_WIDGET (priv->error_label));

  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (priv->groups));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (box), scroller);

  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_default_widget (GTK_WINDOW (self), save);
}

void
sp_form_dialog_set_heading (SpFormDialog *self,
                            const char   *heading)
{
  SpFormDialogPrivate *priv = sp_form_dialog_get_instance_private (self);

  g_return_if_fail (SP_IS_FORM_DIALOG (self));

  adw_window_title_set_title (priv->title, heading);
  gtk_window_set_title (GTK_WINDOW (self), heading);
}

/* Adds a group of rows above the error line. */
void
sp_form_dialog_add_group (SpFormDialog        *self,
                          AdwPreferencesGroup *group)
{
  SpFormDialogPrivate *priv = sp_form_dialog_get_instance_private (self);

  g_return_if_fail (SP_IS_FORM_DIALOG (self));

  gtk_box_insert_child_after (priv->groups, GTK_WIDGET (group),
                              gtk_widget_get_prev_sibling (GTK_WIDGET (priv->error_label)));
}

void
sp_form_dialog_set_can_save (SpFormDialog *self,
                             gboolean      can_save)
{
  g_return_if_fail (SP_IS_FORM_DIALOG (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "form.save", can_save);
}

/**
 * sp_form_dialog_save:
 *
 * Saves through the subclass; closes the dialog on success, shows the reason otherwise.
 */
gboolean
sp_form_dialog_save (SpFormDialog *self)
{
  SpFormDialogPrivate *priv = sp_form_dialog_get_instance_private (self);
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (SP_IS_FORM_DIALOG (self), FALSE);

  if (!SP_FORM_DIALOG_GET_CLASS (self)->save (self, &error))
    {
      gtk_label_set_text (priv->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (priv->error_label), TRUE);
      return FALSE;
    }

  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

/* Returns: (transfer full): the comma-separated items of @text, trimmed, empty ones dropped */
GStrv
sp_split_list (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text ? text : "", ",", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }

  return g_strv_builder_end (builder);
}

/* Returns: (transfer full): @items joined with ", " */
char *
sp_join_list (const char * const *items)
{
  return g_strjoinv (", ", (char **)items);
}
