// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/Message.h"

#include <array>
#include <utility>

namespace lyss {

namespace {
template <typename E, std::size_t N>
std::optional<E> lookup(const std::array<std::pair<E, const char*>, N>& table, const QString& name)
{
    for (const auto& [value, text] : table) {
        if (name == QLatin1String(text))
            return value;
    }
    return std::nullopt;
}

template <typename E, std::size_t N>
QString nameOf(const std::array<std::pair<E, const char*>, N>& table, E value)
{
    for (const auto& [v, text] : table) {
        if (v == value)
            return QLatin1String(text);
    }
    return {};
}

constexpr std::array<std::pair<Role, const char*>, 4> kRoles{{
    {Role::System, "system"},
    {Role::User, "user"},
    {Role::Assistant, "assistant"},
    {Role::Tool, "tool"},
}};

constexpr std::array<std::pair<MessageStatus, const char*>, 5> kStatuses{{
    {MessageStatus::Streaming, "streaming"},
    {MessageStatus::Complete, "complete"},
    {MessageStatus::Error, "error"},
    {MessageStatus::Cancelled, "cancelled"},
    {MessageStatus::Interrupted, "interrupted"},
}};
} // namespace

QString roleName(Role role)
{
    return nameOf(kRoles, role);
}

std::optional<Role> roleFromName(const QString& name)
{
    return lookup(kRoles, name);
}

QString statusName(MessageStatus status)
{
    return nameOf(kStatuses, status);
}

std::optional<MessageStatus> statusFromName(const QString& name)
{
    return lookup(kStatuses, name);
}

} // namespace lyss
