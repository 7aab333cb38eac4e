// Evaluate() must not allocate: it runs on every access request, inside write
// transactions, at a million decisions a second. Counted with a replaced global operator
// new, which the sanitizer build keeps for itself (the test is skipped there).
#include <gtest/gtest.h>

#include <cstdlib>
#include <new>

#include "accord/policy/gate.h"
#include "accord/policy/profile.h"
#include "policy/gate_scenario.h"

#if defined(__SANITIZE_ADDRESS__)
#define ACCORD_COUNT_ALLOCATIONS 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ACCORD_COUNT_ALLOCATIONS 0
#endif
#endif
#ifndef ACCORD_COUNT_ALLOCATIONS
#define ACCORD_COUNT_ALLOCATIONS 1
#endif

#if ACCORD_COUNT_ALLOCATIONS
namespace {
thread_local bool counting = false;
thread_local size_t allocations = 0;

void* Allocate(std::size_t n) {
  if (counting) ++allocations;
  if (void* p = std::malloc(n ? n : 1)) return p;
  throw std::bad_alloc();
}
}  // namespace

void* operator new(std::size_t n) { return Allocate(n); }
void* operator new[](std::size_t n) { return Allocate(n); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
#endif

namespace accord::policy {
namespace {

TEST(GateTest, EvaluateDoesNotAllocate) {
#if !ACCORD_COUNT_ALLOCATIONS
  GTEST_SKIP() << "the sanitizer owns operator new";
#else
  for (const auto& name : BuiltinProfileNames()) {
    auto profile = LoadProfile(name);
    ASSERT_TRUE(profile.ok()) << profile.error().message;
    for (PartyKind kind :
         {PartyKind::kCustomer, PartyKind::kSubcontractor, PartyKind::kContractedDeveloper}) {
      Scenario s;
      s.SetKind(kind);
      s.lines = {s.Line(s.prod_ephi, Permission::kRead), s.Line(s.staging_k8s, Permission::kWrite),
                 GateLine{"prod-*", nullptr, Permission::kAdmin, ""}};
      GateRequest request = s.Request();
      allocations = 0;
      counting = true;
      GateResult r = Evaluate(profile->access, request);
      counting = false;
      EXPECT_EQ(allocations, 0u) << name;
      EXPECT_EQ(r.decision, Decision::kDeny);
    }
  }
#endif
}

}  // namespace
}  // namespace accord::policy
