// Strided copies and adds between matrix views. copy_rows is also the KV-cache append: the new
// tokens' K and V (column views of the fused QKV product) are copied into the cache rows.
// Global size: (cols, rows).
__kernel void copy_rows(__global const float* src, long s_off, long s_ld, __global float* dst, long d_off,
                        long d_ld) {
  const long c = get_global_id(0), r = get_global_id(1);
  dst[d_off + r * d_ld + c] = src[s_off + r * s_ld + c];
}

// y += a (residual adds outside a GEMM).
__kernel void add_rows(__global const float* a, long a_off, long a_ld, __global float* y, long y_off, long y_ld) {
  const long c = get_global_id(0), r = get_global_id(1);
  y[y_off + r * y_ld + c] += a[a_off + r * a_ld + c];
}
