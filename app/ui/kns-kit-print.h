/* kns-kit-print.h — saving the session kit's PDFs from the window
 *
 * Copyright 2026 The Kỹ năng số authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "kns-course.h"
#include "kns-kit-pdf.h"
#include "kns-store.h"

G_BEGIN_DECLS

void       kns_kit_save_pdf                  (GtkWidget   *widget,
                                              GBytes      *pdf,
                                              const char  *file_name);
GBytes    *kns_kit_plan_pdf                  (KnsPlan     *plan,
                                              KnsCourse   *course,
                                              GError     **error);
GBytes    *kns_kit_parents_pdf               (KnsCourse   *course,
                                              KnsStore    *store,
                                              guint        pass_mark,
                                              GError     **error);
GPtrArray *kns_kit_parent_tips               (KnsTier     *tier);
char      *kns_kit_describe_progress         (KnsCourse   *course,
                                              KnsStore    *store,
                                              const KnsLearner *learner,
                                              guint        pass_mark,
                                              gboolean    *finished);
gboolean   kns_kit_tier_finished             (KnsTier     *tier,
                                              KnsStore    *store,
                                              gint64       learner_id,
                                              guint        pass_mark);
GtkWidget *kns_kit_certificate_dialog_new    (GtkWindow   *parent,
                                              KnsTier     *tier,
                                              const char  *school);
void       kns_kit_save_poster               (GtkWidget   *widget,
                                              KnsTier     *tier,
                                              const char  *school);

G_END_DECLS
