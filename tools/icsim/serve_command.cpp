// icsim serve: the what-if page. A commissioner picks a shipped scenario,
// moves sliders, runs, and sees the what-if against the scenario (report.html
// in the page), then downloads the what-if's YAML and the workbook. Local
// only unless --host says otherwise.

#include <arpa/inet.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <set>
#include <string>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <icsim/engine/replication_runner.hpp>
#include <icsim/scenario/load.hpp>
#include <icsim/scenario/sha256.hpp>
#include <icsim/scenario/what_if.hpp>

#include "command_options.hpp"
#include "commands.hpp"
#include "report_assets.hpp"
#include "serve_assets.hpp"
#include "serve_catalogue.hpp"
#include "serve_guard.hpp"
#include "serve_levers.hpp"
#include "serve_runs.hpp"

namespace icsim::tools {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::size_t kLargestRequest = 64 * 1024;

struct ServeOptions {
  std::string host = "127.0.0.1";
  std::vector<std::string> allowed_hosts;  // names a deployment is reached by, beside this machine's
  int port = 8080;
  std::string scenarios = "scenarios";
  RunLimits limits{.threads = engine::default_threads()};
};

void send_json(httplib::Response& res, const Json& body, int status = 200) {
  res.status = status;
  // A request's bytes echoed in a message may not be UTF-8: replaced, never a 500.
  res.set_content(body.dump(-1, ' ', false, Json::error_handler_t::replace), "application/json");
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

bool is_loopback(const std::string& host) { return host == "127.0.0.1" || host == "localhost" || host == "::1"; }

bool is_ip_address(const std::string& host) {
  unsigned char address[sizeof(in6_addr)];
  return inet_pton(AF_INET, host.c_str(), address) == 1 || inet_pton(AF_INET6, host.c_str(), address) == 1;
}

// The names the page answers to in the Host header: this machine's (its
// loopback names and host name), any IP address, and the deployment's own.
// A page elsewhere that renames itself to reach the server (DNS rebinding)
// arrives under its own name, and is refused.
std::set<std::string> host_names(const ServeOptions& o) {
  std::set<std::string> names{"localhost", "127.0.0.1", "::1"};
  if (!is_loopback(o.host)) {
    char name[256] = {};
    if (gethostname(name, sizeof name - 1) == 0 && name[0] != '\0') names.insert(name);
  }
  for (const auto& allowed : o.allowed_hosts) names.insert(allowed);
  return names;
}

// The host part of a Host header: "127.0.0.1:8080" -> 127.0.0.1, "[::1]:8080" -> ::1.
std::string host_of(const std::string& header) {
  if (header.starts_with("[")) return header.substr(1, header.find(']') - 1);
  return header.substr(0, header.find(':'));
}

// A run request's fields, checked; an error message when they are not right.
struct RunRequest {
  std::string scenario;
  int replications = 2;
  std::map<std::string, double> positions;
};

std::string read_request(const std::string& body, int most_replications, RunRequest& request) {
  Json json;
  try {
    json = Json::parse(body);
  } catch (const Json::exception& e) {
    return std::string("the request is not JSON: ") + e.what();
  }
  if (!json.is_object()) return "the request must be a JSON object: {\"scenario\": ..., \"replications\": ..., \"levers\": {...}}";
  for (const auto& [key, value] : json.items())
    if (key != "scenario" && key != "replications" && key != "levers")
      return "unknown field \"" + key + "\": a run has \"scenario\", \"replications\" and \"levers\"";
  if (!json.contains("scenario") || !json["scenario"].is_string())
    return "the request needs \"scenario\": the id of a scenario from GET /api/scenarios";
  request.scenario = json["scenario"].get<std::string>();
  if (json.contains("replications")) {
    const Json& n = json["replications"];
    if (!n.is_number_integer() || n.get<std::int64_t>() < 2 || n.get<std::int64_t>() > most_replications)
      return "\"replications\" must be a whole number from 2 to " + std::to_string(most_replications);
    request.replications = static_cast<int>(n.get<std::int64_t>());
  }
  const Json levers = json.value("levers", Json::object());
  if (!levers.is_object()) return "\"levers\" must map lever ids to numbers";
  for (const auto& [id, value] : levers.items()) {
    if (!value.is_number()) return "lever \"" + id + "\" must be a number";
    request.positions[id] = value.get<double>();
  }
  return {};
}

class Server {
 public:
  Server(const ServeOptions& o, const ScenarioCatalogue& catalogue) : catalogue_(catalogue), runs_(o.limits) {}

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

  // The catalogue's entry for an id, or nullptr having sent the error.
  const CatalogueEntry* scenario(const std::string& id, httplib::Response& res) const {
    const CatalogueEntry* entry = catalogue_.find(id);
    if (entry == nullptr) send_error(res, 404, "no scenario \"" + id + "\": GET /api/scenarios lists them");
    return entry;
  }

  void levers(const httplib::Request& req, httplib::Response& res) const {
    if (!req.has_param("scenario")) return send_error(res, 400, "say which scenario: /api/levers?scenario=ID");
    const CatalogueEntry* entry = scenario(req.get_param_value("scenario"), res);
    if (entry == nullptr) return;
    // Read now, not at start-up, so that a scenario edited while serving is seen as it is.
    const auto spec = catalogue_.load(*entry);
    Json levers = Json::array();
    for (const Lever& l : scenario_levers(spec, scenario::ScenarioValues(entry->file.string(), catalogue_.root())))
      levers.push_back({{"id", l.id}, {"group", l.group}, {"label", l.label}, {"unit", l.unit}, {"min", l.min},
                        {"max", l.max}, {"step", l.step}, {"value", l.value}});
    send_json(res, {{"scenario", entry->id},
                    {"name", spec.name},
                    {"years", {spec.start_year, spec.start_year + spec.years - 1}},
                    {"replications", std::min(spec.replications, runs_.limits().max_replications)},
                    {"levers", levers}});
  }

  void submit(const httplib::Request& req, httplib::Response& res) {
    // JSON only: a web page elsewhere cannot send that without the browser asking first.
    if (!req.get_header_value("Content-Type").starts_with("application/json"))
      return send_error(res, 415, "send the run as JSON (Content-Type: application/json)");
    RunRequest request;
    if (const std::string error = read_request(req.body, runs_.limits().max_replications, request); !error.empty())
      return send_error(res, 400, error);
    const CatalogueEntry* entry = scenario(request.scenario, res);
    if (entry == nullptr) return;

    WhatIfRun run;
    run.scenario_id = entry->id;
    run.replications = request.replications;
    run.baseline = catalogue_.load(*entry);
    const scenario::ScenarioValues written(entry->file.string(), catalogue_.root());
    const auto levers = scenario_levers(run.baseline, written);
    std::vector<scenario::WhatIfValue> values;
    try {
      values = lever_values(run.baseline, written, levers, request.positions);
    } catch (const BadLever& e) {
      return send_error(res, 400, e.what());
    }
    // Named by what it sets, so what-ifs saved side by side do not overwrite each other.
    std::string settings;
    for (const auto& v : values) settings += v.key + "=" + v.value + "\n";
    const std::filesystem::path id(entry->id);
    run.what_if_file = id.stem().string() + "-what-if-" + scenario::sha256_hex(settings).substr(0, 8) + ".yaml";
    const std::string saved_as = (std::filesystem::path("scenarios") / id.parent_path() / run.what_if_file).generic_string();
    const std::string name = run.baseline.name + ", what-if: " + describe_moves(levers, request.positions);
    run.what_if_yaml = scenario::what_if_yaml(
        entry->file.string(), id.filename().string(), name, values,
        "A what-if made with icsim serve from scenarios/" + entry->id + ".\nSave it beside " +
            id.filename().string() + " as " + saved_as + " and run it:\n  icsim run " + saved_as,
        catalogue_.root());
    // Run the very file offered for download, as if saved beside the scenario.
    try {
      run.what_if = catalogue_.load_text(*entry, run.what_if_file, run.what_if_yaml);
    } catch (const scenario::ScenarioError& e) {
      Json details = Json::array();
      for (const auto& d : e.diagnostics()) details.push_back(d.message);
      return send_error(res, 400, "these lever positions do not make a valid scenario", details);
    }
    try {
      const std::string run_id = runs_.submit(std::move(run));
      send_json(res, {{"id", run_id}}, 202);
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
    const std::string saved_as = name == "what-if.yaml" ? runs_.what_if_file(id) : name;
    res.set_header("Content-Disposition", "attachment; filename=\"" + saved_as + "\"");
    res.set_content(*bytes, name == "what-if.yaml" ? "application/yaml; charset=utf-8"
                                                   : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  }

  const ScenarioCatalogue& catalogue_;
  RunQueue runs_;
};

httplib::Server* serving = nullptr;

void stop_serving(int) {
  std::signal(SIGINT, SIG_DFL);  // a second Ctrl-C stops at once
  std::signal(SIGTERM, SIG_DFL);
  serving->stop();
}

int serve(const ServeOptions& o) {
  std::optional<ScenarioCatalogue> catalogue;
  try {
    catalogue.emplace(o.scenarios);
  } catch (const std::invalid_argument& e) {
    std::fprintf(stderr, "icsim: error: %s\n", e.what());
    return 2;
  }
  Server server(o, *catalogue);
  GuardedServer http(ConnectionLimits{.most_request_bytes = kLargestRequest + 32 * 1024});
  // httplib's default also sets SO_REUSEPORT, which lets a second server share a
  // port in use without a word; an address in use must be an error.
  http.set_socket_options([](socket_t sock) {
    const int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  http.set_payload_max_length(kLargestRequest);
  // The page is not to be framed by another site's (clickjacking); report.html
  // is framed by the page itself.
  http.set_default_headers({{"X-Frame-Options", "SAMEORIGIN"},
                            {"Content-Security-Policy", "frame-ancestors 'self'"},
                            {"X-Content-Type-Options", "nosniff"}});
  const std::set<std::string> names = host_names(o);
  const bool loopback = is_loopback(o.host);
  http.set_pre_routing_handler([names, loopback](const httplib::Request& req, httplib::Response& res) {
    const std::string host = host_of(req.get_header_value("Host"));
    if (names.count(host) != 0 || (!loopback && is_ip_address(host))) return httplib::Server::HandlerResponse::Unhandled;
    send_error(res, 403, "this server does not answer to the name \"" + host +
                             "\" (icsim serve --allow-host NAME adds a name it is reached by)");
    return httplib::Server::HandlerResponse::Handled;
  });
  server.routes(http);
  http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr failure) {
    try {
      std::rethrow_exception(failure);
    } catch (const UnavailableScenario& e) {
      send_error(res, 500, e.what());
    } catch (const std::exception&) {
      // Its text may hold a path or bytes from a file: not for the page.
      send_error(res, 500, "the request could not be served (see the server's terminal)");
    }
  });
  http.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    if (res.status == 413)
      return send_error(res, 413, "the request is larger than " + std::to_string(kLargestRequest / 1024) + " KiB");
    send_error(res, res.status, res.status == 404 ? "nothing at " + req.path : "the request could not be served");
  });

  const int port = o.port == 0 ? http.bind_to_any_port(o.host) : (http.bind_to_port(o.host, o.port) ? o.port : -1);
  if (port <= 0) {
    std::fprintf(stderr, "icsim: error: cannot listen on %s port %d (in use, or not an address of this machine)\n",
                 o.host.c_str(), o.port);
    return 1;
  }
  http.raise_backlog();
  if (!loopback) {
    std::string answered;
    for (const auto& name : names) answered += (answered.empty() ? "" : ", ") + name;
    std::fprintf(stderr,
                 "icsim serve: WARNING: listening on %s, not this machine only: anyone who can reach this machine "
                 "on port %d can use the page and run scenarios, with no password. It answers to the names %s "
                 "and to IP addresses (--allow-host NAME adds one).\n",
                 o.host.c_str(), port, answered.c_str());
  }
  const std::string shown_host = o.host.find(':') != std::string::npos ? "[" + o.host + "]" : o.host;
  std::printf("icsim serve: %zu scenarios from %s (%zu other files are not scenarios)\n",
              catalogue->entries().size(), o.scenarios.c_str(), catalogue->left_out());
  std::printf("Open http://%s:%d/ in a browser; Ctrl-C stops.\n", shown_host.c_str(), port);
  std::fflush(stdout);
  serving = &http;
  std::signal(SIGINT, stop_serving);
  std::signal(SIGTERM, stop_serving);
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
  cmd->add_option("--allow-host", o->allowed_hosts,
                  "A name the page is reached by, beside this machine's (with --host 0.0.0.0 behind a proxy)");
  cmd->add_option("--scenarios", o->scenarios, "The folder of scenarios offered")->capture_default_str();
  add_threads_option(*cmd, o->limits.threads, "Threads per run (default: all cores)");
  cmd->add_option("--max-replications", o->limits.max_replications, "Most replications a run may ask for")
      ->capture_default_str()->check(CLI::Range(2, 1000));
  cmd->add_option("--max-waiting", o->limits.max_waiting, "Most runs waiting behind the one running")
      ->capture_default_str()->check(CLI::Range(1, 1000));
  cmd->add_option_function<int>(
         "--time-limit", [o](const int& seconds) { o->limits.time_limit = std::chrono::seconds(seconds); },
         "Longest a run may take, in seconds (default 600)")
      ->check(CLI::Range(1, 86400));
  return [o] { return serve(*o); };
}

}  // namespace icsim::tools
