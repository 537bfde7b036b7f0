/* sp-profile-page.c
 *
 * See sp-profile-page.h. The Actors and Issues views hand the page the project when it slides
 * in and take it back (NULL) when it slides out, so that a hidden page holds no project open.
 */
#define G_LOG_DOMAIN "sp-profile-page"

#include "config.h"

#include "sp-codebook-view.h"
#include "sp-profile-page.h"
#include "sp-project-watch.h"
#include "sp-toast.h"

typedef struct
{
  SpProject         *project;
  gint64             id;

  /* The subclass's template children: not references */
  GtkWidget         *back_button;
  GtkScrolledWindow *scroller;
} SpProfilePagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (SpProfilePage, sp_profile_page, GTK_TYPE_WIDGET)

/* Whether the keyboard focus is in the page; rows that held it go when the page reloads */
static gboolean
has_focus_inside (SpProfilePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self));
}

/* After a reload: focus back into the page (its Back button first) if it was there or lost */
static void
restore_focus (SpProfilePage *self,
               gboolean       had_focus)
{
  SpProfilePagePrivate *priv = sp_profile_page_get_instance_private (self);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (root == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)) || priv->back_button == NULL)
    return;

  if ((had_focus || gtk_root_get_focus (root) == NULL) && !has_focus_inside (self))
    gtk_widget_grab_focus (priv->back_button);
}

static void
project_changed_cb (SpProfilePage *self,
                    guint          what)
{
  g_assert (SP_IS_PROFILE_PAGE (self));

  if (what & (SP_CHANGE_ACTORS | SP_CHANGE_ISSUES | SP_CHANGE_CLAIMS | SP_CHANGE_DOCUMENTS))
    {
      gboolean had_focus = has_focus_inside (self);

      SP_PROFILE_PAGE_GET_CLASS (self)->reload (self);
      restore_focus (self, had_focus);
    }
}

/**
 * sp_profile_page_show:
 * @project: (nullable): the project, or %NULL to let go of it (the page is hidden)
 * @id: the actor or issue to show
 *
 * Shows @id of @project, from the top of the page.
 */
void
sp_profile_page_show (SpProfilePage *self,
                      SpProject     *project,
                      gint64         id)
{
  SpProfilePagePrivate *priv = sp_profile_page_get_instance_private (self);

  g_return_if_fail (SP_IS_PROFILE_PAGE (self));

  sp_project_watch_set (&priv->project, project, G_CALLBACK (project_changed_cb), self);
  priv->id = project != NULL ? id : 0;
  SP_PROFILE_PAGE_GET_CLASS (self)->reload (self);
  if (priv->scroller != NULL)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (priv->scroller), 0);
  restore_focus (self, TRUE);
}

/* Returns: (transfer none) (nullable): the project while the page is shown */
SpProject *
sp_profile_page_get_project (SpProfilePage *self)
{
  SpProfilePagePrivate *priv = sp_profile_page_get_instance_private (self);

  g_return_val_if_fail (SP_IS_PROFILE_PAGE (self), NULL);
  return priv->project;
}

/* Returns: the actor or issue asked for, 0 while the page holds no project */
gint64
sp_profile_page_get_id (SpProfilePage *self)
{
  SpProfilePagePrivate *priv = sp_profile_page_get_instance_private (self);

  g_return_val_if_fail (SP_IS_PROFILE_PAGE (self), 0);
  return priv->id;
}

/* Returns: whether the page may edit: it holds a project, and the codebook view it is in (if
 * any) is editable. The page itself knows whether what it shows was found. */
gboolean
sp_profile_page_get_editable (SpProfilePage *self)
{
  SpProfilePagePrivate *priv = sp_profile_page_get_instance_private (self);
  GtkWidget *view;

  g_return_val_if_fail (SP_IS_PROFILE_PAGE (self), FALSE);

  view = gtk_widget_get_ancestor (GTK_WIDGET (self), SP_TYPE_CODEBOOK_VIEW);
  return priv->project != NULL &&
         (view == NULL || sp_codebook_view_get_editable (SP_CODEBOOK_VIEW (view)));
}

/**
 * sp_profile_page_set_parts:
 * @back_button: where the keyboard enters the page
 * @scroller: what scrolls back to the top when the page shows something else
 *
 * For the subclass's init, after its template: both are its template children.
 */
void
sp_profile_page_set_parts (SpProfilePage     *self,
                           GtkWidget         *back_button,
                           GtkScrolledWindow *scroller)
{
  SpProfilePagePrivate *priv = sp_profile_page_get_instance_private (self);

  g_return_if_fail (SP_IS_PROFILE_PAGE (self));
  g_return_if_fail (GTK_IS_WIDGET (back_button));
  g_return_if_fail (GTK_IS_SCROLLED_WINDOW (scroller));

  priv->back_button = back_button;
  priv->scroller = scroller;
}

/**
 * sp_profile_page_lookup_failed:
 * @error: why the actor or issue could not be read
 *
 * For reload() when what the page shows is gone: deleted, or merged into another, it leaves
 * quietly for the list, which no longer holds it; any other reason is said in a toast first.
 */
void
sp_profile_page_lookup_failed (SpProfilePage *self,
                               const GError  *error)
{
  g_return_if_fail (SP_IS_PROFILE_PAGE (self));
  g_return_if_fail (error != NULL);

  if (!g_error_matches (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_NOT_FOUND))
    sp_toast_show_error (GTK_WIDGET (self), error->message);
  gtk_widget_activate_action (GTK_WIDGET (self), "codebook.back", NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  SpProfilePage *self = SP_PROFILE_PAGE (widget);
  GtkWindow *editor;

  if (!sp_profile_page_get_editable (self))
    return;

  editor = SP_PROFILE_PAGE_GET_CLASS (self)->create_editor (self, GTK_WINDOW (gtk_widget_get_root (widget)));
  if (editor != NULL)
    gtk_window_present (editor);
}

/* The keyboard enters the page at its Back button */
static gboolean
sp_profile_page_grab_focus (GtkWidget *widget)
{
  SpProfilePagePrivate *priv = sp_profile_page_get_instance_private (SP_PROFILE_PAGE (widget));

  if (priv->back_button == NULL)
    return FALSE;
  return gtk_widget_grab_focus (priv->back_button);
}

/* The subclass disposes its template before chaining up */
static void
sp_profile_page_dispose (GObject *object)
{
  SpProfilePage *self = (SpProfilePage *)object;
  SpProfilePagePrivate *priv = sp_profile_page_get_instance_private (self);
  GtkWidget *child;

  sp_project_watch_clear (&priv->project, self);
  priv->back_button = NULL;
  priv->scroller = NULL;
  /* Template children without an id are not cleared by dispose_template() in GTK 4.8 */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (sp_profile_page_parent_class)->dispose (object);
}

static void
sp_profile_page_class_init (SpProfilePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_profile_page_dispose;
  widget_class->grab_focus = sp_profile_page_grab_focus;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  /* Enabled by the page: only while it shows something it may edit */
  gtk_widget_class_install_action (widget_class, "profile.edit", NULL, edit_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "profile.edit", NULL);
}

static void
sp_profile_page_init (SpProfilePage *self)
{
}
