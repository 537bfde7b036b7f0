#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SP_TYPE_APPLICATION (sp_application_get_type ())

G_DECLARE_FINAL_TYPE (SpApplication, sp_application, SP, APPLICATION, AdwApplication)

SpApplication *sp_application_new                   (void);
GSettings     *sp_application_get_settings          (SpApplication *self);
char          *sp_application_dup_default_project   (SpApplication *self);
void           sp_application_add_recent_project    (SpApplication *self,
                                                     const char    *path);
GStrv          sp_application_dup_recent_projects   (SpApplication *self);

G_END_DECLS
