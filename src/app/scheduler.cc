#include "accord/app/scheduler.h"

#include <spdlog/spdlog.h>

#include "accord/app/runtime.h"
#include "accord/storage/breaches.h"
#include "accord/storage/change_requests.h"
#include "accord/storage/data_commitments.h"
#include "accord/storage/entitlement_reviews.h"
#include "accord/storage/finding_actions.h"
#include "accord/storage/grants.h"
#include "accord/storage/identity_store.h"
#include "accord/storage/ledger_tables.h"
#include "accord/storage/my_work_digest.h"
#include "accord/storage/questionnaires.h"
#include "accord/storage/registry_expiry.h"
#include "accord/storage/reviews.h"
#include "accord/storage/scans.h"
#include "accord/storage/secure_messages.h"
#include "accord/storage/sign_in_failures.h"
#include "accord/storage/trust.h"
#include "accord/storage/trust_subscriptions.h"

namespace accord::app {

void Scheduler::Tick() {
  for (const auto& job : jobs_) {
    if (job.every_ticks > 1 && ticks_ % static_cast<uint64_t>(job.every_ticks) != 0) continue;
    auto r = job.run();
    if (!r.ok()) {
      spdlog::warn("scheduler: {} failed: {}", job.name, r.error().message);
    } else if (*r > 0) {
      spdlog::info("scheduler: {}: {}", job.name, *r);
    }
  }
  ++ticks_;
}

namespace {

// The reviews job reads every party to sync its series; it does that at most every ten
// seconds when the ledger has grown (a party, agreement or profile may have changed) and
// once a minute anyway (time alone can make a SOC 2 report stale or a finding overdue). The
// other passes are index probes.
class ReviewsJob {
 public:
  ReviewsJob(Runtime& rt, const policy::ReviewsPolicy& policy) : rt_(rt), policy_(policy) {}
  Result<int> operator()() {
    uint64_t size = 0;
    ACCORD_TRY(rt_.store().Read([&](storage::Tx& tx) -> Status {
      auto head = storage::ReadHead(tx);
      if (!head.ok()) return std::move(head).error();
      size = head->size();
      return Ok();
    }));
    ++ticks_since_sync_;
    bool sync = (size != synced_size_ && ticks_since_sync_ >= kMinTicksBetweenSyncs) ||
                ticks_since_sync_ >= kMaxTicksBetweenSyncs;
    auto run = storage::RunReviewSchedule(rt_.log(), policy_, sync);
    if (!run.ok()) return std::move(run).error();
    if (sync) {
      ticks_since_sync_ = 0;
      // What the sync itself appended does not call for another sync.
      ACCORD_TRY(rt_.store().Read([&](storage::Tx& tx) -> Status {
        auto head = storage::ReadHead(tx);
        if (!head.ok()) return std::move(head).error();
        synced_size_ = head->size();
        return Ok();
      }));
    }
    return run->total();
  }

 private:
  Runtime& rt_;
  const policy::ReviewsPolicy& policy_;
  static constexpr int kMinTicksBetweenSyncs = 10;
  static constexpr int kMaxTicksBetweenSyncs = 60;
  uint64_t synced_size_ = UINT64_MAX;
  int ticks_since_sync_ = kMaxTicksBetweenSyncs;  // the first tick syncs
};

}  // namespace

void AddServerJobs(Scheduler& s, Runtime& rt, const policy::Profile& profile,
                   const storage::TrustSettings* trust) {
  s.Add({"session purge", 60, [&rt] {
           // A throttled key's run ends in the ledger before its row goes.
           auto ended = storage::EndQuietThrottles(rt.log());
           if (!ended.ok()) return Result<int>(std::move(ended).error());
           auto n = storage::PurgeIdentityState(rt.store(), rt.log().clock().Now());
           if (!n.ok()) return Result<int>(std::move(n).error());
           return Result<int>(*ended);
         }});
  s.Add({"account expiry", 1,
         [&rt, &profile] { return storage::DeactivateLapsedUsers(rt.log(), profile.identity); }});
  s.Add({"grant expiry", 1, [&rt] { return storage::ExpireGrants(rt.log()); }});
  s.Add({"agreement expiry", 1, [&rt] { return storage::ExpireAgreements(rt.log()); }});
  s.Add({"entitlement reviews", 1,
         [&rt, &profile] { return storage::RunEntitlementSchedule(rt.log(), profile.identity); }});
  s.Add({"reviews", 1, ReviewsJob(rt, profile.reviews)});
  s.Add({"risk acceptance expiry", 1, [&rt] { return storage::ExpireRiskAcceptances(rt.log()); }});
  // TR-5: an emergency change's retrospective review past its window opens a finding.
  s.Add({"retrospective reviews", 60, [&rt, &profile] {
           return storage::RaiseRetrospectiveFindings(rt.log(), profile.reviews);
         }});
  // TR-11: a DPF re-certification falling due opens a finding a month before, once a cycle.
  s.Add({"dpf recertification", 60, [&rt, &profile] {
           return storage::RaiseDpfRecertificationFindings(rt.log(), profile.reviews);
         }});
  // TR-4: a scan target not scanned within the cadence raises a finding, once while it stands.
  s.Add({"scan cadence", 60,
         [&rt, &profile] { return storage::RaiseStaleScanTargets(rt.log(), profile.reviews); }});
  // Issue 28: questionnaire reminders, overdue marks and the yearly re-send.
  s.Add({"questionnaires", 60, [&rt] { return storage::RunQuestionnaireSchedule(rt.log()); }});
  // TR-8: breach notices' reminders before each covered entity's deadline, escalation after.
  s.Add({"breach notices", 60, [&rt] { return storage::RunBreachNotices(rt.log()); }});
  // Issue 26: an expired Secure Message's data key and content are destroyed.
  s.Add({"secure message expiry", 60,
         [&rt] { return storage::PurgeExpiredSecureMessages(rt.log()); }});
  // Once a day per person; a minute late is on time for a morning email.
  s.Add({"work digest", 60, [&rt, &profile, trust] {
           return storage::QueueWorkDigests(rt.store(), profile, rt.log().clock().Now(),
                                            trust ? trust->LinkBase() : "");
         }});
  if (!trust) return;
  // Reads the parties' history: twice a minute is soon enough for an email.
  s.Add({"subprocessor notices", 30, [&rt, trust] {
           int queued = 0;
           Status st = rt.store().Write([&](storage::Tx& tx) -> Status {
             auto n = storage::NotifySubprocessorChanges(tx, trust->LinkBase(), trust->link_key,
                                                         rt.log().clock().Now());
             if (!n.ok()) return std::move(n).error();
             queued = *n;
             return Ok();
           });
           if (!st.ok()) return Result<int>(std::move(st).error());
           return Result<int>(queued);
         }});
  // Status page changes to its subscribers (issue 27): a status change is news within a minute.
  s.Add({"status notices", 30, [&rt, trust] {
           int queued = 0;
           Status st = rt.store().Write([&](storage::Tx& tx) -> Status {
             auto n = storage::NotifyStatusChanges(tx, trust->LinkBase(), trust->link_key,
                                                   rt.log().clock().Now());
             if (!n.ok()) return std::move(n).error();
             queued = *n;
             return Ok();
           });
           if (!st.ok()) return Result<int>(std::move(st).error());
           return Result<int>(queued);
         }});
}

}  // namespace accord::app
