"""Test support code shared by the tests and the benchmarks: building copies of a project and
reporting what Sphinx read and wrote (:mod:`support.builds`), and the synthetic archive of N
editions (:mod:`support.synthetic_archive`)."""
