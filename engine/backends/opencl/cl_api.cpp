#include "backends/opencl/cl_api.h"

#include "core/error.h"

namespace as::opencl {

std::string cl_error_name(cl_int code) {
  const char* name = "unknown OpenCL error";
  switch (code) {
    case CL_DEVICE_NOT_FOUND: name = "CL_DEVICE_NOT_FOUND"; break;
    case CL_DEVICE_NOT_AVAILABLE: name = "CL_DEVICE_NOT_AVAILABLE"; break;
    case CL_COMPILER_NOT_AVAILABLE: name = "CL_COMPILER_NOT_AVAILABLE"; break;
    case CL_MEM_OBJECT_ALLOCATION_FAILURE: name = "CL_MEM_OBJECT_ALLOCATION_FAILURE"; break;
    case CL_OUT_OF_RESOURCES: name = "CL_OUT_OF_RESOURCES"; break;
    case CL_OUT_OF_HOST_MEMORY: name = "CL_OUT_OF_HOST_MEMORY"; break;
    case CL_BUILD_PROGRAM_FAILURE: name = "CL_BUILD_PROGRAM_FAILURE"; break;
    case CL_INVALID_VALUE: name = "CL_INVALID_VALUE"; break;
    case CL_INVALID_DEVICE: name = "CL_INVALID_DEVICE"; break;
    case CL_INVALID_MEM_OBJECT: name = "CL_INVALID_MEM_OBJECT"; break;
    case CL_INVALID_BUFFER_SIZE: name = "CL_INVALID_BUFFER_SIZE"; break;
    case CL_INVALID_KERNEL_ARGS: name = "CL_INVALID_KERNEL_ARGS"; break;
    case CL_INVALID_WORK_GROUP_SIZE: name = "CL_INVALID_WORK_GROUP_SIZE"; break;
    case CL_INVALID_GLOBAL_WORK_SIZE: name = "CL_INVALID_GLOBAL_WORK_SIZE"; break;
    case CL_PLATFORM_NOT_FOUND_KHR: name = "CL_PLATFORM_NOT_FOUND_KHR"; break;
    default: break;
  }
  return std::string(name) + " (" + std::to_string(code) + ")";
}

std::vector<cl::Device> all_devices() {
  std::vector<cl::Platform> platforms;
  try {
    cl::Platform::get(&platforms);
  } catch (const cl::Error&) {
    return {};  // the ICD loader reports CL_PLATFORM_NOT_FOUND_KHR when no driver is installed
  }
  std::vector<cl::Device> devices;
  for (const cl::Platform& p : platforms) {
    std::vector<cl::Device> found;
    try {
      p.getDevices(CL_DEVICE_TYPE_ALL, &found);
    } catch (const cl::Error&) {
      continue;  // CL_DEVICE_NOT_FOUND: a platform without devices
    }
    devices.insert(devices.end(), found.begin(), found.end());
  }
  return devices;
}

cl::Device device_at(int index) {
  const std::vector<cl::Device> devices = all_devices();
  if (devices.empty())
    throw Error("OpenCL: no platform or device found (install an OpenCL driver, e.g. pocl-opencl-icd for the CPU)");
  if (index < 0 || index >= static_cast<int>(devices.size()))
    throw Error("OpenCL: there is no device " + std::to_string(index) + " (" + std::to_string(devices.size()) +
                " found, indices 0.." + std::to_string(devices.size() - 1) + "; see `attentionscope-cli devices`)");
  return devices[static_cast<size_t>(index)];
}

std::string device_name(const cl::Device& device) {
  std::string name = device.getInfo<CL_DEVICE_NAME>();
  while (!name.empty() && name.back() == '\0') name.pop_back();  // some drivers count the terminator
  return name;
}

}  // namespace as::opencl
