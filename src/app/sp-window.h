#pragma once

#include <adwaita.h>

#include "sp-application.h"
#include "sp-project.h"

G_BEGIN_DECLS

#define SP_TYPE_WINDOW (sp_window_get_type ())

G_DECLARE_FINAL_TYPE (SpWindow, sp_window, SP, WINDOW, AdwApplicationWindow)

SpWindow  *sp_window_new          (SpApplication *application);
void       sp_window_open_project (SpWindow      *self,
                                   const char    *path);
SpProject *sp_window_get_project  (SpWindow      *self);

G_END_DECLS
