//! Table-driven tests of the extractors: for each syntax, what a line yields.
