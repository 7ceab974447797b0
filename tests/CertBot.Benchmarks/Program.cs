using BenchmarkDotNet.Running;
using CertBot.Benchmarks;

BenchmarkSwitcher.FromAssembly(typeof(TurnBenchmarks).Assembly).Run(args);
