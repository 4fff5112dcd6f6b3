#include "engine/exchange/package.hpp"

#include <sodium.h>
#include <zip.h>

#include <boost/json.hpp>
#include <fstream>
#include <map>
#include <memory>
#include <set>

#include "engine/exchange/work_files.hpp"

namespace gongshi {
namespace {

Error package_error(const std::string& zh, const std::string& en) {
  return make_error(ErrorCode::invalid_input, "数据包无效：" + zh, "package refused: " + en);
}

std::string to_hex(const unsigned char* bytes, std::size_t n) {
  std::string hex(n * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), bytes, n);
  hex.pop_back();
  return hex;
}

std::string hmac_hex(const std::string& key, const std::string& text) {
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state st;
  crypto_auth_hmacsha256_init(&st, reinterpret_cast<const unsigned char*>(key.data()), key.size());
  crypto_auth_hmacsha256_update(&st, reinterpret_cast<const unsigned char*>(text.data()),
                                text.size());
  crypto_auth_hmacsha256_final(&st, mac);
  return to_hex(mac, sizeof mac);
}

// A member name we write or accept: plain, no folders, no dot files.
bool plain_name(const std::string& name) {
  if (name.empty() || name.size() > 100 || name.front() == '.') return false;
  return name.find_first_of("/\\:") == std::string::npos;
}

struct ZipCloser {
  void operator()(zip_t* z) const {
    if (z != nullptr) zip_discard(z);
  }
};
using ZipPtr = std::unique_ptr<zip_t, ZipCloser>;

// Reads member `name` of `z` whole, refusing more than `limit` bytes (inflated).
Result<std::string> read_member(zip_t* z, const std::string& name, std::uint64_t limit) {
  zip_file_t* f = zip_fopen(z, name.c_str(), 0);
  if (f == nullptr) {
    return package_error("缺少 " + name, name + " is missing");
  }
  std::string out;
  char buf[64 * 1024];
  while (true) {
    const auto n = zip_fread(f, buf, sizeof buf);
    if (n < 0) {
      zip_fclose(f);
      return package_error(name + " 无法读取", name + " cannot be read");
    }
    if (n == 0) break;
    if (out.size() + static_cast<std::uint64_t>(n) > limit) {
      zip_fclose(f);
      return package_error(name + " 超过大小上限", name + " is over its size limit");
    }
    out.append(buf, static_cast<std::size_t>(n));
  }
  zip_fclose(f);
  return out;
}

// Streams member `file.name` to `to`, hashing as it goes; exactly `file.bytes` bytes or an error.
Status extract_checked(zip_t* z, const PackageFile& file, const std::filesystem::path& to) {
  zip_file_t* f = zip_fopen(z, file.name.c_str(), 0);
  if (f == nullptr) return package_error("缺少 " + file.name, file.name + " is missing");
  std::ofstream out(to, std::ios::binary);
  crypto_hash_sha256_state st;
  crypto_hash_sha256_init(&st);
  std::uint64_t total = 0;
  char buf[64 * 1024];
  bool failed = false;
  while (true) {
    const auto n = zip_fread(f, buf, sizeof buf);
    if (n < 0) {
      failed = true;
      break;
    }
    if (n == 0) break;
    total += static_cast<std::uint64_t>(n);
    if (total > file.bytes) break;  // longer than the manifest says: stop reading now
    crypto_hash_sha256_update(&st, reinterpret_cast<const unsigned char*>(buf),
                              static_cast<unsigned long long>(n));
    out.write(buf, n);
  }
  zip_fclose(f);
  out.close();
  if (failed || !out) return package_error(file.name + " 无法读取", file.name + " cannot be read");
  if (total != file.bytes) {
    return package_error(file.name + " 的大小与清单不符",
                         file.name + "'s size differs from the manifest");
  }
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(&st, digest);
  if (to_hex(digest, sizeof digest) != file.sha256) {
    return package_error(file.name + " 的 SHA-256 与清单不符（文件被改动）",
                         file.name + "'s SHA-256 differs from the manifest (the file was changed)");
  }
  return ok_status();
}

// The manifest's "files": name, bytes, sha256 each.
Result<std::vector<PackageFile>> listed_files(const std::string& manifest,
                                              const PackageLimits& limits) {
  boost::system::error_code ec;
  const auto json = boost::json::parse(manifest, ec);
  const auto* root = json.if_object();
  const auto* files =
      root != nullptr && root->contains("files") ? root->at("files").if_array() : nullptr;
  if (ec || files == nullptr) {
    return package_error("清单不是有效的 JSON 或缺少 files",
                         "the manifest is not JSON or has no files");
  }
  if (files->size() > limits.files) {
    return package_error("清单列出的文件过多", "the manifest lists too many files");
  }
  std::vector<PackageFile> out;
  std::set<std::string> seen;
  for (const auto& v : *files) {
    const auto* o = v.if_object();
    const auto* name = o != nullptr && o->contains("name") ? o->at("name").if_string() : nullptr;
    const auto* sha = o != nullptr && o->contains("sha256") ? o->at("sha256").if_string() : nullptr;
    const auto* bytes = o != nullptr && o->contains("bytes") ? o->at("bytes").if_int64() : nullptr;
    if (name == nullptr || sha == nullptr || bytes == nullptr || *bytes < 0) {
      return package_error("清单中的文件项应有 name、bytes、sha256",
                           "each manifest file needs name, bytes and sha256");
    }
    PackageFile f;
    f.name = std::string(*name);
    f.sha256 = std::string(*sha);
    f.bytes = static_cast<std::uint64_t>(*bytes);
    if (!plain_name(f.name) || f.name == kPackageManifest || f.name == kPackageSignature ||
        !seen.insert(f.name).second) {
      return package_error("清单中的文件名无效：" + f.name,
                           "bad file name in the manifest: " + f.name);
    }
    if (f.bytes > limits.file_bytes) {
      return package_error(f.name + " 超过大小上限", f.name + " is over its size limit");
    }
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace

Result<std::string> package_key(const char* text, std::string_view from) {
  const std::string key = text == nullptr ? "" : text;
  if (key.size() < kPackageKeyMinBytes) {
    return make_error(ErrorCode::invalid_input,
                      std::string(from) + " 未设置或短于 32 字节（数据包签名密钥）",
                      std::string(from) + " is unset or shorter than 32 bytes (the package key)");
  }
  return key;
}

Result<std::string> random_package_id() {
  if (sodium_init() < 0)
    return make_error(ErrorCode::internal, "libsodium 无法初始化", "sodium_init");
  unsigned char bytes[16];
  randombytes_buf(bytes, sizeof bytes);
  return to_hex(bytes, sizeof bytes);
}

Result<PackageFile> describe_file(std::string name, const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return make_error(ErrorCode::io_error, "无法读取 " + path.string(),
                      "cannot read " + path.string());
  }
  crypto_hash_sha256_state st;
  crypto_hash_sha256_init(&st);
  PackageFile f;
  f.name = std::move(name);
  f.path = path;
  char buf[64 * 1024];
  while (in) {
    in.read(buf, sizeof buf);
    const auto n = in.gcount();
    if (n <= 0) break;
    f.bytes += static_cast<std::uint64_t>(n);
    crypto_hash_sha256_update(&st, reinterpret_cast<const unsigned char*>(buf),
                              static_cast<unsigned long long>(n));
  }
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(&st, digest);
  f.sha256 = to_hex(digest, sizeof digest);
  return f;
}

Status write_package(const std::filesystem::path& out, const std::vector<PackageFile>& files,
                     const std::string& manifest_json, const std::string& key) {
  if (sodium_init() < 0)
    return make_error(ErrorCode::internal, "libsodium 无法初始化", "sodium_init");
  const auto io = [&](const std::string& what) {
    return make_error(ErrorCode::io_error, "无法写入数据包 " + out.string() + "：" + what,
                      "cannot write the package " + out.string() + ": " + what);
  };
  const auto parent = out.has_parent_path() ? out.parent_path() : std::filesystem::path(".");
  const auto tmp = unique_path(parent, ".gongshi-package-", ".zip");
  int err = 0;
  ZipPtr z(zip_open(tmp.c_str(), ZIP_CREATE | ZIP_EXCL, &err));
  if (!z) return io("zip_open");
  const auto add = [&](const std::string& name, zip_source_t* src) -> bool {
    if (src == nullptr) return false;
    if (zip_file_add(z.get(), name.c_str(), src, ZIP_FL_ENC_UTF_8) < 0) {
      zip_source_free(src);
      return false;
    }
    return true;
  };
  for (const auto& f : files) {
    if (!plain_name(f.name)) return io("bad member name " + f.name);
  }
  bool ok = true;
  for (const auto& f : files) {
    ok = ok && add(f.name, zip_source_file(z.get(), f.path.c_str(), 0, -1));
  }
  const std::string sig = hmac_hex(key, manifest_json);
  // The buffers must outlive zip_close: both strings live to the end of this function.
  ok = ok &&
       add(kPackageManifest,
           zip_source_buffer(z.get(), manifest_json.data(), manifest_json.size(), 0)) &&
       add(kPackageSignature, zip_source_buffer(z.get(), sig.data(), sig.size(), 0));
  if (!ok || zip_close(z.get()) != 0) {
    std::error_code ec;
    std::filesystem::remove(tmp, ec);
    return io(zip_strerror(z.get()));
  }
  (void)z.release();  // closed
  std::error_code ec;
  std::filesystem::rename(tmp, out, ec);
  if (ec) {
    std::filesystem::remove(tmp, ec);
    return io("rename");
  }
  return ok_status();
}

Result<VerifiedPackage> verify_package(const std::filesystem::path& zip, const std::string& key,
                                       const PackageLimits& limits) {
  if (sodium_init() < 0)
    return make_error(ErrorCode::internal, "libsodium 无法初始化", "sodium_init");
  int err = 0;
  ZipPtr z(zip_open(zip.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &err));
  if (!z) return package_error("不是可读的 zip 文件", "not a readable zip file");
  auto manifest = read_member(z.get(), kPackageManifest, limits.manifest_bytes);
  if (!manifest) return manifest.error();
  auto sig_member = read_member(z.get(), kPackageSignature, 256);
  if (!sig_member) return sig_member.error();
  std::string sig = std::move(sig_member).value();
  while (!sig.empty() && (sig.back() == '\n' || sig.back() == '\r')) sig.pop_back();
  const std::string expected = hmac_hex(key, *manifest);
  if (sig.size() != expected.size() ||
      sodium_memcmp(sig.data(), expected.data(), expected.size()) != 0) {
    return package_error("清单签名不符（数据包被改动，或密钥不同）",
                         "the manifest's signature does not match (the package was changed, or "
                         "the key differs)");
  }
  auto files = listed_files(*manifest, limits);
  if (!files) return files.error();
  // Every member listed, each once (a second member of the same name would travel unchecked).
  std::set<std::string> listed{kPackageManifest, kPackageSignature};
  for (const auto& f : *files) listed.insert(f.name);
  const auto entries = zip_get_num_entries(z.get(), 0);
  std::set<std::string> seen;
  for (zip_int64_t i = 0; i < entries; ++i) {
    const char* name = zip_get_name(z.get(), static_cast<zip_uint64_t>(i), 0);
    const std::string shown = name != nullptr ? name : "?";
    if (name == nullptr || listed.count(name) == 0 || !seen.insert(name).second) {
      return package_error("含有清单未列出或重复的文件 " + shown,
                           "holds a file the manifest does not list, or one twice: " + shown);
    }
  }
  if (seen.size() != listed.size()) {
    return package_error("缺少清单列出的文件", "a file the manifest lists is missing");
  }
  return VerifiedPackage{std::move(manifest).value(), std::move(files).value()};
}

Result<OpenedPackage> extract_package(const std::filesystem::path& zip,
                                      const VerifiedPackage& verified,
                                      const std::filesystem::path& work_dir) {
  int err = 0;
  ZipPtr z(zip_open(zip.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &err));
  if (!z) return package_error("不是可读的 zip 文件", "not a readable zip file");
  OpenedPackage out;
  out.directory = unique_path(work_dir, "gongshi-package-");
  std::error_code ec;
  std::filesystem::create_directories(out.directory, ec);
  if (ec) {
    return make_error(ErrorCode::io_error, "无法建立工作目录", "cannot create the work directory");
  }
  for (auto f : verified.files) {
    f.path = out.directory / f.name;
    if (auto st = extract_checked(z.get(), f, f.path); !st) {
      std::filesystem::remove_all(out.directory, ec);
      return st.error();
    }
    out.files.push_back(std::move(f));
  }
  return out;
}

}  // namespace gongshi
