// y = (x - mean) / sqrt(var + eps) · gamma + beta per row, with the biased variance (PyTorch's
// LayerNorm). Two passes over the row (mean, then squared deviations) rather than E[x²] - E[x]²,
// which cancels badly when |mean| is large. One work-group per row; x may alias y.
__kernel void layer_norm(__global const float* x, long x_off, long x_ld, __global const float* gamma, long g_off,
                         __global const float* beta, long b_off, float eps, long cols, __global float* y,
                         long y_off, long y_ld) {
  __local float scratch[AS_GROUP_MAX];
  const long r = get_group_id(0);
  const int lid = get_local_id(0), n = get_local_size(0);
  __global const float* xr = x + x_off + r * x_ld;
  __global float* yr = y + y_off + r * y_ld;

  float sum = 0.0f;
  for (long c = lid; c < cols; c += n) sum += xr[c];
  const float mean = group_sum(sum, scratch) / (float)cols;

  float squares = 0.0f;
  for (long c = lid; c < cols; c += n) {
    const float d = xr[c] - mean;
    squares += d * d;
  }
  const float inv_std = 1.0f / sqrt(group_sum(squares, scratch) / (float)cols + eps);

  for (long c = lid; c < cols; c += n) yr[c] = (xr[c] - mean) * inv_std * gamma[g_off + c] + beta[b_off + c];
}
