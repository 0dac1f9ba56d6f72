// icsim serve: the what-if page. A commissioner picks a shipped scenario,
// moves sliders, runs, and sees the what-if against the scenario (report.html
// in the page), then downloads the what-if's YAML and the workbook. Local
// only unless --host says otherwise.

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <icsim/engine/replication_runner.hpp>
#include <icsim/scenario/load.hpp>
#include <icsim/scenario/what_if.hpp>

#include "commands.hpp"
#include "report_assets.hpp"
#include "serve_assets.hpp"
#include "serve_catalogue.hpp"
#include "serve_levers.hpp"
#include "serve_runs.hpp"

namespace icsim::tools {
namespace {

using Json = nlohmann::ordered_json;

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string scenarios = "scenarios";
  int threads = engine::default_threads();
  int max_replications = 20;
  int max_waiting = 8;
  int time_limit = 600;
};

void send_json(httplib::Response& res, const Json& body, int status = 200) {
  res.status = status;
  res.set_content(body.dump(), "application/json");
}

void send_error(httplib::Response& res, int status, const std::string& message, const Json& details = nullptr) {
  Json body{{"error", message}};
  if (!details.is_null()) body["diagnostics"] = details;
  send_json(res, body, status);
}

const char* state_name(RunStatus::State state) {
  switch (state) {
    case RunStatus::State::kQueued: return "queued";
    case RunStatus::State::kRunning: return "running";
    case RunStatus::State::kDone: return "done";
    case RunStatus::State::kFailed: return "failed";
  }
  return "unknown";
}

// A short account of what moved, for the what-if's name.
std::string what_moved(const std::vector<Lever>& levers, const std::map<std::string, double>& positions) {
  std::string moved;
  for (const Lever& l : levers) {
    const auto it = positions.find(l.id);
    if (it == positions.end() || it->second == l.value) continue;
    char value[32];
    std::snprintf(value, sizeof value, "%g", it->second);
    std::string label = l.group == "Capacity" ? l.label : l.id;
    std::replace_if(label.begin(), label.end(), [](char c) { return c == '.' || c == '_'; }, ' ');
    moved += (moved.empty() ? "" : ", ") + label + " " + value + (l.unit == "%" ? "%" : "");
  }
  return moved.empty() ? "as the scenario" : moved;
}

class Server {
 public:
  Server(const ServeOptions& o, const ScenarioCatalogue& catalogue)
      : catalogue_(catalogue),
        runs_(RunLimits{o.max_replications, static_cast<std::size_t>(o.max_waiting), std::chrono::seconds(o.time_limit),
                        16, o.threads}) {}

