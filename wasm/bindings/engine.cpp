// Embind layer for the chapter's engine: worked examples, book figures and
// errata as plain JS objects; any problem in, its whole trace out.
#include <cmath>
#include <string>

#include "bindings/js.hpp"
#include "core/error_landscape.hpp"
#include "core/examples.hpp"
#include "core/gradient_descent.hpp"

namespace wl::js {
namespace {

val problem_to_js(const Problem& p) {
  val o = val::object();
  o.set("input", to_typed_array(p.input));
  o.set("target", to_typed_array(p.target));
  o.set("weights", to_typed_array(p.weights));
  o.set("frozen", to_typed_array(p.frozen.empty() ? std::vector<std::uint8_t>(p.weights.size(), 0)
                                                  : p.frozen));
  o.set("alpha", p.alpha);
  o.set("iterations", p.iterations);
  return o;
}

Problem problem_from_js(const val& o) {
  require_object(o, "problem");
  Problem p;
  p.input = numbers<double>(o, "input");
  p.target = numbers<double>(o, "target");
  p.weights = numbers<double>(o, "weights");
  p.alpha = number(o, "alpha");
  const double iterations = number(o, "iterations");
  require(std::isfinite(iterations) && iterations == std::floor(iterations) &&
              std::fabs(iterations) <= 1e9,
          "iterations must be a whole number");
  p.iterations = static_cast<int>(iterations);
  const val frozen = o["frozen"];
  if (!frozen.isUndefined() && !frozen.isNull()) {
    for (double f : numbers<double>(o, "frozen")) {
      require(f == 0.0 || f == 1.0, "frozen must hold only 0 and 1 (or false and true)");
      p.frozen.push_back(static_cast<std::uint8_t>(f));
    }
  }
  return p;
}

// The JS key of each trace array: the one place where the core's snake_case
// field names become the page's camelCase, for the trace (run) and for the
// book's figures (bookFigures().field) alike.
const char* trace_key(TraceField field) {
  switch (field) {
    case TraceField::weights_before: return "weightsBefore";
    case TraceField::pred: return "pred";
    case TraceField::error: return "error";
    case TraceField::delta: return "delta";
    case TraceField::weight_deltas: return "weightDeltas";
    case TraceField::weights_after: return "weightsAfter";
  }
  return "?";
}

val trace_to_js(const Trace& t) {
  val o = val::object();
  o.set("nIn", t.n_in);
  o.set("nOut", t.n_out);
  o.set("steps", t.steps);
  for (TraceField f : kTraceFields) o.set(trace_key(f), to_typed_array(trace_array(t, f)));
  o.set("divergedAt", t.diverged_at);
  o.set("overflowed", t.overflowed);
  return o;
}

val example_to_js(const WorkedExample& e) {
  val o = val::object();
  o.set("id", e.id);
  o.set("title", e.title);
  o.set("inputNames", array_of(e.input_names));
  o.set("outputNames", array_of(e.output_names));
  o.set("problem", problem_to_js(e.problem));
  return o;
}

val figure_to_js(const BookFigure& f) {
  val o = val::object();
  o.set("example", f.example);
  o.set("iteration", f.iteration);
  o.set("field", std::string(trace_key(f.field)));       // the trace's key: trace[field]
  o.set("name", std::string(trace_field_name(f.field)));  // as the book's code spells it
  o.set("index", f.index);
  o.set("printed", f.printed);
  o.set("erratum", f.erratum);
  return o;
}

val erratum_to_js(const CodeErratum& c) {
  val o = val::object();
  o.set("example", c.example);
  o.set("book", c.book);
  o.set("correct", c.correct);
  o.set("why", c.why);
  return o;
}

val examples_js() { return array_of(worked_examples(), example_to_js); }
val book_figures_js() { return array_of(book_figures(), figure_to_js); }
val code_errata_js() { return array_of(code_errata(), erratum_to_js); }

val run_js(val problem) {
  return guarded([&] { return trace_to_js(run_gradient_descent(problem_from_js(problem))); }, problem);
}

val example_js(std::string id) {
  return guarded([&] { return problem_to_js(worked_example(id).problem); }, id);
}

std::size_t index_from(const val& o, const char* name) {
  const double v = number(o, name);
  require(v >= 0 && v == std::floor(v) && v < 1e9, std::string(name) + " must be a weight index");
  return static_cast<std::size_t>(v);
}

std::size_t count_from(const val& o, const char* name) {
  const double v = number(o, name);
  require(v >= 0 && v == std::floor(v) && v < 1e9, std::string(name) + " must be a whole number");
  return static_cast<std::size_t>(v);
}

// errorCurve(problem, {index, from, to, samples}) -> Float64Array[samples]
// Uses problem.weights as the point the other weights are held at.
val error_curve_js(val problem, val range) {
  return guarded([&] {
    const Problem p = problem_from_js(problem);
    require_object(range, "range");
    return to_typed_array(error_curve(p, p.weights, index_from(range, "index"),
                                      number(range, "from"), number(range, "to"),
                                      count_from(range, "samples")));
  }, problem, range);
}

// errorSurface(problem, {x, y, xFrom, xTo, yFrom, yTo, nx, ny}) -> Float64Array[ny*nx]
val error_surface_js(val problem, val grid) {
  return guarded([&] {
    const Problem p = problem_from_js(problem);
    require_object(grid, "grid");
    return to_typed_array(error_surface(
        p, p.weights, index_from(grid, "x"), index_from(grid, "y"), number(grid, "xFrom"),
        number(grid, "xTo"), number(grid, "yFrom"), number(grid, "yTo"), count_from(grid, "nx"),
        count_from(grid, "ny")));
  }, problem, grid);
}

// errorBowl(problem, index[, step]) -> {minimum, curvature, slope, from, to}
// Weight `index`'s bowl before iteration `step` (default 0) of the problem's run.
val error_bowl_js(val problem, val index, val step) {
  return guarded([&] {
    val args = val::object();  // so index_from and count_from can check them
    args.set("index", index);
    args.set("step", step.isUndefined() ? val(0) : step);
    const ErrorBowl b = error_bowl(problem_from_js(problem), index_from(args, "index"),
                                   count_from(args, "step"));
    val o = val::object();
    o.set("minimum", b.minimum);
    o.set("curvature", b.curvature);
    o.set("slope", b.slope);
    o.set("from", b.from);
    o.set("to", b.to);
    return o;
  }, problem, index, step);
}

// alphaLimit(problem) -> {limit, perOutput, sumSquares, output, dominant}
// The largest alpha that converges (Infinity when nothing learns), per output
// and overall, and the input that sets it (-1 when none).
val alpha_limit_js(val problem) {
  return guarded([&] {
    const AlphaLimit l = alpha_limit(problem_from_js(problem));
    val o = val::object();
    o.set("limit", l.limit);
    o.set("perOutput", to_typed_array(l.per_output));
    o.set("sumSquares", to_typed_array(l.sum_squares));
    o.set("output", l.output);
    o.set("dominant", l.dominant);
    return o;
  }, problem);
}

}  // namespace
}  // namespace wl::js

EMSCRIPTEN_BINDINGS(weightlab_engine) {
  emscripten::function("examples", &wl::js::examples_js);
  emscripten::function("example", &wl::js::example_js);
  emscripten::function("run", &wl::js::run_js);
  emscripten::function("bookFigures", &wl::js::book_figures_js);
  emscripten::function("codeErrata", &wl::js::code_errata_js);
  emscripten::function("errorCurve", &wl::js::error_curve_js);
  emscripten::function("errorSurface", &wl::js::error_surface_js);
  emscripten::function("errorBowl", &wl::js::error_bowl_js);
  emscripten::function("alphaLimit", &wl::js::alpha_limit_js);
  emscripten::function("errorBowl", emscripten::optional_override([](emscripten::val p, emscripten::val i) {
    return wl::js::error_bowl_js(p, i, emscripten::val::undefined());
  }));
}
