#pragma once
// A must-check result: a value or an Error. Reading the value of an error is a programming bug and
// throws std::logic_error; check ok() first.

#include <stdexcept>
#include <utility>
#include <variant>

#include "engine/model/error.hpp"

namespace gongshi {

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::in_place_index<0>, std::move(value)) {}
  Result(Error error) : v_(std::in_place_index<1>, std::move(error)) {}

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  const T& value() const& { return std::get<0>(checked()); }
  T& value() & { return std::get<0>(checked()); }
  T&& value() && { return std::get<0>(std::move(checked())); }
  const T& operator*() const& { return value(); }
  const T* operator->() const { return &value(); }

  const Error& error() const {
    if (ok()) throw std::logic_error("Result::error() on a value");
    return std::get<1>(v_);
  }

 private:
  const std::variant<T, Error>& checked() const {
    if (!ok()) throw std::logic_error("Result::value() on an error: " + std::get<1>(v_).message_en);
    return v_;
  }
  std::variant<T, Error>& checked() {
    if (!ok()) throw std::logic_error("Result::value() on an error: " + std::get<1>(v_).message_en);
    return v_;
  }
  std::variant<T, Error> v_;
};

// A result without a value: ok, or an Error.
using Status = Result<std::monostate>;
inline Status ok_status() {
  return std::monostate{};
}

inline Error make_error(ErrorCode code, std::string zh, std::string en) {
  return Error{code, std::move(zh), std::move(en), {}};
}
inline Error bad_request(std::string zh, std::string en) {
  return make_error(ErrorCode::invalid_input, std::move(zh), std::move(en));
}
inline Error forbidden(std::string zh, std::string en) {
  return make_error(ErrorCode::forbidden, std::move(zh), std::move(en));
}
inline Error not_found(std::string zh, std::string en) {
  return make_error(ErrorCode::not_found, std::move(zh), std::move(en));
}

}  // namespace gongshi
