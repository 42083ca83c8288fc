// Routing, authorisation, caching and the HTTP details of `sitrep serve`; the
// endpoints themselves are in api_read.cc and api_write.cc.
#include "serve/server.h"

#include <fmt/format.h>
#include <httplib.h>

#include <chrono>
#include <mutex>
#include <nlohmann/json.hpp>

#include "serve/api.h"
#include "serve/reader_pool.h"
#include "serve/response_cache.h"
#include "serve/static_files.h"
#include "sitrep/doc.h"
#include "store/export/export.h"

namespace sitrep::serve {

using nlohmann::json;

namespace {

int HttpStatus(Code code) {
  switch (code) {
    case Code::kInvalidArgument: return 400;
    case Code::kNotFound: return 404;
    case Code::kTooLarge: return 413;
    default: return 500;
  }
}

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

void SendError(httplib::Response& res, int status, const std::string& message) {
  res.status = status;
  res.set_content(Dump({{"error", {{"status", status}, {"message", message}}}}), "application/json");
}

void SendStatus(httplib::Response& res, const Status& status) {
  SendError(res, HttpStatus(status.code()), status.message());
}

std::string Etag(const std::string& body) { return "\"" + HashHex(body).substr(0, 20) + "\""; }

// The answer, or 304 when the client's copy is current. By default clients keep it
// but ask again each time (a 304 costs nothing).
void Send(const httplib::Request& req, httplib::Response& res, const CachedResponse& r,
          const char* cache_control = "no-cache") {
  if (!r.etag.empty()) res.set_header("ETag", r.etag);
  res.set_header("Cache-Control", cache_control);
  res.set_header("Vary", "Accept-Encoding");
  const std::string match = req.get_header_value("If-None-Match");
  if (r.status == 200 && !match.empty() && (match == r.etag || match == "*" || match.find(r.etag) != std::string::npos)) {
    res.status = 304;
    return;
  }
  res.status = r.status;
  res.set_content(r.body, r.content_type.c_str());
}

// Path and parameters in a fixed order: the same question is the same key.
std::string CacheKey(const httplib::Request& req) {
  std::string key = req.path + "?";
  for (const auto& [name, value] : req.params) key += name + "=" + value + "&";
  return key;
}

bool SameToken(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;  // constant time: no early exit on the first difference
  for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

}  // namespace

struct Server::Impl {
  explicit Impl(ServeOptions o)
      : options(std::move(o)), pool(options.db), cache(options.cache_bytes), statics(options.static_dir) {}

  ServeOptions options;
  httplib::Server http;
  ReaderPool pool;
  ResponseCache cache;
  StaticFiles statics;
  std::mutex write_mu;
  // Notices commits by other processes: at most every 200 ms one request asks its own
  // connection whether the store changed (guarded by probe_mu).
  std::mutex probe_mu;
  std::unique_ptr<Store> probe;
  int64_t probe_version = -1;
  std::chrono::steady_clock::time_point probe_next{};
  std::unique_ptr<Store> writer;         // guarded by write_mu
  std::unique_ptr<Pipeline> pipeline;    // guarded by write_mu; made on the first ingest

