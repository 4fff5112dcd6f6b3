#pragma once
// Valid records to start tests from; each test changes what it is about.

#include "engine/model/record.hpp"

namespace gongshi::test {

inline const Date kToday = make_date(2024, 7, 31);

License valid_license();  // a 法人 license, 殷都区
Penalty valid_penalty();  // a 法人 penalty with a fine, 殷都区

}  // namespace gongshi::test
