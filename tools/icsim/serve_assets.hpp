#pragma once
// The what-if page (tools/serve/page.html, page.js, page.css), compiled into
// icsim at build time: icsim serve needs no files but the scenarios.

#include <string_view>

namespace icsim::tools {

enum class ServeAsset { kPage, kScript, kStyle };

[[nodiscard]] std::string_view serve_asset(ServeAsset asset);

}  // namespace icsim::tools
