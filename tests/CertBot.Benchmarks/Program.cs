using BenchmarkDotNet.Running;
using CertBot.Benchmarks;
using CertBot.Benchmarks.ScaleOut;

// 'load' runs the scale-out load benchmark against real CertBot processes, 'steps' the benchmark conversation
// in-process step by step; anything else is BenchmarkDotNet.
return args switch
{
    ["load", .. var rest] => await ConversationLoad.RunAsync(rest),
    ["steps", .. var rest] => await TurnSteps.RunAsync(rest),
    _ => Run(args),
};

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(TurnBenchmarks).Assembly).Run(args);
    return 0;
}
