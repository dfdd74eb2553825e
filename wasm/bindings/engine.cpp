// Embind layer for the chapter's engine: worked examples, book figures and
// errata as plain JS objects; any problem in, its whole trace out.
#include <cmath>
#include <cstdio>
#include <string>

#include "bindings/js.hpp"
#include "core/error_landscape.hpp"
#include "core/examples.hpp"
#include "core/gradient_descent.hpp"
#include "core/normalize.hpp"

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
  p.input = numbers(o, "input");
  p.target = numbers(o, "target");
  p.weights = numbers(o, "weights");
  p.alpha = number(o, "alpha");
  const double iterations = number(o, "iterations");
  require(std::isfinite(iterations) && iterations == std::floor(iterations),
          "iterations must be a whole number");
  char got[32];
  std::snprintf(got, sizeof got, "%.15g", iterations);
  require(
      iterations >= 0 && iterations <= kMaxIterations,
      "iterations must be between 0 and " + std::to_string(kMaxIterations) + " (got " + got + ")");
  p.iterations = static_cast<int>(iterations);
  const val frozen = o["frozen"];
  if (!frozen.isUndefined() && !frozen.isNull()) {
    for (double f : numbers(o, "frozen")) {
      require(f == 0.0 || f == 1.0, "frozen must hold only 0 and 1");
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
  o.set("field", std::string(trace_key(f.field)));        // the trace's key: trace[field]
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

val run_js(val problem) { return trace_to_js(run_gradient_descent(problem_from_js(problem))); }

val example_js(std::string id) { return problem_to_js(worked_example(id).problem); }

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
  const Problem p = problem_from_js(problem);
  require_object(range, "range");
  return to_typed_array(error_curve(p, p.weights, index_from(range, "index"), number(range, "from"),
                                    number(range, "to"), count_from(range, "samples")));
}

// errorSurface(problem, {x, y, xFrom, xTo, yFrom, yTo, nx, ny}) -> Float64Array[ny*nx]
val error_surface_js(val problem, val grid) {
  const Problem p = problem_from_js(problem);
  require_object(grid, "grid");
  return to_typed_array(error_surface(p, p.weights, index_from(grid, "x"), index_from(grid, "y"),
                                      number(grid, "xFrom"), number(grid, "xTo"),
                                      number(grid, "yFrom"), number(grid, "yTo"),
                                      count_from(grid, "nx"), count_from(grid, "ny")));
}

// errorBowl(problem, index[, step]) -> {minimum, curvature, slope, from, to, minima}
// Weight `index`'s bowl before iteration `step` (default 0) of the problem's run.
// The face has made index a number and step a number or undefined.
val error_bowl_js(val problem, double index, val step) {
  val args = val::object();  // so index_from and count_from check them with their messages
  args.set("index", index);
  args.set("step", step.isUndefined() ? val(0) : step);
  const ErrorBowl b =
      error_bowl(problem_from_js(problem), index_from(args, "index"), count_from(args, "step"));
  val o = val::object();
  o.set("minimum", b.minimum);
  o.set("curvature", b.curvature);
  o.set("slope", b.slope);
  o.set("from", b.from);
  o.set("to", b.to);
  o.set("minima", to_typed_array(b.minima));
  return o;
}

// scaleInputs(problem, scales) -> the problem with input[i] / scales[i].
// The face has made scales a Float64Array of numbers.
val scale_inputs_js(val problem, val scales) {
  val args = val::object();  // so numbers() checks it with its message
  args.set("scales", scales);
  return problem_to_js(scale_inputs(problem_from_js(problem), numbers(args, "scales")));
}

// alphaLimit(problem) -> {limit, perOutput, sumSquares, output, dominant}
// The largest alpha that converges (Infinity when nothing learns), per output
// and overall, and the input that sets it (-1 when none).
val alpha_limit_js(val problem) {
  const AlphaLimit l = alpha_limit(problem_from_js(problem));
  val o = val::object();
  o.set("limit", l.limit);
  o.set("perOutput", to_typed_array(l.per_output));
  o.set("sumSquares", to_typed_array(l.sum_squares));
  o.set("output", l.output);
  o.set("dominant", l.dominant);
  return o;
}

}  // namespace
}  // namespace wl::js

EMSCRIPTEN_BINDINGS(weightlab_engine) {
  using namespace wl::js;
  emscripten::function("examples", &guard<&examples_js>::call);
  emscripten::function("example", &guard<&example_js>::call);
  // "run" is Emscripten's own Module.run: the binding is runProblem and
  // face.js makes engine.run(problem) once the runtime has started.
  emscripten::function("runProblem", &guard<&run_js>::call);
  emscripten::function("bookFigures", &guard<&book_figures_js>::call);
  emscripten::function("codeErrata", &guard<&code_errata_js>::call);
  emscripten::function("errorCurve", &guard<&error_curve_js>::call);
  emscripten::function("errorSurface", &guard<&error_surface_js>::call);
  emscripten::function("errorBowl", &guard<&error_bowl_js>::call);
  emscripten::function("scaleInputs", &guard<&scale_inputs_js>::call);
  emscripten::function("alphaLimit", &guard<&alpha_limit_js>::call);
}
