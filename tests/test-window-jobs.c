/* test-window-jobs.c
 *
 * placeholder
 */
#include "config.h"
#include "sp-test-window-util.h"
int
main (int   argc,
      char *argv[])
{
  sp_test_window_init (&argc, &argv);
  return g_test_run ();
}
