/* sp-profile-page.h
 *
 * What an actor's and an issue's page have in common: they hold the project only while shown,
 * read it again whenever it changes, start from the top with the keyboard on their Back button
 * and edit what they show (profile.edit, Ctrl+E) only where the codebook view allows it. The pages derive from it and
 * fill themselves in their reload().
 */
#pragma once

#include <adwaita.h>

#include "sp-project.h"

G_BEGIN_DECLS

#define SP_TYPE_PROFILE_PAGE (sp_profile_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (SpProfilePage, sp_profile_page, SP, PROFILE_PAGE, GtkWidget)

struct _SpProfilePageClass
{
  GtkWidgetClass parent_class;

  /* Empties the page and fills it from the project again (none, or id 0: only empties it) */
  void       (*reload)        (SpProfilePage *self);
  /* The dialog that edits what the page shows (profile.edit, Ctrl+E); NULL when it shows
   * nothing */
  GtkWindow *(*create_editor) (SpProfilePage *self,
                               GtkWindow     *parent);
};

void       sp_profile_page_show          (SpProfilePage     *self,
                                          SpProject         *project,
                                          gint64             id);
SpProject *sp_profile_page_get_project   (SpProfilePage     *self);
gint64     sp_profile_page_get_id        (SpProfilePage     *self);
gboolean   sp_profile_page_get_editable  (SpProfilePage     *self);
void       sp_profile_page_set_parts     (SpProfilePage     *self,
                                          GtkWidget         *back_button,
                                          GtkScrolledWindow *scroller);
void       sp_profile_page_lookup_failed (SpProfilePage     *self,
                                          const GError      *error);

G_END_DECLS
