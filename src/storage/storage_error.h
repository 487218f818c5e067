// What the storage layer returns instead of throwing or printing: a value, or an error that names the
// file and the reason in words a user can act on.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace hicm::storage {

struct StorageError {
    enum class Kind {
        NotAWorkspace,  // not SQLite, empty, or another program's database
        Corrupt,        // truncated or damaged; never modified
        TooNew,         // written by a newer version of HICM Assess
        ReadOnly,       // the workspace is open read-only; edits are refused
        Busy,           // another program kept the workspace locked for too long
        NotFound,       // no such assessment, partner, action …
        InvalidInput,   // an unknown feature, level, metric; a duplicate partner …
        Io,             // the file or its folder cannot be read or written
        Final,          // the assessment is final: locked against edits until it is reopened
    };
    Kind kind = Kind::Io;
    std::string file;     // the workspace's path as given
    std::string message;  // the reason, without the file name

    // "FILE: message"
    std::string toString() const { return file.empty() ? message : file + ": " + message; }
};

// A value or a StorageError. Result<Done> (alias Status) is used for edits that return nothing.
template <typename T>
class Result {
public:
    Result(T value) : m_v(std::move(value)) {}  // NOLINT: implicit on purpose
    Result(StorageError error) : m_v(std::move(error)) {}  // NOLINT

    bool ok() const { return std::holds_alternative<T>(m_v); }
    explicit operator bool() const { return ok(); }

    T &value() { return std::get<T>(m_v); }
    const T &value() const { return std::get<T>(m_v); }
    T &operator*() { return value(); }
    const T &operator*() const { return value(); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }

    const StorageError &error() const { return std::get<StorageError>(m_v); }

private:
    std::variant<T, StorageError> m_v;
};

struct Done {};
using Status = Result<Done>;

}  // namespace hicm::storage
