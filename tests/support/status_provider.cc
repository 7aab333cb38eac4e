#include "support/status_provider.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "support/temp_dir.h"

namespace accord::testing {

namespace fs = std::filesystem;

namespace {

void WriteCert(const fs::path& dir, int days) {
  EVP_PKEY* key = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256");
  X509* cert = X509_new();
  X509_set_version(cert, 2);
  ASN1_INTEGER_set(X509_get_serialNumber(cert), 1);
  X509_gmtime_adj(X509_getm_notBefore(cert), -3600);
  X509_gmtime_adj(X509_getm_notAfter(cert), static_cast<long>(days) * 86400);
  X509_set_pubkey(cert, key);
  X509_NAME* name = X509_get_subject_name(cert);
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>("localhost"), -1, -1, 0);
  X509_set_issuer_name(cert, name);
  X509_sign(cert, key, EVP_sha256());
  FILE* f = fopen((dir / "cert.pem").c_str(), "w");
  PEM_write_X509(f, cert);
  fclose(f);
  f = fopen((dir / "key.pem").c_str(), "w");
  PEM_write_PrivateKey(f, key, nullptr, nullptr, 0, nullptr, nullptr);
  fclose(f);
  X509_free(cert);
  EVP_PKEY_free(key);
}

}  // namespace

StatusProvider::StatusProvider(int tls_days) : tls_(tls_days > 0) {
  static int counter = 0;
  dir_ = fs::temp_directory_path() /
         ("accord-status-provider-" + std::to_string(getpid()) + "-" + std::to_string(++counter));
  fs::create_directories(dir_);
  http::ServerOptions o;
  o.threads = 2;
  if (tls_) {
    WriteCert(dir_, tls_days);
    o.tls_cert = dir_ / "cert.pem";
    o.tls_key = dir_ / "key.pem";
  }
  // Misbehaving answers every provider has.
  Set("/loop", "", 302);
  Set("/big", std::string(10 << 20, 'x'));
  Set("/html", "<html><body><h1>502 Bad Gateway</h1></body></html>", 502, "text/html");
  Set("/malformed", "{\"page\": {\"id\": \"x\", ", 200);
  server_ = std::make_unique<http::Server>(o, [this](http::Request&& req, http::Reply reply) {
    std::string path = req.target.substr(0, req.target.find('?'));
    Page page{404, "text/plain", "not found"};
    {
      std::lock_guard lock(mu_);
      ++hits_[path];
      if (auto it = pages_.find(path); it != pages_.end()) page = it->second;
    }
    http::Response r{.status = page.status, .content_type = page.type, .body = page.body};
    if (path == "/loop") r.headers.push_back({"Location", "/loop"});
    reply(std::move(r));
  });
  auto port = server_->Start();
  EXPECT_TRUE(port.ok());
  port_ = port.ok() ? *port : 0;
}

StatusProvider::~StatusProvider() {
  server_->Stop();
  std::error_code ec;
  fs::remove_all(dir_, ec);
}

std::string StatusProvider::base() const {
  return (tls_ ? "https://localhost:" : "http://127.0.0.1:") + std::to_string(port_);
}

void StatusProvider::Set(const std::string& path, std::string body, int status, std::string type) {
  std::lock_guard lock(mu_);
  pages_[path] = Page{status, std::move(type), std::move(body)};
}

int StatusProvider::hits(const std::string& path) {
  std::lock_guard lock(mu_);
  return hits_[path];
}

SilentServer::SilentServer() {
  fd_ = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  EXPECT_EQ(bind(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a), 0);
  EXPECT_EQ(listen(fd_, 16), 0);
  socklen_t len = sizeof a;
  getsockname(fd_, reinterpret_cast<sockaddr*>(&a), &len);
  port_ = ntohs(a.sin_port);
}

SilentServer::~SilentServer() { close(fd_); }

std::string StatuspageSample(const std::string& name) {
  std::ifstream in(TestdataDir() / "statuspage" / name, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace accord::testing
