/* sp-issue-profile-private.h
 *
 * What sp-issue-profile.c (the page) and sp-issue-profile-timeline.c (its timeline: a drawn
 * chart of claims per month and the claims listed by month) share.
 */
#pragma once

#include "sp-issue-profile.h"

G_BEGIN_DECLS

/* The claims of one month on the issue, by side */
typedef struct
{
  int   year;
  int   month;      /* 1 … 12 */
  guint n_for;
  guint n_against;
  guint n_neutral;
} SpTimelineMonth;

GArray *_sp_issue_timeline_count     (GListModel     *claims,
                                      guint          *n_undated);
void    _sp_issue_timeline_draw_cb   (GtkDrawingArea *area,
                                      cairo_t        *cr,
                                      int             width,
                                      int             height,
                                      gpointer        months);
char   *_sp_issue_timeline_describe  (GArray         *months);
void    _sp_issue_timeline_fill_list (GtkBox         *box,
                                      GListModel     *claims);

G_END_DECLS
