using BenchmarkDotNet.Running;

namespace Rekindle.Bench;

/// <summary>
/// Runs the benchmarks given on the command line (see bench/coach.sh and bench/requests.sh), e.g. --filter *Coach*.
/// A named class rather than top-level statements: those would declare a second <c>Program</c> beside the web app's.
/// </summary>
public static class BenchProgram
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchProgram).Assembly).Run(args);
}