  void Log(const std::string& line) const {
    if (options.log) options.log(line);
  }
  void Routes();
  void ServeRead(const ReadRoute& route, const httplib::Request& req, httplib::Response& res);
  void ServeExport(const httplib::Request& req, httplib::Response& res);
  void ServeStatic(const httplib::Request& req, httplib::Response& res);
  bool Authorized(const httplib::Request& req, httplib::Response& res);
  void NoticeChanges();
  Status OpenWriter(bool with_pipeline);
};

void Server::Impl::ServeRead(const ReadRoute& route, const httplib::Request& req, httplib::Response& res) {
  Status known = CheckKnown(req.params, route.params, route.with_filter);
  if (!known.ok()) return SendStatus(res, known);
  NoticeChanges();
  std::shared_ptr<const CachedResponse> answer = cache.GetOrCompute(CacheKey(req), [&] {
    auto made = std::make_shared<CachedResponse>();
    made->content_type = "application/json";
    Result<ReaderPool::Lease> lease = pool.Acquire();
    if (!lease.ok()) {
      made->status = 500;
      made->body = Dump({{"error", {{"status", 500}, {"message", lease.status().message()}}}});
      return std::shared_ptr<const CachedResponse>(made);
    }
    std::vector<std::string> captures(req.matches.size() > 1 ? req.matches.size() - 1 : 0);
    for (size_t i = 1; i < req.matches.size(); ++i) captures[i - 1] = req.matches[i].str();
    ApiRequest request{req.params, std::move(captures), "", ""};
    Result<json> body = route.fn(lease->store(), request);
    if (!body.ok()) {
      made->status = HttpStatus(body.status().code());
      if (made->status >= 500) Log("GET " + req.path + ": " + body.status().ToString());
      made->body = Dump({{"error", {{"status", made->status}, {"message", body.status().message()}}}});
      return std::shared_ptr<const CachedResponse>(made);
    }
    made->body = Dump(*body);
    made->etag = Etag(made->body);
    return std::shared_ptr<const CachedResponse>(made);
  });
  Send(req, res, *answer);
}

void Server::Impl::NoticeChanges() {
  std::unique_lock<std::mutex> lock(probe_mu, std::try_to_lock);
  if (!lock.owns_lock()) return;  // another request is asking right now
  const auto now = std::chrono::steady_clock::now();
  if (now < probe_next) return;
  probe_next = now + std::chrono::milliseconds(200);
  if (!probe) {
    Result<std::unique_ptr<Store>> store = Store::OpenReadOnly(options.db);
    if (!store.ok()) return;
    probe = std::move(*store);
  }
  Result<int64_t> version = probe->DataVersion();
  if (version.ok() && *version != probe_version) {
    if (probe_version != -1) cache.Invalidate();
    probe_version = *version;
  }
}

void Server::Impl::ServeExport(const httplib::Request& req, httplib::Response& res) {
  Status known = CheckKnown(req.params, {"format"}, true);
  if (!known.ok()) return SendStatus(res, known);
  Result<std::string> name = One(req.params, "format", "csv");
  if (!name.ok()) return SendStatus(res, name.status());
  Result<exporting::ExportFormat> format = exporting::ParseExportFormat(*name);
  if (!format.ok()) return SendStatus(res, format.status());
  Result<EventFilter> filter = ParseFilter(req.params);
  if (!filter.ok()) return SendStatus(res, filter.status());
  Result<ReaderPool::Lease> lease = pool.Acquire();
  if (!lease.ok()) return SendStatus(res, lease.status());
  // Any error in the filter shows here, while a 400 can still be sent.
  Status check = lease->store().ForEachEvent(*filter, [](const DeskEvent&) { return false; });
  if (!check.ok()) return SendStatus(res, check);
  auto held = std::make_shared<ReaderPool::Lease>(std::move(*lease));
  res.set_header("Content-Disposition",
                 fmt::format("attachment; filename=\"sitrep-events.{}\"", exporting::FileExtension(*format)));
  res.set_chunked_content_provider(
      std::string(exporting::ContentType(*format)),
      [this, held, filter = *filter, format = *format, path = req.path](size_t, httplib::DataSink& sink) {
        Status status = exporting::Export(held->store(), filter, format, [&](std::string_view chunk) {
          return sink.is_writable() && sink.write(chunk.data(), chunk.size());
        });
        if (!status.ok()) Log("GET " + path + ": export stopped: " + status.ToString());
        sink.done();
        return true;
      });
}

void Server::Impl::ServeStatic(const httplib::Request& req, httplib::Response& res) {
  if (req.path.rfind("/api/", 0) == 0 || req.path == "/api")
    return SendError(res, 404, fmt::format("there is no endpoint {} (see /api/openapi.json)", req.path));
  Result<StaticFile> file = statics.Read(req.path);
  if (!file.ok()) {
    if (file.status().code() == Code::kInvalidArgument) return SendError(res, 403, "this path is not allowed");
    return SendError(res, 404, file.status().message());
  }
  CachedResponse r{200, file->content_type, std::move(file->body), ""};
  r.etag = Etag(r.body);
  Send(req, res, r, file->immutable ? "public, max-age=31536000, immutable" : "no-cache");
}

bool Server::Impl::Authorized(const httplib::Request& req, httplib::Response& res) {
  if (options.token.empty()) {
    SendError(res, 403, "this server is read-only: start it with --token to accept writes");
    return false;
  }
  const std::string header = req.get_header_value("Authorization");
  const std::string prefix = "Bearer ";
  if (header.rfind(prefix, 0) != 0 || !SameToken(header.substr(prefix.size()), options.token)) {
    res.set_header("WWW-Authenticate", "Bearer realm=\"sitrep\"");
    SendError(res, 401, "writes need the header 'Authorization: Bearer <token>' with this server's token");
    return false;
  }
  return true;
}

// REQUIRES: write_mu held.
Status Server::Impl::OpenWriter(bool with_pipeline) {
  if (!writer) {
    Result<std::unique_ptr<Store>> store = Store::Open(options.db);
    if (!store.ok()) return store.status();
    writer = std::move(*store);
  }
  if (with_pipeline && !pipeline) {
    PipelineOptions p;
    p.threads = 1;
    Result<std::unique_ptr<Pipeline>> made = MakeDefaultPipeline(p);
    if (!made.ok()) return made.status();
    pipeline = std::move(*made);
  }
  return Status::Ok();
}

void Server::Impl::Routes() {
  for (const ReadRoute& route : ReadRoutes())
    http.Get(route.pattern, [this, route](const httplib::Request& req, httplib::Response& res) {
      ServeRead(route, req, res);
    });
  http.Get("/api/openapi.json", [this](const httplib::Request& req, httplib::Response& res) {
    static const std::string body = Dump(OpenApi());
    Send(req, res, CachedResponse{200, "application/json", body, Etag(body)});
  });
  http.Get("/api/export", [this](const httplib::Request& req, httplib::Response& res) { ServeExport(req, res); });
  http.Post(R"(/api/events/(\d{1,18})/corrections)", [this](const httplib::Request& req, httplib::Response& res) {
    if (!Authorized(req, res)) return;
    std::lock_guard<std::mutex> lock(write_mu);
    Status opened = OpenWriter(false);
    if (!opened.ok()) return SendStatus(res, opened);
    Result<json> out = PostCorrection(*writer, std::stoll(req.matches[1].str()), req.body);
    if (!out.ok()) return SendStatus(res, out.status());
    cache.Invalidate();
    Log(fmt::format("correction {} of event {} by {}", (*out)["correction"]["action"].get<std::string>(),
                    req.matches[1].str(), (*out)["correction"]["author"].get<std::string>()));
    res.status = 201;
    res.set_content(Dump(*out), "application/json");
  });
  http.Post("/api/documents", [this](const httplib::Request& req, httplib::Response& res) {
    if (!Authorized(req, res)) return;
    Status known = CheckKnown(req.params, {"url", "source"}, false);
    if (!known.ok()) return SendStatus(res, known);
    std::lock_guard<std::mutex> lock(write_mu);
    Status opened = OpenWriter(true);
    if (!opened.ok()) return SendStatus(res, opened);
    ApiRequest request{req.params, {}, req.body, req.get_header_value("Content-Type")};
    Result<json> out = PostDocument(*writer, *pipeline, request);
    if (!out.ok()) return SendStatus(res, out.status());
    cache.Invalidate();
    Log(fmt::format("document {} stored ({})", (*out)["id"].get<int64_t>(), (*out)["added"] ? "new" : "unchanged"));
    res.status = (*out)["added"] ? 201 : 200;
    res.set_content(Dump(*out), "application/json");
  });
  http.Get(".*", [this](const httplib::Request& req, httplib::Response& res) { ServeStatic(req, res); });
  // Anything else: a clear JSON answer rather than the library's empty page.
  auto other = [](const httplib::Request& req, httplib::Response& res) {
    SendError(res, 405, fmt::format("{} is not allowed on {}", req.method, req.path));
  };
  http.Post(".*", other), http.Put(".*", other), http.Delete(".*", other), http.Patch(".*", other);
  http.set_exception_handler([this](const httplib::Request& req, httplib::Response& res, std::exception_ptr e) {
    std::string what = "unknown error";
    try {
      if (e) std::rethrow_exception(e);
    } catch (const std::exception& x) {
      what = x.what();
    } catch (...) {
    }
    Log(fmt::format("{} {}: internal error: {}", req.method, req.path, what));
    SendError(res, 500, "internal error: " + what);
  });
}

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Server::~Server() { Stop(); }

Result<std::unique_ptr<Server>> Server::Create(ServeOptions options) {
  if (options.threads < 1 || options.threads > 1024)
    return Status(Code::kInvalidArgument, "threads must be between 1 and 1024");
  // Open once read-write: creates or migrates the file, and fails now for a bad path.
  Result<std::unique_ptr<Store>> store = Store::Open(options.db);
  if (!store.ok()) return store.status();
  auto impl = std::make_unique<Impl>(std::move(options));
  impl->writer = std::move(*store);
  const unsigned threads = impl->options.threads;
  impl->http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  impl->http.set_payload_max_length(impl->options.max_body_bytes);
  impl->http.set_keep_alive_max_count(100);
  // Without it, a response written as headers then body waits out the client's delayed
  // ACK (Nagle): 40 ms on every request.
  impl->http.set_tcp_nodelay(true);
  impl->http.set_read_timeout(10, 0);
  impl->Routes();
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

Result<int> Server::Bind() {
  const ServeOptions& o = impl_->options;
  int port = o.port == 0 ? impl_->http.bind_to_any_port(o.bind) : (impl_->http.bind_to_port(o.bind, o.port) ? o.port : -1);
  if (port <= 0) return Status(Code::kIo, fmt::format("cannot listen on {}:{} (in use, or not an address here)", o.bind, o.port));
  return port;
}

Status Server::Listen() {
  if (!impl_->http.listen_after_bind()) return Status(Code::kIo, "the server stopped listening");
  return Status::Ok();
}

void Server::Stop() { impl_->http.stop(); }

}  // namespace sitrep::serve
