#pragma once
// What to call a checkpoint folder in titles, menus and figures: its folder name, except for a
// Hugging Face cache snapshot (…/models--org--name/snapshots/<commit>), which is called by its
// model id ("org/name") rather than by a commit hash.
#include <QString>

namespace as::ui {

QString model_display_name(const QString& dir);

}  // namespace as::ui
