// The build without pages (-DGONGSHI_WEB=OFF): `gongshi serve` answers the API only, or serves
// the pages of a --web directory.
#include "server/web/embedded_files.hpp"

namespace gongshi::server {

std::span<const EmbeddedFile> embedded_web_files() {
  return {};
}

}  // namespace gongshi::server
