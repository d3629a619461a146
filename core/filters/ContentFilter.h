// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "filters/Filter.h"

namespace lyss {

// Built in, after Open WebUI's own example: a list of words this installation does not
// allow. Inlet refuses a message holding one (and says which); outlet masks them in the
// reply with asterisks. Valves: "words" (a list), "whole_words", "case_sensitive".
class ContentFilter : public Filter {
    Q_OBJECT

public:
    static constexpr const char* kId = "content";
    using Filter::Filter;

    FilterInfo info() const override;
    void call(FilterHook hook, const QJsonObject& payload, Done done) override;
};

} // namespace lyss
