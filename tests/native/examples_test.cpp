#include "core/examples.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>

namespace {

TEST(Examples, PrintedDecimals) {
  EXPECT_EQ(wl::printed_decimals("-.091"), 3);
  EXPECT_EQ(wl::printed_decimals("0.86"), 2);
  EXPECT_EQ(wl::printed_decimals("1"), 0);
  EXPECT_TRUE(wl::agrees_with_print(0.0196, ".020"));
  EXPECT_FALSE(wl::agrees_with_print(0.0196, ".019"));
  EXPECT_TRUE(wl::agrees_with_print(-0.5655, "-.57"));
}

TEST(Examples, AllFiveExamplesRunFinitelyAndDoNotDiverge) {
  ASSERT_EQ(wl::worked_examples().size(), 5u);
  for (const auto& e : wl::worked_examples()) {
    const wl::Trace t = wl::run_gradient_descent(e.problem);
    EXPECT_EQ(t.steps, static_cast<std::size_t>(e.problem.iterations)) << e.id;
    EXPECT_EQ(t.diverged_at, -1) << e.id;
    EXPECT_EQ(e.input_names.size(), e.problem.n_in()) << e.id;
    EXPECT_EQ(e.output_names.size(), e.problem.n_out()) << e.id;
  }
}

// Every printed figure either agrees with the engine at the printed precision,
// or is a recorded erratum, and then it really disagrees.
TEST(Examples, EngineReproducesTheBooksFiguresAndEveryErratumIsReal) {
  std::map<std::string, wl::Trace> traces;
  for (const auto& e : wl::worked_examples()) traces[e.id] = wl::run_gradient_descent(e.problem);
  int checked = 0, errata = 0;
  for (const auto& f : wl::book_figures()) {
    ASSERT_TRUE(traces.count(f.example)) << f.example;
    const double value = wl::trace_value(traces[f.example], f.field, f.iteration, f.index);
    const bool agrees = wl::agrees_with_print(value, f.printed);
    if (f.erratum.empty()) {
      EXPECT_TRUE(agrees) << f.example << " iteration " << f.iteration << " "
                          << wl::trace_field_name(f.field) << "[" << f.index << "] = " << value
                          << ", book prints " << f.printed;
      ++checked;
    } else {
      EXPECT_FALSE(agrees) << "recorded erratum is not one: " << f.example << " " << f.printed;
      ++errata;
    }
  }
  EXPECT_GE(checked, 50);
  EXPECT_EQ(errata, 5);
}

TEST(Examples, BookNumbersByName) {
  const auto t = wl::run_gradient_descent(wl::worked_example("multi-output").problem);
  // weight_deltas = input * delta = 0.65 * [.095, -.87, .485] = [.06175, -.5655, .31525]
  EXPECT_NEAR(t.weight_deltas[0], 0.06175, 1e-12);
  EXPECT_NEAR(t.weight_deltas[1], -0.5655, 1e-12);
  EXPECT_NEAR(t.weight_deltas[2], 0.31525, 1e-12);
  // The book's buggy line, scalar_ele_mul(input, weights), would give pred back instead.
  EXPECT_NE(t.weight_deltas[0], 0.65 * 0.3);
}

TEST(Examples, CodeErrataPointAtKnownExamples) {
  std::set<std::string> ids;
  for (const auto& e : wl::worked_examples()) ids.insert(e.id);
  ASSERT_GE(wl::code_errata().size(), 5u);
  for (const auto& c : wl::code_errata()) {
    EXPECT_TRUE(ids.count(c.example)) << c.example;
    EXPECT_FALSE(c.book.empty());
    EXPECT_FALSE(c.correct.empty());
    EXPECT_FALSE(c.why.empty());
  }
}

TEST(Examples, UnknownIdThrows) {
  EXPECT_THROW(wl::worked_example("nope"), std::invalid_argument);
  const auto t = wl::run_gradient_descent(wl::worked_example("single-input").problem);
  EXPECT_THROW(wl::trace_value(t, wl::TraceField::pred, 7, 0), std::invalid_argument);
  EXPECT_THROW(wl::trace_value(t, wl::TraceField::pred, 0, 1), std::invalid_argument);
}

}  // namespace
