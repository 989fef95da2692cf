#include "support/test_support.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace as::test {

std::filesystem::path shared_dir() { return AS_SHARED_DIR; }
std::filesystem::path models_dir() { return shared_dir() / "models"; }
std::filesystem::path golden_dir() { return shared_dir() / "golden"; }
bool have_shared() { return std::filesystem::exists(golden_dir()) && std::filesystem::exists(models_dir()); }

std::filesystem::path temp_dir() {
  std::filesystem::path dir = AS_TEST_TMP_DIR;
  std::filesystem::create_directories(dir);
  return dir;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path.string());
  std::ostringstream os;
  os << in.rdbuf();
  return os.str();
}

void write_file(const std::filesystem::path& path, const std::string& bytes) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

nlohmann::json read_json(const std::filesystem::path& path) { return nlohmann::json::parse(read_file(path)); }

}  // namespace as::test
