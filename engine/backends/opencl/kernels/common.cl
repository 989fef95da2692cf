// Helpers shared by the kernels below (all files are built as one program, this one first).
// Matrices are row-major views: element (r, c) of a view is at offset + r * ld + c, exactly like
// the engine's Mat, so kernels read column views of fused matrices in place.

// Row-wise kernels (layer norm, softmax) run one work-group per row; the host picks a power of
// two no larger than this for the work-group size.
#define AS_GROUP_MAX 256

// Tree reductions over one work-group. `scratch` holds get_local_size(0) floats; the trailing
// barrier lets the caller reuse it for the next reduction.
float group_sum(float value, __local float* scratch) {
  const int lid = get_local_id(0);
  scratch[lid] = value;
  barrier(CLK_LOCAL_MEM_FENCE);
  for (int stride = get_local_size(0) / 2; stride > 0; stride /= 2) {
    if (lid < stride) scratch[lid] += scratch[lid + stride];
    barrier(CLK_LOCAL_MEM_FENCE);
  }
  const float total = scratch[0];
  barrier(CLK_LOCAL_MEM_FENCE);
  return total;
}

float group_max(float value, __local float* scratch) {
  const int lid = get_local_id(0);
  scratch[lid] = value;
  barrier(CLK_LOCAL_MEM_FENCE);
  for (int stride = get_local_size(0) / 2; stride > 0; stride /= 2) {
    if (lid < stride) scratch[lid] = fmax(scratch[lid], scratch[lid + stride]);
    barrier(CLK_LOCAL_MEM_FENCE);
  }
  const float best = scratch[0];
  barrier(CLK_LOCAL_MEM_FENCE);
  return best;
}
