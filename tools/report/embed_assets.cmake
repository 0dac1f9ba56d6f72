# report.html is one self-contained file: the icsim binary carries everything
# it needs. This file, included from tools/CMakeLists.txt, compiles into icsim
#   - the Vega, Vega-Lite and vega-embed browser bundles and their licences,
#     read from tools/report/node_modules (pinned in package-lock.json), and
#   - the report's own script and style sheet (tools/report/report.js, .css),
# with the assembler's .incbin (tools/icsim/report_assets.cpp): no generated
# source, so embedding 1 MB of JavaScript costs the compiler nothing.
#
# node_modules is installed by ./setup.sh. When it is missing, or was installed
# from another package-lock.json, configuring runs `npm ci` here, and changing
# package-lock.json (or deleting node_modules) configures again.

set(ICSIM_REPORT_DIR ${CMAKE_CURRENT_LIST_DIR})
set(_report_modules ${ICSIM_REPORT_DIR}/node_modules)
set(_report_lock ${ICSIM_REPORT_DIR}/package-lock.json)
# npm ci empties node_modules; this copy of the lock file, made after it, says
# which lock file node_modules was installed from (setup.sh writes it too).
set(_report_installed_lock ${_report_modules}/.icsim-package-lock.json)

file(SHA256 ${_report_lock} _report_lock_hash)
set(_report_installed_hash "")
if(EXISTS ${_report_installed_lock})
  file(SHA256 ${_report_installed_lock} _report_installed_hash)
endif()
if(NOT _report_lock_hash STREQUAL _report_installed_hash)
  find_program(ICSIM_NPM npm)
  if(NOT ICSIM_NPM)
    message(FATAL_ERROR
      "report.html needs the charting libraries in tools/report/node_modules, which is missing or out of date, "
      "and npm is not installed. Run ./setup.sh (it installs nodejs and npm and runs npm ci), or: "
      "apt-get install nodejs npm && (cd tools/report && npm ci)")
  endif()
  message(STATUS "report.html: npm ci in ${ICSIM_REPORT_DIR}")
  execute_process(COMMAND ${ICSIM_NPM} ci --ignore-scripts --no-audit --no-fund
                  WORKING_DIRECTORY ${ICSIM_REPORT_DIR} RESULT_VARIABLE _report_npm_status)
  if(NOT _report_npm_status EQUAL 0)
    message(FATAL_ERROR "report.html: npm ci in ${ICSIM_REPORT_DIR} failed (exit ${_report_npm_status}); "
                        "it needs the npm registry once. Run ./setup.sh, or npm ci there by hand.")
  endif()
  file(COPY_FILE ${_report_lock} ${_report_installed_lock})
endif()
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${_report_lock} ${_report_installed_lock})

# NAME=FILE for each embedded file; report_assets.cpp knows the names.
set(_report_assets
  ICSIM_REPORT_VEGA_JS=${_report_modules}/vega/build/vega.min.js
  ICSIM_REPORT_VEGA_LITE_JS=${_report_modules}/vega-lite/build/vega-lite.min.js
  ICSIM_REPORT_VEGA_EMBED_JS=${_report_modules}/vega-embed/build/vega-embed.min.js
  ICSIM_REPORT_VEGA_LICENSE=${_report_modules}/vega/LICENSE
  ICSIM_REPORT_VEGA_LITE_LICENSE=${_report_modules}/vega-lite/LICENSE
  ICSIM_REPORT_VEGA_EMBED_LICENSE=${_report_modules}/vega-embed/LICENSE
  ICSIM_REPORT_SCRIPT=${ICSIM_REPORT_DIR}/report.js
  ICSIM_REPORT_STYLE=${ICSIM_REPORT_DIR}/report.css)
set(_report_definitions "")
set(_report_files "")
foreach(asset IN LISTS _report_assets)
  string(REGEX MATCH "^([A-Z_]+)=(.*)$" _ "${asset}")
  set(_name "${CMAKE_MATCH_1}")
  set(_file "${CMAKE_MATCH_2}")
  if(NOT EXISTS "${_file}")
    message(FATAL_ERROR "report.html: ${_file} is missing. Run ./setup.sh, or (cd tools/report && npm ci).")
  endif()
  if(_file MATCHES "[\"\\\\]")
    message(FATAL_ERROR "report.html: cannot embed ${_file}: its path holds a quote or a backslash")
  endif()
  list(APPEND _report_definitions "${_name}=\"${_file}\"")
  list(APPEND _report_files "${_file}")
endforeach()
# Only report_assets.cpp sees the paths, and it is rebuilt when a file changes
# (the compiler's own dependency list does not follow .incbin).
set_source_files_properties(${CMAKE_CURRENT_SOURCE_DIR}/icsim/report_assets.cpp PROPERTIES
  COMPILE_DEFINITIONS "${_report_definitions}"
  OBJECT_DEPENDS "${_report_files}")
