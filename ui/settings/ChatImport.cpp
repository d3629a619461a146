// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/ChatImport.h"

#include "app/AppContext.h"
#include "app/UserSession.h"
#include "io/ChatImporter.h"
#include "store/sqlite/Database.h"
#include "util/Sentences.h"

#include <QFileInfo>

namespace lyss {

ChatImport::ChatImport(AppContext& app, QObject* parent)
    : QObject(parent)
    , m_app(app)
{
}

bool ChatImport::looksImportable(const QString& path)
{
    const QFileInfo info(path);
    return info.isFile() && info.suffix().compare(QLatin1String("json"), Qt::CaseInsensitive) == 0;
}

Result<QString> ChatImport::run(const QString& path) const
{
    if (const QString why = m_app.readOnlyReason(); !why.isEmpty())
        return Error{tr("Chats cannot be imported: %1.").arg(why), ErrorCode::Refused};
    auto file = ChatImporter::read(path); // its errors already say nothing was imported
    if (!file)
        return file.error();
    ChatImporter importer(m_app.database(), m_app.session().userId());
    auto summary =
        importer.write(*file, [this](int done, int total) { Q_EMIT progress(done, total); });
    if (!summary)
        return Error{joinSentences(summary.errorMessage(), tr("Nothing was imported.")),
                     summary.errorCode()};
    return summary->text();
}

} // namespace lyss
