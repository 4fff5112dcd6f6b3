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
Result<std::string> random_package_id();

// Size and SHA-256 of a file on disk.
Result<PackageFile> describe_file(std::string name, const std::filesystem::path& path);

// Writes `out` (through a temporary file beside it, renamed at the end: a failed write leaves no
// partial package): the files, then the manifest text as given and its signature.
Status write_package(const std::filesystem::path& out, const std::vector<PackageFile>& files,
                     const std::string& manifest_json, const std::string& key);

struct PackageLimits {
  std::uint64_t manifest_bytes = 1u << 20;
  std::uint64_t file_bytes = 512ull << 20;  // each data file, inflated
  std::size_t files = 16;
};

// What the manifest says, once its signature is checked.
struct VerifiedPackage {
  std::string manifest_json;
  std::vector<PackageFile> files;  // name, bytes, sha256 as listed (no path yet)
};

// Checks a package without extracting anything: the manifest's signature under `key` first
// (nothing else is trusted before it), then that the zip holds exactly the members the manifest
// lists, each once, within the limits. An error names the member and the reason.
Result<VerifiedPackage> verify_package(const std::filesystem::path& zip, const std::string& key,
                                       const PackageLimits& limits = {});

struct OpenedPackage {
  std::vector<PackageFile> files;   // extracted under the work directory, each checked
  std::filesystem::path directory;  // holds them; the caller removes it
};

// Extracts the verified package's files into a new directory under `work_dir`, each checked
// against its size (reading stops when a file runs longer) and SHA-256. On any failure nothing
// is left.
Result<OpenedPackage> extract_package(const std::filesystem::path& zip,
                                      const VerifiedPackage& verified,
                                      const std::filesystem::path& work_dir);

}  // namespace gongshi