  void routes(httplib::Server& http) {
    http.Get("/", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(std::string(serve_asset(ServeAsset::kPage)), "text/html; charset=utf-8");
    });
    http.Get("/page.js", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(std::string(serve_asset(ServeAsset::kScript)), "text/javascript; charset=utf-8");
    });
    http.Get("/page.css", [](const httplib::Request&, httplib::Response& res) {
      const std::string css = std::string(report_asset(ReportAsset::kReportStyle)) + "\n" +
                              std::string(serve_asset(ServeAsset::kStyle));
      res.set_content(css, "text/css; charset=utf-8");
    });
    http.Get("/api/scenarios", [this](const httplib::Request&, httplib::Response& res) { list(res); });
    http.Get("/api/levers", [this](const httplib::Request& req, httplib::Response& res) { levers(req, res); });
    http.Post("/api/runs", [this](const httplib::Request& req, httplib::Response& res) { submit(req, res); });
    http.Get(R"(/api/runs/([0-9]{1,12}))",
             [this](const httplib::Request& req, httplib::Response& res) { status(req.matches[1], res); });
    http.Get(R"(/api/runs/([0-9]{1,12})/(report\.html|results\.xlsx|what-if\.yaml))",
             [this](const httplib::Request& req, httplib::Response& res) { file(req.matches[1], req.matches[2], res); });
  }

 private:
  void list(httplib::Response& res) const {
    Json scenarios = Json::array();
    for (const auto& e : catalogue_.entries()) scenarios.push_back({{"id", e.id}, {"name", e.name}});
    send_json(res, {{"scenarios", scenarios}, {"max_replications", runs_.limits().max_replications}});
  }

  // The scenario asked for by id, freshly read (so edits to it are seen), or an error sent.
  const CatalogueEntry* scenario(const std::string& id, httplib::Response& res) const {
    const CatalogueEntry* entry = catalogue_.find(id);
    if (entry == nullptr) send_error(res, 404, "no scenario \"" + id + "\": GET /api/scenarios lists them");
    return entry;
  }

  void levers(const httplib::Request& req, httplib::Response& res) const {
    const CatalogueEntry* entry = scenario(req.get_param_value("scenario"), res);
    if (entry == nullptr) return;
    const auto spec = scenario::load_scenario(entry->file.string());
    Json levers = Json::array();
    for (const Lever& l : scenario_levers(spec, entry->file.string()))
      levers.push_back({{"id", l.id}, {"group", l.group}, {"label", l.label}, {"unit", l.unit}, {"min", l.min},
                        {"max", l.max}, {"step", l.step}, {"value", l.value}});
    send_json(res, {{"scenario", entry->id},
                    {"name", spec.name},
                    {"years", {spec.start_year, spec.start_year + spec.years - 1}},
                    {"replications", std::min(spec.replications, runs_.limits().max_replications)},
                    {"levers", levers}});
  }

  void submit(const httplib::Request& req, httplib::Response& res) {
    Json body;
    try {
      body = Json::parse(req.body);
    } catch (const Json::parse_error& e) {
      return send_error(res, 400, std::string("the request is not JSON: ") + e.what());
    }
    if (!body.is_object() || !body.contains("scenario") || !body["scenario"].is_string())
      return send_error(res, 400, "the request needs \"scenario\": the id of a scenario from GET /api/scenarios");
    const CatalogueEntry* entry = scenario(body["scenario"].get<std::string>(), res);
    if (entry == nullptr) return;
    const int most = runs_.limits().max_replications;
    const Json replications = body.value("replications", Json(2));
    if (!replications.is_number_integer() || replications.get<int>() < 2 || replications.get<int>() > most)
      return send_error(res, 400, "\"replications\" must be a whole number from 2 to " + std::to_string(most));
    std::map<std::string, double> positions;
    const Json moved = body.value("levers", Json::object());
    if (!moved.is_object()) return send_error(res, 400, "\"levers\" must map lever ids to numbers");
    for (const auto& [id, value] : moved.items()) {
      if (!value.is_number()) return send_error(res, 400, "lever \"" + id + "\" must be a number");
      positions[id] = value.get<double>();
    }

    WhatIfRun run;
    run.scenario_id = entry->id;
    run.replications = replications.get<int>();
    run.baseline = scenario::load_scenario(entry->file.string());
    const auto levers = scenario_levers(run.baseline, entry->file.string());
    std::vector<scenario::WhatIfValue> values;
    try {
      values = lever_values(run.baseline, levers, positions);
    } catch (const BadLever& e) {
      return send_error(res, 400, e.what());
    }
    const std::string name = run.baseline.name + ", what-if: " + what_moved(levers, positions);
    const std::string base = entry->file.filename().string();
    run.what_if_yaml = scenario::what_if_yaml(
        entry->file.string(), base, name, values,
        "A what-if made with icsim serve from scenarios/" + entry->id + ".\nSave it next to " + base +
            " (in scenarios/" + std::filesystem::path(entry->id).parent_path().generic_string() +
            ") and run it:\n  icsim run scenarios/" +
            (std::filesystem::path(entry->id).parent_path() / "what-if.yaml").generic_string());
    // Run the very file offered for download, as if saved beside the scenario.
    try {
      run.what_if = scenario::load_scenario_text((entry->file.parent_path() / "what-if.yaml").string(), run.what_if_yaml);
    } catch (const scenario::ScenarioError& e) {
      Json details = Json::array();
      for (const auto& d : e.diagnostics()) details.push_back(d.message);
      return send_error(res, 400, "these lever positions do not make a valid scenario", details);
    }
    try {
      const std::string id = runs_.submit(std::move(run));
      send_json(res, {{"id", id}}, 202);
    } catch (const QueueFull& e) {
      res.set_header("Retry-After", "30");
      send_error(res, 429, e.what());
    }
  }

  void status(const std::string& id, httplib::Response& res) const {
    const auto s = runs_.status(id);
    if (!s) return send_error(res, 404, "no run " + id + " (finished runs are kept for a while, then forgotten)");
    Json body{{"id", id}, {"state", state_name(s->state)}, {"ahead", s->ahead}, {"done", s->done},
              {"total", s->total}, {"seconds", s->seconds}};
    if (s->state == RunStatus::State::kFailed) body["error"] = s->error;
    send_json(res, body);
  }

  void file(const std::string& id, const std::string& name, httplib::Response& res) const {
    const auto bytes = runs_.file(id, name);
    if (!bytes) return send_error(res, 404, "run " + id + " has no " + name + " (yet)");
    if (name == "report.html") return res.set_content(*bytes, "text/html; charset=utf-8");
    res.set_header("Content-Disposition", "attachment; filename=\"" + name + "\"");
    res.set_content(*bytes, name == "what-if.yaml" ? "application/yaml; charset=utf-8"
                                                   : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  }

  const ScenarioCatalogue& catalogue_;
  RunQueue runs_;
};

