/* sp-project-watch.h
 *
 * How a view holds the project it shows: a reference, and its "changed" handler connected
 * while it holds it, so that a view given another project (or none) stops hearing the old one.
 */
#pragma once

#include "sp-project.h"

G_BEGIN_DECLS

gboolean sp_project_watch_set   (SpProject **watched,
                                 SpProject  *project,
                                 GCallback   changed_cb,
                                 gpointer    owner);
void     sp_project_watch_clear (SpProject **watched,
                                 gpointer    owner);

G_END_DECLS
