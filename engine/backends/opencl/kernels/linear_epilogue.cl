// What follows a CLBlast GEMM in `linear`: y = act(g + bias) (+ y when accumulating), in the
// order oneDNN's post-ops use (bias, activation, then the residual sum). g may alias y.
// Activation codes mirror as::Activation (see opencl_backend.cpp).
#define ACT_NONE 0
#define ACT_GELU_ERF 1
#define ACT_GELU_TANH 2
#define ACT_RELU 3
#define ACT_TANH 4

// HF "gelu": x/2 · (1 + erf(x/√2)), with the library erf (no fast-math, so within a few ulp).
float gelu_erf(float x) { return 0.5f * x * (1.0f + erf(x * M_SQRT1_2_F)); }

// HF "gelu_new" (GPT-2): x/2 · (1 + tanh(√(2/π) · (x + 0.044715 x³))).
float gelu_tanh(float x) {
  const float k = 0.7978845608028654f;  // sqrt(2 / pi)
  return 0.5f * x * (1.0f + tanh(k * (x + 0.044715f * x * x * x)));
}

float activate(float x, int act) {
  switch (act) {
    case ACT_GELU_ERF: return gelu_erf(x);
    case ACT_GELU_TANH: return gelu_tanh(x);
    case ACT_RELU: return x > 0.0f ? x : 0.0f;
    case ACT_TANH: return tanh(x);
    default: return x;
  }
}

// Global size: (cols, rows). `bias` is a [1, cols] row, ignored unless has_bias.
__kernel void linear_epilogue(__global const float* g, long g_off, long g_ld, __global const float* bias,
                              long b_off, int has_bias, int act, int accumulate, __global float* y, long y_off,
                              long y_ld) {
  const long c = get_global_id(0), r = get_global_id(1);
  float v = g[g_off + r * g_ld + c];
  if (has_bias) v += bias[b_off + c];
  v = activate(v, act);
  __global float* dst = y + y_off + r * y_ld + c;
  *dst = accumulate ? v + *dst : v;
}
