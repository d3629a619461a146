// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <vector>

namespace lyss::bench {

// Message texts with a natural word distribution (Zipf-like over a fixed vocabulary,
// the same for every run), plus one rare word ("xylophone") in exactly one message.
struct Corpus {
    std::vector<QString> texts;
    explicit Corpus(int n);
};

// The corpus as an Open WebUI export: chats of `perChat` messages each, one branch,
// titled "Chat N".
QByteArray openWebUiExport(const Corpus& corpus, int perChat);

} // namespace lyss::bench
