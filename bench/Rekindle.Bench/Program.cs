using BenchmarkDotNet.Running;

// Runs the benchmarks given on the command line (see bench/coach.sh), e.g. --filter *Coach*.
BenchmarkSwitcher.FromAssembly(typeof(Rekindle.Bench.CoachBenchmarks).Assembly).Run(args);
