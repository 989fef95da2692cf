// `devices`: the OpenCL devices "--backend opencl:N" can select, as a JSON list (empty when no
// OpenCL platform is installed).
#include <iostream>

#include <nlohmann/json.hpp>

#include "backends/opencl/devices.h"
#include "cli/commands.h"

namespace as::cli {

int cmd_devices(const Args& args) {
  args.allow_only({});
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const OpenClDeviceInfo& d : list_opencl_devices())
    out.push_back({{"index", d.index},
                   {"platform", d.platform},
                   {"name", d.name},
                   {"type", d.type},
                   {"memory_mb", d.memory_mb},
                   {"fp16", d.fp16}});
  std::cout << out.dump() << "\n";
  return 0;
}

}  // namespace as::cli
