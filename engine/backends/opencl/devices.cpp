// Device discovery: what `attentionscope-cli devices` lists and "--backend opencl:N" selects.
#include "backends/opencl/devices.h"

#include "backends/opencl/cl_api.h"

namespace as {

namespace {

std::string type_name(cl_device_type type) {
  if (type & CL_DEVICE_TYPE_GPU) return "gpu";
  if (type & CL_DEVICE_TYPE_CPU) return "cpu";
  if (type & CL_DEVICE_TYPE_ACCELERATOR) return "accelerator";
  return "other";
}

OpenClDeviceInfo describe(const cl::Device& d, int index) {
  OpenClDeviceInfo info;
  info.index = index;
  info.platform = cl::Platform(d.getInfo<CL_DEVICE_PLATFORM>()).getInfo<CL_PLATFORM_NAME>();
  while (!info.platform.empty() && info.platform.back() == '\0') info.platform.pop_back();
  info.name = opencl::device_name(d);
  info.type = type_name(d.getInfo<CL_DEVICE_TYPE>());
  info.memory_mb = static_cast<int64_t>(d.getInfo<CL_DEVICE_GLOBAL_MEM_SIZE>() / (1024 * 1024));
  info.fp16 = d.getInfo<CL_DEVICE_EXTENSIONS>().find("cl_khr_fp16") != std::string::npos;
  return info;
}

}  // namespace

std::vector<OpenClDeviceInfo> list_opencl_devices() {
  std::vector<OpenClDeviceInfo> out;
  const std::vector<cl::Device> devices = opencl::all_devices();
  for (size_t i = 0; i < devices.size(); ++i) out.push_back(describe(devices[i], static_cast<int>(i)));
  return out;
}

}  // namespace as
