// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace lyss {

// What kind of failure an Error is, for callers that act on it (retry when busy, offer to
// sign in when unauthorised) rather than only show it.
enum class ErrorCode {
    Unknown,
    NotFound,           // the chat or message is not there (or not the person's)
    Busy,               // another writer holds the database; trying again may work
    Refused,            // a rule said no (read only, a filter, a role)
    Unauthorised,       // signing in (again) is needed
    MustChangePassword, // the password is right but an admin set it: choose a new one
    InvalidInput,       // what was given cannot be used as it is
    Io,                 // the disk, the file or the network failed
    TimedOut,           // no answer came within the time limit
};

// An error a user can meet: one sentence of what went wrong and, where we know it,
// what to do about it. Written for people, not for log files; the code is for callers.
struct Error {
    QString message;
    ErrorCode code = ErrorCode::Unknown;
};

// A value or an Error. The small result type that core/ returns wherever a user can
// meet the failure (std::expected is C++23; we target g++ 12).
template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value)
        : m_v(std::move(value))
    {
    }
    Result(Error error)
        : m_v(std::move(error))
    {
    }

    bool ok() const { return std::holds_alternative<T>(m_v); }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<T>(m_v); }
    const T& value() const& { return std::get<T>(m_v); }
    // From a temporary the value is moved out, so `for (x : *f())` never dangles.
    T value() && { return std::get<T>(std::move(m_v)); }
    T* operator->() { return &std::get<T>(m_v); }
    const T* operator->() const { return &std::get<T>(m_v); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T operator*() && { return std::move(*this).value(); }

    const Error& error() const { return std::get<Error>(m_v); }
    QString errorMessage() const { return ok() ? QString() : error().message; }
    ErrorCode errorCode() const { return ok() ? ErrorCode::Unknown : error().code; }

private:
    std::variant<T, Error> m_v;
};

// A Result with no value: success, or an Error.
template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
    {
    }

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return *m_error; }
    QString errorMessage() const { return ok() ? QString() : m_error->message; }
    ErrorCode errorCode() const { return ok() ? ErrorCode::Unknown : m_error->code; }

private:
    std::optional<Error> m_error;
};

using Status = Result<void>;

} // namespace lyss
