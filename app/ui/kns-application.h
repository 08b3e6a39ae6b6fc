/* kns-application.h
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

G_BEGIN_DECLS

#define KNS_TYPE_APPLICATION (kns_application_get_type ())

G_DECLARE_FINAL_TYPE (KnsApplication, kns_application, KNS, APPLICATION, AdwApplication)

KnsApplication *kns_application_new             (void);
const char     *kns_application_get_content_dir (KnsApplication *self);

G_END_DECLS
