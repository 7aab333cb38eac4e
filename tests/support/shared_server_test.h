// A test suite whose tests share one demo server, started when the suite starts and stopped
// when it ends (CTest runs one suite per process): derive from it and call s().
#pragma once

#include <gtest/gtest.h>

#include "support/api_server.h"

namespace accord::testing {

class SharedServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new ApiServer(); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  ApiServer& s() { return *server_; }

 private:
  static inline ApiServer* server_ = nullptr;
};

}  // namespace accord::testing
