// Paths to the test data, passed in by CMake (never relative to the working directory).
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <unistd.h>

namespace hicm::test {

inline const std::string kFrameworkFile = HICM_FRAMEWORK_FILE;
inline const std::string kFrameworkDir = HICM_FRAMEWORK_DIR;
inline const std::string kTestDataDir = HICM_TEST_DATA_DIR;
inline const std::string kFixturesDir = HICM_FIXTURES_DIR;

inline std::string readFile(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline void writeFile(const std::string &path, const std::string &bytes)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
}

// A fresh, empty directory under the system's temp folder, removed when the object goes.
class TempDir {
public:
    explicit TempDir(const std::string &tag = "hicm")
    {
        auto base = std::filesystem::temp_directory_path();
        for (int i = 0;; ++i) {
            m_path = base / (tag + "-" + std::to_string(::getpid()) + "-" + std::to_string(i));
            if (std::filesystem::create_directory(m_path))
                break;
        }
    }
    ~TempDir()
    {
        std::error_code ec;
        std::filesystem::permissions(m_path, std::filesystem::perms::owner_all, std::filesystem::perm_options::add, ec);
        std::filesystem::remove_all(m_path, ec);
    }
    TempDir(const TempDir &) = delete;
    TempDir &operator=(const TempDir &) = delete;
    std::string path() const { return m_path.string(); }
    std::string file(const std::string &name) const { return (m_path / name).string(); }

private:
    std::filesystem::path m_path;
};

}  // namespace hicm::test
