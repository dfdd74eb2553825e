#include "core/examples.hpp"

#include <cmath>
#include <cstdlib>

#include "core/check.hpp"

namespace wl {

namespace {

Problem make_problem(std::vector<double> input, std::vector<double> target,
                     std::vector<double> weights, double alpha, int iterations,
                     std::vector<std::uint8_t> frozen = {}) {
  Problem p;
  p.input = std::move(input);
  p.target = std::move(target);
  p.weights = std::move(weights);
  p.alpha = alpha;
  p.iterations = iterations;
  p.frozen = std::move(frozen);
  return p;
}

// Game 1 of the season: 8.5 toes, 65% won, 1.2 million fans.
const std::vector<double> kGame1 = {8.5, 0.65, 1.2};

}  // namespace

const std::vector<WorkedExample>& worked_examples() {
  static const std::vector<WorkedExample> examples = {
      {"single-input",
       "One input, one output",
       {"toes"},
       {"win"},
       make_problem({8.5}, {1.0}, {0.1}, 0.01, 3)},
      {"multi-input",
       "Several inputs",
       {"toes", "wlrec", "nfans"},
       {"win"},
       make_problem(kGame1, {1.0}, {0.1, 0.2, -0.1}, 0.01, 3)},
      {"freeze",
       "Freezing one weight",
       {"toes", "wlrec", "nfans"},
       {"win"},
       make_problem(kGame1, {1.0}, {0.1, 0.2, -0.1}, 0.3, 3, {1, 0, 0})},
      {"multi-output",
       "Several outputs",
       {"wlrec"},
       {"hurt", "win", "sad"},
       make_problem({0.65}, {0.1, 1.0, 0.1}, {0.3, 0.2, 0.9}, 0.1, 3)},
      {"multi-in-out",
       "Several inputs and outputs",
       {"toes", "wlrec", "nfans"},
       {"hurt", "win", "sad"},
       make_problem(kGame1, {0.1, 1.0, 0.1},
                    {0.1, 0.1, -0.3,  // hurt?
                     0.1, 0.2, 0.0,   // win?
                     0.0, 1.3, 0.1},  // sad?
                    0.01, 3)},
  };
  return examples;
}

const WorkedExample& worked_example(const std::string& id) {
  for (const WorkedExample& e : worked_examples()) {
    if (e.id == id) return e;
  }
  throw std::invalid_argument("unknown worked example " + quoted(id));
}

const std::vector<BookFigure>& book_figures() {
  using F = TraceField;
  static const std::vector<BookFigure> figures = {
      // One input: 8.5 toes, weight 0.1 -> pred 0.85.
      {"single-input", 0, F::error, 0, ".023", ""},
      {"single-input", 0, F::delta, 0, "-.15", ""},
      {"single-input", 0, F::weight_deltas, 0, "-1.25",
       "8.5 x -0.15 is -1.275, not -1.25: the book's multiplication slipped."},
      {"single-input", 0, F::weights_after, 0, ".1125",
       "0.1 - 0.01 x (-1.275) = 0.11275. The book's .1125 carries its weight_delta slip "
       "(-1.25) into the update."},

      // Several inputs, iteration 1 (the book's figures b to e).
      {"multi-input", 0, F::pred, 0, "0.86", ""},
      {"multi-input", 0, F::error, 0, ".020", ""},
      {"multi-input", 0, F::delta, 0, "-.14", ""},
      {"multi-input", 0, F::delta, 0, "0.14",
       "The side-by-side pages drop delta's minus sign: pred 0.86 is below the target 1, "
       "so delta = 0.86 - 1 = -0.14 (their weight_deltas are negative, as they should be)."},
      {"multi-input", 0, F::weight_deltas, 0, "-1.19", ""},
      {"multi-input", 0, F::weight_deltas, 1, "-.091", ""},
      {"multi-input", 0, F::weight_deltas, 2, "-.168", ""},
      {"multi-input", 0, F::weights_after, 0, ".1119", ""},
      {"multi-input", 0, F::weights_after, 1, ".2009", ""},
      {"multi-input", 0, F::weights_after, 2, "-.098", ""},
      // "Let's watch several steps of learning": iterations 2 and 3.
      {"multi-input", 1, F::weights_before, 0, ".112", ""},
      {"multi-input", 1, F::weights_before, 1, ".201", ""},
      {"multi-input", 1, F::weights_before, 2, "-.098", ""},
      {"multi-input", 1, F::pred, 0, ".964", ""},
      {"multi-input", 1, F::error, 0, ".001", ""},
      {"multi-input", 1, F::delta, 0, "-.04", ""},
      {"multi-input", 1, F::weight_deltas, 0, "-.31", ""},
      {"multi-input", 1, F::weight_deltas, 1, "-.02", ""},
      {"multi-input", 1, F::weight_deltas, 2, "-.04", ""},
      {"multi-input", 2, F::weights_before, 0, ".115", ""},
      {"multi-input", 2, F::weights_before, 1, ".201", ""},
      {"multi-input", 2, F::weights_before, 2, "-.098", ""},
      {"multi-input", 2, F::pred, 0, ".991", ""},
      {"multi-input", 2, F::error, 0, ".000", ""},
      {"multi-input", 2, F::delta, 0, "-.01", ""},
      {"multi-input", 2, F::weight_deltas, 0, "-.08", ""},
      {"multi-input", 2, F::weight_deltas, 1, "-.01", ""},
      {"multi-input", 2, F::weight_deltas, 2, "-.01", ""},

      // Freezing weight a: same first prediction, but a's weight_delta is zeroed.
      {"freeze", 0, F::pred, 0, "0.86", ""},
      {"freeze", 0, F::error, 0, ".020", ""},
      {"freeze", 0, F::delta, 0, "-.14", ""},
      {"freeze", 0, F::weight_deltas, 0, "-1.2",
       "With a frozen, its weight_delta is set to 0 (the code's weight_deltas[0] = 0). The "
       "figure still shows the unfrozen value 8.5 x -0.14."},
      {"freeze", 0, F::weight_deltas, 1, "-.09", ""},
      {"freeze", 0, F::weight_deltas, 2, "-.17", ""},

      // Several outputs from one input (wlrec 0.65).
      {"multi-output", 0, F::pred, 0, ".195", ""},
      {"multi-output", 0, F::pred, 1, ".13", ""},
      {"multi-output", 0, F::pred, 2, ".585", ""},
      {"multi-output", 0, F::error, 0, ".009", ""},
      {"multi-output", 0, F::error, 1, ".757", ""},
      {"multi-output", 0, F::error, 2, ".235", ""},
      {"multi-output", 0, F::delta, 0, ".095", ""},
      {"multi-output", 0, F::delta, 1, "-.87", ""},
      {"multi-output", 0, F::delta, 2, ".485", ""},
      {"multi-output", 0, F::weight_deltas, 0, ".062", ""},
      {"multi-output", 0, F::weight_deltas, 1, "-.57", ""},
      {"multi-output", 0, F::weight_deltas, 2, ".315", ""},
      {"multi-output", 0, F::weights_after, 0, ".29", ""},
      {"multi-output", 0, F::weights_after, 1, ".26", ""},
      {"multi-output", 0, F::weights_after, 2, ".87", ""},

      // Several inputs and outputs (3x3). Weight deltas are printed for wlrec only.
      {"multi-in-out", 0, F::pred, 0, ".555", ""},
      {"multi-in-out", 0, F::pred, 1, ".98", ""},
      {"multi-in-out", 0, F::pred, 2, ".965", ""},
      {"multi-in-out", 0, F::error, 0, ".207", ""},
      {"multi-in-out", 0, F::error, 1, ".96",
       "(0.98 - 1)^2 = 0.0004. The printed .96 is 0.98^2: pred was squared instead of "
       "pred - true."},
      {"multi-in-out", 0, F::error, 2, ".748", ""},
      {"multi-in-out", 0, F::delta, 0, ".455", ""},
      {"multi-in-out", 0, F::delta, 1, "-.02", ""},
      {"multi-in-out", 0, F::delta, 2, ".865", ""},
      {"multi-in-out", 0, F::weight_deltas, 1, ".296", ""},  // hurt <- wlrec
      {"multi-in-out", 0, F::weight_deltas, 4, "-.01", ""},  // win  <- wlrec
      {"multi-in-out", 0, F::weight_deltas, 7, ".562", ""},  // sad  <- wlrec
  };
  return figures;
}

const std::vector<CodeErratum>& code_errata() {
  static const std::vector<CodeErratum> errata = {
      {"multi-input", "pred = neural_network(input,weight)", "pred = neural_network(input,weights)",
       "The list of weights is called weights; weight is not defined in this program."},
      {"multi-input", "0.1 - (1.19 * 0.01) = 0.1119", "0.1 - (-1.19 * 0.01) = 0.1119",
       "weight_delta is negative (-1.19). Subtracting a positive 0.0119 would give 0.0881; "
       "subtracting the negative value gives 0.1119, the number printed."},
      {"multi-output", "weight_deltas = scalar_ele_mul(input,weights)",
       "weight_deltas = ele_mul(input,delta)",
       "Each weight_delta is the input times its output's delta. Multiplying the input by the "
       "weights gives [0.195, 0.13, 0.585], which is pred again, not the .062, -.57, .315 that "
       "the book's own figure shows."},
      {"multi-output", "wlrec = [0.65, 1.0, 1.0, 0.9]", "wlrec = [0.65, 0.8, 0.8, 0.9]",
       "The win/loss record differs from the other pages. Only game 1 (0.65) is used, so no "
       "number changes."},
      {"multi-in-out", "delta = pred[i] - true[i]", "delta[i] = pred[i] - true[i]",
       "Without the index every pass of the loop overwrites delta, so it ends as the single "
       "number 0.865 (sad's delta) instead of the list [.455, -.02, .865]."},
      {"multi-in-out", "weight_deltas = outer_prod(input,delta)",
       "weight_deltas = outer_prod(delta,input)",
       "weights is indexed [output][input] (one row per prediction), so its deltas must be too. "
       "outer_prod(input, delta) is the transpose: the update would move hurt<-wlrec by "
       "toes' share of win's delta. It only runs at all because the matrix is 3x3."},
      {"multi-in-out", "out = zeros_matrix(len(a),len(b)) ... out[i][j] = vec_a[i]*vec_b[j]",
       "out = zeros_matrix(len(vec_a),len(vec_b))",
       "outer_prod names its arguments vec_a and vec_b but then uses a and b, which are not "
       "defined, and zeros_matrix is never defined in the chapter."},
      {"multi-in-out", "assert(len(vect) == len(matrix)); output = [0,0,0]",
       "assert(len(vect) == len(matrix[0])); output = [0] * len(matrix)",
       "vect_mat_mul compares the number of inputs with the number of rows (outputs) and "
       "always returns three numbers; both are right only because this matrix is 3x3."},
  };
  return errata;
}

const char* trace_field_name(TraceField field) {
  switch (field) {
    case TraceField::weights_before: return "weights_before";
    case TraceField::pred: return "pred";
    case TraceField::error: return "error";
    case TraceField::delta: return "delta";
    case TraceField::weight_deltas: return "weight_deltas";
    case TraceField::weights_after: return "weights_after";
  }
  return "?";
}

const std::vector<double>& trace_array(const Trace& t, TraceField field) {
  switch (field) {
    case TraceField::weights_before: return t.weights_before;
    case TraceField::pred: return t.pred;
    case TraceField::error: return t.error;
    case TraceField::delta: return t.delta;
    case TraceField::weight_deltas: return t.weight_deltas;
    case TraceField::weights_after: return t.weights_after;
  }
  return t.weights_after;  // unreachable: every field is listed above
}

double trace_value(const Trace& t, TraceField field, int iteration, int index) {
  require(iteration >= 0 && static_cast<std::size_t>(iteration) < t.steps,
          "trace has no iteration " + std::to_string(iteration));
  const bool per_weight = field == TraceField::weights_before ||
                          field == TraceField::weight_deltas || field == TraceField::weights_after;
  const std::size_t width = per_weight ? t.n_in * t.n_out : t.n_out;
  require(index >= 0 && static_cast<std::size_t>(index) < width,
          std::string(trace_field_name(field)) + " has no element " + std::to_string(index));
  const std::size_t at = static_cast<std::size_t>(iteration) * width + index;
  return trace_array(t, field)[at];
}

int printed_decimals(const std::string& printed) {
  const std::size_t dot = printed.find('.');
  return dot == std::string::npos ? 0 : static_cast<int>(printed.size() - dot - 1);
}

bool agrees_with_print(double value, const std::string& printed) {
  const double shown = std::strtod(printed.c_str(), nullptr);
  const double half_unit = 0.5 * std::pow(10.0, -printed_decimals(printed));
  return std::fabs(value - shown) <= half_unit * (1.0 + 1e-9);
}

}  // namespace wl
