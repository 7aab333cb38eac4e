// The [changes] section of a profile (TR-5, docs/changes.md): who is "management" for a change
// request, and how long an emergency change may wait for its retrospective review. Kept out of
// profile.h's Profile (which most of the code includes): the section is read from the
// profile's own text, once per profile, by ChangesPolicyOf.
#pragma once

#include <string>
#include <vector>

#include "accord/policy/profile.h"

namespace accord::policy {

struct ChangesPolicy {
  // Management: who approves a change request after its peer review.
  std::vector<std::string> approver_roles = {"security_officer"};
  // An emergency change is released first; its review and approval follow within this many
  // days of the release, or it is overdue.
  int emergency_review_days = 3;
};

// The profile's [changes] section (defaults without a profile or without the section). The
// profile was validated when it was loaded, so this never fails.
const ChangesPolicy& ChangesPolicyOf(const Profile* profile);

// The separation-of-duties actions of a change request that [separation] allow_self_approval
// may relax for a small team: change.review (the author reviews), change.approve (the author or
// reviewer approves), change.release (an earlier duty holder releases).
inline constexpr const char* kChangeSeparationActions[] = {"change.review", "change.approve",
                                                           "change.release"};

}  // namespace accord::policy
