// An in-process store with the foundation's runtime: org, signing key, fake clock.
#pragma once

#include <memory>

#include "accord/app/runtime.h"
#include "support/temp_dir.h"

namespace accord::testing {

class RuntimeFixture {
 public:
  RuntimeFixture();
  app::Runtime& rt() { return *rt_; }
  FakeClock& clock() { return clock_; }
  const TempDir& dir() const { return dir_; }
  const app::OrgInfo& org() const { return org_; }
  const std::string& db_url() const { return db_url_; }
  // Appends `n` note events through the event log, one command each.
  void AppendNotes(int n);
  // The ledger's size now.
  uint64_t LedgerSize();
  // Reopens the runtime (as a restart would).
  void Reopen();

 private:
  TempDir dir_;
  FakeClock clock_;
  std::unique_ptr<app::Runtime> rt_;
  app::OrgInfo org_;
  int next_note_ = 0;
  std::string db_url_;
};

}  // namespace accord::testing
