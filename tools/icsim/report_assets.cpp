// The paths come from tools/report/embed_assets.cmake, which also rebuilds
// this file when one of them changes.

#include "report_assets.hpp"

#include "embed.hpp"

ICSIM_EMBED("icsim_report_vega_js", ICSIM_REPORT_VEGA_JS);
ICSIM_EMBED("icsim_report_vega_lite_js", ICSIM_REPORT_VEGA_LITE_JS);
ICSIM_EMBED("icsim_report_vega_embed_js", ICSIM_REPORT_VEGA_EMBED_JS);
ICSIM_EMBED("icsim_report_vega_license", ICSIM_REPORT_VEGA_LICENSE);
ICSIM_EMBED("icsim_report_vega_lite_license", ICSIM_REPORT_VEGA_LITE_LICENSE);
ICSIM_EMBED("icsim_report_vega_embed_license", ICSIM_REPORT_VEGA_EMBED_LICENSE);
ICSIM_EMBED("icsim_report_script", ICSIM_REPORT_SCRIPT);
ICSIM_EMBED("icsim_report_style", ICSIM_REPORT_STYLE);

extern "C" {
extern const char icsim_report_vega_js_begin[], icsim_report_vega_js_end[];
extern const char icsim_report_vega_lite_js_begin[], icsim_report_vega_lite_js_end[];
extern const char icsim_report_vega_embed_js_begin[], icsim_report_vega_embed_js_end[];
extern const char icsim_report_vega_license_begin[], icsim_report_vega_license_end[];
extern const char icsim_report_vega_lite_license_begin[], icsim_report_vega_lite_license_end[];
extern const char icsim_report_vega_embed_license_begin[], icsim_report_vega_embed_license_end[];
extern const char icsim_report_script_begin[], icsim_report_script_end[];
extern const char icsim_report_style_begin[], icsim_report_style_end[];
}

namespace icsim::tools {
namespace {

std::string_view bytes(const char* begin, const char* end) {
  return {begin, static_cast<std::string_view::size_type>(end - begin)};
}

}  // namespace

std::string_view report_asset(ReportAsset asset) {
  switch (asset) {
    case ReportAsset::kVegaScript: return bytes(icsim_report_vega_js_begin, icsim_report_vega_js_end);
    case ReportAsset::kVegaLiteScript: return bytes(icsim_report_vega_lite_js_begin, icsim_report_vega_lite_js_end);
    case ReportAsset::kVegaEmbedScript: return bytes(icsim_report_vega_embed_js_begin, icsim_report_vega_embed_js_end);
    case ReportAsset::kVegaLicense: return bytes(icsim_report_vega_license_begin, icsim_report_vega_license_end);
    case ReportAsset::kVegaLiteLicense:
      return bytes(icsim_report_vega_lite_license_begin, icsim_report_vega_lite_license_end);
    case ReportAsset::kVegaEmbedLicense:
      return bytes(icsim_report_vega_embed_license_begin, icsim_report_vega_embed_license_end);
    case ReportAsset::kReportScript: return bytes(icsim_report_script_begin, icsim_report_script_end);
    case ReportAsset::kReportStyle: return bytes(icsim_report_style_begin, icsim_report_style_end);
  }
  return {};
}

}  // namespace icsim::tools
