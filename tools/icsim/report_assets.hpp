#pragma once
// The files report.html carries, compiled into icsim at build time
// (tools/report/embed_assets.cmake): the charting libraries from
// tools/report/node_modules with their licences, and the report's own script
// and style sheet. icsim alone writes a complete report; it opens offline.

#include <string_view>

namespace icsim::tools {

enum class ReportAsset {
  kVegaScript,
  kVegaLiteScript,
  kVegaEmbedScript,
  kVegaLicense,
  kVegaLiteLicense,
  kVegaEmbedLicense,
  kReportScript,  // tools/report/report.js: builds the charts from the report's data
  kReportStyle,   // tools/report/report.css
};

[[nodiscard]] std::string_view report_asset(ReportAsset asset);

}  // namespace icsim::tools
