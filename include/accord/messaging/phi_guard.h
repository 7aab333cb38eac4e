// The PHI guard (issue 26, item 3): every message that leaves on a channel (email, SMS, voice)
// is checked first, and one that looks like it carries protected health information is refused
// with a reason that points to Secure Message. "Looks like" follows 45 CFR 164.514(b)(2): a
// Social Security, medical record, health plan or account number; a date of birth; a full date
// tied to a person's care; a health condition next to a person. Names and dates alone are not
// PHI here: reminders name staff and carry due dates. Pure and allocation-light (a few
// thousand messages a second on one core is the floor; it does far more).
#pragma once

#include <string>
#include <string_view>

namespace accord::messaging {

struct PhiVerdict {
  bool refused = false;
  std::string_view kind;  // what was found (a stable key, e.g. "date_of_birth"); "" when allowed
  std::string reason;  // the sentence a person reads, pointing to Secure Message; "" when allowed
};

// Checks one piece of text (a subject, a body, an SMS).
PhiVerdict CheckForPhi(std::string_view text);
// Checks a message's subject and body (each on its own, then together).
PhiVerdict CheckMessageForPhi(std::string_view subject, std::string_view body);

}  // namespace accord::messaging
