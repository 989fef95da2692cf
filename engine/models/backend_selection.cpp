#include "models/backend_selection.h"

#include <exception>
#include <vector>

#include "backends/opencl/devices.h"
#include "core/error.h"

namespace as {

namespace {

// Progress of one phase mapped into [from, to] of the whole load.
LoadOptions scaled(const LoadOptions& o, double from, double to) {
  LoadOptions s = o;
  if (o.progress)
    s.progress = [p = o.progress, from, to](double f, const std::string& phase) { p(from + (to - from) * f, phase); };
  return s;
}

// The model a caller sees: it runs on the requested backend while that works, on the CPU after it
// failed. Which model computed a result is decided per request, so a result is always whole.
class FallbackModel final : public Model {
 public:
  // `model` runs on the requested `backend`.
  FallbackModel(std::unique_ptr<Model> model, std::shared_ptr<Backend> backend, std::string requested,
                ModelBuilder build, int cpu_threads)
      : Model(model->config(), std::move(backend)),
        requested_(std::move(requested)),
        build_(std::move(build)),
        cpu_threads_(cpu_threads),
        requested_model_(std::move(model)) {
    info_ = requested_model_->info();
  }

  // The requested backend could not even load the model: `cpu_model` runs on `cpu_backend`.
  FallbackModel(std::unique_ptr<Model> cpu_model, std::shared_ptr<Backend> cpu_backend, std::string requested,
                ModelBuilder build, int cpu_threads, std::string reason)
      : Model(cpu_model->config(), cpu_backend),
        requested_(std::move(requested)),
        build_(std::move(build)),
        cpu_threads_(cpu_threads),
        reason_(std::move(reason)),
        cpu_backend_(std::move(cpu_backend)),
        cpu_model_(std::move(cpu_model)) {
    info_ = cpu_model_->info();
  }

  const std::string& reason() const { return reason_; }

  ForwardResult forward(const ForwardInput& input, const ForwardOptions& options) override {
    return run([&](Model& m, Side) { return m.forward(input, options); });
  }

  bool is_causal() const override { return active().is_causal(); }
  Tensor position_embeddings() const override { return active().position_embeddings(); }

  std::unique_ptr<DecoderState> new_state() const override {
    auto s = std::make_unique<State>();
    s->side = requested_model_ ? Side::Requested : Side::Cpu;
    s->inner = active().new_state();
    return s;
  }

  ForwardResult extend(DecoderState& state, const std::vector<int32_t>& ids, const ForwardOptions& options) override {
    auto* s = dynamic_cast<State*>(&state);
    if (!s) throw Error("internal: decoder state from another model");
    ForwardResult r = run([&](Model& m, Side side) { return extend_on(m, side, *s, ids, options); });
    s->history.insert(s->history.end(), ids.begin(), ids.end());
    return r;
  }

 private:
  enum class Side { Requested, Cpu };

  // A KV cache on one side, plus every token it holds so it can be rebuilt on the other side.
  struct State final : DecoderState {
    int64_t length() const override { return static_cast<int64_t>(history.size()); }
    Side side = Side::Requested;
    std::unique_ptr<DecoderState> inner;
    std::vector<int32_t> history;
  };

  const Model& active() const { return requested_model_ ? *requested_model_ : *cpu_model_; }

  Model& cpu() {
    if (!cpu_model_) {
      cpu_backend_ = make_cpu_backend(cpu_threads_);
      cpu_model_ = build_(cpu_backend_, {});
    }
    return *cpu_model_;
  }

  // Runs a request on the requested backend; if that throws, the whole request again on the CPU.
  // If the CPU fails as well the request itself was at fault: its error propagates and the
  // requested backend stays in use. Otherwise the requested backend is dropped for good.
  template <class F>
  ForwardResult run(F&& f) {
    if (!requested_model_) return stamped(f(cpu(), Side::Cpu));
    try {
      return f(*requested_model_, Side::Requested);
    } catch (const Cancelled&) {
      throw;
    } catch (const std::exception& e) {
      ForwardResult r = f(cpu(), Side::Cpu);
      reason_ = requested_ + " failed during a forward pass: " + e.what();
      requested_model_.reset();
      backend_ = cpu_backend_;
      return stamped(std::move(r));
    }
  }

