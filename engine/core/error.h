#pragma once
// Every error the engine reports is an as::Error whose message names the file, key or tensor
// and what was expected, so the CLI and the GUI can show it to the user verbatim.
#include <stdexcept>
#include <string>

namespace as {

class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& message) : std::runtime_error(message) {}
};

// Raised when a caller's cancel flag stops a long operation; not a failure of the input.
class Cancelled : public Error {
 public:
  Cancelled() : Error("cancelled") {}
};

}  // namespace as
