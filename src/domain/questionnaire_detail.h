// What questionnaire.cc shares with questionnaire_csv.cc (private to domain/).
#pragma once

#include <boost/json.hpp>
#include <string_view>
#include <vector>

#include "accord/domain/fields.h"

namespace accord::domain::questionnaire_detail {

// A question's fields; `scoring` adds the weight and the knockout answers.
std::vector<FieldSpec> QuestionFields(bool scoring);

}  // namespace accord::domain::questionnaire_detail
