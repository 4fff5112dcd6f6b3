#pragma once
// 方式三 (seed 002), the offline package: a zip of data files, a manifest (manifest.json) that
// names each with its size and SHA-256, and the manifest's HMAC-SHA-256 (manifest.sig, hex) under a
// key the operator holds. Written and checked here; what the files hold and the manifest's other
// fields are the caller's (engine/service/package_service).

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model/result.hpp"

namespace gongshi {

inline constexpr const char* kPackageManifest = "manifest.json";
inline constexpr const char* kPackageSignature = "manifest.sig";
inline constexpr std::size_t kPackageKeyMinBytes = 32;

// One data file of a package: its name inside the zip (plain: no folders) and where it is on disk.
struct PackageFile {
  std::string name;
  std::filesystem::path path;
  std::uint64_t bytes = 0;
  std::string sha256;  // lower-case hex
};

// The operator's key as given (e.g. GONGSHI_PACKAGE_KEY): at least 32 bytes, else an error that
// says so. `from` names where it came from, for the message.
Result<std::string> package_key(const char* text, std::string_view from);

// A new package's id: 32 random hex digits.
std::string random_package_id();

// Size and SHA-256 of a file on disk.
Result<PackageFile> describe_file(std::string name, const std::filesystem::path& path);

// Writes `out` (through a temporary file beside it, renamed at the end: a failed write leaves no
// partial package): the files, then the manifest text as given and its signature.
Status write_package(const std::filesystem::path& out, const std::vector<PackageFile>& files,
                     const std::string& manifest_json, const std::string& key);

struct OpenedPackage {
  std::string manifest_json;        // verified
  std::vector<PackageFile> files;   // extracted under the work directory, each verified
  std::filesystem::path directory;  // holds them; the caller removes it
};

struct PackageLimits {
  std::uint64_t manifest_bytes = 1u << 20;
  std::uint64_t file_bytes = 512ull << 20;  // each data file, inflated
  std::size_t files = 16;
};

// Opens and checks a package: the manifest's signature under `key` first (nothing else is
// trusted before it), then every file the manifest lists — present, of the size it says, with
// its SHA-256 — and no member it does not list. The files are extracted into a new directory
// under `work_dir`. Any failure is an error naming the member and the reason; nothing is left.
Result<OpenedPackage> open_package(const std::filesystem::path& zip,
                                   const std::filesystem::path& work_dir, const std::string& key,
                                   const PackageLimits& limits = {});

}  // namespace gongshi
