/* kns-store-dashboard.c — what teacher mode reads about a class
 *
 * Copyright 2026 The Kỹ năng số authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dashboard is for the teacher in front of the class, so it reads
 * per-learner rows; it never leaves the computer. Reports read tallies.
 */

#define G_LOG_DOMAIN "kns-store"

#include "kns-config.h"

#include "kns-store-private.h"

static void
question_stat_free (gpointer data)
{
  KnsQuestionStat *stat = data;

  g_free (stat->lesson_id);
  g_free (stat->question_id);
  g_free (stat);
}

/**
 * kns_store_list_question_stats:
 * @class_label: the class whose current learners count
 *
 * Counts, for every question the class has answered, the answers and the
 * wrong ones, across all their attempts.
 *
 * Returns: (transfer full) (element-type KnsQuestionStat): the counts,
 *   most often wrong first
 */
GPtrArray *
kns_store_list_question_stats (KnsStore    *self,
                               const char  *class_label,
                               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) stats = NULL;
  int rc;

  g_return_val_if_fail (KNS_IS_STORE (self), NULL);
  g_return_val_if_fail (class_label != NULL, NULL);

  stmt = kns_store_prepare (self,
                            "SELECT a.lesson_id, n.question_id, COUNT (*), SUM (1 - n.correct) "
                            "FROM answer n "
                            "JOIN attempt a ON a.id = n.attempt_id "
                            "JOIN learner l ON l.id = a.learner_id "
                            "WHERE l.kind = 0 AND l.archived = 0 AND l.class_label = ? "
                            "GROUP BY a.lesson_id, n.question_id "
                            "ORDER BY 4 DESC, 3 DESC, 1, 2",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, class_label, -1, SQLITE_TRANSIENT);

  stats = g_ptr_array_new_with_free_func (question_stat_free);
  while ((rc = kns_store_step (self, stmt, error)) == SQLITE_ROW)
    {
      KnsQuestionStat *stat = g_new0 (KnsQuestionStat, 1);

      stat->lesson_id = kns_store_column_dup (stmt, 0);
      stat->question_id = kns_store_column_dup (stmt, 1);
      stat->answered = (guint) sqlite3_column_int (stmt, 2);
      stat->wrong = (guint) sqlite3_column_int (stmt, 3);
      g_ptr_array_add (stats, stat);
    }

  return rc == SQLITE_DONE ? g_steal_pointer (&stats) : NULL;
}
