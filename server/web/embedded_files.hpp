#pragma once
// The built web pages compiled into the gongshi binary (web/ built by Vite, written out as C++
// by embed_web at build time), so `gongshi serve` is one deployable file.

#include <cstddef>
#include <span>

namespace gongshi::server {

struct EmbeddedFile {
  const char* path;  // URL path, "/index.html"
  const char* data;
  std::size_t size;
};

// Empty when the build was configured without the pages (-DGONGSHI_WEB=OFF).
std::span<const EmbeddedFile> embedded_web_files();

}  // namespace gongshi::server
