#pragma once
// What of a record a public answer carries. One list decides it — each field's `publicity`
// in fields.hpp — and every public answer (the record page, the list and its search, the Atom
// feed) goes through public_fields(): the standard's 共享 fields (the legal representative's
// certificate type and number) never appear, an ID number only masked, a natural person's name
// masked, and ID and phone numbers typed into free text (备注, 违法事实 …) masked where they stand.

#include <boost/json/object.hpp>
#include <string>
#include <string_view>

#include "engine/model/record.hpp"

namespace gongshi {

// The stored fields of a record (codes → text, as record_to_json writes them) as the public
// sees them. `mask_person`: the subject is a natural person whose name is masked.
boost::json::object public_fields(RecordKind kind, const boost::json::object& stored,
                                  bool mask_person);

// Is the subject of these stored fields a natural person (行政相对人类别 自然人)?
bool is_natural_person(RecordKind kind, const boost::json::object& stored);

// "张三丰" → "张**"; "410502199001011234" → "41**************34". Counted in characters (UTF-8).
std::string mask_name(std::string_view name);
std::string mask_id_number(std::string_view id);

// A text with every ID number (18 digits with a real date of birth, or the 15-digit first
// generation) and phone number (mobile, with or without +86; fixed line with its area code; a
// local number right after 电话/手机/Tel) masked, digit by digit, where it stands; groups written
// with spaces or hyphens, and full-width digits, count too. Everything else is unchanged.
std::string mask_personal_numbers(std::string_view text);

}  // namespace gongshi
