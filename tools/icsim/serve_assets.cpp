// The what-if page's own files (tools/serve), compiled into icsim; the build
// (tools/CMakeLists.txt) passes their paths and rebuilds this file when one
// changes.

#include "serve_assets.hpp"

#include "embed.hpp"

ICSIM_EMBED("icsim_serve_page", ICSIM_SERVE_PAGE);
ICSIM_EMBED("icsim_serve_script", ICSIM_SERVE_SCRIPT);
ICSIM_EMBED("icsim_serve_style", ICSIM_SERVE_STYLE);

extern "C" {
extern const char icsim_serve_page_begin[], icsim_serve_page_end[];
extern const char icsim_serve_script_begin[], icsim_serve_script_end[];
extern const char icsim_serve_style_begin[], icsim_serve_style_end[];
}

namespace icsim::tools {

std::string_view serve_asset(ServeAsset asset) {
  const auto bytes = [](const char* begin, const char* end) {
    return std::string_view(begin, static_cast<std::size_t>(end - begin));
  };
  switch (asset) {
    case ServeAsset::kPage: return bytes(icsim_serve_page_begin, icsim_serve_page_end);
    case ServeAsset::kScript: return bytes(icsim_serve_script_begin, icsim_serve_script_end);
    case ServeAsset::kStyle: return bytes(icsim_serve_style_begin, icsim_serve_style_end);
  }
  return {};
}

}  // namespace icsim::tools
