#include "atomic_file.h"

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

namespace hicm {

std::string writeFileAtomically(const std::string &path, const std::string &bytes)
{
    namespace fs = std::filesystem;
    const fs::path target(path);
    // A name no other writer of the same file uses at the same time (another process or thread).
    std::random_device random;
    std::ostringstream suffix;
    suffix << ".tmp-" << std::hex << random() << random();
    fs::path temp = target;
    temp += suffix.str();
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        if (!out)
            return "cannot write the file (is the folder there and writable?)";
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        out.flush();
        if (!out) {
            out.close();
            std::error_code ec;
            fs::remove(temp, ec);
            return "cannot write the file (is the disk full?)";
        }
    }
    std::error_code ec;
    fs::rename(temp, target, ec);
    if (ec) {
        const std::string why = ec.message();
        fs::remove(temp, ec);
        return "cannot write the file (" + why + ")";
    }
    return {};
}

}  // namespace hicm
