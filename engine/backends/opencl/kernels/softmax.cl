// Masked softmax over the keys of every (head, query) row of the attention scores. The scores
// (already scaled by 1/sqrt(D) in the GEMM) are kept: masked entries are overwritten with -inf so
// the captured pre-softmax scores show them, and their probabilities are exactly 0 (exp(-inf) = 0).
// Rows are ordered head-major: row = h * q_rows + i. Query i sees keys 0 .. past + i when causal;
// key_mask (1 = attend, one byte per key) is applied when has_mask. One work-group per row.
// A row whose keys are all masked has no softmax; it gives NaN, as on the CPU backend.
__kernel void masked_softmax(__global float* scores, long s_off, long s_ld, __global float* probs, long p_off,
                             long p_ld, long q_rows, long cols, int causal, long past,
                             __global const uchar* key_mask, int has_mask) {
  __local float scratch[AS_GROUP_MAX];
  const long r = get_group_id(0);
  const int lid = get_local_id(0), n = get_local_size(0);
  const long last_visible = causal ? past + r % q_rows : cols - 1;
  __global float* s = scores + s_off + r * s_ld;
  __global float* p = probs + p_off + r * p_ld;

  float row_max = -INFINITY;
  for (long c = lid; c < cols; c += n) {
    if (c > last_visible || (has_mask && !key_mask[c])) s[c] = -INFINITY;
    row_max = fmax(row_max, s[c]);
  }
  const float m = group_max(row_max, scratch);

  float sum = 0.0f;
  for (long c = lid; c < cols; c += n) {
    const float e = exp(s[c] - m);
    p[c] = e;
    sum += e;
  }
  const float total = group_sum(sum, scratch);

  for (long c = lid; c < cols; c += n) p[c] = p[c] / total;
}
