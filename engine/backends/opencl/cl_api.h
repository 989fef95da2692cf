#pragma once
// Internal to the OpenCL backend: the Khronos C++ bindings (exceptions on, OpenCL 1.2 API level,
// both set in engine/CMakeLists.txt) and the translation of OpenCL/CLBlast failures into
// as::Error messages a user can act on. Public code includes devices.h instead.
#include <CL/opencl.hpp>

#include <string>
#include <vector>

namespace as::opencl {

// "CL_MEM_OBJECT_ALLOCATION_FAILURE (-4)" and the like.
std::string cl_error_name(cl_int code);

// Every device of every platform, in platform order: position i is device index i. No platform
// at all (the ICD loader finds none) yields an empty list, not an error.
std::vector<cl::Device> all_devices();

// The device at `index`, or an as::Error saying what exists.
cl::Device device_at(int index);

std::string device_name(const cl::Device& device);

}  // namespace as::opencl