httplib::Server* serving = nullptr;

int serve(const ServeOptions& o) {
  std::optional<ScenarioCatalogue> catalogue;
  try {
    catalogue.emplace(o.scenarios);
  } catch (const std::invalid_argument& e) {
    std::fprintf(stderr, "icsim: error: %s\n", e.what());
    return 2;
  }
  Server server(o, *catalogue);
  httplib::Server http;
  // httplib's default also sets SO_REUSEPORT, which lets a second server share a
  // port in use without a word; an address in use must be an error.
  http.set_socket_options([](socket_t sock) {
    const int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  http.set_payload_max_length(64 * 1024);
  http.set_read_timeout(10);
  http.set_write_timeout(30);
  server.routes(http);
  http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr failure) {
    try {
      std::rethrow_exception(failure);
    } catch (const scenario::ScenarioError& e) {
      send_error(res, 500, std::string("the scenario no longer loads: ") + e.what());
    } catch (const std::exception& e) {
      send_error(res, 500, e.what());
    }
  });
  http.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    send_error(res, res.status, res.status == 404 ? "nothing at " + req.path : "the request could not be served");
  });

  const int port = o.port == 0 ? http.bind_to_any_port(o.host) : (http.bind_to_port(o.host, o.port) ? o.port : -1);
  if (port <= 0) {
    std::fprintf(stderr, "icsim: error: cannot listen on %s:%d (in use, or not an address of this machine)\n",
                 o.host.c_str(), o.port);
    return 1;
  }
  std::printf("icsim serve: %zu scenarios from %s (%zu other files are not scenarios)\n",
              catalogue->entries().size(), o.scenarios.c_str(), catalogue->left_out());
  std::printf("Open http://%s:%d/ in a browser; Ctrl-C stops.\n", o.host.c_str(), port);
  std::fflush(stdout);
  serving = &http;
  std::signal(SIGINT, [](int) { serving->stop(); });
  std::signal(SIGTERM, [](int) { serving->stop(); });
  http.listen_after_bind();
  return 0;
}

}  // namespace

CommandRunner add_serve_command(CLI::App& app) {
  auto o = std::make_shared<ServeOptions>();
  CLI::App* cmd = app.add_subcommand("serve", "Serve the what-if page: sliders, runs, charts and downloads");
  cmd->add_option("--port", o->port, "Port (0: any free port, printed)")->capture_default_str()->check(CLI::Range(0, 65535));
  cmd->add_option("--host", o->host, "Address to listen on (0.0.0.0: every network; the default is this machine only)")
      ->capture_default_str();
  cmd->add_option("--scenarios", o->scenarios, "The folder of scenarios offered")->capture_default_str();
  cmd->add_option("--threads", o->threads, "Threads per run (default: all cores)")->check(CLI::PositiveNumber);
  cmd->add_option("--max-replications", o->max_replications, "Most replications a run may ask for")
      ->capture_default_str()->check(CLI::Range(2, 1000));
  cmd->add_option("--max-waiting", o->max_waiting, "Most runs waiting behind the one running")
      ->capture_default_str()->check(CLI::Range(1, 1000));
  cmd->add_option("--time-limit", o->time_limit, "Longest a run may take, in seconds")
      ->capture_default_str()->check(CLI::Range(1, 86400));
  return [o] { return serve(*o); };
}

}  // namespace icsim::tools
