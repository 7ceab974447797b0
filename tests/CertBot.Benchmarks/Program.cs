using BenchmarkDotNet.Running;
using CertBot.Benchmarks;
using CertBot.Benchmarks.ScaleOut;

// 'load' runs the scale-out load benchmark against real CertBot processes; anything else is BenchmarkDotNet.
return args is ["load", .. var rest]
    ? await ConversationLoad.RunAsync(rest)
    : Run(args);

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(TurnBenchmarks).Assembly).Run(args);
    return 0;
}
