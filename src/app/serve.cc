#include "accord/app/serve.h"

#include "accord/app/message_keys.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <signal.h>

#include <algorithm>
#include <charconv>
#include <condition_variable>
#include <cstdio>
#include <thread>

#include <spdlog/spdlog.h>

#include "accord/app/config.h"
#include "accord/app/scheduler.h"
#include "accord/app/smtp.h"
#include "accord/app/status_runner.h"
#include "accord/app/vendor_feeds.h"
#include "accord/app/witnessing.h"
#include "accord/core/ids.h"
#include "accord/http/api.h"
#include "accord/http/api_hooks.h"
#include "accord/http/auth.h"
#include "accord/http/server.h"
#include "accord/http/web_assets.h"
#include "accord/storage/outbox.h"

namespace accord::app {

int ServeThreads(int asked, std::string_view db_url, unsigned cores) {
  if (asked > 0) return asked;
  if (!db_url.starts_with("postgres")) return 2;
  return static_cast<int>(std::max(4u, 4 * cores));
}

Result<std::pair<std::string, uint16_t>> ParseListen(std::string_view listen) {
  auto colon = listen.rfind(':');
  if (colon == std::string_view::npos || colon == 0) {
    return ValidationError("listen", "must be HOST:PORT, e.g. 127.0.0.1:8080");
  }
  std::string host(listen.substr(0, colon));
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  std::string_view port_text = listen.substr(colon + 1);
  unsigned port = 0;
  auto [ptr, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (ec != std::errc() || ptr != port_text.data() + port_text.size() || port > 65535) {
    return ValidationError("listen", "port must be a number from 0 to 65535");
  }
  return std::make_pair(host, static_cast<uint16_t>(port));
}

bool IsLoopbackHost(std::string_view host) {
  if (host == "localhost") return true;
  std::string h(host);
  if (h.size() > 2 && h.front() == '[' && h.back() == ']') h = h.substr(1, h.size() - 2);
  in_addr v4{};
  if (inet_pton(AF_INET, h.c_str(), &v4) == 1) return (ntohl(v4.s_addr) >> 24) == 127;
  in6_addr v6{};
  return inet_pton(AF_INET6, h.c_str(), &v6) == 1 && IN6_IS_ADDR_LOOPBACK(&v6);
}

namespace {

// Runs `fn` every `every` on its own thread until stopped (or destroyed).
class Periodic {
 public:
  Periodic(std::chrono::milliseconds every, std::function<void()> fn)
      : every_(every), fn_(std::move(fn)) {
    thread_ = std::thread([this] { Loop(); });
  }
  ~Periodic() { Stop(); }
  void Stop() {
    {
      std::lock_guard lock(mu_);
      if (stop_) return;
      stop_ = true;
    }
    cv_.notify_all();
    thread_.join();
  }

 private:
  void Loop() {
    std::unique_lock lock(mu_);
    while (!stop_) {
      cv_.wait_for(lock, every_, [&] { return stop_; });
      if (stop_) break;
      lock.unlock();
      fn_();
      lock.lock();
    }
  }
  std::chrono::milliseconds every_;
  std::function<void()> fn_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  std::thread thread_;
};

// The key subscription links are derived with (HMAC-SHA256), from the checkpoint key the data
// directory already keeps private: servers sharing a key file share working links, and nothing
// secret goes into the database. A separate label keeps it apart from the signing itself.
std::string DeriveLinkKey(const ledger::Signer& signer) {
  std::string secret = signer.EncodedPrivateKey();
  static constexpr std::string_view kLabel = "accord trust subscription links v1";
  uint8_t mac[EVP_MAX_MD_SIZE];
  unsigned int mac_len = 0;
  HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
       reinterpret_cast<const uint8_t*>(kLabel.data()), kLabel.size(), mac, &mac_len);
  OPENSSL_cleanse(secret.data(), secret.size());
  std::string key(reinterpret_cast<const char*>(mac), mac_len);
  OPENSSL_cleanse(mac, sizeof mac);
  return key;
}

int Fail(const Error& e, int code) {
  std::fprintf(stderr, "accord serve: %s\n", e.ToString().c_str());
  return code;
}

// The portal's files: --web-dir, else web/dist here or in the source tree built from.
Result<std::shared_ptr<const http::WebAssets>> LoadPortal(const ServeOptions& options) {
  if (!options.web_dir.empty()) return http::WebAssets::Load(options.web_dir);
  std::error_code ec;
  for (std::filesystem::path dir :
       {std::filesystem::path("web/dist"), std::filesystem::path(ACCORD_SOURCE_DIR) / "web/dist"}) {
    if (std::filesystem::exists(dir / "index.html", ec)) return http::WebAssets::Load(dir);
  }
  return ValidationError("web_dir", "no built portal in web/dist (make web builds it)");
}

}  // namespace

int Serve(const ServeOptions& options) {
  auto listen = ParseListen(options.listen);
  if (!listen.ok()) return Fail(listen.error(), 2);
  SmtpConfig smtp = options.smtp;
  if (auto s = PrepareSmtpConfig(smtp); !s.ok()) return Fail(s.error(), 2);
  http::TrustSettings trust = options.trust;
  if (auto s = CheckTrustSettings(trust); !s.ok()) return Fail(s.error(), 2);
  if (auto s = LoadNdaText(trust); !s.ok()) return Fail(s.error(), 2);
  PhoneConfig sms = options.sms, voice = options.voice;
  if (auto s = PreparePhoneConfig("sms", sms); !s.ok()) return Fail(s.error(), 2);
  if (auto s = PreparePhoneConfig("voice", voice); !s.ok()) return Fail(s.error(), 2);
  http::OidcSettings oidc_settings = options.oidc;
  if (auto s = PrepareOidcSettings(oidc_settings); !s.ok()) return Fail(s.error(), 2);
  // The demo organisation publishes a security contact, as a real one must (RFC 9116).
  if (options.demo && trust.security_contact.empty()) {
    trust.security_contact = "mailto:security@luma.example";
  }
  auto portal = LoadPortal(options);
  if (!portal.ok() && !options.web_dir.empty()) return Fail(portal.error(), 2);
  if (!portal.ok()) spdlog::warn("portal: {}; serving the API only", portal.error().message);
  if (smtp.enabled()) {
    spdlog::info("email: through {}:{} from {}{}", smtp.host, smtp.port, smtp.from,
                 smtp.starttls ? " (STARTTLS required)" : " (no TLS)");
  } else {
    spdlog::info("email: no [smtp] host configured; notifications wait in the outbox");
  }
  const auto& [host, port] = *listen;
  const bool tls = options.tls_cert.has_value() || options.tls_key.has_value();
  if (tls && !(options.tls_cert && options.tls_key)) {
    return Fail(ValidationError("tls-cert", "--tls-cert and --tls-key go together"), 2);
  }
  if (trust.public_url.empty() && !IsLoopbackHost(host)) {
    spdlog::warn(
        "no [trust] public_url: links in emails (NDA, downloads, subscriptions) point at the "
        "address this server listens on; set it to the name customers reach it by");
  }
  if (!tls && !IsLoopbackHost(host) && !options.insecure_http) {
    return Fail(
        ValidationError("listen", "plain HTTP is refused on a non-loopback address (" + host +
                                      "): give --tls-cert/--tls-key, or "
                                      "--insecure-http behind a TLS proxy"),
        2);
  }
  auto profile = policy::LoadProfile(options.profile);
  if (!profile.ok()) return Fail(profile.error(), 1);

  // Signals are taken by this thread only, with sigwait, so shutdown is orderly.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  SystemClock clock;
  const int threads =
      ServeThreads(options.threads, options.store.db_url, std::thread::hardware_concurrency());
  StoreConfig store_config = options.store;
  // Every I/O thread may hold a read connection, and the background loops a few more: none is
  // closed after its read only to be opened again for the next.
  store_config.read_connections = std::max(store_config.read_connections, threads + 8);
  auto rt = Runtime::Open(store_config, clock);
  if (!rt.ok()) return Fail(rt.error(), 3);
  Runtime& runtime = **rt;
  std::string org_name = options.demo && options.org_name == ServeOptions{}.org_name
                             ? "Luma Health (demo)"
                             : options.org_name;
  auto org = runtime.EnsureOrg(*profile, options.origin, org_name);
  if (!org.ok()) return Fail(org.error(), org.error().code == ErrorCode::kValidationFailed ? 2 : 3);
  if (auto s = runtime.LoadSigner(org->origin); !s.ok()) return Fail(s.error(), 3);
  trust.link_key = DeriveLinkKey(runtime.signer());
  if (options.demo && org->created) {
    auto printed = SeedDemo(runtime, *profile);
    if (!printed.ok()) return Fail(printed.error(), 3);
    std::fputs(printed->c_str(), stdout);
  } else if (options.demo) {
    // Tokens are shown only once; say how to get a new one instead of failing silently.
    std::printf(
        "demo data was seeded at the first start; for a new API token run:\n"
        "  accord token create --data-dir %s --user officer@luma.example --name me\n",
        options.store.data_dir.string().c_str());
  }
  // The ledger must extend the checkpoint this data directory last signed: a rewritten or
  // truncated database stops the server here, before it signs anything over it.
  if (auto s = runtime.CheckCheckpointFile(org->origin, /*adopt=*/true); !s.ok()) {
    spdlog::critical("THE LEDGER DOES NOT MATCH ITS LAST SIGNED CHECKPOINT");
    return Fail(s.error(), s.error().code == ErrorCode::kCheckFailed ? 1 : 3);
  }
  auto witnessing = Witnessing::Create(runtime.store(), options.witnesses);
  if (!witnessing.ok()) return Fail(witnessing.error(), 2);
  if (auto cp = runtime.Checkpoint(org->origin); !cp.ok()) {
    return Fail(cp.error(), cp.error().code == ErrorCode::kCheckFailed ? 1 : 3);
  }

  std::filesystem::path key_file = options.message_key_file.empty()
                                       ? options.store.data_dir / "message.keys"
                                       : options.message_key_file;
  auto message_keys = LoadMessageKeys(key_file, true);
  if (!message_keys.ok()) return Fail(message_keys.error(), 2);
  if (auto s = RewrapMessageKeys(runtime.store(), *message_keys); !s.ok())
    return Fail(s.error(), 3);
  if (options.demo && org->created) {
    if (auto s = SeedMessagingDemo(runtime, *message_keys, trust.public_url); !s.ok()) {
      return Fail(s.error(), 3);
    }
  }

  runtime.log().StartWriter();
  http::Metrics metrics;
  std::atomic<bool> ready{false};
  http::ApiDeps deps{runtime.store(), runtime.log(), clock,    metrics,
                     org->origin,     &ready,        &*profile};
  metrics.AddGauge("accord_ledger_size", "Entries in the ledger.", [&runtime] {
    double size = 0;
    (void)runtime.store().Read([&](storage::Tx& tx) -> Status {
      auto head = storage::ReadHead(tx);
      if (head.ok()) size = static_cast<double>(head->size());
      return Ok();
    });
    return size;
  });
  metrics.AddGauge("accord_resident_memory_bytes", "Resident set size.",
                   [] { return http::ResidentMemoryBytes(); });
  http::AuthService auth(runtime.store(), clock, profile->identity);
  deps.auth = &auth;
  deps.trust = &trust;
  storage::StatusSettings status_settings = options.status;
  // The demo's components probe this server itself, on loopback.
  if (options.demo) status_settings.allow_private_targets = true;
  deps.status = &status_settings;
  deps.signer = &runtime.signer();
  http::PhoneHookSettings phone_hooks{sms.account_sid, sms.auth_token, voice.account_sid,
                                      voice.auth_token};
  if (sms.enabled() || voice.enabled()) deps.phone_hooks = &phone_hooks;
  deps.message_keys = &*message_keys;
  // A Secure Message's one-time code goes by text when [sms] is set up and the message names a
  // phone number: a second channel beside the email that carries the link.
  deps.sms_codes = sms.enabled();
  std::unique_ptr<http::OidcClient> oidc;
  if (oidc_settings.enabled()) {
    oidc = std::make_unique<http::OidcClient>(oidc_settings, clock);
    deps.oidc = oidc.get();
    spdlog::info("sso: OpenID Connect with {} (client {})", oidc_settings.issuer,
                 oidc_settings.client_id);
  } else if (profile->identity.sso_required) {
    spdlog::warn(
        "sso: the profile requires single sign-on but --config has no [oidc] table: passwords "
        "keep working for everyone until it has one");
  }
  http::Router router;
  router.SetAuthenticator(auth.AsAuthenticator());
  http::AddAllRoutes(router, deps);
  if (portal.ok()) {
    router.SetFallback([assets = *portal](const http::Request& request, std::string_view path) {
      return assets->Serve(request, path);
    });
  }

  http::ServerOptions server_options;
  server_options.host = host;
  server_options.port = port;
  server_options.threads = threads;
  server_options.body_limit = options.body_limit;
  server_options.tls_cert = options.tls_cert;
  server_options.tls_key = options.tls_key;
  // Authentication, the route and its body limit are decided from the header alone, so nobody
  // makes the server hold a body it would refuse; uploads go to files, a few at a time.
  server_options.admit = [&router](const http::Request& head) { return router.Admit(head); };
  server_options.spool_dir = options.store.data_dir / "uploads";
  server_options.max_spooled = options.max_uploads;
  server_options.clock = &clock;
  router.SetObserver(
      [&metrics](const std::string& pattern, const std::string& method, int status,
                 double seconds) { metrics.Observe(pattern, method, status, seconds); });
  http::Server server(server_options, [&router](http::Request&& req, http::Reply reply) {
    router.Dispatch(std::move(req), std::move(reply));
  });
  auto bound = server.Start();
  if (!bound.ok()) return Fail(bound.error(), 3);
  std::string shown_host = host.find(':') != std::string::npos ? "[" + host + "]" : host;
  std::string listen_url = std::string(tls ? "https" : "http") + "://" + shown_host + ":" +
                           std::to_string(static_cast<unsigned>(*bound));
  // Read by handlers only once `ready` is set (after this), for links in emails.
  trust.listen_url = listen_url;
  if (options.demo && org->created) {
    if (auto s = SeedDemoStatus(runtime, *profile, listen_url); !s.ok()) {
      spdlog::warn("demo status page: {}", s.error().message);
    }
  }
  // The one scheduler loop: the checkpoint thread ticks it once a second.
  Scheduler scheduler;
  AddServerJobs(scheduler, runtime, *profile, &trust);
  // The first tick before the server says it is listening: whatever fell due while it was
  // down (reviews to open, grants that lapsed) is done before the first request is served.
  scheduler.Tick();
  // A checkpoint at most once a second while the ledger grows, then the scheduler's tick.
  Periodic checkpointer(std::chrono::seconds(1), [&runtime, &scheduler, origin = org->origin] {
    auto r = runtime.Checkpoint(origin);
    if (!r.ok()) spdlog::warn("checkpoint failed: {}", r.error().message);
    scheduler.Tick();
    runtime.store().Maintain();
  });
  // Witnesses on their own thread: each call is bounded by its timeout, and a witness that
  // hangs holds up only the next cosignature, never a checkpoint, the scheduler or a write.
  if (!options.witnesses.empty()) {
    spdlog::info("witnesses: {} configured", options.witnesses.size());
  }
  Periodic witness_loop(std::chrono::seconds(1), [&witnessing, any = !options.witnesses.empty()] {
    if (any) (void)witnessing->RunOnce();
  });
  // Outbox delivery on its own thread: a slow mail server never holds up checkpoints.
  storage::OutboxDelivery outbox(runtime.store(), clock);
  if (smtp.enabled()) outbox.AddChannel(std::make_unique<SmtpChannel>(smtp, clock));
  // SMS and voice (issue 26): the provider calls back on our public URL, signed.
  for (auto [name, config] : {std::pair{"sms", &sms}, std::pair{"voice", &voice}}) {
    if (!config->enabled()) continue;
    config->status_callback =
        (trust.public_url.empty() ? listen_url : trust.public_url) + "/hooks/twilio/status";
    spdlog::info("{}: through {} from {} (at most {} a minute)", name, config->api_url,
                 config->from, config->per_minute);
    outbox.AddChannel(std::make_unique<PhoneChannel>(name, *config));
  }
  Periodic delivery(std::chrono::seconds(5), [&outbox] {
    auto n = outbox.RunOnce();
    if (!n.ok()) {
      spdlog::warn("outbox: {}", n.error().message);
    } else if (*n > 0) {
      spdlog::info("outbox: {} sent", *n);
    }
  });
  // Status probes and vendor feeds on their own thread: they wait on the network, so never in
  // the scheduler's tick. One server per store runs them at a time (a lease).
  StatusRunner status_runner(runtime.log(), clock, status_settings, ProbeLimits{},
                             NewId("srv", clock.Now()));
  status_runner.SetFeedPoller([&runtime, &clock, &status_settings, &profile] {
    FetchLimits limits;
    limits.allow_private = status_settings.allow_private_targets;
    return PollVendorFeeds(runtime.log(), clock, limits, profile->reviews);
  });
  Periodic status_loop(std::chrono::seconds(1), [&status_runner] {
    auto r = status_runner.RunOnce();
    if (!r.ok()) {
      spdlog::warn("status: {}", r.error().message);
    } else if (r->changes > 0 || r->days_rolled > 0) {
      spdlog::info("status: {} probed, {} changed, {} days rolled up", r->probed, r->changes,
                   r->days_rolled);
    }
  });
  ready = true;
  std::printf("listening on %s\n", listen_url.c_str());
  if (portal.ok()) std::printf("portal: %s/app/\n", listen_url.c_str());
  std::fflush(stdout);

  int sig = 0;
  sigwait(&signals, &sig);
  spdlog::info("signal {}: draining", sig);
  ready = false;
  server.Stop();
  outbox.RequestStop();
  status_loop.Stop();
  delivery.Stop();
  witness_loop.Stop();
  checkpointer.Stop();
  runtime.log().StopWriter();
  if (auto cp = runtime.Checkpoint(org->origin); !cp.ok()) return Fail(cp.error(), 3);
  return 0;
}

}  // namespace accord::app