  ForwardResult stamped(ForwardResult r) const {
    r.fallback_reason = reason_;
    return r;
  }

  // Extends `s` on `m`, first replaying its tokens into a new cache there if it lives elsewhere.
  static ForwardResult extend_on(Model& m, Side side, State& s, const std::vector<int32_t>& ids,
                                 const ForwardOptions& options) {
    if (s.side != side) {
      auto fresh = m.new_state();
      if (!s.history.empty()) {
        ForwardOptions quiet;
        quiet.capture_attention = quiet.capture_hidden = quiet.next_sentence = false;
        quiet.logits_positions = std::vector<int64_t>{};
        m.extend(*fresh, s.history, quiet);
      }
      s.inner = std::move(fresh);
      s.side = side;
    }
    return m.extend(*s.inner, ids, options);
  }

  std::string requested_;
  ModelBuilder build_;
  int cpu_threads_;
  std::string reason_;
  std::shared_ptr<Backend> cpu_backend_;
  std::unique_ptr<Model> cpu_model_;
  std::unique_ptr<Model> requested_model_;
};

}  // namespace

std::string BackendSpec::text() const { return kind == Kind::Cpu ? "cpu" : "opencl:" + std::to_string(device); }

BackendSpec parse_backend_spec(const std::string& text) {
  if (text == "cpu") return {};
  if (text == "opencl") return {BackendSpec::Kind::OpenCl, 0};
  const std::string prefix = "opencl:";
  if (text.rfind(prefix, 0) == 0) {
    const std::string n = text.substr(prefix.size());
    if (!n.empty() && n.size() <= 4 && n.find_first_not_of("0123456789") == std::string::npos)
      return {BackendSpec::Kind::OpenCl, std::stoi(n)};
  }
  throw Error("unknown backend '" + text +
              "' (expected cpu, opencl or opencl:N with N from `attentionscope-cli devices`)");
}

std::unique_ptr<Model> build_model_with_fallback(const std::string& requested,
                                                 const std::function<std::shared_ptr<Backend>()>& make_backend,
                                                 const ModelBuilder& build, const LoadOptions& options,
                                                 int cpu_threads) {
  std::string reason;
  try {
    std::shared_ptr<Backend> backend = make_backend();
    auto model = build(backend, scaled(options, 0.2, 1.0));
    return std::make_unique<FallbackModel>(std::move(model), std::move(backend), requested, build, cpu_threads);
  } catch (const Cancelled&) {
    throw;
  } catch (const std::exception& e) {
    reason = requested + " could not load the model: " + e.what();
  }
  std::shared_ptr<Backend> cpu_backend = make_cpu_backend(cpu_threads);
  auto cpu_model = build(cpu_backend, options);
  return std::make_unique<FallbackModel>(std::move(cpu_model), std::move(cpu_backend), requested, build, cpu_threads,
                                         reason);
}

std::unique_ptr<Model> build_model_on(const BackendSpec& spec, const ModelBuilder& build, const LoadOptions& options,
                                      int cpu_threads) {
  if (spec.kind == BackendSpec::Kind::Cpu) return build(make_cpu_backend(cpu_threads), options);
  const LoadOptions creating = scaled(options, 0.0, 0.2);
  auto make = [&] { return make_opencl_backend(spec.device, creating.progress); };
  return build_model_with_fallback(spec.text(), make, build, options, cpu_threads);
}

std::unique_ptr<Model> load_model_on(const std::filesystem::path& dir, const std::string& spec,
                                     const LoadOptions& options, int cpu_threads) {
  auto build = [dir](std::shared_ptr<Backend> backend, const LoadOptions& o) {
    return load_model(dir, std::move(backend), o);
  };
  return build_model_on(parse_backend_spec(spec), build, options, cpu_threads);
}

std::string fallback_reason(const Model& model) {
  const auto* f = dynamic_cast<const FallbackModel*>(&model);
  return f ? f->reason() : "";
}

}  // namespace as
