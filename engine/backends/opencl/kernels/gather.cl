// Embedding look-ups: y[i, :] (+)= table[rows[i], :]. Word, position and token-type embeddings
// are summed by three calls with accumulate set on the last two. Range-checked on the host.
// Global size: (cols, number of rows).
__kernel void gather_rows(__global const float* table, long t_off, long t_ld, __global const int* rows,
                          int accumulate, __global float* y, long y_off, long y_ld) {
  const long c = get_global_id(0), i = get_global_id(1);
  const float v = table[t_off + rows[i] * t_ld + c];
  __global float* dst = y + y_off + i * y_ld + c;
  *dst = accumulate ? *dst + v : v;
}
