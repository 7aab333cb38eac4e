// accord_phone_provider: the local SMS and voice provider of the tests
// (tests/support/phone_provider.h) as a program, for trying [sms] and [voice] by hand or in a
// demo without an account anywhere. Listens on 127.0.0.1 (a free port), prints the
// [sms] table to put in accord's --config and writes the auth token to --token-file; each
// message it accepts is reported "sent" then "delivered" to its StatusCallback, signed.
//   accord_phone_provider --token-file /tmp/sms-token [--fail-with undelivered]
#include <signal.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>

#include "support/phone_provider.h"

int main(int argc, char** argv) {
  std::string token_file, last = "delivered";
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--token-file") == 0) token_file = argv[i + 1];
    if (std::strcmp(argv[i], "--fail-with") == 0) last = argv[i + 1];
  }
  if (token_file.empty()) {
    std::fprintf(stderr, "usage: accord_phone_provider --token-file FILE [--fail-with STATUS]\n");
    return 2;
  }
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  accord::testing::TestPhoneProvider provider;
  provider.AutoReport({"sent", last});
  std::ofstream(token_file) << provider.auth_token() << "\n";
  std::printf(
      "[sms]\napi_url = \"%s\"\naccount_sid = \"%s\"\nauth_token_file = \"%s\"\nfrom = "
      "\"+15005550006\"\n",
      provider.api_url().c_str(), provider.account_sid().c_str(), token_file.c_str());
  std::fflush(stdout);
  int sig = 0;
  sigwait(&signals, &sig);
  return 0;
}
